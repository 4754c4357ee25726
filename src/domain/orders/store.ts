// Reading orders back: rows plus their items and tags, assembled into Orders.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { OrderItemsTable, OrdersTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Order, OrderBody, OrderItem, OrderItemInput, OrderStatus } from './types.ts';

export type OrderRow = Selectable<OrdersTable>;
type ItemRow = Selectable<OrderItemsTable>;

/** The parts of an item that live in its JSON body. */
export type ItemBody = Omit<OrderItemInput, 'lineItemKey' | 'sku' | 'name' | 'quantity' | 'unitPriceCents' | 'productId'>;

// Object.assign onto the parsed body, not `{ ...body, id, ... }`: V8 spreads a parsed object and
// then adds two dozen keys on a slow path, ten times the cost of the parse (60 us an order).
function toItem(row: ItemRow): OrderItem {
  return Object.assign(JSON.parse(row.body) as ItemBody, {
    id: row.id,
    lineItemKey: row.line_item_key,
    sku: row.sku,
    name: row.name,
    quantity: row.quantity,
    unitPriceCents: row.unit_price_cents,
    productId: row.product_id,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  });
}

function toOrder(row: OrderRow, items: OrderItem[], tagIds: number[]): Order {
  return Object.assign(JSON.parse(row.body) as OrderBody, {
    id: row.id,
    accountId: row.account_id,
    storeId: row.store_id,
    orderKey: row.order_key,
    orderNumber: row.order_number,
    status: row.status as OrderStatus,
    active: row.active === 1,
    customerId: row.customer_id,
    customerEmail: row.customer_email,
    customerUsername: row.customer_username,
    orderDate: row.order_date,
    paymentDate: row.payment_date,
    shipByDate: row.ship_by_date,
    shipDate: row.ship_date,
    holdUntil: row.hold_until_at,
    userId: row.user_id,
    orderTotalCents: row.order_total_cents,
    amountPaidCents: row.amount_paid_cents,
    taxAmountCents: row.tax_amount_cents,
    shippingAmountCents: row.shipping_amount_cents,
    items,
    tagIds,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  });
}

/** Assembles rows into Orders with two more queries in all (items, tags), whatever the page size. */
export async function assembleOrders(ex: Executor, rows: OrderRow[]): Promise<Order[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [itemRows, tagRows] = await Promise.all([
    ex.selectFrom('order_items').selectAll().where('order_id', 'in', ids).orderBy('order_id').orderBy('position').execute(),
    ex.selectFrom('order_tags').select(['order_id', 'tag_id']).where('order_id', 'in', ids).orderBy('tag_id').execute(),
  ]);
  const items = new Map<number, OrderItem[]>();
  for (const row of itemRows) (items.get(row.order_id) ?? items.set(row.order_id, []).get(row.order_id)!).push(toItem(row));
  const tags = new Map<number, number[]>();
  for (const row of tagRows) (tags.get(row.order_id) ?? tags.set(row.order_id, []).get(row.order_id)!).push(row.tag_id);
  return rows.map((row) => toOrder(row, items.get(row.id) ?? [], tags.get(row.id) ?? []));
}

/** Live (not deleted) order of the account, or null. */
export async function findOrder(ex: Executor, accountId: number, id: number): Promise<Order | null> {
  const row = await ex.selectFrom('orders').selectAll().where('id', '=', id).where('account_id', '=', accountId).where('active', '=', 1).executeTakeFirst();
  return row ? (await assembleOrders(ex, [row]))[0] : null;
}

export async function getOrder(ex: Executor, accountId: number, id: number): Promise<Order> {
  const order = await findOrder(ex, accountId, id);
  if (!order) throw notFound('Order', id);
  return order;
}

/** Any order row with this key, deleted ones included (keys stay unique per account). */
export async function findOrderRowByKey(ex: Executor, accountId: number, orderKey: string): Promise<OrderRow | null> {
  return (await ex.selectFrom('orders').selectAll().where('account_id', '=', accountId).where('order_key', '=', orderKey).executeTakeFirst()) ?? null;
}

/** Loads live orders by id; throws naming the first id that is missing. */
export async function requireOrderRows(ex: Executor, accountId: number, ids: number[]): Promise<OrderRow[]> {
  const unique = [...new Set(ids)];
  const rows = unique.length === 0 ? [] : await ex.selectFrom('orders').selectAll().where('account_id', '=', accountId).where('active', '=', 1).where('id', 'in', unique).execute();
  const found = new Set(rows.map((r) => r.id));
  const missing = unique.find((id) => !found.has(id));
  if (missing !== undefined) throw notFound('Order', missing);
  return rows;
}

export const parseBody = (row: OrderRow): OrderBody => JSON.parse(row.body) as OrderBody;
