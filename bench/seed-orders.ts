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

/** Fills account 1 with `count` orders (a multiple of 10,000 above that); returns how many. */
export async function seedOrders(db: Db, count: number, postgres: boolean, phase: (name: string) => void = () => {}): Promise<number> {
  // A page cache that holds what the copies and index builds (seed-replicate.ts) are filling, and
  // index sorts in memory rather than through temporary files.
  if (!postgres) await sql`pragma cache_size = -524288`.execute(db);
  if (!postgres) await sql`pragma temp_store = memory`.execute(db);
  const template = Math.min(count, TEMPLATE);
  await db.transaction().execute((tx) => seedAccount(tx, 1, { orders: template, seed: 1, labels: 0, chunk: 1000 }, new Date().toISOString()));
  phase('template');
  if (postgres) await sql`analyze orders, order_items`.execute(db);
  phase('analyze');
  const journaled = !postgres && (await journalMode(db, 'truncate'));
  const total = count > template ? await replicateSeededOrders(db, 1, 1, Math.round(count / template) - 1) : template;
  if (journaled && !(await journalMode(db, 'wal'))) throw new Error('the seeded database could not go back to WAL mode');
  phase('replicate');
  // What autovacuum does soon after a bulk load: statistics and the visibility map.
  if (postgres) await sql`vacuum analyze orders, order_items, order_counts, shipments`.execute(db);
  else await sql`analyze`.execute(db);
  phase('vacuum/analyze');
  return total;
}
