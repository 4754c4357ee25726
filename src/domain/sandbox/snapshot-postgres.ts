// PostgreSQL side of snapshot restore: a few statements whatever the number of tables, since
// each round trip counts. Foreign keys are checked at the end of each statement, so the tables of
// one statement may go (or come) in any order.
import { sql, type RawBuilder } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { AccountTable } from './account-tables.ts';

const id = (name: string) => sql.id(name);

function ownedBy(t: AccountTable, accountId: number, alias: string): RawBuilder<unknown> {
  return t.via
    ? sql`${sql.ref(`${alias}.${t.via.column}`)} IN (SELECT id FROM ${id(t.via.parent)} WHERE account_id = ${accountId})`
    : sql`${sql.ref(`${alias}.account_id`)} = ${accountId}`;
}

/** A digest of each table's rows of the account ('' when it has none), in one query. */
export async function tableFingerprints(ex: Executor, tables: readonly AccountTable[], accountId: number): Promise<Map<string, string>> {
  const parts = tables.map(
    (t) =>
      sql`SELECT ${t.table} AS t, coalesce(md5((SELECT json_agg(x ORDER BY ${sql.join(t.key.map((k) => sql.ref(`x.${k}`)))})::text FROM ${id(t.table)} x WHERE ${ownedBy(t, accountId, 'x')})), '') AS f`,
  );
  const rows = (await sql<{ t: string; f: string }>`${sql.join(parts, sql` UNION ALL `)}`.execute(ex)).rows;
  return new Map(rows.map((r) => [r.t, r.f]));
}

/** Deletes the account's rows of every table given, in one statement. */
export async function deleteTables(ex: Executor, tables: readonly AccountTable[], accountId: number): Promise<void> {
  if (tables.length === 0) return;
  const deletes = tables.map((t, i) => sql`${sql.raw(`d${i}`)} AS (DELETE FROM ${id(t.table)} x WHERE ${ownedBy(t, accountId, 'x')})`);
  await sql`WITH ${sql.join(deletes)} SELECT 1`.execute(ex);
}

export interface TableRows {
  table: string;
  columns: string[];
  /** Values as stored: binary ones as Buffers. */
  rows: unknown[][];
}

// bytea's text input; everything else is read by the column's own type.
const jsonValue = (value: unknown) => (Buffer.isBuffer(value) ? `\\x${value.toString('hex')}` : value);

/** Inserts every table's rows in one statement, each table's rows passed as one JSON parameter. */
export async function insertTables(ex: Executor, tables: readonly TableRows[]): Promise<void> {
  const filled = tables.filter((t) => t.rows.length > 0);
  if (filled.length === 0) return;
  const inserts = filled.map((t, i) => {
    const records = JSON.stringify(t.rows.map((row) => Object.fromEntries(t.columns.map((c, j) => [c, jsonValue(row[j])]))));
    const columns = sql.join(t.columns.map((c) => id(c)));
    return sql`${sql.raw(`i${i}`)} AS (INSERT INTO ${id(t.table)} (${columns}) SELECT ${columns} FROM json_populate_recordset(NULL::${id(t.table)}, ${records}::json))`;
  });
  await sql`WITH ${sql.join(inserts)} SELECT 1`.execute(ex);
}

export interface RowChanges {
  table: string;
  key: readonly string[];
  columns: string[];
  /** Keys of rows the snapshot does not have. */
  remove: unknown[][];
  /** Snapshot rows whose key exists with other values. */
  update: unknown[][];
  /** Snapshot rows whose key does not exist. */
  insert: unknown[][];
}

const records = (columns: string[], rows: unknown[][]) => JSON.stringify(rows.map((row) => Object.fromEntries(columns.map((c, j) => [c, jsonValue(row[j])]))));

/**
 * Applies row-level changes of every table in one statement: deletes, updates and inserts. Keys
 * never change and the final rows are the snapshot's, so the foreign keys (checked at the end of
 * the statement) hold; a unique value moving between rows may still clash, hence the caller's
 * fallback.
 */
export async function applyRowChanges(ex: Executor, changes: readonly RowChanges[]): Promise<void> {
  const parts: RawBuilder<unknown>[] = [];
  for (const c of changes) {
    const keyCols = sql.join(c.key.map((k) => id(k)));
    const typed = (rows: unknown[][], columns: string[]) => sql`json_populate_recordset(NULL::${id(c.table)}, ${records(columns, rows)}::json)`;
    if (c.remove.length > 0) {
      parts.push(sql`${sql.raw(`c${parts.length}`)} AS (DELETE FROM ${id(c.table)} WHERE (${keyCols}) IN (SELECT ${keyCols} FROM ${typed(c.remove, [...c.key])}))`);
    }
    if (c.update.length > 0) {
      const values = c.columns.filter((col) => !c.key.includes(col));
      const match = sql.join(c.key.map((k) => sql`${sql.ref(`x.${k}`)} = ${sql.ref(`r.${k}`)}`), sql` AND `);
      parts.push(
        sql`${sql.raw(`c${parts.length}`)} AS (UPDATE ${id(c.table)} x SET (${sql.join(values.map((v) => id(v)))}) = ROW(${sql.join(values.map((v) => sql.ref(`r.${v}`)))}) FROM ${typed(c.update, c.columns)} r WHERE ${match})`,
      );
    }
    if (c.insert.length > 0) {
      const columns = sql.join(c.columns.map((col) => id(col)));
      parts.push(sql`${sql.raw(`c${parts.length}`)} AS (INSERT INTO ${id(c.table)} (${columns}) SELECT ${columns} FROM ${typed(c.insert, c.columns)})`);
    }
  }
  if (parts.length > 0) await sql`WITH ${sql.join(parts)} SELECT 1`.execute(ex);
}
