// What can happen to an order after it is imported: tags, users, holds, deletion and shipping.
// Rule violations are `business_rules` DomainErrors; unknown orders, tags and users `not_found`.
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { createFulfillment, type Fulfillment } from '../fulfillments/fulfillments.ts';
import { findStore } from '../stores/stores.ts';
import { MARKETPLACES } from '../stores/marketplaces.ts';
import { findShipmentByOrder, setShipmentStatus } from '../shipments/store.ts';
import { enqueueFulfillmentShipped } from '../webhooks/events.ts';
import { syncOrderInventory } from '../inventory/allocation.ts';
import { raiseEvent } from '../events/raise.ts';
import { lockOrderRow, replaceOrderTags, scheduleHoldRelease, type ReleaseHoldPayload } from './save.ts';
import { parseBody, requireOrderRows, type OrderRow } from './store.ts';
import type { OrderStatus } from './types.ts';

async function liveOrderRow(ex: Executor, accountId: number, orderId: number): Promise<OrderRow> {
  const row = await lockOrderRow(ex, accountId, { id: orderId });
  if (!row || row.active !== 1) throw notFound('Order', orderId);
  return row;
}

const touch = (ex: Executor, orderId: number, now: string) => ex.updateTable('orders').set({ modified_at: now }).where('id', '=', orderId).execute();

/** Keeps the V2 shipment's tags equal to the order's. */
async function syncTags(ex: Executor, accountId: number, orderId: number): Promise<void> {
  const shipment = await findShipmentByOrder(ex, accountId, orderId);
  if (!shipment) return;
  const tags = await ex.selectFrom('order_tags').select('tag_id').where('order_id', '=', orderId).execute();
  await ex.deleteFrom('shipment_tags').where('shipment_id', '=', shipment.id).execute();
  if (tags.length > 0) await ex.insertInto('shipment_tags').values(tags.map((t) => ({ shipment_id: shipment.id, tag_id: t.tag_id }))).execute();
}

async function requireTag(ex: Executor, accountId: number, tagId: number): Promise<void> {
  const tag = await ex.selectFrom('tags').select('id').where('account_id', '=', accountId).where('id', '=', tagId).executeTakeFirst();
  if (!tag) throw notFound('Tag', tagId);
}

/** Adding a tag the order already has changes nothing and still succeeds. */
export async function addOrderTag(ex: Executor, accountId: number, orderId: number, tagId: number, now: string): Promise<void> {
  await liveOrderRow(ex, accountId, orderId);
  await requireTag(ex, accountId, tagId);
  const tags = await ex.selectFrom('order_tags').select('tag_id').where('order_id', '=', orderId).execute();
  if (tags.some((t) => t.tag_id === tagId)) return;
  await replaceOrderTags(ex, orderId, [...tags.map((t) => t.tag_id), tagId]);
  await touch(ex, orderId, now);
  await syncTags(ex, accountId, orderId);
}

export async function removeOrderTag(ex: Executor, accountId: number, orderId: number, tagId: number, now: string): Promise<void> {
  await liveOrderRow(ex, accountId, orderId);
  await requireTag(ex, accountId, tagId);
  const result = await ex.deleteFrom('order_tags').where('order_id', '=', orderId).where('tag_id', '=', tagId).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw new DomainError('business_rules', `Order ${orderId} is not tagged with tag ${tagId}.`);
  await touch(ex, orderId, now);
  await syncTags(ex, accountId, orderId);
}

/** All or nothing: one unknown order id and no order changes. */
export async function assignUser(ex: Executor, accountId: number, orderIds: number[], userId: string, now: string): Promise<void> {
  const user = await ex
    .selectFrom('users')
    .select(['id', 'status'])
    .where('account_id', '=', accountId)
    .where('id', '=', userId.toLowerCase())
    .executeTakeFirst();
  if (!user) throw notFound('User', userId);
  if (user.status !== 'active') throw new DomainError('business_rules', `User ${userId} is not active and cannot be assigned orders.`);
  await requireOrderRows(ex, accountId, orderIds);
  await ex.updateTable('orders').set({ user_id: user.id, modified_at: now }).where('account_id', '=', accountId).where('id', 'in', orderIds).execute();
}

export async function unassignUser(ex: Executor, accountId: number, orderIds: number[], now: string): Promise<void> {
  await requireOrderRows(ex, accountId, orderIds);
  await ex.updateTable('orders').set({ user_id: null, modified_at: now }).where('account_id', '=', accountId).where('id', 'in', orderIds).execute();
}

function refuseFinal(row: OrderRow, action: string): void {
  if (row.status === 'shipped' || row.status === 'cancelled') {
    throw new DomainError('business_rules', `Order ${row.id} is ${row.status} and cannot be ${action}.`, 'invalid_status');
  }
}

/** on_hold until `holdUntil`; the release job then moves it back to awaiting_shipment. */
export async function holdOrderUntil(ex: Executor, accountId: number, orderId: number, holdUntil: string, now: string): Promise<void> {
  const row = await liveOrderRow(ex, accountId, orderId);
  refuseFinal(row, 'held');
  await ex.updateTable('orders').set({ status: 'on_hold', hold_until_at: holdUntil, modified_at: now }).where('id', '=', orderId).execute();
  if (holdUntil !== row.hold_until_at) await scheduleHoldRelease(ex, accountId, orderId, holdUntil, now);
  await syncOrderInventory(ex, accountId, orderId, now);
}

export async function restoreFromHold(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  const row = await liveOrderRow(ex, accountId, orderId);
  if (row.status !== 'on_hold') throw new DomainError('business_rules', `Order ${orderId} is ${row.status}, not on_hold.`, 'invalid_status');
  await ex.updateTable('orders').set({ status: 'awaiting_shipment', hold_until_at: null, modified_at: now }).where('id', '=', orderId).execute();
  await syncOrderInventory(ex, accountId, orderId, now);
}

/**
 * The job side of holdOrderUntil. It releases only the hold it was scheduled for: an order
 * restored, re-held to another date or changed meanwhile is left alone. Returns whether it released.
 */
export async function releaseHold(ex: Executor, accountId: number, payload: ReleaseHoldPayload, now: string): Promise<boolean> {
  const result = await ex
    .updateTable('orders')
    .set({ status: 'awaiting_shipment', hold_until_at: null, modified_at: now })
    .where('id', '=', payload.orderId)
    .where('account_id', '=', accountId)
    .where('active', '=', 1)
    .where('status', '=', 'on_hold')
    .where('hold_until_at', '=', payload.holdUntil)
    .executeTakeFirst();
  const released = Number(result.numUpdatedRows) > 0;
  if (released) await syncOrderInventory(ex, accountId, payload.orderId, now);
  return released;
}

async function cancelPendingShipment(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  const shipment = await findShipmentByOrder(ex, accountId, orderId);
  if (shipment?.status === 'pending') await setShipmentStatus(ex, accountId, shipment.id, 'cancelled', now);
}

/** Soft delete: the order leaves lists and lookups; its orderKey stays taken (re-importing it revives the order). */
export async function deleteOrder(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  await liveOrderRow(ex, accountId, orderId);
  await ex.updateTable('orders').set({ active: 0, hold_until_at: null, modified_at: now }).where('id', '=', orderId).execute();
  await cancelPendingShipment(ex, accountId, orderId, now);
  await syncOrderInventory(ex, accountId, orderId, now);
}

export interface MarkAsShipped {
  carrierCode: string;
  /** YYYY-MM-DD */
  shipDate: string;
  trackingNumber: string | null;
  notifyCustomer: boolean;
  notifySalesChannel: boolean;
}

/** The user an account's API actions are attributed to: its owner (first user). */
async function accountOwner(ex: Executor, accountId: number): Promise<string | null> {
  const row = await ex.selectFrom('users').select('id').where('account_id', '=', accountId).orderBy('created_at').orderBy('id').executeTakeFirst();
  return row?.id ?? null;
}

/** markasshipped: shipped without a label. Records a fulfillment and announces it (FULFILLMENT_SHIPPED). */
export async function markAsShipped(ex: Executor, accountId: number, orderId: number, input: MarkAsShipped, now: string): Promise<Fulfillment> {
  const row = await liveOrderRow(ex, accountId, orderId);
  if (row.status === 'shipped') throw new DomainError('business_rules', `Order ${orderId} has already been shipped.`, 'invalid_status');
  refuseFinal(row, 'marked as shipped');
  await ex.updateTable('orders').set({ status: 'shipped', ship_date: input.shipDate, hold_until_at: null, modified_at: now }).where('id', '=', orderId).execute();
  const store = await findStore(ex, accountId, row.store_id);
  const marketplace = MARKETPLACES.find((m) => m.marketplaceId === store?.marketplaceId);
  const fulfillment = await createFulfillment(
    ex,
    accountId,
    {
      orderId,
      orderNumber: row.order_number,
      userId: await accountOwner(ex, accountId),
      customerEmail: row.customer_email,
      trackingNumber: input.trackingNumber,
      carrierCode: input.carrierCode,
      shipDate: input.shipDate,
      shipTo: parseBody(row).shipTo,
      notifyCustomer: input.notifyCustomer,
      // Only channels that accept shipment confirmations can be notified.
      marketplaceNotified: input.notifySalesChannel && marketplace?.canConfirmShipments === true,
    },
    now,
  );
  await enqueueFulfillmentShipped(ex, accountId, fulfillment.id, row.store_id, now);
  await syncOrderInventory(ex, accountId, orderId, now);
  const shipment = await findShipmentByOrder(ex, accountId, orderId);
  const resourcePath = `/fulfillments?fulfillment_id=se-${fulfillment.id}${shipment ? `&shipment_id=se-${shipment.id}` : ''}`;
  await raiseEvent(ex, accountId, 'fulfillment_shipped_v2', { resourcePath, storeId: row.store_id }, now);
  return fulfillment;
}

export interface LabelShipment {
  carrierCode: string;
  serviceCode: string;
  trackingNumber: string;
  /** YYYY-MM-DD */
  shipDate: string;
  labelId?: number;
}

/**
 * For the label engine: a label was bought for the order, so it is shipped with that carrier and
 * service. Several labels for one order are allowed (the latest wins); cancelled or deleted
 * orders are refused.
 */
export async function markOrderShipped(ex: Executor, accountId: number, orderId: number, label: LabelShipment, now = new Date().toISOString()): Promise<void> {
  const row = await liveOrderRow(ex, accountId, orderId);
  if (row.status === 'cancelled') throw new DomainError('business_rules', `Order ${orderId} is cancelled and cannot be shipped.`, 'invalid_status');
  const body = parseBody(row);
  const shipped = {
    ...body,
    carrierCode: label.carrierCode,
    serviceCode: label.serviceCode,
    shipping: { trackingNumber: label.trackingNumber, labelId: label.labelId ?? null },
  };
  await ex
    .updateTable('orders')
    .set({ status: 'shipped' satisfies OrderStatus, ship_date: label.shipDate, hold_until_at: null, body: JSON.stringify(shipped), modified_at: now })
    .where('id', '=', orderId)
    .execute();
  await syncOrderInventory(ex, accountId, orderId, now);
}

/**
 * For the label engine: the order's label was voided, so a shipped order goes back to
 * awaiting_shipment and forgets that label's tracking (another label may have shipped it since).
 */
export async function reopenAfterVoid(ex: Executor, accountId: number, orderId: number, labelId: number, now: string): Promise<void> {
  const row = await ex.selectFrom('orders').selectAll().where('id', '=', orderId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row || row.status !== 'shipped') return;
  const body = parseBody(row) as ReturnType<typeof parseBody> & { shipping?: { labelId: number | null } };
  if (body.shipping?.labelId !== labelId) return;
  const { shipping: _voided, ...rest } = body;
  await ex
    .updateTable('orders')
    .set({ status: 'awaiting_shipment' satisfies OrderStatus, ship_date: null, body: JSON.stringify(rest), modified_at: now })
    .where('id', '=', orderId)
    .execute();
  await syncOrderInventory(ex, accountId, orderId, now);
}

/** V2 cancelled the order's shipment: the sales order is cancelled with it, as in ShipStation. */
export async function cancelOrderOfShipment(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  await ex
    .updateTable('orders')
    .set({ status: 'cancelled' satisfies OrderStatus, hold_until_at: null, modified_at: now })
    .where('id', '=', orderId)
    .where('account_id', '=', accountId)
    .where('status', '!=', 'shipped')
    .execute();
  await syncOrderInventory(ex, accountId, orderId, now);
}

/** Cancelled by the seller (dashboard): open orders only; a pending shipment is cancelled with it. */
export async function cancelOrder(ex: Executor, accountId: number, orderId: number, now: string): Promise<void> {
  const row = await liveOrderRow(ex, accountId, orderId);
  refuseFinal(row, 'cancelled');
  await ex.updateTable('orders').set({ status: 'cancelled' satisfies OrderStatus, hold_until_at: null, modified_at: now }).where('id', '=', orderId).execute();
  await cancelPendingShipment(ex, accountId, orderId, now);
}
