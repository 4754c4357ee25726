// Suppliers: the vendors purchase orders buy from. Names are unique per account.
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';

export interface SupplierDetails {
  email: string | null;
  addressLine1: string | null;
  addressLine2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryCode: string | null;
  contactName: string | null;
  contactPhone: string | null;
}

export interface Supplier extends SupplierDetails {
  id: number;
  name: string;
  createdAt: string;
  updatedAt: string;
}

type Row = { id: number; name: string; body: string; created_at: string; updated_at: string };

const toSupplier = (r: Row): Supplier => ({ ...(JSON.parse(r.body) as SupplierDetails), id: r.id, name: r.name, createdAt: r.created_at, updatedAt: r.updated_at });

const rows = (ex: Executor, accountId: number) => ex.selectFrom('suppliers').select(['id', 'name', 'body', 'created_at', 'updated_at']).where('account_id', '=', accountId);

async function refuseDuplicate(ex: Executor, accountId: number, name: string, exceptId: number | null) {
  let query = rows(ex, accountId).where('name', '=', name);
  if (exceptId !== null) query = query.where('id', '!=', exceptId);
  const clash = await query.executeTakeFirst();
  if (clash) {
    throw new DomainError('conflict', `A supplier named "${name}" already exists (se-${clash.id}).`, 'identifier_conflict', [
      { field: 'supplier_name', message: 'supplier names are unique', code: 'identifier_conflict', value: name },
    ]);
  }
}

export async function createSupplier(ex: Executor, accountId: number, name: string, details: SupplierDetails, now: string): Promise<Supplier> {
  await refuseDuplicate(ex, accountId, name, null);
  const row = await ex
    .insertInto('suppliers')
    .values({ account_id: accountId, name, body: JSON.stringify(details), created_at: now, updated_at: now })
    .returning(['id', 'name', 'body', 'created_at', 'updated_at'])
    .executeTakeFirstOrThrow();
  return toSupplier(row);
}

export async function getSupplier(ex: Executor, accountId: number, id: number): Promise<Supplier> {
  const row = await rows(ex, accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('supplier', `se-${id}`);
  return toSupplier(row);
}

/** Fields left out keep their values. */
export async function updateSupplier(ex: Executor, accountId: number, id: number, name: string | undefined, details: Partial<SupplierDetails>, now: string): Promise<void> {
  const current = await getSupplier(ex, accountId, id);
  if (name !== undefined) await refuseDuplicate(ex, accountId, name, id);
  const { id: _id, name: _name, createdAt: _c, updatedAt: _u, ...currentDetails } = current;
  const merged = { ...currentDetails, ...Object.fromEntries(Object.entries(details).filter(([, v]) => v !== undefined)) };
  await ex.updateTable('suppliers').set({ name: name ?? current.name, body: JSON.stringify(merged), updated_at: now }).where('id', '=', id).execute();
}

export async function listSuppliers(ex: Executor, accountId: number, filter: { name?: string }, page: { offset: number; limit: number }) {
  let query = rows(ex, accountId);
  if (filter.name) query = query.where('name', '=', filter.name);
  const [list, count] = await Promise.all([
    query.orderBy('id').offset(page.offset).limit(page.limit).execute(),
    ex
      .selectFrom('suppliers')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', accountId)
      .$if(Boolean(filter.name), (q) => q.where('name', '=', filter.name!))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: list.map(toSupplier), total: Number(count.n) };
}
