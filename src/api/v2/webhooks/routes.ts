// /environment/webhooks: V2 and ShipEngine webhook subscriptions. Each surface keeps its own
// subscriptions, delivered in its own dialect (resource URLs under /v2 or /v1).
import * as hooks from '../../../domain/webhooks/api-webhooks.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';

const header = {
  type: 'object',
  required: ['key', 'value'],
  properties: { key: { type: 'string', minLength: 1, maxLength: 100 }, value: { type: 'string', maxLength: 1000 } },
} as const;
const headers = { type: 'array', maxItems: 20, items: header } as const;
const url = { type: 'string', minLength: 1, maxLength: 2000 } as const;
const name = { type: 'string', maxLength: 200 } as const;
const storeId = { type: 'integer', minimum: 1, maximum: 2_147_483_647 } as const;

// `event` is checked by the domain so the 400 names the field and lists the values.
const createBody = {
  type: 'object',
  required: ['event', 'url'],
  properties: { event: { type: 'string', maxLength: 100 }, url, headers, name, store_id: storeId },
} as const;
const updateBody = { type: 'object', properties: { url, headers, name, store_id: storeId } } as const;

interface CreateBody {
  event: string;
  url: string;
  headers?: hooks.WebhookHeader[];
  name?: string;
  store_id?: number;
}
type UpdateBody = Partial<Omit<CreateBody, 'event'>>;

export const webhookRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  // The 2025 V2 schema has no name or store_id (and forbids extra properties); ShipEngine's 2026 one has both.
  const toWire = (w: hooks.ApiWebhook) => ({
    webhook_id: seId(w.id),
    url: w.url,
    event: w.event,
    headers: w.headers,
    ...(surface === 'shipengine' && w.name !== null ? { name: w.name } : {}),
    ...(surface === 'shipengine' && w.storeId !== null ? { store_id: w.storeId } : {}),
  });
  const idOf = (params: { webhook_id: string }) => parseSeId(params.webhook_id)!;
  const tags = ['webhooks'];

  app.get('/environment/webhooks', { schema: { tags } }, async (request) =>
    (await hooks.listApiWebhooks(db, actingAccount(request).id, surface)).map(toWire),
  );

  app.post<{ Body: CreateBody }>('/environment/webhooks', { schema: { tags, body: createBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { event, url: target, headers: custom, name: label, store_id: store } = request.body;
    const created = await db.transaction().execute((tx) =>
      hooks.createApiWebhook(tx, accountId, surface, { event, url: target, headers: custom, name: label ?? null, storeId: store ?? null }, now()),
    );
    return toWire(created);
  });

  app.get<{ Params: { webhook_id: string } }>('/environment/webhooks/:webhook_id', { schema: { tags, params: seIdParam('webhook_id') } }, async (request) =>
    toWire(await hooks.getApiWebhook(db, actingAccount(request).id, surface, idOf(request.params))),
  );

  app.put<{ Params: { webhook_id: string }; Body: UpdateBody }>(
    '/environment/webhooks/:webhook_id',
    { schema: { tags, params: seIdParam('webhook_id'), body: updateBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const { url: target, headers: custom, name: label, store_id: store } = request.body ?? {};
      await db.transaction().execute((tx) => hooks.updateApiWebhook(tx, accountId, surface, idOf(request.params), { url: target, headers: custom, name: label, storeId: store }));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { webhook_id: string } }>('/environment/webhooks/:webhook_id', { schema: { tags, params: seIdParam('webhook_id') } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => hooks.deleteApiWebhook(tx, accountId, surface, idOf(request.params)));
    return reply.code(204).send();
  });
};
