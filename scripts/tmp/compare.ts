// In-process: the old total (COUNT over the matches) against the counters, and the page of ids.
import { sql } from 'kysely';
import { openDatabase } from '../../src/db/index.ts';
import { listOrders } from '../../src/domain/orders/list.ts';
const url = process.env.DATABASE_URL || null;
const database = await openDatabase({ databaseUrl: url, dataDir: process.env.DIR ?? ':memory:' , schema: process.env.SCHEMA });
const db = database.db;
async function time(label: string, fn: () => Promise<unknown>, n = 30) {
  const ts: number[] = [];
  for (let i = 0; i < n; i++) { const t0 = performance.now(); await fn(); ts.push(performance.now() - t0); }
  ts.sort((a, b) => a - b);
  console.log(label.padEnd(60), 'p50', ts[n >> 1].toFixed(2), 'ms  max', ts[n - 1].toFixed(2), 'ms');
}
await time('old total: count(*) status=awaiting_shipment', () => sql`select count(*) as n from orders o where o.account_id = 1 and o.active = 1 and o.status = 'awaiting_shipment'`.execute(db), 10);
await time('new total: counters', () => sql`select coalesce(sum(n),0), count(*) from order_counts where account_id = 1 and status = 'awaiting_shipment'`.execute(db));
await time('ids page (status, order by id, 100)', () => sql`select o.id from orders o where o.account_id = 1 and o.active = 1 and o.status = 'awaiting_shipment' order by o.id asc limit 100 offset 0`.execute(db));
await time('listOrders status=awaiting_shipment, 100 (whole domain call)', () => listOrders(db, 1, { status: 'awaiting_shipment' }, { by: 'id', dir: 'asc' }, { offset: 0, limit: 100 }));
await time('listOrders page 5000 (deep offset)', () => listOrders(db, 1, { status: 'awaiting_shipment' }, { by: 'id', dir: 'asc' }, { offset: 4999 * 100 > 200000 ? 200000 : 4999 * 100, limit: 100 }), 5);
const plan = url ? 'explain ' : 'explain query plan ';
console.log((await sql.raw(`${plan} select o.id from orders o where o.account_id = 1 and o.active = 1 and o.status = 'awaiting_shipment' order by o.id asc limit 100`).execute(db)).rows);
await database.close();
