// Sandbox reset: the account's shipping data goes (orders, shipments, rates, labels, batches,
// manifests, pickups, mail pieces, documents, tracking, webhooks and their queued deliveries, and
// shipping rules, which name the carriers), its carriers and balances return to what a new
// account has. Credentials, users, stores, warehouses, products, customers, tags and the test
// clock stay.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { provisionBuiltInCarriers } from '../carriers/connections.ts';
import { syncOrderInventory } from '../inventory/allocation.ts';

export interface ResetSummary {
  orders: number;
  shipments: number;
  labels: number;
  webhooks: number;
}

const count = (result: { numDeletedRows: bigint }) => Number(result.numDeletedRows);

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

/** Batches, manifests, pickups, combined documents and mail pieces: children before parents. */
async function resetShippingDocuments(ex: Executor, accountId: number): Promise<void> {
  const batches = ex.selectFrom('batches').select('id').where('account_id', '=', accountId);
  await ex.deleteFrom('batch_shipments').where('batch_id', 'in', batches).execute();
  await ex.deleteFrom('batches').where('account_id', '=', accountId).execute();
  const documents = ex.selectFrom('stored_documents').select('id').where('account_id', '=', accountId);
  await ex.deleteFrom('stored_document_chunks').where('document_id', 'in', documents).execute();
  await ex.deleteFrom('stored_documents').where('account_id', '=', accountId).execute();
  const manifests = ex.selectFrom('manifests').select('id').where('account_id', '=', accountId);
  await ex.deleteFrom('manifest_labels').where('manifest_id', 'in', manifests).execute();
  await ex.deleteFrom('manifests').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('manifest_requests').where('account_id', '=', accountId).execute();
  const pickups = ex.selectFrom('pickups').select('id').where('account_id', '=', accountId);
  await ex.deleteFrom('pickup_labels').where('pickup_id', 'in', pickups).execute();
  await ex.deleteFrom('pickups').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('mail_pieces').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('mailings').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('document_sends').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('attached_documents').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('label_refunds').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('shipment_annotations').where('account_id', '=', accountId).execute();
}

export async function resetAccountData(ex: Executor, accountId: number, now: string): Promise<ResetSummary> {
  await lockRow(ex, 'accounts', accountId);
  const labels = ex.selectFrom('labels').select('id').where('account_id', '=', accountId);
  const shipments = ex.selectFrom('shipments').select('id').where('account_id', '=', accountId);
  const orders = ex.selectFrom('orders').select('id').where('account_id', '=', accountId);

  await ex.deleteFrom('jobs').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('webhook_deliveries').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('request_log').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('idempotency_keys').where('account_id', '=', accountId).execute();
  const v1Hooks = count(await ex.deleteFrom('webhooks').where('account_id', '=', accountId).executeTakeFirst());
  const apiHooks = count(await ex.deleteFrom('api_webhooks').where('account_id', '=', accountId).executeTakeFirst());
  await ex.deleteFrom('tracked_parcels').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('tracking_subscriptions').where('account_id', '=', accountId).execute();
  await resetShippingDocuments(ex, accountId);
  await releaseOrderStock(ex, accountId, now);

  await ex.deleteFrom('carrier_ledger').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('insurance_ledger').where('account_id', '=', accountId).execute();
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

  // Rules name carriers, which are provisioned anew.
  await ex.deleteFrom('shipping_rules').where('account_id', '=', accountId).execute();
  await ex.deleteFrom('carriers').where('account_id', '=', accountId).execute();
  await provisionBuiltInCarriers(ex, accountId, now);
  return { orders: orderCount, shipments: shipmentCount, labels: labelCount, webhooks: v1Hooks + apiHooks };
}
