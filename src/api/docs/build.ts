// Builds the served OpenAPI documents, one per surface, from the routes Shipdock registers: each
// route takes its official operation (summary, description, parameters, bodies, responses,
// examples) where the official specs have one, so the documents list exactly what runs and say
// exactly what the contract says. Routes the specs do not describe take their route schemas plus
// the notes in extensions.ts.
import { extensionDoc, shipdockExtensionNote, type ExtensionDoc } from './extensions.ts';
import {
  HTTP_METHODS,
  listedOperations,
  openApiSpec,
  operationShape,
  v1OperationDetails,
  v1Responses,
  type Json,
  type OpenApiFile,
} from './official-specs.ts';

export type DocumentId = 'v2' | 'shipengine' | 'v1' | 'sandbox';

export interface RouteAuth {
  public?: boolean;
  partner?: boolean;
}

interface Surface {
  id: DocumentId;
  name: string;
  title: string;
  description: string;
  /** The official file whose components the document carries unprefixed. */
  primary?: OpenApiFile;
  /** The twin file an operation is borrowed from when the primary lacks it (components prefixed). */
  twin?: { file: OpenApiFile; prefix: string; from: string; to: string };
  securitySchemes: Json;
  security: Json[];
}

const apiKeyScheme = (description: string) => ({ type: 'apiKey', in: 'header', name: 'API-Key', description });
const PARTNER_SCHEMES = {
  partner_key: apiKeyScheme('A partner API key (SHIPDOCK_PARTNER_API_KEY). Alone it calls the Partner API; with On-Behalf-Of it calls any ShipEngine endpoint as that account.'),
  on_behalf_of: { type: 'apiKey', in: 'header', name: 'On-Behalf-Of', description: 'The account_id of one of the partner\'s accounts (e.g. `2` or `se-2`).' },
};

export const SURFACES: Surface[] = [
  {
    id: 'v2',
    name: 'ShipStation V2',
    title: 'ShipStation API V2 (Shipdock)',
    description: 'ShipStation API V2 as Shipdock serves it at `/v2`. Operations, descriptions and schemas are the official ones; operations the 2025 V2 file lacks take their ShipEngine twin\'s description. Authenticate with `API-Key` (the key printed at first start).',
    primary: 'shipstation-v2.openapi.yaml',
    twin: { file: 'shipengine.openapi.yaml', prefix: 'se__', from: '/v2/', to: '/v1/' },
    securitySchemes: { api_keys: { type: 'apiKey', in: 'header', name: 'API-Key', description: 'Your ShipStation V2 API key.' } },
    security: [{ api_keys: [] }],
  },
  {
    id: 'shipengine',
    name: 'ShipEngine /v1 + Partner API',
    title: 'ShipEngine API (Shipdock)',
    description: 'ShipEngine as Shipdock serves it at `/v1`, with the Partner API (`/v1/partners/...`) and carrier registration. Authenticate with `API-Key`, or as a partner with the partner key plus `On-Behalf-Of`.',
    primary: 'shipengine.openapi.yaml',
    twin: { file: 'shipstation-v2.openapi.yaml', prefix: 'v2__', from: '/v1/', to: '/v2/' },
    securitySchemes: { api_key: apiKeyScheme('An account API key.'), ...PARTNER_SCHEMES },
    security: [{ api_key: [] }, { partner_key: [], on_behalf_of: [] }],
  },
  {
    id: 'v1',
    name: 'ShipStation V1 (legacy)',
    title: 'ShipStation V1 API, legacy (Shipdock)',
    description: 'ShipStation V1 (legacy) as Shipdock serves it at the root. Responses follow Shipdock\'s V1 contract (reference/specs/v1-responses.json, written from the V1 docs). Authenticate with HTTP Basic: the V1 API key as user name, the secret as password.',
    securitySchemes: { basic_auth: { type: 'http', scheme: 'basic', description: 'V1 API key : V1 API secret.' } },
    security: [{ basic_auth: [] }],
  },
  {
    id: 'sandbox',
    name: 'Shipdock sandbox & extensions',
    title: 'Shipdock sandbox and extensions',
    description: 'Not a ShipStation API: Shipdock\'s sandbox controls (test clock, magic values, webhook triggers and replay, request log, reset) and the webhook signing keys. Turned off with SHIPDOCK_SANDBOX=false. Authenticate with an account `API-Key` (or a partner key with `On-Behalf-Of`).',
    securitySchemes: { api_key: apiKeyScheme('An account API key.'), ...PARTNER_SCHEMES },
    security: [{ api_key: [] }, { partner_key: [], on_behalf_of: [] }],
  },
];

/** Which document a route belongs to; null for what is not an API (dashboard, the docs themselves). */
export function documentOf(path: string): DocumentId | null {
  if (path === '/app' || path.startsWith('/app/') || path === '/docs' || path.startsWith('/docs/')) return null;
  if (path.startsWith('/v2/')) return 'v2';
  if (path.startsWith('/v1/')) return 'shipengine';
  if (path === '/jwks' || path.startsWith('/sandbox/')) return 'sandbox';
  return 'v1';
}

const clone = <T>(value: T): T => structuredClone(value);
const REF = /^#\/components\/([A-Za-z]+)\/(.+)$/;

/** Deep copy with every `$ref` rewritten. */
function mapRefs(value: unknown, rewrite: (ref: string) => string): any {
  if (Array.isArray(value)) return value.map((v) => mapRefs(v, rewrite));
  if (value && typeof value === 'object') {
    const out: Json = {};
    for (const [k, v] of Object.entries(value)) out[k] = k === '$ref' && typeof v === 'string' ? rewrite(v) : mapRefs(v, rewrite);
    return out;
  }
  return value;
}

function* refsIn(value: unknown): Generator<string> {
  if (Array.isArray(value)) for (const v of value) yield* refsIn(v);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') yield v;
      else yield* refsIn(v);
    }
  }
}

/** Components reachable from the paths, copied from their sources (prefixed names from the twin). */
function collectComponents(paths: Json, sources: { prefix: string; components: Json }[]): Json {
  const components: Json = {};
  const queue = [...refsIn(paths)];
  const seen = new Set<string>();
  while (queue.length) {
    const ref = queue.pop()!;
    if (seen.has(ref)) continue;
    seen.add(ref);
    const match = REF.exec(ref);
    if (!match) continue;
    const [, kind, name] = match;
    const source = sources.find((s) => s.prefix && name.startsWith(s.prefix)) ?? sources.find((s) => !s.prefix)!;
    const original = source.components[kind]?.[name.slice(source.prefix.length)];
    if (original === undefined) continue;
    const copy = mapRefs(original, (r) => prefixRef(r, source.prefix));
    (components[kind] ??= {})[safeName(name)] = copy;
    queue.push(...refsIn(copy));
  }
  return components;
}

/** Component names are `[a-zA-Z0-9._-]+` (the ShipEngine file has "Allowed incoterms"). */
const safeName = (name: string) => name.replace(/[^a-zA-Z0-9._-]/g, '_');
const safeRef = (ref: string) => ref.replace(REF, (_m, kind, name) => `#/components/${kind}/${safeName(name)}`);

const prefixRef = (ref: string, prefix: string) => (prefix ? ref.replace(REF, (_m, kind, name) => `#/components/${kind}/${prefix}${name}`) : ref);

interface OfficialOperation {
  path: string;
  operation: Json;
  prefix: string;
}

function officialIndex(file: OpenApiFile): Map<string, { path: string; operation: Json }> {
  const index = new Map<string, { path: string; operation: Json }>();
  for (const [path, item] of Object.entries(openApiSpec(file).paths as Json)) {
    for (const method of HTTP_METHODS) {
      const operation = item[method];
      if (!operation) continue;
      // Path-level parameters belong to every operation of the path.
      const parameters = [...(item.parameters ?? []), ...(operation.parameters ?? [])];
      index.set(operationShape(`${method} ${path}`), { path, operation: { ...operation, ...(parameters.length ? { parameters } : {}) } });
    }
  }
  return index;
}

function findOfficial(surface: Surface, method: string, path: string, indexes: Map<OpenApiFile, ReturnType<typeof officialIndex>>): OfficialOperation | null {
  if (!surface.primary) return null;
  const index = (file: OpenApiFile) => indexes.get(file) ?? indexes.set(file, officialIndex(file)).get(file)!;
  const primary = index(surface.primary).get(operationShape(`${method} ${path}`));
  if (primary) return { ...primary, prefix: '' };
  const { twin } = surface;
  if (!twin) return null;
  const borrowed = index(twin.file).get(operationShape(`${method} ${path.replace(twin.from, twin.to)}`));
  if (!borrowed) return null;
  // The twin's path with this surface's prefix; its parameter names match the description.
  return { path: borrowed.path.replace(twin.to, twin.from), operation: mapRefs(borrowed.operation, (r) => prefixRef(r, twin.prefix)), prefix: twin.prefix };
}

const IDEMPOTENCY_HEADER = {
  name: 'Idempotency-Key',
  in: 'header',
  required: false,
  description: 'Shipdock extension: retries with the same key return the stored response without buying again.',
  schema: { type: 'string', minLength: 1, maxLength: 255 },
};

/** Adds what Shipdock documents on the route (extension notes, the Idempotency-Key header). */
function withShipdockNotes(operation: Json, route: Json): Json {
  const note: string | undefined = route.description;
  if (note && !String(operation.description ?? '').includes(note)) {
    operation.description = [operation.description, `**Shipdock:** ${note}`].filter(Boolean).join('\n\n');
  }
  return withIdempotencyHeader(operation, note);
}

function withIdempotencyHeader(operation: Json, note: string | undefined): Json {
  if (note?.includes('Idempotency-Key') && !(operation.parameters ?? []).some((p: Json) => p.name === 'Idempotency-Key')) {
    operation.parameters = [...(operation.parameters ?? []), IDEMPOTENCY_HEADER];
  }
  return operation;
}

const isDefaultResponse = (response: Json) => response?.description === 'Default Response' && !response.content;

/** A route the official files do not describe: its own schemas plus the hand-written notes. */
function fromRoute(route: Json, extra: ExtensionDoc | undefined, listed: { summary?: string; operationId?: string }): Json {
  const operation = clone(route);
  const summary = extra?.summary ?? listed.summary ?? operation.summary;
  if (summary) operation.summary = summary;
  if (listed.operationId) operation.operationId = listed.operationId;
  const description = [extra?.description, listed.summary ? shipdockExtensionNote : undefined, route.description].filter(Boolean).join('\n\n');
  if (description) operation.description = description;
  if (extra?.parameters) operation.parameters = [...(operation.parameters ?? []), ...extra.parameters];
  if (extra?.responses) {
    for (const [status, response] of Object.entries(operation.responses ?? {})) if (isDefaultResponse(response as Json)) delete operation.responses[status];
    operation.responses = { ...extra.responses, ...operation.responses };
  }
  for (const response of Object.values(operation.responses ?? {}) as Json[]) if (response.description === 'Default Response') response.description = 'OK';
  if (extra?.tags) operation.tags = extra.tags;
  return withIdempotencyHeader(operation, route.description);
}

function securityOf(auth: RouteAuth | undefined, extra: ExtensionDoc | undefined): Json[] | undefined {
  if (auth?.public || extra?.security === 'none') return [];
  if (auth?.partner) return [{ partner_key: [] }];
  return undefined; // the document's
}

const V1_ERROR = { description: 'Error (ASP.NET-style body).', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };

function v1Operation(method: string, path: string, route: Json): { path: string; operation: Json } {
  const key = `${method.toUpperCase()} ${path}`;
  const listed = listedOperations('v1-operations.tsv').find((op) => operationShape(`${op.method} ${op.path}`) === operationShape(key));
  const operation = clone(route);
  const officialPath = listed?.path ?? path;
  const officialKey = `${method.toUpperCase()} ${officialPath}`;
  if (listed) {
    operation.summary = listed.summary.replace(/\s*\(.*\)\s*$/, '');
    // "Create/Update Order" → createUpdateOrder: stable ids for deep links and generated clients.
    operation.operationId = operation.summary.split(/[^A-Za-z0-9]+/).filter(Boolean).map((w: string, i: number) => (i ? w[0].toUpperCase() + w.slice(1) : w.toLowerCase())).join('');
    const details = v1OperationDetails().get(officialKey);
    operation.description = [listed.summary.includes('(') ? listed.summary : undefined, details, route.description ? `**Shipdock:** ${route.description}` : undefined].filter(Boolean).join('\n\n');
  }
  const contract = v1Responses().operations?.[officialKey] as Json | undefined;
  const responses: Json = {};
  for (const [status, schema] of Object.entries(contract ?? {})) {
    responses[status] = { description: Number(status) === 204 ? 'No Content' : 'OK', content: { 'application/json': { schema: mapRefs(schema, (r) => r.replace('#/$defs/', '#/components/schemas/')) } } };
  }
  if (!Object.keys(responses).length) Object.assign(responses, Object.fromEntries(Object.entries(operation.responses ?? {}).filter(([, r]) => !isDefaultResponse(r as Json))));
  Object.assign(responses, { 400: V1_ERROR, 401: V1_ERROR, 404: V1_ERROR });
  operation.responses = responses;
  operation.tags = [(operation.tags?.[0] ?? officialPath.split('/')[1]).replace(/^v1 /, '')];
  withIdempotencyHeader(operation, route.description);
  // Path parameters take the V1 docs' names, position by position.
  const names = (template: string) => [...template.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]);
  const [routeNames, officialNames] = [names(path), names(officialPath)];
  for (const parameter of operation.parameters ?? []) {
    const at = parameter.in === 'path' ? routeNames.indexOf(parameter.name) : -1;
    if (at >= 0 && officialNames[at]) parameter.name = officialNames[at];
  }
  return { path: officialPath, operation };
}

/** Builds every document from @fastify/swagger's description of the registered routes. */
export function buildDocuments(registered: Json, auth: Map<string, RouteAuth>, publicUrl: string): Record<DocumentId, Json> {
  const indexes = new Map<OpenApiFile, ReturnType<typeof officialIndex>>();
  const v2Listed = new Map(listedOperations('v2-operations.tsv').map((op) => [operationShape(`${op.method} ${op.path}`), op]));
  const paths: Record<DocumentId, Json> = { v2: {}, shipengine: {}, v1: {}, sandbox: {} };

  for (const [routePath, item] of Object.entries(registered.paths as Json)) {
    const id = documentOf(routePath);
    if (!id) continue;
    const surface = SURFACES.find((s) => s.id === id)!;
    for (const method of HTTP_METHODS) {
      const route = item[method] as Json | undefined;
      if (!route) continue;
      const shape = operationShape(`${method} ${routePath}`);
      const extra = extensionDoc(`${method.toUpperCase()} ${routePath}`);
      let path = routePath;
      let operation: Json;
      if (id === 'v1') {
        ({ path, operation } = v1Operation(method, routePath, route));
      } else {
        const official = extra?.replacesOfficial ? null : findOfficial(surface, method, routePath, indexes);
        if (official) {
          path = official.path;
          operation = withShipdockNotes(clone(official.operation), route);
          // The V2 operation list has the live ids (the 2025 file and ShipEngine twins differ).
          const listed = id === 'v2' ? v2Listed.get(shape) : undefined;
          if (listed?.operationId) operation.operationId = listed.operationId;
        } else {
          operation = fromRoute(route, extra, (id === 'v2' && v2Listed.get(shape)) || {});
        }
      }
      const security = securityOf(auth.get(shape), extra);
      if (security) operation.security = security;
      else delete operation.security;
      if (!operation.tags?.length) operation.tags = [id];
      (paths[id][path] ??= {})[method] = operation;
    }
  }

  for (const id of Object.keys(paths) as DocumentId[]) uniqueOperationIds(paths[id]);
  const documents = {} as Record<DocumentId, Json>;
  for (const surface of SURFACES) {
    const sources: { prefix: string; components: Json }[] = [];
    if (surface.id === 'v1') sources.push({ prefix: '', components: { schemas: mapRefs(v1Responses().$defs, (r) => r.replace('#/$defs/', '#/components/schemas/')) } });
    else if (surface.primary) sources.push({ prefix: '', components: openApiSpec(surface.primary).components });
    else sources.push({ prefix: '', components: registered.components ?? {} });
    if (surface.twin) sources.push({ prefix: surface.twin.prefix, components: openApiSpec(surface.twin.file).components });
    const docPaths = sortPaths(paths[surface.id]);
    const components = collectComponents(docPaths, sources);
    delete components.securitySchemes;
    const usedTags = new Set(Object.values(docPaths).flatMap((item: Json) => Object.values(item).flatMap((op: Json) => op.tags ?? [])));
    const officialTags: Json[] = surface.primary ? (openApiSpec(surface.primary).tags ?? []) : [];
    const tags = [...usedTags].sort().map((name) => officialTags.find((t) => t.name === name) ?? { name, ...(TAG_NOTES[name] ? { description: TAG_NOTES[name] } : {}) });
    documents[surface.id] = {
      openapi: '3.1.0',
      info: { title: surface.title, version: registered.info?.version ?? '0.1.0', description: surface.description },
      servers: [{ url: publicUrl, description: 'This Shipdock server' }],
      security: surface.security,
      tags,
      // Redoc-style groups: the Partner API apart within ShipEngine, one group elsewhere.
      'x-tagGroups': surface.id === 'shipengine' ? tagGroups(tags.map((t) => t.name)) : [{ name: surface.name, tags: tags.map((t) => t.name) }],
      paths: mapRefs(docPaths, safeRef),
      components: { ...mapRefs(components, safeRef), securitySchemes: surface.securitySchemes },
    };
  }
  return documents;
}

const TAG_NOTES: Record<string, string> = {
  partners: 'Partner API: create and manage the accounts of a partner (partner key only).',
  registration: 'Carrier registration for ShipStation-funded ("walleted") carriers.',
  sandbox: "Shipdock extension, not a ShipStation API: the account's test clock, magic values, webhook triggers, request log and reset.",
  webhooks: 'Webhook signing keys: deliveries are signed with RSA-SHA256 (x-shipengine-* headers).',
};

function tagGroups(tags: string[]): Json[] {
  const partner: string[] = tags.filter((t) => t === 'partners' || t === 'registration');
  return [
    { name: 'ShipEngine', tags: tags.filter((t) => !partner.includes(t)) },
    { name: 'Partner API', tags: partner },
  ];
}

/** Swagger UI links operations by id; the ShipEngine file names two operations `create_tag`. */
function uniqueOperationIds(paths: Json) {
  const seen = new Set<string>();
  for (const [path, item] of Object.entries(paths).sort(([a], [b]) => a.localeCompare(b))) {
    for (const [method, operation] of Object.entries(item as Json)) {
      if (!operation.operationId) continue;
      if (seen.has(operation.operationId)) operation.operationId = `${method}${path.replace(/[^A-Za-z0-9]+/g, '_')}`.replace(/_+$/, '');
      seen.add(operation.operationId);
    }
  }
}

function sortPaths(paths: Json): Json {
  return Object.fromEntries(Object.entries(paths).sort(([a], [b]) => a.localeCompare(b)));
}
