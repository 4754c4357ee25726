import type { InventoryLocation, InventoryWarehouse } from '../../../domain/inventory/places.ts';
import type { LevelView, StockTransaction } from '../../../domain/inventory/stock.ts';
import type { Condition } from '../../../domain/inventory/ledger.ts';
import { seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';

const cents = (cost: { amount: number } | undefined) => (cost ? Math.round(cost.amount * 100) : null);

export interface V2StockBody {
  transaction_type: StockTransaction['type'];
  inventory_location_id: string;
  sku: string;
  quantity: number;
  cost?: { amount: number; currency?: string };
  condition?: Condition;
  lot?: string;
  usable_start_date?: string;
  usable_end_date?: string;
  effective_at?: string;
  reason?: string;
  notes?: string;
  new_inventory_location_id?: string;
  new_cost?: { amount: number; currency?: string };
  new_condition?: Condition;
}

export const fromV2Stock = (b: V2StockBody): StockTransaction => ({
  type: b.transaction_type,
  locationId: rowIdOf(b.inventory_location_id, 'inventory location'),
  sku: b.sku,
  quantity: b.quantity,
  condition: b.condition ?? null,
  costCents: cents(b.cost),
  lot: b.lot ?? null,
  usableStartDate: b.usable_start_date ?? null,
  usableEndDate: b.usable_end_date ?? null,
  effectiveAt: b.effective_at ? new Date(b.effective_at).toISOString() : null,
  reason: b.reason ?? null,
  notes: b.notes ?? null,
  newLocationId: b.new_inventory_location_id ? rowIdOf(b.new_inventory_location_id, 'inventory location') : null,
  newCostCents: cents(b.new_cost),
  newCondition: b.new_condition ?? null,
});

export const toV2Level = (l: LevelView) => ({
  sku: l.sku,
  on_hand: l.onHand,
  allocated: l.allocated,
  available: l.available,
  average_cost: { amount: Math.round(l.averageCostCents) / 100, currency: 'usd' },
  inventory_warehouse_id: seId(l.inventoryWarehouseId),
  ...(l.inventoryLocationId !== null ? { inventory_location_id: seId(l.inventoryLocationId) } : {}),
});

export const toV2InventoryWarehouse = (w: InventoryWarehouse) => ({
  inventory_warehouse_id: seId(w.id),
  name: w.name,
  // Shipdock additions: the allocation rule's settings (see README, Inventory).
  warehouse_id: w.warehouseId === null ? null : seId(w.warehouseId),
  default_inventory_location_id: w.defaultLocationId === null ? null : seId(w.defaultLocationId),
  created_at: w.createdAt,
  updated_at: w.updatedAt,
});

export const toV2InventoryLocation = (l: InventoryLocation) => ({
  inventory_location_id: seId(l.id),
  name: l.name,
  inventory_warehouse_id: seId(l.inventoryWarehouseId),
  created_at: l.createdAt,
  updated_at: l.updatedAt,
});

export interface V2WarehouseBody {
  name?: string;
  warehouse_id?: string | null;
  default_inventory_location_id?: string | null;
}

const optionalId = (value: string | null | undefined, what: string) => (value === undefined ? undefined : value === null ? null : rowIdOf(value, what));

export const fromV2InventoryWarehouse = (b: V2WarehouseBody) => ({
  name: b.name,
  warehouseId: optionalId(b.warehouse_id, 'warehouse'),
  defaultLocationId: optionalId(b.default_inventory_location_id, 'inventory location'),
});
