// An import is one createorder/createorders call (or one V2 sales-order creation). The orders it
// makes notifiable (see `notifies`) are recorded under its id, which ORDER_NOTIFY webhooks point at.
import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { raiseEvent } from '../events/raise.ts';
import { enqueueOrderNotify } from '../webhooks/events.ts';
import type { OrderStatus } from './types.ts';

export interface ImportBatch {
  id: string;
  orders: { id: number; storeId: number }[];
  /** Reference data (default store and warehouse, carriers) read once per import, not once per order. */
  lookups: Map<string, Promise<unknown>>;
  /** Catalog products by SKU, found or created by earlier orders of the import. */
  products: Map<string, number>;
}

export const newImportBatch = (): ImportBatch => ({ id: randomUUID(), orders: [], lookups: new Map(), products: new Map() });

/** After a failed order is rolled back, what it looked up or created may no longer exist. */
export function forgetLookups(batch: ImportBatch): void {
  batch.lookups.clear();
  batch.products.clear();
}

/** The import's copy of `key`, loaded on first use. An import never changes what it looks up. */
export function lookup<T>(batch: ImportBatch, key: string, load: () => Promise<T>): Promise<T> {
  let value = batch.lookups.get(key) as Promise<T> | undefined;
  if (!value) {
    value = load();
    batch.lookups.set(key, value);
  }
  return value;
}

/**
 * ShipStation's "new order" rule: an order created in any status but awaiting_payment, or an
 * awaiting_payment order moved to any status but cancelled (it has just been paid). Other
 * updates do not notify again.
 */
export function notifies(previous: OrderStatus | null, next: OrderStatus): boolean {
  if (previous === null) return next !== 'awaiting_payment';
  return previous === 'awaiting_payment' && next !== 'awaiting_payment' && next !== 'cancelled';
}

/** Records the batch's orders and queues its webhook deliveries (same transaction as the orders). */
export async function completeImport(ex: Executor, accountId: number, batch: ImportBatch, now: string): Promise<void> {
  if (batch.orders.length === 0) return;
  const orderIds = [...new Set(batch.orders.map((o) => o.id))];
  await ex.insertInto('order_import_batches').values(orderIds.map((orderId) => ({ batch_id: batch.id, order_id: orderId }))).execute();
  await enqueueOrderNotify(ex, accountId, batch, now);
  // V2 "On New Order Created": the import's shipments, one delivery per store of the import.
  for (const storeId of new Set(batch.orders.map((o) => o.storeId))) {
    await raiseEvent(ex, accountId, 'shipment_created_v2', { resourcePath: `/shipments?import_batch_id=${batch.id}`, storeId }, now);
  }
}
