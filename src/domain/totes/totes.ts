// Totes: the bins pickers carry through an inventory warehouse. A tote's name is unique in its
// warehouse and its barcode unique in the account, so a scan names one tote.
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { getInventoryWarehouse } from '../inventory/places.ts';

export interface Tote {
  id: number;
  inventoryWarehouseId: number;
  name: string;
  barcode: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ToteInput {
  inventoryWarehouseId: number;
  name: string;
  barcode: string | null;
}

type Row = { id: number; inventory_warehouse_id: number; name: string; barcode: string | null; created_at: string; updated_at: string };
const toTote = (r: Row): Tote => ({ id: r.id, inventoryWarehouseId: r.inventory_warehouse_id, name: r.name, barcode: r.barcode, createdAt: r.created_at, updatedAt: r.updated_at });
const rows = (ex: Executor, accountId: number) =>
  ex.selectFrom('totes').select(['id', 'inventory_warehouse_id', 'name', 'barcode', 'created_at', 'updated_at']).where('account_id', '=', accountId);

async function refuseClash(ex: Executor, accountId: number, input: ToteInput, exceptId: number | null) {
  const named = await rows(ex, accountId)
    .where('inventory_warehouse_id', '=', input.inventoryWarehouseId)
    .where('name', '=', input.name)
    .$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!))
    .executeTakeFirst();
  if (named) throw new DomainError('conflict', `A tote named "${input.name}" already exists in inventory warehouse se-${input.inventoryWarehouseId}.`, 'identifier_conflict');
  if (input.barcode) {
    const scanned = await rows(ex, accountId).where('barcode', '=', input.barcode).$if(exceptId !== null, (q) => q.where('id', '!=', exceptId!)).executeTakeFirst();
    if (scanned) throw new DomainError('conflict', `Barcode ${input.barcode} already belongs to tote se-${scanned.id}.`, 'identifier_conflict');
  }
}

export async function createTote(ex: Executor, accountId: number, input: ToteInput, now: string): Promise<Tote> {
  await getInventoryWarehouse(ex, accountId, input.inventoryWarehouseId);
  if (!input.name.trim()) throw new DomainError('validation', 'tote_name cannot be empty.');
  await refuseClash(ex, accountId, input, null);
  const row = await ex
    .insertInto('totes')
    .values({ account_id: accountId, inventory_warehouse_id: input.inventoryWarehouseId, name: input.name, barcode: input.barcode, created_at: now, updated_at: now })
    .returning(['id', 'inventory_warehouse_id', 'name', 'barcode', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toTote(row);
}

export async function getTote(ex: Executor, accountId: number, id: number): Promise<Tote> {
  const row = await rows(ex, accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('tote', `se-${id}`);
  return toTote(row);
}

export async function updateTote(ex: Executor, accountId: number, id: number, patch: { name?: string; barcode?: string | null }, now: string): Promise<void> {
  const current = await getTote(ex, accountId, id);
  const next = { inventoryWarehouseId: current.inventoryWarehouseId, name: patch.name ?? current.name, barcode: patch.barcode === undefined ? current.barcode : patch.barcode };
  await refuseClash(ex, accountId, next, id);
  await ex.updateTable('totes').set({ name: next.name, barcode: next.barcode, updated_at: now }).where('id', '=', id).execute();
}

export async function deleteTote(ex: Executor, accountId: number, id: number): Promise<void> {
  await getTote(ex, accountId, id);
  await ex.deleteFrom('totes').where('id', '=', id).execute();
}

export async function listTotes(ex: Executor, accountId: number, inventoryWarehouseId?: number): Promise<Tote[]> {
  let query = rows(ex, accountId);
  if (inventoryWarehouseId !== undefined) query = query.where('inventory_warehouse_id', '=', inventoryWarehouseId);
  return (await query.orderBy('id').limit(10_000).execute()).map(toTote);
}

/** How many totes each inventory warehouse has. */
export async function toteQuantities(ex: Executor, accountId: number): Promise<{ inventoryWarehouseId: number; quantity: number }[]> {
  const counted = await ex
    .selectFrom('totes')
    .select(['inventory_warehouse_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .groupBy('inventory_warehouse_id')
    .orderBy('inventory_warehouse_id')
    .execute();
  return counted.map((c) => ({ inventoryWarehouseId: c.inventory_warehouse_id, quantity: Number(c.n) }));
}
