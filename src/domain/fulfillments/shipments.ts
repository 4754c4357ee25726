// V2 fulfillments: a shipment marked shipped outside Shipdock (tracking number and carrier of
// its own). It is V1 markasshipped on the order behind the shipment, so the order becomes
// shipped, the fulfillment is recorded, FULFILLMENT_SHIPPED fires and stock follows.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import { markAsShipped } from '../orders/actions.ts';
import { createOrderFromShipment } from '../orders/sales-order.ts';
import { getShipment } from '../shipments/store.ts';
import type { Fulfillment } from './fulfillments.ts';

export interface ShipmentFulfillment {
  shipmentId: number;
  trackingNumber: string;
  carrierCode: string;
  /** YYYY-MM-DD */
  shipDate: string;
  notifyCustomer: boolean;
  notifyOrderSource: boolean;
}

export async function fulfillShipment(ex: Executor, accountId: number, input: ShipmentFulfillment, now: string): Promise<Fulfillment> {
  const shipment = await getShipment(ex, accountId, input.shipmentId);
  if (shipment.status === 'cancelled') throw new DomainError('business_rules', `Shipment se-${shipment.id} is cancelled and cannot be fulfilled.`, 'invalid_status');
  if (shipment.status === 'label_purchased') throw new DomainError('business_rules', `Shipment se-${shipment.id} already has a label.`, 'invalid_status');
  // A shipment without a sales order gets one, as if it had been created with create_sales_order.
  const orderId = shipment.orderId ?? (await createOrderFromShipment(ex, accountId, shipment, now)).id;
  return markAsShipped(
    ex,
    accountId,
    orderId,
    {
      carrierCode: input.carrierCode,
      shipDate: input.shipDate,
      trackingNumber: input.trackingNumber,
      notifyCustomer: input.notifyCustomer,
      notifySalesChannel: input.notifyOrderSource,
    },
    now,
  );
}

/** The shipment behind each fulfilled order (V2 shows fulfillments by shipment). */
export async function shipmentsOfOrders(ex: Executor, accountId: number, orderIds: number[]): Promise<Map<number, { id: number; shipmentNumber: string | null }>> {
  const result = new Map<number, { id: number; shipmentNumber: string | null }>();
  if (orderIds.length === 0) return result;
  const rows = await ex.selectFrom('shipments').select(['id', 'order_id', 'shipment_number']).where('account_id', '=', accountId).where('order_id', 'in', orderIds).orderBy('id').execute();
  for (const r of rows) if (r.order_id !== null && !result.has(r.order_id)) result.set(r.order_id, { id: r.id, shipmentNumber: r.shipment_number });
  return result;
}

export async function orderOfShipment(ex: Executor, accountId: number, shipmentId: number): Promise<number | null> {
  const row = await ex.selectFrom('shipments').select('order_id').where('account_id', '=', accountId).where('id', '=', shipmentId).executeTakeFirst();
  return row?.order_id ?? null;
}
