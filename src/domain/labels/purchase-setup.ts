// What a label purchase reads of the account's setup, besides the carrier: its default label image,
// and who hears about the new label (V1 SHIP_NOTIFY / ITEM_SHIP_NOTIFY hooks, V2 / ShipEngine
// `label_created_v2` subscriptions). On PostgreSQL it all comes back in one round trip: a query there
// costs a loopback send and a wake-up of the server on each side, a good part of a purchase.
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { defaultLabelImageId } from '../label-images/images.ts';
import { apiSubscriptionsTo, toApiWebhook, type ApiWebhook } from '../webhooks/api-webhooks.ts';
import { subscriptionsTo, toWebhook, type Webhook, type WebhookEvent } from '../webhooks/webhooks.ts';

export interface PurchaseSetup {
  defaultLabelImageId: number | null;
  shipNotify: Webhook[];
  labelCreated: ApiWebhook[];
}

const SHIP_NOTIFY_EVENTS: WebhookEvent[] = ['SHIP_NOTIFY', 'ITEM_SHIP_NOTIFY'];

type Source = 'image' | 'v1' | 'api';

// Each table's rows as JSON: the three have different columns.
const oneRoundTrip = preparedQuery((ex, p: { accountId: number }) =>
  ex
    .selectFrom('label_images as i')
    .select([sql<Source>`'image'`.as('source'), sql<Record<string, unknown>>`json_build_object('id', i.id)`.as('row')])
    .where('i.account_id', '=', p.accountId)
    .where('i.is_default', '=', 1)
    .unionAll(
      ex
        .selectFrom('webhooks as w')
        .select([sql<Source>`'v1'`.as('source'), sql<Record<string, unknown>>`to_json(w)`.as('row')])
        .where('w.account_id', '=', p.accountId)
        .where('w.event', 'in', SHIP_NOTIFY_EVENTS),
    )
    .unionAll(
      ex
        .selectFrom('api_webhooks as a')
        .select([sql<Source>`'api'`.as('source'), sql<Record<string, unknown>>`to_json(a)`.as('row')])
        .where('a.account_id', '=', p.accountId)
        .where('a.event', '=', 'label_created_v2'),
    ),
);

const byId = (a: { id: number }, b: { id: number }) => a.id - b.id;

export async function purchaseSetup(ex: Executor, accountId: number): Promise<PurchaseSetup> {
  if (!onPostgres(ex)) {
    return {
      defaultLabelImageId: await defaultLabelImageId(ex, accountId),
      shipNotify: await subscriptionsTo(ex, accountId, SHIP_NOTIFY_EVENTS),
      labelCreated: await apiSubscriptionsTo(ex, accountId, 'label_created_v2'),
    };
  }
  const rows = await oneRoundTrip(ex, { accountId });
  const of = (source: Source) => rows.filter((r) => r.source === source).map((r) => r.row);
  return {
    defaultLabelImageId: (of('image')[0]?.id as number | undefined) ?? null,
    shipNotify: of('v1').map((row) => toWebhook(row as Parameters<typeof toWebhook>[0])).sort(byId),
    labelCreated: of('api').map((row) => toApiWebhook(row as Parameters<typeof toApiWebhook>[0])).sort(byId),
  };
}
