// V1 GET /shipments: labels with the order behind them, filtered the V1 way.
import type { Executor } from '../../db/index.ts';
import { containsText } from '../orders/text-match.ts';
import { assembleLabels } from './store.ts';
import type { Label } from './types.ts';

export interface V1ShipmentFilter {
  recipientName?: string;
  recipientCountryCode?: string;
  orderNumber?: string;
  orderId?: number;
  carrierCode?: string;
  serviceCode?: string;
  trackingNumber?: string;
  createDateStart?: string;
  createDateEnd?: string;
  shipDateStart?: string;
  shipDateEnd?: string;
  voidDateStart?: string;
  voidDateEnd?: string;
  storeId?: number;
  batchId?: string;
  sortBy: 'ShipDate' | 'CreateDate';
  sortDir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export interface V1ShipmentRow {
  label: Label;
  orderId: number | null;
  warehouseId: number | null;
}

export async function listV1Shipments(ex: Executor, accountId: number, f: V1ShipmentFilter): Promise<{ rows: V1ShipmentRow[]; total: number }> {
  let q = ex
    .selectFrom('labels as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .leftJoin('orders as o', 'o.id', 's.order_id')
    .where('l.account_id', '=', accountId);
  if (f.recipientName) q = q.where(containsText('l.ship_to_name', f.recipientName));
  if (f.recipientCountryCode) q = q.where('l.ship_to_country', '=', f.recipientCountryCode.toUpperCase());
  if (f.orderNumber) q = q.where('o.order_number', '=', f.orderNumber);
  if (f.orderId !== undefined) q = q.where('s.order_id', '=', f.orderId);
  if (f.carrierCode) q = q.where('l.carrier_code', '=', f.carrierCode);
  if (f.serviceCode) q = q.where('l.service_code', '=', f.serviceCode);
  if (f.trackingNumber) q = q.where('l.tracking_number', '=', f.trackingNumber);
  if (f.createDateStart) q = q.where('l.created_at', '>=', f.createDateStart);
  if (f.createDateEnd) q = q.where('l.created_at', '<=', f.createDateEnd);
  if (f.shipDateStart) q = q.where('l.ship_date', '>=', f.shipDateStart);
  if (f.shipDateEnd) q = q.where('l.ship_date', '<=', f.shipDateEnd);
  if (f.voidDateStart) q = q.where('l.voided_at', '>=', f.voidDateStart);
  if (f.voidDateEnd) q = q.where('l.voided_at', '<=', f.voidDateEnd);
  if (f.storeId !== undefined) q = q.where('o.store_id', '=', f.storeId);
  if (f.batchId) q = q.where('l.notify_batch_id', '=', f.batchId);
  const sort = f.sortBy === 'ShipDate' ? 'l.ship_date' : 'l.created_at';
  const [rows, count] = await Promise.all([
    q.selectAll('l').select(['s.order_id as link_order_id', 's.warehouse_id as link_warehouse_id']).orderBy(sort, f.sortDir).orderBy('l.id', f.sortDir).offset(f.offset).limit(f.limit).execute(),
    q.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  const labels = await assembleLabels(ex, rows);
  return {
    rows: labels.map((label, i) => ({ label, orderId: rows[i].link_order_id, warehouseId: rows[i].link_warehouse_id })),
    total: Number(count.n),
  };
}
