// Bulk loading (the sandbox seed, benches): one multi-row INSERT per chunk, its values written as
// SQL literals. Building a query tree and binding thousands of parameters per statement cost more
// than the database's own work at 100k+ rows; literals are parsed in one pass on both engines.
import { sql } from 'kysely';
import { onPostgres, type Executor } from './index.ts';

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

/**
 * Inside the caller's transaction: drops the tables' secondary indexes (on PostgreSQL, those no
 * constraint owns, and the tables' foreign keys), runs `load`, then creates each again from its
 * own definition (`pg_get_indexdef` and `pg_get_constraintdef`; SQLite's `sqlite_master`), so the
 * schema after commit is the one before. Building an index once over a million rows is a sort;
 * keeping it up to date is a random B-tree insert per row, and each PostgreSQL foreign key a lookup
 * per row (timings: bench/seed-orders-phases.ts). SQLite keeps its foreign keys: their checks are
 * primary-key lookups; its planner statistics of the rebuilt indexes (sqlite_stat1) are gone until
 * the next ANALYZE. A duplicate in a unique index fails its build, a broken foreign key its
 * re-adding; either error rolls the whole load back. `load` must not look rows up through the
 * dropped indexes (it would scan). The drops lock the tables until commit: for bulk loads that own
 * the database (benches), not for a shared server.
 */
export async function withDeferredIndexes<T>(tx: Executor, tables: string[], load: () => Promise<T>): Promise<T> {
  // Outside a transaction each drop would commit on its own: a failed load would leave them dropped.
  if (!tx.isTransaction) throw new Error('withDeferredIndexes needs a transaction');
  if (!onPostgres(tx)) {
    // Indexes SQLite made for a constraint (sqlite_autoindex_*) have no SQL of their own and stay.
    const indexes = (
      await sql<{ name: string; def: string }>`select name, sql as def from sqlite_master
        where type = 'index' and sql is not null and tbl_name in (${sql.join(tables)}) order by rowid`.execute(tx)
    ).rows;
    for (const index of indexes) await sql.raw(`drop index main."${index.name.replaceAll('"', '""')}"`).execute(tx);
    const result = await load();
    for (const index of indexes) await sql.raw(index.def).execute(tx);
    return result;
  }
  const relations = sql.join(tables.map((t) => sql`to_regclass(${t})`));
  const indexes = (
    await sql<{ name: string; def: string }>`select i.indexrelid::regclass::text as name, pg_get_indexdef(i.indexrelid) as def
      from pg_index i where i.indrelid in (${relations})
      and not exists (select 1 from pg_constraint c where c.conrelid = i.indrelid and c.conindid = i.indexrelid)
      order by i.indexrelid`.execute(tx)
  ).rows;
  const foreignKeys = (
    await sql<{ relation: string; name: string; def: string }>`select conrelid::regclass::text as relation, quote_ident(conname) as name, pg_get_constraintdef(oid) as def
      from pg_constraint where contype = 'f' and conrelid in (${relations}) order by oid`.execute(tx)
  ).rows;
  for (const fk of foreignKeys) await sql.raw(`alter table ${fk.relation} drop constraint ${fk.name}`).execute(tx);
  if (indexes.length > 0) await sql.raw(`drop index ${indexes.map((i) => i.name).join(', ')}`).execute(tx);
  const result = await load();
  for (const index of indexes) await sql.raw(index.def).execute(tx);
  for (const fk of foreignKeys) await sql.raw(`alter table ${fk.relation} add constraint ${fk.name} ${fk.def}`).execute(tx);
  return result;
}
