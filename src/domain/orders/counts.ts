// Exact live-order totals without counting the orders: the counters that migration 0020's
// triggers keep per (account, store, status) in the statement that writes an order. Lists whose
// filter is only status and/or store read them; any other filter counts the matching rows.
import { sql } from 'kysely';
import type { Db, Executor } from '../../db/index.ts';
import type { OrderFilter } from './list.ts';

/** Filters the counters cover: none, status, store, or both. */
export function countedByCounters(filter: OrderFilter): boolean {
  return Object.entries(filter).every(([key, value]) => value === undefined || key === 'status' || key === 'storeId');
}

/** PostgreSQL keeps one delta row per write; past this many rows an account's are summed into one per key. */
const COMPACT_AFTER_ROWS = 256;

export async function countOrders(ex: Executor, accountId: number, filter: Pick<OrderFilter, 'status' | 'storeId'>): Promise<{ total: number; rows: number }> {
  let query = ex
    .selectFrom('order_counts')
    .select((eb) => [sql<number>`coalesce(sum(n), 0)`.as('total'), eb.fn.countAll<number>().as('rows')])
    .where('account_id', '=', accountId);
  if (filter.status) query = query.where('status', '=', filter.status);
  if (filter.storeId !== undefined) query = query.where('store_id', '=', filter.storeId);
  const row = await query.executeTakeFirstOrThrow();
  return { total: Number(row.total), rows: Number(row.rows) };
}

/**
 * Sums an account's delta rows into one per key (PostgreSQL). Rows a concurrent compaction
 * deleted first are skipped by this DELETE, and rows of transactions not yet committed are not
 * seen: each delta is summed exactly once.
 */
export async function compactOrderCounts(db: Db, accountId: number): Promise<void> {
  await sql`with gone as (delete from order_counts where account_id = ${accountId} returning store_id, status, n)
    insert into order_counts (account_id, store_id, status, n)
    select ${accountId}, store_id, status, sum(n) from gone group by store_id, status having sum(n) <> 0`.execute(db);
}

export const needsCompaction = (rows: number) => rows > COMPACT_AFTER_ROWS;
