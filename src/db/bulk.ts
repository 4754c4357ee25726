// Bulk loading (the sandbox seed, benches): one multi-row INSERT per chunk, its values written as
// SQL literals. Building a query tree and binding thousands of parameters per statement cost more
// than the database's own work at 100k+ rows; literals are parsed in one pass on both engines.
import { sql } from 'kysely';
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
