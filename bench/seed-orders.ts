// Orders at volume for the benches: the sandbox seed's bulk path for a realistic template (10,000
// orders with items, shipments, customers, products on four stores), then copies of it made
// inside the database up to the count asked (orders and items; see replicateSeededOrders).
import { sql } from 'kysely';
import type { Db } from '../src/db/index.ts';
import { seedAccount } from '../src/domain/sandbox/seed.ts';
import { replicateSeededOrders } from '../src/domain/sandbox/seed-replicate.ts';

const TEMPLATE = 10_000;

/** Fills account 1 with `count` orders (a multiple of 10,000 above that); returns how many. */
export async function seedOrders(db: Db, count: number, postgres: boolean, phase: (name: string) => void = () => {}): Promise<number> {
  // A page cache that holds the indexes being filled: without it SQLite spills and rewrites the
  // same index pages to the WAL over and over (gigabytes for a million orders).
  if (!postgres) await sql`pragma cache_size = -524288`.execute(db);
  const template = Math.min(count, TEMPLATE);
  await db.transaction().execute((tx) => seedAccount(tx, 1, { orders: template, seed: 1, labels: 0, chunk: 1000 }, new Date().toISOString()));
  phase('template');
  if (postgres) await sql`analyze orders, order_items`.execute(db);
  phase('analyze');
  const total = count > template ? await replicateSeededOrders(db, 1, 1, Math.round(count / template) - 1) : template;
  phase('replicate');
  // What autovacuum does soon after a bulk load: statistics and the visibility map.
  if (postgres) await sql`vacuum analyze orders, order_items, order_counts, shipments`.execute(db);
  else await sql`analyze`.execute(db);
  phase('vacuum/analyze');
  return total;
}
