// Webhooks: V1 subscriptions and V2 / ShipEngine ones, create and delete, and each subscription's
// delivery log with "send again" (a new delivery job of the same payload).
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { API_WEBHOOK_EVENTS, createApiWebhook, deleteApiWebhook, getApiWebhook, listApiWebhooks, type WebhookSurface } from '../../domain/webhooks/api-webhooks.ts';
import { listDeliveryAttempts, pendingDeliveries, redeliverWebhook, type WebhookKind } from '../../domain/webhooks/delivery.ts';
import { listWebhooks, subscribeWebhook, unsubscribeWebhook, WEBHOOK_EVENTS, type WebhookEvent } from '../../domain/webhooks/webhooks.ts';
import { field, formAction, idParam, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

const SURFACES: Record<string, WebhookSurface> = { v2: 'v2', shipengine: 'shipengine' };
const SURFACE_NAMES: Record<WebhookSurface, string> = { v2: 'ShipStation V2', shipengine: 'ShipEngine' };

/** "v1" or a V2 / ShipEngine surface, from the path; anything else does not exist. */
function kindParam(value: string): { kind: WebhookKind; surface: WebhookSurface | null } {
  if (value === 'v1') return { kind: 'v1', surface: null };
  const surface = SURFACES[value];
  if (!surface) throw new DomainError('not_found', `no webhook kind ${value}`);
  return { kind: 'api', surface };
}

export const webhookRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;

  app.get('/webhooks', async (request, reply) => {
    const account = accountId(request);
    const [v1, v2, shipengine, pending] = await Promise.all([
      listWebhooks(db, account),
      listApiWebhooks(db, account, 'v2'),
      listApiWebhooks(db, account, 'shipengine'),
      pendingDeliveries(db, account),
    ]);
    return render(request, reply, 'webhooks/list', {
      title: 'Webhooks',
      nav: 'webhooks',
      v1,
      api: [...v2, ...shipengine],
      surfaceNames: SURFACE_NAMES,
      v1Events: WEBHOOK_EVENTS,
      apiEvents: API_WEBHOOK_EVENTS,
      pending,
    });
  });

  app.post<{ Body: Record<string, string> }>('/webhooks', async (request, reply) =>
    formAction(request, reply, `${BASE}/webhooks`, async () => {
      const account = accountId(request);
      const url = field(request.body, 'url');
      const event = field(request.body, 'event');
      const name = field(request.body, 'name').slice(0, 100) || null;
      const now = ctx.clock.nowIso();
      const { kind, surface } = kindParam(field(request.body, 'surface') || 'v2');
      if (kind === 'v1') {
        if (!(WEBHOOK_EVENTS as readonly string[]).includes(event)) throw new DomainError('validation', `Choose a V1 event: ${WEBHOOK_EVENTS.join(', ')}.`);
        const hook = await db.transaction().execute((tx) => subscribeWebhook(tx, account, { targetUrl: url, event: event as WebhookEvent, storeId: null, friendlyName: name }, now));
        return { message: `Subscribed ${hook.targetUrl} to ${hook.event}.`, to: `${BASE}/webhooks/v1/${hook.id}` };
      }
      const hook = await db.transaction().execute((tx) => createApiWebhook(tx, account, surface!, { event, url, name }, now));
      return { message: `Subscribed ${hook.url} to ${hook.event}.`, to: `${BASE}/webhooks/${hook.surface}/${hook.id}` };
    }),
  );

  app.get<{ Params: { kind: string; id: string } }>('/webhooks/:kind/:id', async (request, reply) => {
    const account = accountId(request);
    const { kind, surface } = kindParam(request.params.kind);
    const id = idParam(request.params.id);
    const hook = surface
      ? await getApiWebhook(db, account, surface, id).then((h) => ({ id: h.id, event: h.event, url: h.url, name: h.name, createdAt: h.createdAt }))
      : await listWebhooks(db, account).then((all) => all.find((h) => h.id === id));
    if (!hook) throw new DomainError('not_found', `no webhook ${id}`);
    const attempts = await listDeliveryAttempts(db, account, kind, id, 200);
    const label = surface ? SURFACE_NAMES[surface] : 'V1';
    const view = 'targetUrl' in hook ? { id: hook.id, event: hook.event, url: hook.targetUrl, name: hook.friendlyName, createdAt: hook.createdAt } : hook;
    return render(request, reply, 'webhooks/show', {
      title: `${label} webhook ${id}`,
      nav: 'webhooks',
      hook: view,
      label,
      path: `${BASE}/webhooks/${request.params.kind}/${id}`,
      attempts,
    });
  });

  app.post<{ Params: { kind: string; id: string } }>('/webhooks/:kind/:id/delete', async (request, reply) =>
    formAction(request, reply, `${BASE}/webhooks`, async () => {
      const { surface } = kindParam(request.params.kind);
      const id = idParam(request.params.id);
      await db.transaction().execute((tx) => (surface ? deleteApiWebhook(tx, accountId(request), surface, id) : unsubscribeWebhook(tx, accountId(request), id)));
      return `Webhook ${id} deleted.`;
    }),
  );

  app.post<{ Params: { kind: string; id: string; delivery: string } }>('/webhooks/:kind/:id/deliveries/:delivery/resend', async (request, reply) => {
    kindParam(request.params.kind);
    const back = `${BASE}/webhooks/${request.params.kind}/${idParam(request.params.id)}`;
    return formAction(request, reply, back, async () => {
      await db.transaction().execute((tx) => redeliverWebhook(tx, accountId(request), idParam(request.params.delivery), ctx.clock.nowIso()));
      return 'Queued again: the delivery is sent within seconds and logged here.';
    });
  });
};
