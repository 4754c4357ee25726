import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from './index.ts';

/**
 * Locks a row for the rest of the transaction. PostgreSQL needs it so concurrent server
 * processes serialize on the row; an SQLite transaction already holds the only write lock.
 */
export async function lockRow(
  ex: Executor,
  table: 'carriers' | 'shipments' | 'labels' | 'accounts' | 'insurance_connections' | 'batches',
  id: number,
): Promise<void> {
  if (!(ex.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`SELECT id FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(ex);
}
