// V1 webhook subscriptions: an event, a target URL and optionally one store.
import type { Executor } from '../../db/index.ts';
import { preparedForCount } from '../../db/prepared.ts';
import { invalidField, notFound } from '../errors.ts';
import { findStore } from '../stores/stores.ts';

export const WEBHOOK_EVENTS = ['ORDER_NOTIFY', 'ITEM_ORDER_NOTIFY', 'SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY', 'FULFILLMENT_SHIPPED', 'FULFILLMENT_REJECTED'] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

export interface Webhook {
  id: number;
  accountId: number;
  event: WebhookEvent;
  targetUrl: string;
  /** null: every store of the account. */
  storeId: number | null;
  friendlyName: string | null;
  createdAt: string;
}

export interface NewWebhook {
  targetUrl: string;
  event: WebhookEvent;
  storeId: number | null;
  friendlyName: string | null;
}

type Row = { id: number; account_id: number; event: string; target_url: string; store_id: number | null; friendly_name: string | null; created_at: string };

export const toWebhook = (r: Row): Webhook => ({
  id: r.id,
  accountId: r.account_id,
  event: r.event as WebhookEvent,
  targetUrl: r.target_url,
  storeId: r.store_id,
  friendlyName: r.friendly_name,
  createdAt: r.created_at,
});

/** Only absolute http(s) URLs: deliveries are plain HTTP POSTs. */
function checkTargetUrl(value: string): string {
  let url: URL;
  try {
    url = new URL(value.trim());
  } catch {
    throw invalidField('target_url', `target_url must be an absolute http or https URL, got "${value}".`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField('target_url', 'target_url must use http or https.');
  return url.toString();
}

export async function subscribeWebhook(ex: Executor, accountId: number, input: NewWebhook, now: string): Promise<Webhook> {
  const targetUrl = checkTargetUrl(input.targetUrl);
  if (input.storeId !== null && !(await findStore(ex, accountId, input.storeId))) {
    throw invalidField('store_id', `Store ${input.storeId} was not found.`);
  }
  const row = await ex
    .insertInto('webhooks')
    .values({ account_id: accountId, event: input.event, target_url: targetUrl, store_id: input.storeId, friendly_name: input.friendlyName, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWebhook(row);
}

export async function listWebhooks(ex: Executor, accountId: number): Promise<Webhook[]> {
  return (await ex.selectFrom('webhooks').selectAll().where('account_id', '=', accountId).orderBy('id').execute()).map(toWebhook);
}

/** Deliveries still queued for the webhook are dropped when they come due. */
export async function unsubscribeWebhook(ex: Executor, accountId: number, id: number): Promise<void> {
  const result = await ex.deleteFrom('webhooks').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('Webhook', id);
}

export async function findWebhook(ex: Executor, id: number): Promise<Webhook | null> {
  const row = await ex.selectFrom('webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toWebhook(row) : null;
}

/** The account's subscriptions to these events, whatever store they are bound to. */
export async function subscriptionsTo(ex: Executor, accountId: number, events: readonly WebhookEvent[]): Promise<Webhook[]> {
  return (await subscriptionsQuery(ex, events.length, [accountId, ...events])).map(toWebhook);
}
// Every label purchase and order import asks: compiled once per list length.
const subscriptionsQuery = preparedForCount((ex, p, count) =>
  ex
    .selectFrom('webhooks')
    .selectAll()
    .where('account_id', '=', p[0] as number)
    .where('event', 'in', Array.from({ length: count }, (_, i) => p[i + 1] as WebhookEvent))
    .orderBy('id'),
);

/** A hook bound to a store hears only about that store; an unbound one about every store. */
export const covers = (hook: Webhook, storeId: number | null): boolean => hook.storeId === null || hook.storeId === storeId;
