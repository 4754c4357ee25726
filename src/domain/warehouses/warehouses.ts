// Ship-from locations. One warehouse per account is the default; it cannot be deleted.
import type { Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import { DomainError, notFound } from '../errors.ts';
import type { PostalAddress } from '../shipping-types.ts';

export interface Warehouse {
  id: number;
  accountId: number;
  name: string;
  isDefault: boolean;
  originAddress: PostalAddress;
  returnAddress: PostalAddress;
  createdAt: string;
}

export interface WarehouseInput {
  name: string;
  originAddress: PostalAddress;
  returnAddress?: PostalAddress | null;
  isDefault?: boolean;
}

type Row = {
  id: number;
  account_id: number;
  name: string;
  is_default: number;
  origin_address: string;
  return_address: string;
  created_at: string;
};

const toWarehouse = (row: Row): Warehouse => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  isDefault: row.is_default === 1,
  originAddress: JSON.parse(row.origin_address),
  returnAddress: JSON.parse(row.return_address),
  createdAt: row.created_at,
});

const live = (ex: Executor, accountId: number) =>
  ex
    .selectFrom('warehouses')
    .select(['id', 'account_id', 'name', 'is_default', 'origin_address', 'return_address', 'created_at'])
    .where('account_id', '=', accountId)
    .where('deleted_at', 'is', null);

export async function listWarehouses(ex: Executor, accountId: number): Promise<Warehouse[]> {
  return (await live(ex, accountId).orderBy('id').execute()).map(toWarehouse);
}

const byId = preparedQuery((ex, p: { accountId: number; id: number }) => live(ex, p.accountId).where('id', '=', p.id));

export async function getWarehouse(ex: Executor, accountId: number, id: number): Promise<Warehouse> {
  const [row] = await byId(ex, { accountId, id });
  if (!row) throw notFound('warehouse', id);
  return toWarehouse(row);
}

export async function findDefaultWarehouse(ex: Executor, accountId: number): Promise<Warehouse | null> {
  const row = await live(ex, accountId).where('is_default', '=', 1).executeTakeFirst();
  return row ? toWarehouse(row) : null;
}

async function clearDefault(ex: Executor, accountId: number, exceptId: number) {
  await ex.updateTable('warehouses').set({ is_default: 0 }).where('account_id', '=', accountId).where('id', '!=', exceptId).execute();
}

export async function createWarehouse(ex: Executor, accountId: number, input: WarehouseInput, now: string): Promise<Warehouse> {
  // An account's first warehouse is its default, as in ShipStation.
  const isDefault = input.isDefault === true || (await findDefaultWarehouse(ex, accountId)) === null;
  const row = await ex
    .insertInto('warehouses')
    .values({
      account_id: accountId,
      name: input.name,
      is_default: isDefault ? 1 : 0,
      origin_address: JSON.stringify(input.originAddress),
      return_address: JSON.stringify(input.returnAddress ?? input.originAddress),
      created_at: now,
      modified_at: now,
      deleted_at: null,
    })
    .returning(['id', 'account_id', 'name', 'is_default', 'origin_address', 'return_address', 'created_at'])
    .executeTakeFirstOrThrow();
  if (isDefault) await clearDefault(ex, accountId, row.id);
  return toWarehouse(row);
}

const keepDefault = () =>
  new DomainError('business_rules', 'Make another warehouse the default instead of unsetting the default one.', 'invalid_field_value', [
    { field: 'is_default', message: 'the default warehouse stays default until another one is made default', value: false },
  ]);

/** Warehouse settings: making one warehouse the default unsets the others. */
export async function setDefaultWarehouse(ex: Executor, accountId: number, id: number, isDefault: boolean, now: string): Promise<void> {
  const current = await getWarehouse(ex, accountId, id);
  if (current.isDefault && !isDefault) throw keepDefault();
  if (current.isDefault || !isDefault) return;
  await ex.updateTable('warehouses').set({ is_default: 1, modified_at: now }).where('id', '=', id).execute();
  await clearDefault(ex, accountId, id);
}

export async function updateWarehouse(ex: Executor, accountId: number, id: number, input: WarehouseInput, now: string): Promise<Warehouse> {
  const current = await getWarehouse(ex, accountId, id);
  if (current.isDefault && input.isDefault === false) throw keepDefault();
  const isDefault = current.isDefault || input.isDefault === true;
  await ex
    .updateTable('warehouses')
    .set({
      name: input.name,
      is_default: isDefault ? 1 : 0,
      origin_address: JSON.stringify(input.originAddress),
      return_address: JSON.stringify(input.returnAddress ?? input.originAddress),
      modified_at: now,
    })
    .where('id', '=', id)
    .execute();
  if (isDefault) await clearDefault(ex, accountId, id);
  return getWarehouse(ex, accountId, id);
}

export async function deleteWarehouse(ex: Executor, accountId: number, id: number, now: string): Promise<void> {
  const current = await getWarehouse(ex, accountId, id);
  if (current.isDefault) {
    throw new DomainError('business_rules', 'The default warehouse cannot be deleted.', 'default_warehouse_cannot_be_deleted');
  }
  await ex.updateTable('warehouses').set({ deleted_at: now, modified_at: now }).where('id', '=', id).execute();
}
