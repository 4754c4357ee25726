// Who hears about a new label: V1 SHIP_NOTIFY / ITEM_SHIP_NOTIFY hooks and V2 / ShipEngine
// `label_created_v2` subscriptions. Every purchase asks; on PostgreSQL both come back in one round
// trip (a query there costs a loopback send and a wake-up of the server on each side).
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { apiSubscriptionsTo, toApiWebhook, type ApiWebhook } from './api-webhooks.ts';
import { subscriptionsTo, toWebhook, type Webhook, type WebhookEvent } from './webhooks.ts';

export interface LabelListeners {
  shipNotify: Webhook[];
  labelCreated: ApiWebhook[];
}

const SHIP_NOTIFY_EVENTS: WebhookEvent[] = ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY'];

// Each side's whole row as JSON: the two tables have different columns.
const bothTables = preparedQuery((ex, p: { accountId: number }) =>
  ex
    .selectFrom('webhooks as w')
    .select([sql<'v1' | 'api'>`'v1'`.as('source'), sql<Record<string, unknown>>`to_json(w)`.as('hook')])
    .where('w.account_id', '=', p.accountId)
    .where('w.event', 'in', SHIP_NOTIFY_EVENTS)
    .unionAll(
      ex
        .selectFrom('api_webhooks as a')
        .select([sql<'v1' | 'api'>`'api'`.as('source'), sql<Record<string, unknown>>`to_json(a)`.as('hook')])
        .where('a.account_id', '=', p.accountId)
        .where('a.event', '=', 'label_created_v2'),
    ),
);

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

export async function labelListeners(ex: Executor, accountId: number): Promise<LabelListeners> {
  if (!onPostgres(ex)) {
    return { shipNotify: await subscriptionsTo(ex, accountId, SHIP_NOTIFY_EVENTS), labelCreated: await apiSubscriptionsTo(ex, accountId, 'label_created_v2') };
  }
  const rows = await bothTables(ex, { accountId });
  const hooks = (source: 'v1' | 'api') => rows.filter((r) => r.source === source).map((r) => r.hook);
  return {
    shipNotify: hooks('v1').map((h) => toWebhook(h as Parameters<typeof toWebhook>[0])).sort(byId),
    labelCreated: hooks('api').map((h) => toApiWebhook(h as Parameters<typeof toApiWebhook>[0])).sort(byId),
  };
}
