// Bulk loading (the sandbox seed, benches): one multi-row INSERT per chunk, its values written as
// SQL literals. Building a query tree and binding thousands of parameters per statement cost more
// than the database's own work at 100k+ rows; literals are parsed in one pass on both engines.
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from './index.ts';

type Value = string | number | null | boolean;

/** A SQL literal: strings quoted with '' doubled (standard strings on both engines), finite numbers as written. */
export function literal(value: Value): string {
  if (value === null) return 'null';
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) throw new Error(`not a finite number: ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value.includes('\u0000')) throw new Error('NUL characters cannot be stored');
  return `'${value.replaceAll("'", "''")}'`;
}

/**
 * Inserts rows (all with the same keys) in one statement; returns the `returning` columns of each
 * inserted row. Callers chunk: a statement holds what they pass.
 */
export async function insertRows<R extends Record<string, unknown> = Record<string, never>>(
  ex: Executor,
  table: string,
  rows: Record<string, Value>[],
  returning: string[] = [],
): Promise<R[]> {
  if (rows.length === 0) return [];
  const columns = Object.keys(rows[0]);
  const values = rows.map((row) => `(${columns.map((c) => literal(row[c])).join(',')})`).join(',');
  const tail = returning.length > 0 ? ` returning ${returning.join(', ')}` : '';
  const result = await sql<R>`${sql.raw(`insert into ${table} (${columns.join(', ')}) values ${values}${tail}`)}`.execute(ex);
  return result.rows;
}

export type ColumnType = 'integer' | 'text';

/**
 * Inserts rows passed as one JSON parameter: the SQL text depends only on the table and columns, so
 * each engine prepares it once (SQLite's statement cache, PostgreSQL's named statements) however
 * many rows a call carries, and no query tree is built per value. For frequent background writes.
 */
export async function insertJsonRows(ex: Executor, table: string, columns: Record<string, ColumnType>, rows: Record<string, Value>[]): Promise<void> {
  if (rows.length === 0) return;
  const names = Object.keys(columns);
  const postgres = ex.getExecutor().adapter instanceof PostgresAdapter;
  const [from, to] = postgres
    ? [`select ${names.join(', ')} from json_to_recordset(`, `::json) as x(${names.map((n) => `${n} ${columns[n]}`).join(', ')})`]
    : [`select ${names.map((n) => `value ->> '${n}'`).join(', ')} from json_each(`, ')'];
  await sql`${sql.raw(`insert into ${table} (${names.join(', ')}) ${from}`)}${JSON.stringify(rows)}${sql.raw(to)}`.execute(ex);
}
