// Sandbox snapshots: a named copy of one account's data (every table of the shared list in
// account-tables.ts), saved in one transaction and restored in one transaction.
//
// Restore deletes the account's rows and inserts the snapshot's rows with their original ids. Those
// ids cannot collide with rows created since by anyone: every id was allocated by the table's
// SQLite AUTOINCREMENT counter or PostgreSQL sequence, neither of which ever hands out an id twice
// (not even after the rows are deleted), so no other row can hold it. A test guards that every
// table in the list keeps such an id.
import { sql, type Kysely } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { latestMigration } from '../../db/migrate.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { ACCOUNT_TABLES, accountRows, deleteAccountRows, foreignKeyParents, type AccountTable } from './account-tables.ts';
import { applyRowChanges, deleteTables, insertTables, tableFingerprints, type RowChanges } from './snapshot-postgres.ts';

export const MAX_SNAPSHOTS_PER_ACCOUNT = 50;
const NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export interface SnapshotSummary {
  name: string;
  createdAt: string;
  rowCount: number;
  byteSize: number;
}

export interface RestoreSummary extends SnapshotSummary {
  /** Rows per table restored (tables with none are left out). */
  tables: Record<string, number>;
}

/** One table as stored: column names once, then each row's values (binary values as `{ b64 }`). */
interface StoredTable {
  columns: string[];
  rows: unknown[][];
}

export function checkSnapshotName(name: unknown): string {
  if (typeof name !== 'string' || !NAME.test(name)) {
    throw invalidField('name', 'name must be 1-64 letters, digits, dots, dashes or underscores, starting with a letter or digit.', name);
  }
  return name;
}

const encode = (value: unknown): unknown => (value instanceof Uint8Array ? { b64: Buffer.from(value).toString('base64') } : value);
const decode = (value: unknown): unknown =>
  value !== null && typeof value === 'object' && 'b64' in value ? Buffer.from(String((value as { b64: string }).b64), 'base64') : value;

/** A table's rows as stored (null when there are none): the same rows give the same text. */
function storedText(rows: Record<string, unknown>[]): string | null {
  if (rows.length === 0) return null;
  const columns = Object.keys(rows[0]!);
  const stored: StoredTable = { columns, rows: rows.map((row) => columns.map((c) => encode(row[c]))) };
  return JSON.stringify(stored);
}

const toSummary = (r: { name: string; created_at: string; row_count: number; byte_size: number }): SnapshotSummary => ({
  name: r.name,
  createdAt: r.created_at,
  rowCount: r.row_count,
  byteSize: r.byte_size,
});

/** Every table's rows of the account, in a stable order. */
export async function dumpAccount(ex: Executor, accountId: number): Promise<Map<string, Record<string, unknown>[]>> {
  const dump = new Map<string, Record<string, unknown>[]>();
  for (const t of ACCOUNT_TABLES) {
    let query = accountRows(ex, t, accountId).selectAll(t.table);
    for (const column of t.key) query = query.orderBy(`${t.table}.${column}`);
    dump.set(t.table, (await query.execute()) as Record<string, unknown>[]);
  }
  return dump;
}

/** Saves (or replaces) the named snapshot of the account's data. */
export async function saveSnapshot(ex: Executor, accountId: number, rawName: unknown, now: string): Promise<SnapshotSummary> {
  const name = checkSnapshotName(rawName);
  await lockRow(ex, 'accounts', accountId);
  const existing = await ex.selectFrom('sandbox_snapshots').select('id').where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
  if (existing) {
    await removeSnapshot(ex, existing.id);
  } else {
    const { n } = await ex.selectFrom('sandbox_snapshots').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', accountId).executeTakeFirstOrThrow();
    if (Number(n) >= MAX_SNAPSHOTS_PER_ACCOUNT) {
      throw new DomainError('business_rules', `An account keeps at most ${MAX_SNAPSHOTS_PER_ACCOUNT} snapshots: delete one first.`, 'invalid_status');
    }
  }
  const fingerprints = onPostgres(ex) ? await tableFingerprints(ex, ACCOUNT_TABLES, accountId) : null;
  const tables: { table_name: string; row_count: number; rows: string; fingerprint: string | null }[] = [];
  for (const [table, rows] of await dumpAccount(ex, accountId)) {
    const text = storedText(rows);
    if (text !== null) tables.push({ table_name: table, row_count: rows.length, rows: text, fingerprint: fingerprints?.get(table) ?? null });
  }
  const rowCount = tables.reduce((sum, t) => sum + t.row_count, 0);
  const byteSize = tables.reduce((sum, t) => sum + Buffer.byteLength(t.rows), 0);
  const snapshot = await ex
    .insertInto('sandbox_snapshots')
    .values({ account_id: accountId, name, schema_version: latestMigration(), row_count: rowCount, byte_size: byteSize, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (tables.length > 0) await ex.insertInto('sandbox_snapshot_tables').values(tables.map((t) => ({ snapshot_id: snapshot.id, ...t }))).execute();
  return { name, createdAt: now, rowCount, byteSize };
}

export async function listSnapshots(ex: Executor, accountId: number): Promise<SnapshotSummary[]> {
  const rows = await ex.selectFrom('sandbox_snapshots').selectAll().where('account_id', '=', accountId).orderBy('created_at', 'desc').orderBy('id', 'desc').execute();
  return rows.map(toSummary);
}

async function findSnapshot(ex: Executor, accountId: number, rawName: unknown) {
  const name = checkSnapshotName(rawName);
  const row = await ex.selectFrom('sandbox_snapshots').selectAll().where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
  if (!row) throw notFound('snapshot', name);
  return row;
}

async function removeSnapshot(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('sandbox_snapshot_tables').where('snapshot_id', '=', id).execute();
  await ex.deleteFrom('sandbox_snapshots').where('id', '=', id).execute();
}

export async function deleteSnapshot(ex: Executor, accountId: number, name: unknown): Promise<void> {
  await removeSnapshot(ex, (await findSnapshot(ex, accountId, name)).id);
}

// Fewer statements are faster; SQLite takes up to 32,766 parameters in one.
const MAX_PARAMETERS = 16_000;

/**
 * PostgreSQL: the tables that differ from the snapshot, with every table that references one of
 * them (their rows must go before the parents can). Deleting a parent row there costs one
 * foreign-key check per child table, and a restore before each test usually changes a few tables.
 */
async function changedTables(ex: Executor, accountId: number, saved: Map<string, string | null>): Promise<Set<string>> {
  const current = await tableFingerprints(ex, ACCOUNT_TABLES, accountId);
  const parents = await foreignKeyParents(ex);
  const rewritten = new Set<string>(ACCOUNT_TABLES.filter((t) => (saved.has(t.table) ? saved.get(t.table) : '') !== current.get(t.table)).map((t) => t.table));
  // The list puts parents first, so one pass reaches every descendant.
  for (const t of ACCOUNT_TABLES) if ([...(parents.get(t.table) ?? [])].some((p) => rewritten.has(p))) rewritten.add(t.table);
  return rewritten;
}

/** Row-level differences between the account's tables and the snapshot's (PostgreSQL). */
async function rowChanges(
  ex: Executor,
  accountId: number,
  list: readonly AccountTable[],
  saved: (table: string) => { columns: string[]; rows: unknown[][] } | null,
): Promise<RowChanges[]> {
  const changes: RowChanges[] = [];
  for (const t of list) {
    let query = accountRows(ex, t, accountId).selectAll(t.table);
    for (const column of t.key) query = query.orderBy(`${t.table}.${column}`);
    const current = (await query.execute()) as Record<string, unknown>[];
    const snapshot = saved(t.table);
    const columns = snapshot?.columns ?? (current[0] ? Object.keys(current[0]) : []);
    const keyOf = (values: unknown[]) => JSON.stringify(t.key.map((k) => values[columns.indexOf(k)]));
    const want = new Map((snapshot?.rows ?? []).map((row) => [keyOf(row), row]));
    const change: RowChanges = { table: t.table, key: t.key, columns, remove: [], update: [], insert: [] };
    const seen = new Set<string>();
    for (const row of current) {
      const values = columns.map((c) => row[c]);
      const key = keyOf(values);
      const target = want.get(key);
      if (!target) change.remove.push(t.key.map((k) => row[k]));
      else if (JSON.stringify(values.map(encode)) !== JSON.stringify(target.map(encode))) change.update.push(target);
      seen.add(key);
    }
    for (const [key, row] of want) if (!seen.has(key)) change.insert.push(row);
    changes.push(change);
  }
  return changes;
}

/**
 * Replaces the account's data with the snapshot's, in the caller's transaction. The account's
 * pending jobs (deliveries and batches of the discarded state) are cancelled; the request and
 * delivery logs, credentials and users stay. The test clock returns to the snapshot's, even if
 * that is earlier: restoring is the one way back in time.
 */
export async function restoreSnapshot(ex: Executor, accountId: number, rawName: unknown, now: string): Promise<RestoreSummary> {
  const snapshot = await findSnapshot(ex, accountId, rawName);
  if (snapshot.schema_version !== latestMigration()) {
    throw new DomainError(
      'business_rules',
      `Snapshot ${snapshot.name} was saved by an older database schema (${snapshot.schema_version}); restore it with that version or save it again.`,
      'invalid_status',
    );
  }
  await lockRow(ex, 'accounts', accountId);
  const stored = await ex.selectFrom('sandbox_snapshot_tables').select(['table_name', 'row_count', 'rows', 'fingerprint']).where('snapshot_id', '=', snapshot.id).execute();
  const byTable = new Map(stored.map((t) => [t.table_name, t.rows]));
  const tables: Record<string, number> = Object.fromEntries(stored.map((t) => [t.table_name, t.row_count]));

  await ex
    .updateTable('jobs')
    .set({ status: 'cancelled', finished_at: now, last_error: `sandbox snapshot ${snapshot.name} restored` })
    .where('account_id', '=', accountId)
    .where('status', '=', 'pending')
    .where('locked_by', 'is', null)
    .execute();
  const parse = (table: string) => {
    const { columns, rows } = JSON.parse(byTable.get(table)!) as StoredTable;
    return { table, columns, rows: rows.map((row) => row.map(decode)) };
  };

  if (onPostgres(ex)) {
    const rewritten = await changedTables(ex, accountId, new Map(stored.map((t) => [t.table_name, t.fingerprint])));
    const list = ACCOUNT_TABLES.filter((t) => rewritten.has(t.table));
    // First row by row (a test usually changes a few rows of a few tables); if a unique value
    // moved between rows, the whole tables instead.
    const changes = await rowChanges(ex, accountId, list, (table) => (byTable.has(table) ? parse(table) : null));
    await sql`SAVEPOINT snapshot_rows`.execute(ex);
    try {
      await applyRowChanges(ex, changes);
      await sql`RELEASE SAVEPOINT snapshot_rows`.execute(ex);
    } catch {
      await sql`ROLLBACK TO SAVEPOINT snapshot_rows`.execute(ex);
      await deleteTables(ex, list, accountId);
      await insertTables(ex, list.filter((t) => byTable.has(t.table)).map((t) => parse(t.table)));
    }
    return { ...toSummary(snapshot), tables };
  }
  // SQLite: foreign-key checks are cheap and reading the account to compare would cost as much as
  // rewriting it, so every table is rewritten, children deleted first and parents inserted first.
  for (const t of [...ACCOUNT_TABLES].reverse()) await deleteAccountRows(ex, t, accountId);
  const anyEx = ex as unknown as Kysely<any>;
  for (const t of ACCOUNT_TABLES) {
    if (!byTable.has(t.table)) continue;
    const { columns, rows } = parse(t.table);
    const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS / columns.length));
    for (let i = 0; i < rows.length; i += perStatement) {
      const values = rows.slice(i, i + perStatement).map((row) => Object.fromEntries(columns.map((c, j) => [c, row[j]])));
      await anyEx.insertInto(t.table).values(values).execute();
    }
  }
  return { ...toSummary(snapshot), tables };
}
