// Inventory warehouses and the locations (bins, shelves) inside them. Deleted ones are kept,
// marked deleted, because the stock ledger still names them.
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { getWarehouse } from '../warehouses/warehouses.ts';

export interface InventoryWarehouse {
  id: number;
  name: string;
  /** The shipping warehouse whose orders draw stock from this inventory warehouse. */
  warehouseId: number | null;
  /** Where orders allocate and ship from; null → the warehouse's first location. */
  defaultLocationId: number | null;
  createdAt: string;
  updatedAt: string;
}

export interface InventoryLocation {
  id: number;
  inventoryWarehouseId: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

export interface WarehouseInput {
  name?: string;
  warehouseId?: number | null;
  defaultLocationId?: number | null;
}

const warehouseRows = (ex: Executor, accountId: number) =>
  ex.selectFrom('inventory_warehouses').selectAll().where('account_id', '=', accountId).where('deleted_at', 'is', null);

const locationRows = (ex: Executor, accountId: number) =>
  ex.selectFrom('inventory_locations').selectAll().where('account_id', '=', accountId).where('deleted_at', 'is', null);

type WarehouseRow = Awaited<ReturnType<ReturnType<typeof warehouseRows>['executeTakeFirstOrThrow']>>;
type LocationRow = Awaited<ReturnType<ReturnType<typeof locationRows>['executeTakeFirstOrThrow']>>;

const toWarehouse = (r: WarehouseRow): InventoryWarehouse => ({
  id: r.id,
  name: r.name,
  warehouseId: r.warehouse_id,
  defaultLocationId: r.default_location_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

const toLocation = (r: LocationRow): InventoryLocation => ({
  id: r.id,
  inventoryWarehouseId: r.inventory_warehouse_id,
  name: r.name,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface PageWindow {
  offset: number;
  limit: number;
}

export async function listInventoryWarehouses(ex: Executor, accountId: number, page: PageWindow) {
  const [rows, count] = await Promise.all([
    warehouseRows(ex, accountId).orderBy('id').offset(page.offset).limit(page.limit).execute(),
    ex
      .selectFrom('inventory_warehouses')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .where('deleted_at', 'is', null)
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toWarehouse), total: Number(count.n) };
}

export async function getInventoryWarehouse(ex: Executor, accountId: number, id: number): Promise<InventoryWarehouse> {
  const row = await warehouseRows(ex, accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('inventory warehouse', id);
  return toWarehouse(row);
}

async function checkLinks(ex: Executor, accountId: number, id: number | null, input: WarehouseInput) {
  if (input.warehouseId != null) await getWarehouse(ex, accountId, input.warehouseId);
  if (input.defaultLocationId != null) {
    const location = await getInventoryLocation(ex, accountId, input.defaultLocationId);
    if (location.inventoryWarehouseId !== id) {
      throw new DomainError('validation', 'default_inventory_location_id must name a location of this inventory warehouse.', 'invalid_field_value', [
        { field: 'default_inventory_location_id', message: 'not a location of this inventory warehouse', value: input.defaultLocationId },
      ]);
    }
  }
}

export async function createInventoryWarehouse(ex: Executor, accountId: number, input: WarehouseInput, now: string): Promise<InventoryWarehouse> {
  await checkLinks(ex, accountId, null, { ...input, defaultLocationId: null });
  const row = await ex
    .insertInto('inventory_warehouses')
    .values({ account_id: accountId, name: input.name ?? '', warehouse_id: input.warehouseId ?? null, default_location_id: null, created_at: now, updated_at: now, deleted_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toWarehouse(row);
}

export async function updateInventoryWarehouse(ex: Executor, accountId: number, id: number, input: WarehouseInput, now: string): Promise<void> {
  const current = await getInventoryWarehouse(ex, accountId, id);
  await checkLinks(ex, accountId, id, input);
  await ex
    .updateTable('inventory_warehouses')
    .set({
      name: input.name ?? current.name,
      warehouse_id: input.warehouseId === undefined ? current.warehouseId : input.warehouseId,
      default_location_id: input.defaultLocationId === undefined ? current.defaultLocationId : input.defaultLocationId,
      updated_at: now,
    })
    .where('id', '=', id)
    .execute();
}

export async function listInventoryLocations(ex: Executor, accountId: number, filter: { inventoryWarehouseId?: number }, page: PageWindow) {
  let rows = locationRows(ex, accountId);
  let count = ex
    .selectFrom('inventory_locations')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null);
  if (filter.inventoryWarehouseId !== undefined) {
    rows = rows.where('inventory_warehouse_id', '=', filter.inventoryWarehouseId);
    count = count.where('inventory_warehouse_id', '=', filter.inventoryWarehouseId);
  }
  const [list, n] = await Promise.all([rows.orderBy('id').offset(page.offset).limit(page.limit).execute(), count.executeTakeFirstOrThrow()]);
  return { items: list.map(toLocation), total: Number(n.n) };
}

export async function getInventoryLocation(ex: Executor, accountId: number, id: number): Promise<InventoryLocation> {
  const row = await locationRows(ex, accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('inventory location', id);
  return toLocation(row);
}

export async function createInventoryLocation(
  ex: Executor,
  accountId: number,
  input: { name: string; inventoryWarehouseId: number },
  now: string,
): Promise<InventoryLocation> {
  await getInventoryWarehouse(ex, accountId, input.inventoryWarehouseId);
  const row = await ex
    .insertInto('inventory_locations')
    .values({ account_id: accountId, inventory_warehouse_id: input.inventoryWarehouseId, name: input.name, created_at: now, updated_at: now, deleted_at: null })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toLocation(row);
}

export async function renameInventoryLocation(ex: Executor, accountId: number, id: number, name: string | undefined, now: string): Promise<void> {
  const current = await getInventoryLocation(ex, accountId, id);
  await ex.updateTable('inventory_locations').set({ name: name ?? current.name, updated_at: now }).where('id', '=', id).execute();
}

export async function markLocationsDeleted(ex: Executor, ids: number[], now: string): Promise<void> {
  if (ids.length === 0) return;
  await ex.updateTable('inventory_locations').set({ deleted_at: now, updated_at: now }).where('id', 'in', ids).execute();
  await ex.updateTable('inventory_warehouses').set({ default_location_id: null }).where('default_location_id', 'in', ids).execute();
}

export async function markWarehouseDeleted(ex: Executor, id: number, now: string): Promise<void> {
  await ex.updateTable('inventory_warehouses').set({ deleted_at: now, updated_at: now }).where('id', '=', id).execute();
}

/**
 * The documented allocation rule: an order draws stock from the default location of the
 * inventory warehouse linked to its ship-from warehouse (the account's default warehouse when
 * the order names none); without such a link, the account's first inventory warehouse. A
 * warehouse without a default location uses its first location.
 */
export async function allocationLocationFor(ex: Executor, accountId: number, shipFromWarehouseId: number | null): Promise<number | null> {
  let warehouseId = shipFromWarehouseId;
  if (warehouseId === null) {
    const fallback = await ex.selectFrom('warehouses').select('id').where('account_id', '=', accountId).where('deleted_at', 'is', null).where('is_default', '=', 1).executeTakeFirst();
    warehouseId = fallback?.id ?? null;
  }
  const linked = warehouseId === null ? undefined : await warehouseRows(ex, accountId).where('warehouse_id', '=', warehouseId).orderBy('id').executeTakeFirst();
  const inventoryWarehouse = linked ?? (await warehouseRows(ex, accountId).orderBy('id').executeTakeFirst());
  if (!inventoryWarehouse) return null;
  if (inventoryWarehouse.default_location_id !== null) return inventoryWarehouse.default_location_id;
  const first = await locationRows(ex, accountId).where('inventory_warehouse_id', '=', inventoryWarehouse.id).orderBy('id').executeTakeFirst();
  return first?.id ?? null;
}
