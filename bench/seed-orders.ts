// Orders at volume for the benches: the sandbox seed's bulk path for a realistic template (10,000
// orders with items, shipments, customers, products on four stores), then copies of it made
// inside the database up to the count asked (orders and items; see replicateSeededOrders).
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';
import { seedAccount } from '../src/domain/sandbox/seed.ts';
import { replicateSeededOrders } from '../src/domain/sandbox/seed-replicate.ts';

const TEMPLATE = 10_000;

/**
 * The million-order copy writes its 2.9 GB once with a rollback journal, which holds only pages the
 * file had before (the copies are new pages at its end) and keeps the commit atomic. In WAL mode the
 * same load wrote 11 GB: every page to the log, again at checkpoints, and spilled pages more than once.
 * SQLite leaves WAL mode only for a connection that has the file alone (orders.ts seeds with the
 * server stopped); otherwise the load stays in WAL mode. Returns whether the mode was switched.
 */
async function journalMode(db: Db, mode: 'truncate' | 'wal'): Promise<boolean> {
  // Another connection makes the switch fail at once with SQLITE_BUSY (no waiting it out).
  const { rows: timeout } = await sql<{ timeout: number }>`pragma busy_timeout`.execute(db);
  await sql`pragma busy_timeout = 0`.execute(db);
  try {
    const { rows } = await sql<{ journal_mode: string }>`${sql.raw(`pragma journal_mode = ${mode}`)}`.execute(db);
    return rows[0]?.journal_mode === mode;
  } catch (error) {
    if ((error as { code?: string }).code === 'SQLITE_BUSY') return false;
    throw error;
  } finally {
    await sql.raw(`pragma busy_timeout = ${Number(timeout[0]?.timeout ?? 5000)}`).execute(db);
  }
}

/**
 * SQLite connection settings for the load, set until `restore`: a page cache that holds what the
 * copies and index builds (seed-replicate.ts) are filling, and index sorts in memory rather than
 * through temporary files. Restored after: pages.ts seeds on the server's own connection.
 */
async function loadSettings(db: Db): Promise<() => Promise<void>> {
  const cache = (await sql<{ cache_size: number }>`pragma cache_size`.execute(db)).rows[0]?.cache_size ?? -2000;
  const temp = (await sql<{ temp_store: number }>`pragma temp_store`.execute(db)).rows[0]?.temp_store ?? 0;
  await sql`pragma cache_size = -524288`.execute(db);
  await sql`pragma temp_store = memory`.execute(db);
  return async () => {
    await sql.raw(`pragma cache_size = ${Number(cache)}`).execute(db);
    await sql.raw(`pragma temp_store = ${Number(temp)}`).execute(db);
  };
}

/** Fills account 1 with `count` orders (a multiple of 10,000 above that); returns how many. */
export async function seedOrders(db: Db, count: number, postgres: boolean, phase: (name: string) => void = () => {}): Promise<number> {
  const restore = postgres ? null : await loadSettings(db);
  try {
    const template = Math.min(count, TEMPLATE);
    await db.transaction().execute((tx) => seedAccount(tx, 1, { orders: template, seed: 1, labels: 0, chunk: 1000 }, new Date().toISOString()));
    phase('template');
    if (postgres) await sql`analyze orders, order_items`.execute(db);
    phase('analyze');
    const total = count > template ? await replicate(db, Math.round(count / template) - 1, postgres) : template;
    phase('replicate');
    // What autovacuum does soon after a bulk load: statistics and the visibility map.
    if (postgres) await sql`vacuum analyze orders, order_items, order_counts, shipments`.execute(db);
    else await sql`analyze`.execute(db);
    phase('vacuum/analyze');
    return total;
  } finally {
    await restore?.();
  }
}

async function replicate(db: Db, rounds: number, postgres: boolean): Promise<number> {
  if (postgres) return replicateSeededOrders(db, 1, 1, rounds);
  const journaled = await journalMode(db, 'truncate');
  try {
    return await replicateSeededOrders(db, 1, 1, rounds);
  } finally {
    if (journaled && !(await journalMode(db, 'wal'))) console.error('bench seed: the database stayed in rollback-journal mode');
    // Left in WAL mode, the one-transaction load grew the log to its own size: truncated here.
    if (!journaled) await sql`pragma wal_checkpoint(truncate)`.execute(db);
  }
}
