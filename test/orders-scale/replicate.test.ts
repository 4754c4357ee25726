// Bench seeding at a million orders copies a seed inside the database (seed-replicate.ts): copies
// equal their template column for column, ids rise copy by copy, the counters stay exact, and the
// indexes (and on PostgreSQL the foreign keys) dropped for the load come back exactly as they were,
// also when the load fails and rolls back.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { withDeferredIndexes } from '../../src/db/bulk.ts';
import { seedAccount } from '../../src/domain/sandbox/seed.ts';
import { replicateSeededOrders } from '../../src/domain/sandbox/seed-replicate.ts';

const TEMPLATE = 25;
const ROUNDS = 3;

describe('replicating a seed for the benches', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    // As bench/seed-orders.ts makes its template: the sandbox seed without labels.
    await t.ctx.database.db.transaction().execute((tx) => seedAccount(tx, 1, { orders: TEMPLATE, seed: 7, labels: 0 }, '2026-11-20T12:00:00.000Z'));
  });
  after(() => t.close());

  /** Index, trigger and foreign-key definitions of the two tables the load rebuilds. */
  async function schemaOf(): Promise<string[]> {
    const db = t.ctx.database.db;
    if (!usingPostgres()) {
      // Temporary tables (the copy's seed_template*) are listed in sqlite_temp_master.
      const rows = await sql<{ d: string }>`select type || ' ' || name || ' ' || coalesce(sql, '') as d from sqlite_master
        where tbl_name in ('orders', 'order_items')
        union all select 'temp ' || type || ' ' || name from sqlite_temp_master`.execute(db);
      return rows.rows.map((r) => r.d).sort();
    }
    const indexes = await sql<{ d: string }>`select pg_get_indexdef(indexrelid) || ' valid=' || indisvalid || ' ready=' || indisready as d
      from pg_index where indrelid in (to_regclass('orders'), to_regclass('order_items'))`.execute(db);
    const constraints = await sql<{ d: string }>`select conrelid::regclass::text || ' ' || conname || ' ' || pg_get_constraintdef(oid) || ' validated=' || convalidated as d
      from pg_constraint where conrelid in (to_regclass('orders'), to_regclass('order_items'))`.execute(db);
    const triggers = await sql<{ d: string }>`select tgname || ' enabled=' || tgenabled::text as d from pg_trigger where tgrelid = to_regclass('orders') and not tgisinternal`.execute(db);
    return [...indexes.rows, ...constraints.rows, ...triggers.rows].map((r) => r.d).sort();
  }

  const orderRows = async () =>
    (await t.ctx.database.db.selectFrom('orders').selectAll().where('account_id', '=', 1).where('order_key', 'like', 'seed-7-%').orderBy('id').execute()) as Record<string, unknown>[];

  test('copies equal their template, ids rise copy by copy, counters and schema unchanged', async () => {
    const db = t.ctx.database.db;
    const schemaBefore = await schemaOf();
    const template = await orderRows();
    assert.equal(template.length, TEMPLATE);
    const templateItems = await db.selectFrom('order_items').selectAll().where('order_id', 'in', template.map((o) => o.id as number)).orderBy('order_id').orderBy('position').execute();

    assert.equal(await replicateSeededOrders(db, 1, 7, ROUNDS), TEMPLATE * (ROUNDS + 1));

    const all = await orderRows();
    assert.equal(all.length, TEMPLATE * (ROUNDS + 1));
    const ids = all.map((o) => Number(o.id));
    assert.deepEqual(ids, [...ids].sort((a, b) => a - b));
    for (let k = 1; k <= ROUNDS; k++) {
      const copies = all.slice(TEMPLATE * k, TEMPLATE * (k + 1));
      copies.forEach((copy, j) => {
        const original = template[j];
        for (const [column, value] of Object.entries(original)) {
          if (column === 'id') continue;
          const expected = ['order_key', 'order_number', 'order_number_search'].includes(column) ? `${value}~${1000 + k}` : value;
          assert.deepEqual(copy[column], expected, `copy ${k} of order ${original.id}: ${column}`);
        }
      });
      const items = await db.selectFrom('order_items').selectAll().where('order_id', 'in', copies.map((o) => o.id as number)).orderBy('id').execute();
      assert.equal(items.length, templateItems.length, `items of copy ${k}`);
      // Item ids follow (order, position), as the orders' do.
      const byCopy = new Map(copies.map((c, j) => [Number(c.id), Number(template[j].id)]));
      assert.deepEqual(
        items.map((i) => [byCopy.get(i.order_id), i.position, i.sku, i.quantity, i.unit_price_cents, i.body]),
        templateItems.map((i) => [i.order_id, i.position, i.sku, i.quantity, i.unit_price_cents, i.body]),
      );
    }

    const counted = await sql<{ store_id: number; status: string; n: number }>`select store_id, status, sum(n) as n from order_counts where account_id = 1 group by store_id, status having sum(n) <> 0 order by store_id, status`.execute(db);
    const truth = await sql<{ store_id: number; status: string; n: number }>`select store_id, status, count(*) as n from orders where account_id = 1 and active = 1 group by store_id, status order by store_id, status`.execute(db);
    assert.deepEqual(counted.rows.map((r) => [r.store_id, r.status, Number(r.n)]), truth.rows.map((r) => [r.store_id, r.status, Number(r.n)]));
    if (usingPostgres()) {
      // Compacted: one row per key, so the first list read has nothing to sum.
      assert.equal(Number((await sql<{ n: number }>`select count(*) as n from order_counts where account_id = 1`.execute(db)).rows[0].n), truth.rows.length);
    }
    assert.deepEqual(await schemaOf(), schemaBefore);

    // The copied orders are listed like any other (the rebuilt indexes serve the V1 filters).
    const listed = (await t.v1('GET', '/orders?orderStatus=awaiting_shipment&pageSize=500')).json();
    assert.equal(listed.total, truth.rows.filter((r) => r.status === 'awaiting_shipment').reduce((s, r) => s + Number(r.n), 0));
    assert.equal(listed.orders.length, listed.total);
  });

  test('a failing replication rolls back whole: rows, counters and schema as before', async () => {
    const db = t.ctx.database.db;
    const schemaBefore = await schemaOf();
    const before = await orderRows();
    const countsBefore = await sql`select store_id, status, sum(n) as n from order_counts where account_id = 1 group by store_id, status order by 1, 2`.execute(db);
    // Copies 1..3 exist already: their keys collide in orders_account_key.
    await assert.rejects(replicateSeededOrders(db, 1, 7, 2), /unique|UNIQUE/);
    // Nothing of the failed run is left in the way of the next: it fails the same way.
    await assert.rejects(replicateSeededOrders(db, 1, 7, 2), /unique|UNIQUE/);
    assert.deepEqual(await orderRows(), before);
    assert.deepEqual((await sql`select store_id, status, sum(n) as n from order_counts where account_id = 1 group by store_id, status order by 1, 2`.execute(db)).rows, countsBefore.rows);
    assert.deepEqual(await schemaOf(), schemaBefore);
  });

  test('the deferred-index load refuses to run outside a transaction (each drop would commit alone)', async () => {
    const db = t.ctx.database.db;
    const schemaBefore = await schemaOf();
    let loaded = false;
    await assert.rejects(
      withDeferredIndexes(db, ['orders'], async () => {
        loaded = true;
      }),
      /needs a transaction/,
    );
    assert.equal(loaded, false);
    assert.deepEqual(await schemaOf(), schemaBefore);
  });
});
