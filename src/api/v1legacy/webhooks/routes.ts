import type { FastifyPluginAsync } from 'fastify';
import { listWebhooks, subscribeWebhook, unsubscribeWebhook, WEBHOOK_EVENTS, type WebhookEvent } from '../../../domain/webhooks/webhooks.ts';
import { actingAccount } from '../../common/context.ts';
import { intParam, optionalRowId } from '../shared/params.ts';

const subscribeBody = {
  type: 'object',
  required: ['target_url', 'event'],
  properties: {
    target_url: { type: 'string', minLength: 1, maxLength: 2000 },
    event: { type: 'string', enum: WEBHOOK_EVENTS },
    store_id: optionalRowId,
    friendly_name: { type: ['string', 'null'], maxLength: 200 },
  },
} as const;

export const v1WebhookRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['v1 webhooks'];

  // ShipStation's own (PascalCase) serialization of its webhook records.
  app.get('/webhooks', { schema: { tags } }, async (request) => {
    const hooks = await listWebhooks(db, actingAccount(request).id);
    return {
      webhooks: hooks.map((h) => ({
        IsLabelAPIHook: false,
        WebHookID: h.id,
        SellerID: h.accountId,
        StoreID: h.storeId,
        HookType: h.event,
        MessageFormat: 'Json',
        Url: h.targetUrl,
        Name: h.friendlyName,
        BulkCopyBatchID: null,
        BulkCopyRecordID: null,
        Active: true,
        WebhookLogs: [],
        Seller: null,
        Store: null,
      })),
    };
  });

  app.post<{ Body: { target_url: string; event: WebhookEvent; store_id?: number | null; friendly_name?: string | null } }>(
    '/webhooks/subscribe',
    { schema: { tags, body: subscribeBody } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const b = request.body;
      const hook = await db.transaction().execute((tx) =>
        subscribeWebhook(tx, accountId, { targetUrl: b.target_url, event: b.event, storeId: b.store_id || null, friendlyName: b.friendly_name ?? null }, app.ctx.clock.nowIso()),
      );
      return { id: hook.id };
    },
  );

  app.delete<{ Params: { webhookId: number } }>('/webhooks/:webhookId', { schema: { tags, params: intParam('webhookId') } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => unsubscribeWebhook(tx, accountId, request.params.webhookId));
    return reply.code(200).send();
  });
};
