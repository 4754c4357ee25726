// createorder: an upsert by orderKey (or orderId) that replaces the whole order. Side effects in
// the same transaction: the customer and catalog products behind it, its V2 shipment, the
// hold-release job, and its place in the import batch that ORDER_NOTIFY webhooks point at.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { DomainError, invalidField } from '../errors.ts';
import { upsertCustomer } from '../customers/customers.ts';
import { syncOrderInventory } from '../inventory/allocation.ts';
import { productsForItems } from '../products/products.ts';
import { defaultStore, findStore, getStore, type Store } from '../stores/stores.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { lookup, notifies, type ImportBatch } from './import-batch.ts';
import { getOrder, type ItemBody, type OrderRow } from './store.ts';
import { carrierIdForCode, syncShipment } from './shipment-sync.ts';
import { itemKeywords, orderTotalCents, orderWeight } from './totals.ts';
import { UPDATABLE_STATUSES, type Order, type OrderBody, type OrderInput, type OrderItemInput, type OrderStatus } from './types.ts';

export interface SaveContext {
  now: string;
  batch: ImportBatch;
  /** A V2 shipment that already is this order's shipment (V2 create_sales_order). */
  linkShipmentId?: number;
}

export interface ReleaseHoldPayload {
  orderId: number;
  holdUntil: string;
}

/**
 * Reads an order row and, on PostgreSQL, locks it until the transaction ends (a no-op UPDATE
 * takes the row lock on both engines), so concurrent imports of one order apply one after another.
 */
export async function lockOrderRow(ex: Executor, accountId: number, by: { id: number } | { key: string }): Promise<OrderRow | null> {
  let query = ex.updateTable('orders').set({ modified_at: sql`modified_at` }).where('account_id', '=', accountId);
  query = 'id' in by ? query.where('id', '=', by.id) : query.where('order_key', '=', by.key);
  return (await query.returningAll().executeTakeFirst()) ?? null;
}

async function existingRow(ex: Executor, accountId: number, input: OrderInput): Promise<OrderRow | null> {
  if (input.orderId !== null) {
    const byId = await lockOrderRow(ex, accountId, { id: input.orderId });
    if (byId) {
      if (input.orderKey !== null && input.orderKey !== byId.order_key) {
        throw invalidField('orderKey', `Order ${byId.id} has orderKey ${byId.order_key}; an orderKey is set when the order is created and cannot change.`);
      }
      return byId;
    }
  }
  return input.orderKey === null ? null : lockOrderRow(ex, accountId, { key: input.orderKey });
}

async function storeFor(ex: Executor, accountId: number, storeId: number | null, batch: ImportBatch): Promise<Store> {
  if (storeId === null) return lookup(batch, 'default-store', () => defaultStore(ex, accountId));
  const store = await lookup(batch, `store-${storeId}`, () => findStore(ex, accountId, storeId));
  if (!store) throw invalidField('advancedOptions.storeId', `Store ${storeId} was not found.`);
  if (!store.active) throw invalidField('advancedOptions.storeId', `Store ${storeId} is inactive; reactivate it before adding orders to it.`);
  return store;
}

/** Checks the tags and warehouse an order names; returns the warehouse it ships from. */
async function resolveReferences(ex: Executor, accountId: number, input: OrderInput, batch: ImportBatch): Promise<number | null> {
  const tagIds = [...new Set(input.tagIds ?? [])];
  if (tagIds.length > 0) {
    const found = new Set((await ex.selectFrom('tags').select('id').where('account_id', '=', accountId).where('id', 'in', tagIds).execute()).map((t) => t.id));
    const missing = tagIds.find((id) => !found.has(id));
    if (missing !== undefined) throw invalidField('tagIds', `Tag ${missing} was not found.`);
  }
  const warehouseId = input.advancedOptions.warehouseId;
  let query = ex.selectFrom('warehouses').select('id').where('account_id', '=', accountId).where('deleted_at', 'is', null);
  query = warehouseId === null ? query.where('is_default', '=', 1) : query.where('id', '=', warehouseId);
  const warehouse = await lookup(batch, `warehouse-${warehouseId ?? 'default'}`, () => query.executeTakeFirst());
  if (warehouseId !== null && !warehouse) throw invalidField('advancedOptions.warehouseId', `Warehouse ${warehouseId} was not found.`);
  // Orders without a warehouse ship from the account's default one, as on ShipStation.
  return warehouse?.id ?? null;
}

export function bodyOf(input: OrderInput, warehouseId: number | null, previous: OrderBody | null): OrderBody {
  return {
    billTo: input.billTo,
    shipTo: input.shipTo,
    customerNotes: input.customerNotes,
    internalNotes: input.internalNotes,
    gift: input.gift,
    giftMessage: input.giftMessage,
    paymentMethod: input.paymentMethod,
    requestedShippingService: input.requestedShippingService,
    carrierCode: input.carrierCode,
    serviceCode: input.serviceCode,
    packageCode: input.packageCode,
    confirmation: input.confirmation,
    weight: orderWeight(input.weight, input.items),
    dimensions: input.dimensions,
    insuranceOptions: input.insuranceOptions,
    internationalOptions: input.internationalOptions,
    advancedOptions: { ...input.advancedOptions, warehouseId },
    shipping: previous?.shipping ?? null,
  };
}

const itemBody = (item: OrderItemInput): ItemBody => ({
  imageUrl: item.imageUrl,
  weight: item.weight,
  taxAmountCents: item.taxAmountCents,
  shippingAmountCents: item.shippingAmountCents,
  warehouseLocation: item.warehouseLocation,
  options: item.options,
  fulfillmentSku: item.fulfillmentSku,
  adjustment: item.adjustment,
  upc: item.upc,
});

export function itemColumns(item: OrderItemInput, position: number) {
  return {
    position,
    line_item_key: item.lineItemKey,
    sku: item.sku,
    name: item.name,
    quantity: item.quantity,
    unit_price_cents: item.unitPriceCents,
    product_id: item.productId,
    keywords: itemKeywords(item),
    body: JSON.stringify(itemBody(item)),
  };
}

/** Which stored line a posted line is: its lineItemKey, else its SKU and name (nth occurrence). */
const itemIdentity = (item: { lineItemKey: string | null; sku: string | null; name: string }) =>
  item.lineItemKey !== null ? `key:${item.lineItemKey}` : `sku:${item.sku ?? ''}\u0000${item.name}`;

/**
 * Replaces the order's lines. A posted line that matches a stored one keeps its orderItemId and
 * createDate (and its modifyDate when nothing about it changed), so re-posting an order is stable.
 */
async function replaceItems(ex: Executor, accountId: number, orderId: number, items: OrderItemInput[], isNew: boolean, now: string): Promise<void> {
  const stored = isNew ? [] : await ex.selectFrom('order_items').selectAll().where('order_id', '=', orderId).orderBy('position').execute();
  const pool = new Map<string, typeof stored>();
  for (const row of stored) {
    const id = itemIdentity({ lineItemKey: row.line_item_key, sku: row.sku, name: row.name });
    (pool.get(id) ?? pool.set(id, []).get(id)!).push(row);
  }
  const inserts = [];
  for (const [position, item] of items.entries()) {
    const columns = itemColumns(item, position);
    const match = pool.get(itemIdentity(item))?.shift();
    if (!match) {
      inserts.push({ ...columns, account_id: accountId, order_id: orderId, created_at: now, modified_at: now });
      continue;
    }
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).some((k) => match[k] !== columns[k]);
    if (changed) await ex.updateTable('order_items').set({ ...columns, modified_at: now }).where('id', '=', match.id).execute();
  }
  const leftover = [...pool.values()].flat().map((r) => r.id);
  if (leftover.length > 0) await ex.deleteFrom('order_items').where('id', 'in', leftover).execute();
  if (inserts.length > 0) await ex.insertInto('order_items').values(inserts).execute();
}

export async function replaceOrderTags(ex: Executor, orderId: number, tagIds: number[]): Promise<void> {
  await ex.deleteFrom('order_tags').where('order_id', '=', orderId).execute();
  const unique = [...new Set(tagIds)];
  if (unique.length > 0) await ex.insertInto('order_tags').values(unique.map((tagId) => ({ order_id: orderId, tag_id: tagId }))).execute();
}

export async function scheduleHoldRelease(ex: Executor, accountId: number, orderId: number, holdUntil: string, now: string): Promise<void> {
  await enqueueJobs(ex, [{ kind: 'release_hold', accountId, payload: { orderId, holdUntil } satisfies ReleaseHoldPayload, runAt: holdUntil }], now);
}

function refuseLocked(row: OrderRow): never {
  throw new DomainError(
    'business_rules',
    `Order ${row.order_number} (orderId ${row.id}, orderKey ${row.order_key}) is ${row.status} and can no longer be updated; only awaiting_payment, awaiting_shipment, pending_fulfillment and on_hold orders can be.`,
    'invalid_status',
  );
}

/** The filterable columns of an order row (everything but its key, store, body and dates of record). */
export function orderColumns(input: OrderInput, items: OrderItemInput[], customerId: number | null, now: string) {
  return {
    order_number: input.orderNumber,
    order_number_search: input.orderNumber.toLowerCase(),
    status: input.status,
    active: 1 as const,
    customer_id: customerId,
    customer_email: input.customerEmail,
    customer_username: input.customerUsername,
    bill_to_name: input.billTo.name,
    ship_to_name: input.shipTo.name,
    ship_to_country: input.shipTo.country?.toUpperCase() ?? null,
    order_date: input.orderDate,
    payment_date: input.paymentDate,
    ship_by_date: input.shipByDate,
    ship_date: input.shipDate,
    hold_until_at: input.status === 'on_hold' ? input.holdUntil : null,
    order_total_cents: orderTotalCents(items, input.taxAmountCents, input.shippingAmountCents),
    amount_paid_cents: input.amountPaidCents,
    tax_amount_cents: input.taxAmountCents,
    shipping_amount_cents: input.shippingAmountCents,
    modified_at: now,
  };
}

export async function saveOrder(ex: Executor, accountId: number, input: OrderInput, ctx: SaveContext): Promise<Order> {
  const { now, batch } = ctx;
  let existing = await existingRow(ex, accountId, input);
  if (existing && existing.active === 1 && !UPDATABLE_STATUSES.has(existing.status as OrderStatus)) refuseLocked(existing);

  // An order stays in the store it was created in.
  const store = existing ? await getStore(ex, accountId, existing.store_id) : await storeFor(ex, accountId, input.storeId, batch);
  const warehouseId = await resolveReferences(ex, accountId, input, batch);
  const customerId = input.customerEmail?.trim()
    ? await upsertCustomer(
        ex,
        accountId,
        {
          email: input.customerEmail,
          username: input.customerUsername,
          address: input.shipTo,
          marketplace: { id: store.marketplaceId, name: store.marketplaceName },
        },
        now,
      )
    : null;
  const productIds = await productsForItems(ex, accountId, input.items, now, batch.products);
  const items = input.items.map((item, i) => ({ ...item, productId: productIds[i] }));
  const holdUntil = input.status === 'on_hold' ? input.holdUntil : null;
  const columns = orderColumns(input, items, customerId, now);

  let orderId: number;
  if (!existing) {
    const inserted = await ex
      .insertInto('orders')
      .values({
        ...columns,
        account_id: accountId,
        store_id: store.id,
        order_key: input.orderKey ?? randomUUID(),
        user_id: null,
        body: JSON.stringify(bodyOf(input, warehouseId, null)),
        created_at: now,
      })
      // Another transaction may create the same orderKey first (PostgreSQL): then this is an update.
      .onConflict((oc) => oc.columns(['account_id', 'order_key']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      existing = await lockOrderRow(ex, accountId, { key: input.orderKey! });
      if (existing && existing.active === 1 && !UPDATABLE_STATUSES.has(existing.status as OrderStatus)) refuseLocked(existing);
    }
    orderId = inserted?.id ?? existing!.id;
  } else {
    orderId = existing.id;
  }
  if (existing) {
    const previousBody = JSON.parse(existing.body) as OrderBody;
    await ex
      .updateTable('orders')
      .set({ ...columns, body: JSON.stringify(bodyOf(input, warehouseId, previousBody)) })
      .where('id', '=', orderId)
      .execute();
  }

  await replaceItems(ex, accountId, orderId, items, !existing, now);
  if (input.tagIds !== null) await replaceOrderTags(ex, orderId, input.tagIds);
  if (holdUntil !== null && holdUntil !== existing?.hold_until_at) await scheduleHoldRelease(ex, accountId, orderId, holdUntil, now);

  const order = await getOrder(ex, accountId, orderId);
  if (ctx.linkShipmentId !== undefined) {
    await ex.updateTable('shipments').set({ order_id: orderId }).where('id', '=', ctx.linkShipmentId).where('account_id', '=', accountId).execute();
  } else {
    const carrierId = await lookup(batch, `carrier-${order.carrierCode}`, () => carrierIdForCode(ex, accountId, order.carrierCode));
    await syncShipment(ex, order, { carrierId, importBatchId: batch.id, isNew: !existing, now });
  }
  const previousStatus = existing && existing.active === 1 ? (existing.status as OrderStatus) : null;
  if (notifies(previousStatus, order.status)) batch.orders.push({ id: order.id, storeId: order.storeId });
  await syncOrderInventory(ex, accountId, order.id, now);
  return order;
}
