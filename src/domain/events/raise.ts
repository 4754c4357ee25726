// Raising a V2 / ShipEngine webhook event: one delivery job per subscription, written in the
// caller's transaction so a committed change always has its deliveries and a rolled-back one none.
import type { Executor } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { apiSubscriptionsTo, type ApiWebhook, type ApiWebhookEvent } from '../webhooks/api-webhooks.ts';
import { WEBHOOK_DELIVERY_JOB, type DataRef, type WebhookDeliveryPayload } from '../webhooks/delivery.ts';

export type { ApiWebhookEvent } from '../webhooks/api-webhooks.ts';

export interface RaisedEvent {
  /**
   * The resource the receiver reads back with its API key, relative to the surface root, e.g.
   * `/batches/se-12` or `/labels?batch_id=se-12`: `/v2` or `/v1` is put in front per subscription.
   */
  resourcePath: string;
  /** Inline data (tracking events carry the tracking information). */
  data?: unknown;
  /** Or a reference to it, resolved when delivered (see registerDataResolver). */
  dataRef?: DataRef;
  /** Events of one store reach only subscriptions bound to that store, or to none. */
  storeId?: number | null;
}

/** ShipEngine names its payloads API_TRACK, API_BATCH...; the 2026 `_v2` events use their own name. */
export function resourceTypeOf(event: ApiWebhookEvent): string {
  return event.endsWith('_v2') ? event.toUpperCase() : `API_${event.toUpperCase()}`;
}

const surfacePrefix = (hook: ApiWebhook) => (hook.surface === 'v2' ? '/v2' : '/v1');

/**
 * Queues the deliveries of `event` to every subscription of the account (on either surface).
 * Returns how many were queued. The batches feature calls it on completion:
 * `raiseEvent(tx, accountId, 'batch', { resourcePath: '/batches/se-12' }, now)` and
 * `raiseEvent(tx, accountId, 'batch_processed_v2', { resourcePath: '/batches/se-12' }, now)`.
 */
export async function raiseEvent(ex: Executor, accountId: number, event: ApiWebhookEvent, payload: RaisedEvent, now: string): Promise<number> {
  return raiseEvents(ex, accountId, [{ event, payload }], now);
}

export interface PendingEvent {
  event: ApiWebhookEvent;
  payload: RaisedEvent;
}

const JOBS_PER_INSERT = 500;

/** Many events at once (tracking events passed by a clock advance), in the order given. */
export async function raiseEvents(ex: Executor, accountId: number, events: PendingEvent[], now: string): Promise<number> {
  if (events.length === 0) return 0;
  const hooksByEvent = new Map<ApiWebhookEvent, ApiWebhook[]>();
  for (const name of new Set(events.map((e) => e.event))) hooksByEvent.set(name, await apiSubscriptionsTo(ex, accountId, name));
  return queueDeliveries(ex, accountId, events, hooksByEvent, now);
}

/** One event to subscriptions the caller already read (they must all be to `event`). */
export async function raiseEventTo(ex: Executor, accountId: number, subscribers: ApiWebhook[], event: ApiWebhookEvent, payload: RaisedEvent, now: string): Promise<number> {
  return queueDeliveries(ex, accountId, [{ event, payload }], new Map([[event, subscribers.filter((hook) => hook.event === event)]]), now);
}

async function queueDeliveries(ex: Executor, accountId: number, events: PendingEvent[], hooksByEvent: Map<ApiWebhookEvent, ApiWebhook[]>, now: string): Promise<number> {
  const jobs = events.flatMap(({ event, payload }) =>
    hooksByEvent
      .get(event)!
      .filter((hook) => hook.storeId === null || payload.storeId === undefined || payload.storeId === null || hook.storeId === payload.storeId)
      .map((hook) => ({
        kind: WEBHOOK_DELIVERY_JOB,
        accountId,
        payload: {
          source: 'api',
          webhookId: hook.id,
          resourceType: resourceTypeOf(event),
          resourcePath: `${surfacePrefix(hook)}${payload.resourcePath}`,
          ...(payload.data === undefined ? {} : { data: payload.data }),
          ...(payload.dataRef === undefined ? {} : { dataRef: payload.dataRef }),
        } satisfies WebhookDeliveryPayload,
        runAt: now,
      })),
  );
  for (let i = 0; i < jobs.length; i += JOBS_PER_INSERT) await enqueueJobs(ex, jobs.slice(i, i + JOBS_PER_INSERT), now);
  return jobs.length;
}

/** Whether anyone listens: lets callers skip building payloads nobody receives. */
export async function hasSubscribers(ex: Executor, accountId: number, events: ApiWebhookEvent[]): Promise<boolean> {
  const row = await ex.selectFrom('api_webhooks').select('id').where('account_id', '=', accountId).where('event', 'in', events).executeTakeFirst();
  return Boolean(row);
}
