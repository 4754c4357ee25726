// GET /labels: filters and sorts of the spec over label columns (and the shipment's warehouse).
import type { Executor } from '../../db/index.ts';
import { assembleLabels } from './store.ts';
import type { Label } from './types.ts';

export interface LabelFilter {
  labelStatus?: string;
  serviceCode?: string;
  carrierId?: number;
  trackingNumber?: string;
  batchId?: number;
  rateId?: number;
  shipmentId?: number;
  warehouseId?: number;
  createdAtStart?: string;
  createdAtEnd?: string;
  sortBy: 'created_at' | 'modified_at' | 'voided_at';
  sortDir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export async function listLabels(ex: Executor, accountId: number, f: LabelFilter): Promise<{ labels: Label[]; total: number }> {
  let query = ex.selectFrom('labels as l').where('l.account_id', '=', accountId);
  if (f.labelStatus) query = query.where('l.status', '=', f.labelStatus);
  if (f.serviceCode) query = query.where('l.service_code', '=', f.serviceCode);
  if (f.carrierId !== undefined) query = query.where('l.carrier_id', '=', f.carrierId);
  if (f.trackingNumber) {
    const tn = f.trackingNumber;
    query = query.where((eb) => eb.or([eb('l.tracking_number', '=', tn), eb.exists(eb.selectFrom('label_packages as p').select('p.id').whereRef('p.label_id', '=', 'l.id').where('p.tracking_number', '=', tn))]));
  }
  if (f.batchId !== undefined) query = query.where('l.batch_id', '=', f.batchId);
  if (f.rateId !== undefined) query = query.where('l.rate_id', '=', f.rateId);
  if (f.shipmentId !== undefined) query = query.where('l.shipment_id', '=', f.shipmentId);
  if (f.warehouseId !== undefined) {
    const warehouseId = f.warehouseId;
    query = query.where((eb) => eb.exists(eb.selectFrom('shipments as s').select('s.id').whereRef('s.id', '=', 'l.shipment_id').where('s.warehouse_id', '=', warehouseId)));
  }
  if (f.createdAtStart) query = query.where('l.created_at', '>=', f.createdAtStart);
  if (f.createdAtEnd) query = query.where('l.created_at', '<=', f.createdAtEnd);
  // Labels change only when voided, so modified_at is voided_at or created_at.
  const sortColumn = f.sortBy === 'voided_at' ? 'l.voided_at' : 'l.created_at';
  const [rows, count] = await Promise.all([
    query.selectAll('l').orderBy(sortColumn, f.sortDir).orderBy('l.id', f.sortDir).offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { labels: await assembleLabels(ex, rows), total: Number(count.n) };
}
