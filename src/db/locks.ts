import { sql } from 'kysely';
import { onPostgres, type Executor } from './index.ts';

/**
 * Locks a row for the rest of the transaction. PostgreSQL needs it so concurrent server
 * processes serialize on the row; an SQLite transaction already holds the only write lock.
 */
export async function lockRow(
  ex: Executor,
  table: 'carriers' | 'shipments' | 'labels' | 'accounts' | 'insurance_connections' | 'batches',
  id: number,
): Promise<void> {
  if (!onPostgres(ex)) return;
  await sql`SELECT id FROM ${sql.table(table)} WHERE id = ${id} FOR UPDATE`.execute(ex);
}

/**
 * A select that locks its rows like `lockRow` on PostgreSQL, in the same round trip; after a wait
 * it reads the row as the transaction that held it left it. SQLite needs no lock.
 */
export function lockingOnPostgres<Query extends { forUpdate(): Query }>(ex: Executor, query: Query): Query {
  return onPostgres(ex) ? query.forUpdate() : query;
}
