// A SKU's ledger, newest first, with the place of each movement (for the dashboard).
import type { Executor } from '../../db/index.ts';

export interface SkuTransaction {
  id: number;
  type: string;
  condition: string;
  onHandDelta: number;
  allocatedDelta: number;
  warehouseName: string;
  locationName: string;
  reason: string | null;
  orderId: number | null;
  effectiveAt: string;
}

export async function listSkuTransactions(ex: Executor, accountId: number, sku: string, limit = 200): Promise<SkuTransaction[]> {
  const rows = await ex
    .selectFrom('inventory_transactions as t')
    .innerJoin('inventory_locations as loc', 'loc.id', 't.inventory_location_id')
    .innerJoin('inventory_warehouses as w', 'w.id', 'loc.inventory_warehouse_id')
    .select(['t.id', 't.transaction_type', 't.stock_condition', 't.on_hand_delta', 't.allocated_delta', 't.reason', 't.order_id', 't.effective_at', 'loc.name as location_name', 'w.name as warehouse_name'])
    .where('t.account_id', '=', accountId)
    .where('t.sku', '=', sku)
    .orderBy('t.id', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    type: r.transaction_type,
    condition: r.stock_condition,
    onHandDelta: r.on_hand_delta,
    allocatedDelta: r.allocated_delta,
    warehouseName: r.warehouse_name,
    locationName: r.location_name,
    reason: r.reason,
    orderId: r.order_id,
    effectiveAt: r.effective_at,
  }));
}
