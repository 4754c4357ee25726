// Stock levels as the inventory API shows and changes them: increment, decrement, adjust (set
// to), modify (move, change condition or cost), and the levels list.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { DomainError, invalidField } from '../errors.ts';
import { averageValueOf, insufficientStock, lockLevel, lockLevels, applyToLevel, receiveStock, removeStock, type Condition, type EntryDetails } from './ledger.ts';
import { getInventoryLocation, getInventoryWarehouse, markLocationsDeleted, markWarehouseDeleted, type PageWindow } from './places.ts';

export type TransactionType = 'increment' | 'decrement' | 'adjust' | 'modify';

export interface StockTransaction {
  type: TransactionType;
  locationId: number;
  sku: string;
  quantity: number;
  condition: Condition | null;
  costCents: number | null;
  lot: string | null;
  usableStartDate: string | null;
  usableEndDate: string | null;
  effectiveAt: string | null;
  reason: string | null;
  notes: string | null;
  newLocationId: number | null;
  newCostCents: number | null;
  newCondition: Condition | null;
}

export async function applyStockTransaction(ex: Executor, accountId: number, input: StockTransaction, now: string): Promise<void> {
  await getInventoryLocation(ex, accountId, input.locationId);
  const sku = input.sku.trim();
  if (!sku) throw invalidField('sku', 'sku cannot be empty', input.sku);
  const condition = input.condition ?? 'sellable';
  const key = { accountId, locationId: input.locationId, sku, condition };
  const details: EntryDetails = {
    type: input.type,
    lot: input.lot,
    usableStartDate: input.usableStartDate,
    usableEndDate: input.usableEndDate,
    effectiveAt: input.effectiveAt,
    reason: input.reason,
    notes: input.notes,
  };
  const positive = () => {
    if (input.quantity < 1) throw invalidField('quantity', `quantity must be at least 1 for ${input.type}`, input.quantity);
  };

  switch (input.type) {
    case 'increment':
      positive();
      await receiveStock(ex, key, input.quantity, input.costCents, details, now);
      return;
    case 'decrement':
      positive();
      await removeStock(ex, key, input.quantity, details, now);
      return;
    case 'adjust': {
      if (input.quantity < 0) throw invalidField('quantity', 'adjust sets the on hand quantity, which cannot be negative', input.quantity);
      const level = await lockLevel(ex, key, now);
      const delta = input.quantity - level.onHand;
      if (delta === 0) return;
      const valueDelta = delta > 0 ? (input.costCents !== null ? input.costCents * delta : averageValueOf(level, delta)) : -averageValueOf(level, -delta);
      await applyToLevel(ex, level, { onHand: delta, allocated: 0, valueDeltaCents: valueDelta }, { ...details, unitCostCents: input.costCents }, now);
      return;
    }
    case 'modify':
      positive();
      await modify(ex, key, input, details, now);
      return;
  }
}

/** Moves units to another location and/or condition, or revalues them (new_cost), as two ledger entries. */
async function modify(ex: Executor, key: { accountId: number; locationId: number; sku: string; condition: Condition }, input: StockTransaction, details: EntryDetails, now: string) {
  if (input.newLocationId === null && input.newCondition === null && input.newCostCents === null) {
    throw new DomainError('validation', 'modify needs new_inventory_location_id, new_condition or new_cost.', 'field_value_required', [
      { field: 'new_inventory_location_id', message: 'modify needs new_inventory_location_id, new_condition or new_cost', code: 'field_value_required' },
    ]);
  }
  if (input.newLocationId !== null) await getInventoryLocation(ex, key.accountId, input.newLocationId);
  const target = { ...key, locationId: input.newLocationId ?? key.locationId, condition: input.newCondition ?? key.condition };
  const same = target.locationId === key.locationId && target.condition === key.condition;
  // Both levels are locked in the global order first, so two opposite moves cannot deadlock.
  await lockLevels(ex, same ? [key] : [key, target], now);
  const source = await lockLevel(ex, key, now);
  if (input.quantity > source.onHand) throw insufficientStock(source, input.quantity);
  const outValue = averageValueOf(source, input.quantity);
  const inValue = input.newCostCents !== null ? input.newCostCents * input.quantity : outValue;
  await applyToLevel(ex, source, { onHand: -input.quantity, allocated: 0, valueDeltaCents: -outValue }, details, now);
  const destination = await lockLevel(ex, target, now);
  await applyToLevel(ex, destination, { onHand: input.quantity, allocated: 0, valueDeltaCents: inValue }, { ...details, unitCostCents: input.newCostCents }, now);
}

export interface LevelFilter {
  /** One SKU or several, comma-separated ("Optional list of SKUs"). */
  sku?: string;
  inventoryWarehouseId?: number;
  inventoryLocationId?: number;
  groupBy: 'location' | 'warehouse';
}

export interface LevelView {
  sku: string;
  onHand: number;
  allocated: number;
  available: number;
  /** Weighted average unit cost, cents (fractional). */
  averageCostCents: number;
  inventoryWarehouseId: number;
  inventoryLocationId: number | null;
}

/** Levels per SKU and location (or warehouse), summed over conditions; only sellable stock is available. */
export async function listLevels(ex: Executor, accountId: number, filter: LevelFilter, page: PageWindow): Promise<{ items: LevelView[]; total: number }> {
  const byWarehouse = filter.groupBy === 'warehouse';
  let base = ex
    .selectFrom('inventory_levels as l')
    .innerJoin('inventory_locations as loc', 'loc.id', 'l.inventory_location_id')
    .where('l.account_id', '=', accountId)
    .where('loc.deleted_at', 'is', null);
  const skus = filter.sku?.split(',').map((s) => s.trim()).filter(Boolean) ?? [];
  if (skus.length > 0) base = base.where('l.sku', 'in', skus);
  if (filter.inventoryWarehouseId !== undefined) base = base.where('loc.inventory_warehouse_id', '=', filter.inventoryWarehouseId);
  if (filter.inventoryLocationId !== undefined) base = base.where('l.inventory_location_id', '=', filter.inventoryLocationId);
  const place = byWarehouse ? sql<number>`NULL` : sql<number>`l.inventory_location_id`;
  const grouped = base
    .select([
      'l.sku as sku',
      'loc.inventory_warehouse_id as warehouse_id',
      place.as('location_id'),
      sql<number>`SUM(l.on_hand)`.as('on_hand'),
      sql<number>`SUM(l.allocated)`.as('allocated'),
      sql<number>`SUM(CASE WHEN l.stock_condition = 'sellable' THEN l.on_hand ELSE 0 END)`.as('sellable'),
      sql<number>`SUM(l.value_cents)`.as('value_cents'),
    ])
    .groupBy(byWarehouse ? ['l.sku', 'loc.inventory_warehouse_id'] : ['l.sku', 'loc.inventory_warehouse_id', 'l.inventory_location_id']);
  const rows = await grouped.orderBy('l.sku').orderBy('loc.inventory_warehouse_id').orderBy(sql`3`).offset(page.offset).limit(page.limit).execute();
  const count = await ex
    .selectFrom(grouped.as('g'))
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const items = rows.map((r) => {
    const onHand = Number(r.on_hand);
    const allocated = Number(r.allocated);
    return {
      sku: r.sku,
      onHand,
      allocated,
      available: Math.max(0, Number(r.sellable) - allocated),
      averageCostCents: onHand > 0 ? Number(r.value_cents) / onHand : 0,
      inventoryWarehouseId: r.warehouse_id,
      inventoryLocationId: r.location_id === null ? null : Number(r.location_id),
    };
  });
  return { items, total: Number(count.n) };
}

async function levelsAt(ex: Executor, accountId: number, locationIds: number[]) {
  if (locationIds.length === 0) return [];
  return ex
    .selectFrom('inventory_levels')
    .select(['inventory_location_id', 'sku', 'stock_condition', 'on_hand', 'allocated'])
    .where('account_id', '=', accountId)
    .where('inventory_location_id', 'in', locationIds)
    .where((eb) => eb.or([eb('on_hand', '>', 0), eb('allocated', '>', 0)]))
    .orderBy('inventory_location_id')
    .orderBy('sku')
    .orderBy('stock_condition')
    .execute();
}

/**
 * Deleting places that hold stock is refused unless remove_inventory=1, which empties them with
 * `remove` transactions first (kept in the ledger).
 */
async function emptyLocations(ex: Executor, accountId: number, locationIds: number[], removeInventory: boolean, what: string, now: string) {
  const stocked = await levelsAt(ex, accountId, locationIds);
  if (stocked.length === 0) return;
  if (!removeInventory) {
    const units = stocked.reduce((n, l) => n + l.on_hand, 0);
    throw new DomainError(
      'business_rules',
      `The ${what} holds inventory (${units} units on hand across ${new Set(stocked.map((l) => l.sku)).size} SKUs); delete it with remove_inventory=1 to remove that inventory first.`,
      'invalid_status',
    );
  }
  await lockLevels(ex, stocked.map((l) => ({ accountId, locationId: l.inventory_location_id, sku: l.sku, condition: l.stock_condition as Condition })), now);
  for (const l of stocked) {
    const level = await lockLevel(ex, { accountId, locationId: l.inventory_location_id, sku: l.sku, condition: l.stock_condition as Condition }, now);
    await applyToLevel(
      ex,
      level,
      { onHand: -level.onHand, allocated: -level.allocated, valueDeltaCents: -level.valueCents },
      { type: 'remove', reason: `${what} deleted` },
      now,
    );
  }
}

export async function deleteInventoryLocation(ex: Executor, accountId: number, id: number, removeInventory: boolean, now: string): Promise<void> {
  await getInventoryLocation(ex, accountId, id);
  await emptyLocations(ex, accountId, [id], removeInventory, `inventory location se-${id}`, now);
  await markLocationsDeleted(ex, [id], now);
}

export async function deleteInventoryWarehouse(ex: Executor, accountId: number, id: number, removeInventory: boolean, now: string): Promise<void> {
  await getInventoryWarehouse(ex, accountId, id);
  const locations = await ex
    .selectFrom('inventory_locations')
    .select('id')
    .where('account_id', '=', accountId)
    .where('inventory_warehouse_id', '=', id)
    .where('deleted_at', 'is', null)
    .execute();
  const ids = locations.map((l) => l.id);
  await emptyLocations(ex, accountId, ids, removeInventory, `inventory warehouse se-${id}`, now);
  await markLocationsDeleted(ex, ids, now);
  await markWarehouseDeleted(ex, id, now);
}

/** Account-wide stock per SKU (every location), for product listings. */
export async function stockBySku(ex: Executor, accountId: number, skus: string[]): Promise<Map<string, { onHand: number; allocated: number; available: number }>> {
  const result = new Map<string, { onHand: number; allocated: number; available: number }>();
  if (skus.length === 0) return result;
  const rows = await ex
    .selectFrom('inventory_levels as l')
    .innerJoin('inventory_locations as loc', 'loc.id', 'l.inventory_location_id')
    .select([
      'l.sku as sku',
      sql<number>`SUM(l.on_hand)`.as('on_hand'),
      sql<number>`SUM(l.allocated)`.as('allocated'),
      sql<number>`SUM(CASE WHEN l.stock_condition = 'sellable' THEN l.on_hand ELSE 0 END)`.as('sellable'),
    ])
    .where('l.account_id', '=', accountId)
    .where('loc.deleted_at', 'is', null)
    .where('l.sku', 'in', skus)
    .groupBy('l.sku')
    .execute();
  for (const r of rows) {
    const allocated = Number(r.allocated);
    result.set(r.sku, { onHand: Number(r.on_hand), allocated, available: Math.max(0, Number(r.sellable) - allocated) });
  }
  return result;
}
