// Sandbox reset: the account's shipping data goes (orders, shipments, rates, labels, batches,
// manifests, pickups, mail pieces, documents, tracking, webhooks and their queued deliveries, and
// shipping rules, which name the carriers), its carriers and balances return to what a new
// account has. Credentials, users, stores, warehouses, products, customers, tags and the test
// clock stay. Which tables go is the `reset` flag of the shared list in account-tables.ts.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { provisionBuiltInCarriers } from '../carriers/connections.ts';
import { syncOrderInventory } from '../inventory/allocation.ts';
import { ACCOUNT_TABLES, deleteAccountRows } from './account-tables.ts';

export interface ResetSummary {
  orders: number;
  shipments: number;
  labels: number;
  webhooks: number;
}

/**
 * Stock that the account's orders hold: allocations are released through the inventory rule (the
 * orders are cancelled first, so they want nothing), shipped units stay shipped; the ledger keeps
 * both. Then the bookkeeping rows go with the orders.
 */
async function releaseOrderStock(ex: Executor, accountId: number, now: string): Promise<void> {
  const allocated = await ex
    .selectFrom('inventory_order_stock')
    .select('order_id')
    .distinct()
    .where('account_id', '=', accountId)
    .where('state', '=', 'allocated')
    .execute();
  const orderIds = allocated.map((r) => r.order_id);
  if (orderIds.length > 0) {
    await ex.updateTable('orders').set({ status: 'cancelled' }).where('account_id', '=', accountId).where('id', 'in', orderIds).execute();
    for (const orderId of orderIds) await syncOrderInventory(ex, accountId, orderId, now);
  }
  await ex.deleteFrom('inventory_order_stock').where('account_id', '=', accountId).execute();
}

export async function resetAccountData(ex: Executor, accountId: number, now: string): Promise<ResetSummary> {
  await lockRow(ex, 'accounts', accountId);
  await ex.deleteFrom('jobs').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('webhook_deliveries').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('request_log').where('account_id', '=', accountId).execute();
  await releaseOrderStock(ex, accountId, now);

  const deleted = new Map<string, number>();
  for (const t of [...ACCOUNT_TABLES].reverse()) {
    if (t.reset) deleted.set(t.table, await deleteAccountRows(ex, t, accountId));
  }
  await provisionBuiltInCarriers(ex, accountId, now);
  const n = (table: string) => deleted.get(table) ?? 0;
  return { orders: n('orders'), shipments: n('shipments'), labels: n('labels'), webhooks: n('webhooks') + n('api_webhooks') };
}
