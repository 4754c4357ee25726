// Turning changes into webhook deliveries. Each delivery is a job written in the transaction of
// the change; its payload names a resource path that lists exactly the records of the event.
// The path is made absolute (config.publicUrl) when the job runs.
import type { Executor } from '../../db/index.ts';
import { enqueueJobs, type NewJob } from '../../jobs/queue.ts';
import { WEBHOOK_DELIVERY_JOB, type WebhookDeliveryPayload } from './delivery.ts';
import { covers, subscriptionsTo, type Webhook, type WebhookEvent } from './webhooks.ts';

/** What ORDER_NOTIFY needs of an import (orders/import-batch.ts's ImportBatch has it). */
export interface NotifyingImport {
  id: string;
  orders: { storeId: number }[];
}

const delivery = (hook: Webhook, resourcePath: string, now: string): NewJob => ({
  kind: WEBHOOK_DELIVERY_JOB,
  accountId: hook.accountId,
  payload: { source: 'v1', webhookId: hook.id, resourceType: hook.event, resourcePath } satisfies WebhookDeliveryPayload,
  runAt: now,
});

/**
 * ORDER_NOTIFY / ITEM_ORDER_NOTIFY for the orders one import made notifiable. A hook bound to a
 * store hears only about that store's orders, and its resource URL lists only those.
 */
export async function enqueueOrderNotify(ex: Executor, accountId: number, batch: NotifyingImport, now: string): Promise<void> {
  if (batch.orders.length === 0) return;
  const stores = new Set(batch.orders.map((o) => o.storeId));
  const hooks = await subscriptionsTo(ex, accountId, ['ORDER_NOTIFY', 'ITEM_ORDER_NOTIFY']);
  const jobs = hooks.flatMap((hook) => {
    if (hook.storeId === null) return [delivery(hook, `/orders?importBatchId=${batch.id}`, now)];
    return stores.has(hook.storeId) ? [delivery(hook, `/orders?importBatchId=${batch.id}&storeId=${hook.storeId}`, now)] : [];
  });
  await enqueueJobs(ex, jobs, now);
}

/** The V1 events of a label bought (the subscribers enqueueShipNotify takes). */
export const SHIP_NOTIFY_EVENTS: readonly WebhookEvent[] = ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY'];

/**
 * SHIP_NOTIFY / ITEM_SHIP_NOTIFY for a batch of shipments (labels) of one store. Called by the
 * label engine in the transaction that creates the labels; `/shipments?batchId=` lists them.
 */
export async function enqueueShipNotify(ex: Executor, subscribers: Webhook[], batchId: string | number, storeId: number | null, now: string): Promise<void> {
  const hooks = subscribers.filter((hook) => SHIP_NOTIFY_EVENTS.includes(hook.event) && covers(hook, storeId));
  const path = (hook: Webhook) => `/shipments?batchId=${encodeURIComponent(String(batchId))}&includeShipmentItems=${hook.event === 'ITEM_SHIP_NOTIFY' ? 'True' : 'False'}`;
  await enqueueJobs(ex, hooks.map((hook) => delivery(hook, path(hook), now)), now);
}

/** FULFILLMENT_SHIPPED for one fulfillment (an order marked as shipped without a label). */
export async function enqueueFulfillmentShipped(ex: Executor, accountId: number, fulfillmentId: number, storeId: number, now: string): Promise<void> {
  const hooks = (await subscriptionsTo(ex, accountId, ['FULFILLMENT_SHIPPED'])).filter((hook) => covers(hook, storeId));
  await enqueueJobs(ex, hooks.map((hook) => delivery(hook, `/fulfillments?fulfillmentId=${fulfillmentId}`, now)), now);
}
