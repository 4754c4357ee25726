// V2 / ShipEngine webhook subscriptions (/environment/webhooks): one URL per event and surface.
import type { Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';

/** Both spec editions: the 2025 events, then the 2026 `_v2` events. */
export const API_WEBHOOK_EVENTS = [
  'batch',
  'carrier_connected',
  'order_source_refresh_complete',
  'rate',
  'report_complete',
  'sales_orders_imported',
  'track',
  'batch_processed_v2',
  'fulfillment_rejected_v2',
  'fulfillment_shipped_v2',
  'label_created_v2',
  'shipment_created_v2',
  'track_event_v2',
] as const;
export type ApiWebhookEvent = (typeof API_WEBHOOK_EVENTS)[number];
export type WebhookSurface = 'v2' | 'shipengine';

export interface WebhookHeader {
  key: string;
  value: string;
}

export interface ApiWebhook {
  id: number;
  accountId: number;
  surface: WebhookSurface;
  event: ApiWebhookEvent;
  url: string;
  headers: WebhookHeader[];
  name: string | null;
  storeId: number | null;
  createdAt: string;
}

export interface NewApiWebhook {
  event: string;
  url: string;
  headers?: WebhookHeader[];
  name?: string | null;
  storeId?: number | null;
}

type Row = { id: number; account_id: number; surface: string; event: string; url: string; headers: string; name: string | null; store_id: number | null; created_at: string };

export const toApiWebhook = (r: Row): ApiWebhook => ({
  id: r.id,
  accountId: r.account_id,
  surface: r.surface as WebhookSurface,
  event: r.event as ApiWebhookEvent,
  url: r.url,
  headers: JSON.parse(r.headers) as WebhookHeader[],
  name: r.name,
  storeId: r.store_id,
  createdAt: r.created_at,
});

export const isApiWebhookEvent = (value: string): value is ApiWebhookEvent => (API_WEBHOOK_EVENTS as readonly string[]).includes(value);

/** Absolute http(s) URLs without credentials: deliveries are plain HTTP POSTs to that URL. */
export function checkWebhookUrl(value: string, field = 'url'): string {
  let url: URL;
  try {
    url = new URL(String(value).trim());
  } catch {
    throw invalidField(field, `${field} must be an absolute http or https URL.`, value);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') throw invalidField(field, `${field} must use http or https.`, value);
  if (url.username || url.password) throw invalidField(field, `${field} must not carry credentials; send them in headers instead.`, value);
  return url.toString();
}

/** Header names and values are sent as given, so they must be valid in an HTTP request. */
function checkHeaders(headers: WebhookHeader[] | undefined): WebhookHeader[] {
  const list = headers ?? [];
  if (list.length > 20) throw invalidField('headers', 'At most 20 custom headers are allowed.');
  return list.map((h, i) => {
    if (!/^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/.test(h.key ?? '')) throw invalidField(`headers[${i}].key`, `headers[${i}].key is not a valid header name.`, h.key);
    if (typeof h.value !== 'string' || /[\r\n\0]/.test(h.value) || h.value.length > 1000) {
      throw invalidField(`headers[${i}].value`, `headers[${i}].value is not a valid header value.`, h.value);
    }
    return { key: h.key, value: h.value };
  });
}

function checkEvent(event: string): ApiWebhookEvent {
  if (!isApiWebhookEvent(event)) throw invalidField('event', `event must be one of ${API_WEBHOOK_EVENTS.join(', ')}.`, event);
  return event;
}

export async function createApiWebhook(ex: Executor, accountId: number, surface: WebhookSurface, input: NewApiWebhook, now: string): Promise<ApiWebhook> {
  const event = checkEvent(input.event);
  const url = checkWebhookUrl(input.url);
  const headers = checkHeaders(input.headers);
  const taken = await ex
    .selectFrom('api_webhooks')
    .select('id')
    .where('account_id', '=', accountId)
    .where('surface', '=', surface)
    .where('event', '=', event)
    .executeTakeFirst();
  const conflict = () => new DomainError('conflict', `A webhook for the ${event} event already exists; update it instead.`, 'webhook_event_type_conflict');
  if (taken) throw conflict();
  try {
    const row = await ex
      .insertInto('api_webhooks')
      .values({ account_id: accountId, surface, event, url, headers: JSON.stringify(headers), name: input.name ?? null, store_id: input.storeId ?? null, created_at: now })
      .returningAll()
      .executeTakeFirstOrThrow();
    return toApiWebhook(row);
  } catch (error) {
    // Two concurrent creations: the unique index lets one through.
    if (/unique/i.test(String((error as Error).message)) || (error as { code?: string }).code === '23505') throw conflict();
    throw error;
  }
}

export async function listApiWebhooks(ex: Executor, accountId: number, surface: WebhookSurface): Promise<ApiWebhook[]> {
  const rows = await ex.selectFrom('api_webhooks').selectAll().where('account_id', '=', accountId).where('surface', '=', surface).orderBy('id').execute();
  return rows.map(toApiWebhook);
}

export async function getApiWebhook(ex: Executor, accountId: number, surface: WebhookSurface, id: number): Promise<ApiWebhook> {
  const row = await ex
    .selectFrom('api_webhooks')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('surface', '=', surface)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('Webhook', `se-${id}`);
  return toApiWebhook(row);
}

export async function updateApiWebhook(
  ex: Executor,
  accountId: number,
  surface: WebhookSurface,
  id: number,
  change: { url?: string; headers?: WebhookHeader[]; name?: string | null; storeId?: number | null },
): Promise<void> {
  await getApiWebhook(ex, accountId, surface, id);
  const set: { url?: string; headers?: string; name?: string | null; store_id?: number | null } = {};
  if (change.url !== undefined) set.url = checkWebhookUrl(change.url);
  if (change.headers !== undefined) set.headers = JSON.stringify(checkHeaders(change.headers));
  if (change.name !== undefined) set.name = change.name;
  if (change.storeId !== undefined) set.store_id = change.storeId;
  if (Object.keys(set).length === 0) return;
  await ex.updateTable('api_webhooks').set(set).where('id', '=', id).execute();
}

/** Deliveries still queued for the webhook are cancelled when they come due. */
export async function deleteApiWebhook(ex: Executor, accountId: number, surface: WebhookSurface, id: number): Promise<void> {
  await getApiWebhook(ex, accountId, surface, id);
  await ex.deleteFrom('api_webhooks').where('id', '=', id).execute();
}

export async function findApiWebhook(ex: Executor, id: number): Promise<ApiWebhook | null> {
  const row = await ex.selectFrom('api_webhooks').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toApiWebhook(row) : null;
}

/** Every surface's subscriptions of the account to one event. */
const subscriptionsTo = preparedQuery((ex, p: { accountId: number; event: ApiWebhookEvent }) =>
  ex.selectFrom('api_webhooks').selectAll().where('account_id', '=', p.accountId).where('event', '=', p.event).orderBy('id'),
);

export async function apiSubscriptionsTo(ex: Executor, accountId: number, event: ApiWebhookEvent): Promise<ApiWebhook[]> {
  const rows = await subscriptionsTo(ex, { accountId, event });
  return rows.map(toApiWebhook);
}
