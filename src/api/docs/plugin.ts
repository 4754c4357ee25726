// /docs: Swagger UI over one OpenAPI document per surface (/docs/openapi/<surface>.json), built on
// the first request from the registered routes and the official specs, never at start.
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import type { AppContext } from '../common/context.ts';
import { operationShape, type Json } from './official-specs.ts';
import { buildDocuments, SURFACES, type DocumentId, type RouteAuth } from './build.ts';

export const DOCS_PREFIX = '/docs';
export const documentUrl = (id: DocumentId) => `${DOCS_PREFIX}/openapi/${id}.json`;

export async function registerApiDocs(app: FastifyInstance, ctx: AppContext) {
  // Route auth lives in route config, which @fastify/swagger does not keep.
  const auth = new Map<string, RouteAuth>();
  app.addHook('onRoute', (route) => {
    const config = route.config as RouteAuth | undefined;
    if (!config?.public && !config?.partner) return;
    for (const method of [route.method].flat()) auth.set(operationShape(`${method} ${route.url}`), { public: config.public, partner: config.partner });
  });

  await app.register(swagger, { openapi: { openapi: '3.1.0', info: { title: 'Shipdock', version: '0.1.0' } } });

  let documents: Record<DocumentId, Json> | undefined;
  const documentsOf = () => (documents ??= buildDocuments(app.swagger() as Json, auth, ctx.config.publicUrl));
  const serialized = new Map<DocumentId, string>();
  const serializedOf = (id: DocumentId) => serialized.get(id) ?? serialized.set(id, JSON.stringify(documentsOf()[id])).get(id)!;

  await app.register(swaggerUi, {
    routePrefix: DOCS_PREFIX,
    uiConfig: {
      urls: SURFACES.map((s) => ({ name: s.name, url: documentUrl(s.id) })),
      'urls.primaryName': SURFACES[0].name,
      persistAuthorization: true,
      displayOperationId: false,
      filter: true,
    } as Record<string, unknown>,
    // /docs/json and /docs/yaml (one document before there were several): the first surface's.
    transformSpecificationClone: false,
    transformSpecification: () => documentsOf()[SURFACES[0].id],
  });

  app.get<{ Params: { surface: string } }>(`${DOCS_PREFIX}/openapi/:surface`, { schema: { hide: true } }, async (request, reply) => {
    const id = request.params.surface.replace(/\.json$/, '') as DocumentId;
    if (!SURFACES.some((s) => s.id === id)) return reply.code(404).send({ message: `No API document ${request.params.surface}; try ${SURFACES.map((s) => documentUrl(s.id)).join(', ')}.` });
    return reply.type('application/json; charset=utf-8').send(serializedOf(id));
  });
}
