// Sandbox reset: the account's shipping data goes (orders, shipments, rates, labels, batches,
// tracking, webhooks and their queued deliveries), its carriers and balances return to what a new
// account has. Credentials, users, stores, warehouses, products, customers, tags and the test
// clock stay.
import type { Kysely } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { provisionBuiltInCarriers } from '../carriers/connections.ts';

export interface ResetSummary {
  orders: number;
  shipments: number;
  labels: number;
  webhooks: number;
}

const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

/**
 * Tables of the batches feature (built separately) are found by name: the ones holding
 * `account_id` are emptied for the account, their children (a `batch_id` column) first.
 */
async function resetBatchTables(ex: Executor, accountId: number): Promise<void> {
  const tables = (await ex.introspection.getTables()).filter((t) => t.name.startsWith('batch'));
  const columns = (t: (typeof tables)[number]) => new Set(t.columns.map((c) => c.name));
  const parent = tables.find((t) => t.name === 'batches' && columns(t).has('account_id'));
  const db = ex as unknown as Kysely<any>;
  for (const t of tables) {
    if (t === parent) continue;
    if (columns(t).has('account_id')) await db.deleteFrom(t.name).where('account_id', '=', accountId).execute();
    else if (parent && columns(t).has('batch_id')) {
      await db.deleteFrom(t.name).where('batch_id', 'in', db.selectFrom('batches').select('id').where('account_id', '=', accountId)).execute();
    }
  }
  if (parent) await db.deleteFrom('batches').where('account_id', '=', accountId).execute();
}

export async function resetAccountData(ex: Executor, accountId: number, now: string): Promise<ResetSummary> {
  await lockRow(ex, 'accounts', accountId);
  const labels = ex.selectFrom('labels').select('id').where('account_id', '=', accountId);
  const shipments = ex.selectFrom('shipments').select('id').where('account_id', '=', accountId);
  const orders = ex.selectFrom('orders').select('id').where('account_id', '=', accountId);

  await ex.deleteFrom('jobs').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('webhook_deliveries').where('account_id', '=', accountId).execute();
  const v1Hooks = count(await ex.deleteFrom('webhooks').where('account_id', '=', accountId).executeTakeFirst());
  const apiHooks = count(await ex.deleteFrom('api_webhooks').where('account_id', '=', accountId).executeTakeFirst());
  await ex.deleteFrom('tracked_parcels').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('tracking_subscriptions').where('account_id', '=', accountId).execute();
  await resetBatchTables(ex, accountId);

  await ex.deleteFrom('carrier_ledger').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('label_documents').where('label_id', 'in', labels).execute();
  await ex.deleteFrom('label_packages').where('label_id', 'in', labels).execute();
  // Return labels point at their outbound label.
  await ex.updateTable('labels').set({ outbound_label_id: null }).where('account_id', '=', accountId).execute();
  const labelCount = count(await ex.deleteFrom('labels').where('account_id', '=', accountId).executeTakeFirst());

  await ex.deleteFrom('fulfillments').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('order_import_batches').where('order_id', 'in', orders).execute();
  await ex.deleteFrom('order_items').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('order_tags').where('order_id', 'in', orders).execute();

  await ex.deleteFrom('rates').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('rate_responses').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('shipment_tags').where('shipment_id', 'in', shipments).execute();
  const shipmentCount = count(await ex.deleteFrom('shipments').where('account_id', '=', accountId).executeTakeFirst());
  const orderCount = count(await ex.deleteFrom('orders').where('account_id', '=', accountId).executeTakeFirst());

  await ex.deleteFrom('carriers').where('account_id', '=', accountId).execute();
  await provisionBuiltInCarriers(ex, accountId, now);
  return { orders: orderCount, shipments: shipmentCount, labels: labelCount, webhooks: v1Hooks + apiHooks };
}
