// What a label purchase reads before it writes, besides the carrier: the account's default label
// image, who hears about the new label (V1 SHIP_NOTIFY / ITEM_SHIP_NOTIFY hooks, V2 / ShipEngine
// `label_created_v2` subscriptions) and the ids the label and its packages will have. On PostgreSQL it
// all comes back in one round trip: a query there costs a loopback send and a wake-up of the server
// on each side, a good part of a purchase.
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { defaultLabelImageId } from '../label-images/images.ts';
import { embeddedLabelIds, postgresLabelIds, type LabelIds } from './store.ts';
import { apiSubscriptionsTo, toApiWebhook, type ApiWebhook } from '../webhooks/api-webhooks.ts';
import { SHIP_NOTIFY_EVENTS } from '../webhooks/events.ts';
import { subscriptionsTo, toWebhook, type Webhook } from '../webhooks/webhooks.ts';

export interface PurchaseSetup {
  ids: LabelIds;
  defaultLabelImageId: number | null;
  shipNotify: Webhook[];
  labelCreated: ApiWebhook[];
}

type Source = 'ids' | 'image' | 'v1' | 'api';

// Each table's rows as JSON: the three have different columns.
const oneRoundTrip = preparedQuery((ex, p: { accountId: number; packages: number }) =>
  ex
    .selectNoFrom([sql<Source>`'ids'`.as('source'), postgresLabelIds(p.packages).as('row')])
    .unionAll(
      ex
        .selectFrom('label_images as i')
        .select([sql<Source>`'image'`.as('source'), sql<Record<string, unknown>>`json_build_object('id', i.id)`.as('row')])
        .where('i.account_id', '=', p.accountId)
        .where('i.is_default', '=', 1),
    )
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

/** `packages`: how many packages the label has (an id each). */
export async function purchaseSetup(ex: Executor, accountId: number, packages: number): Promise<PurchaseSetup> {
  if (!onPostgres(ex)) {
    return {
      ids: await embeddedLabelIds(ex, packages),
      defaultLabelImageId: await defaultLabelImageId(ex, accountId),
      shipNotify: await subscriptionsTo(ex, accountId, SHIP_NOTIFY_EVENTS),
      labelCreated: await apiSubscriptionsTo(ex, accountId, 'label_created_v2'),
    };
  }
  const rows = await oneRoundTrip(ex, { accountId, packages });
  const of = (source: Source) => rows.filter((r) => r.source === source).map((r) => r.row);
  return {
    ids: of('ids')[0] as unknown as LabelIds,
    defaultLabelImageId: (of('image')[0]?.id as number | undefined) ?? null,
    shipNotify: of('v1').map((row) => toWebhook(row as Parameters<typeof toWebhook>[0])).sort(byId),
    labelCreated: of('api').map((row) => toApiWebhook(row as Parameters<typeof toApiWebhook>[0])).sort(byId),
  };
}
