// V1 order lists send each order's kept JSON (migration 0021): after every kind of write, on V1,
// V2, labels, the hold job, sandbox seed/snapshots/reset and raw SQL, the page served from what is
// kept must be byte for byte the page built fresh, and the fresh page the bytes the list made
// before anything was kept (JSON.stringify of pageBody over orderOut).
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import pg from 'pg';
import { addWarehouse, createV1Order, shipmentOfOrder, v1Address } from '../helpers/v1-orders.ts';
import { startTestApp, CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { onlyOn } from '../helpers/skips.ts';
import { listOrders } from '../../src/domain/orders/list.ts';
import { releaseHold } from '../../src/domain/orders/actions.ts';
import { createOrderFromShipment } from '../../src/domain/orders/sales-order.ts';
import { insertShipment } from '../../src/domain/shipments/store.ts';
import { orderOut } from '../../src/api/v1legacy/orders/mapper.ts';
import { pageBody } from '../../src/api/v1legacy/shared/values.ts';

const sandboxHeaders = { 'api-key': CREDENTIALS.apiKey };

describe('kept V1 order JSON is never stale', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addWarehouse(t);
    const seeded = await t.app.inject({ method: 'POST', url: '/sandbox/seed', payload: { orders: 40, seed: 5 }, headers: sandboxHeaders });
    assert.equal(seeded.statusCode, 200, seeded.body);
  });
  after(() => t.close());

  const db = () => t.ctx.database.db;
  const PAGES = ['/orders?pageSize=500', '/orders?orderStatus=awaiting_shipment&pageSize=7&page=2', '/orders?sortBy=ModifyDate&sortDir=DESC&pageSize=500'];

  async function page(url: string) {
    const res = await t.v1('GET', url);
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.headers['content-type'], 'application/json; charset=utf-8');
    return res.body;
  }
  const keptRows = async () =>
    Number((await db().selectFrom('order_v1_json').select((eb) => eb.fn.countAll<number>().as('n')).where('body', 'is not', null).executeTakeFirstOrThrow()).n);

  /** The first order whose JSON differs between two pages, for a readable failure. */
  function firstDifference(a: string, b: string): string {
    const x = JSON.parse(a).orders as { orderId: number }[];
    const y = JSON.parse(b).orders as { orderId: number }[];
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
      if (JSON.stringify(x[i]) !== JSON.stringify(y[i])) return `order #${i}: kept ${JSON.stringify(x[i])?.slice(0, 400)}\n fresh ${JSON.stringify(y[i])?.slice(0, 400)}`;
    }
    return 'same orders; the page fields differ';
  }

  /**
   * Every page as served (from what is kept, filled by the previous check) equals the page built
   * with nothing kept, which equals what the list sent before 0021; then the pages are kept again.
   */
  async function assertFresh(step: string) {
    const served = [];
    for (const url of PAGES) served.push(await page(url));
    await db().deleteFrom('order_v1_json').execute();
    for (const [i, url] of PAGES.entries()) {
      const fresh = await page(url);
      assert.ok(served[i] === fresh, `${step}: ${url} served stale JSON\n${firstDifference(served[i], fresh)}`);
    }
    // The bytes the list sent before anything was kept: pageBody over orderOut, serialized.
    const { orders, total } = await listOrders(db(), 1, {}, { by: 'id', dir: 'asc' }, { offset: 0, limit: 500 });
    assert.equal(await page(PAGES[0]), JSON.stringify(pageBody('orders', orders.map(orderOut), total, { page: 1, pageSize: 500 })), `${step}: fresh page bytes`);
    assert.ok((await keptRows()) > 0, `${step}: the pages were kept`);
    // Read again, from memory or from the rows kept: the same bytes.
    for (const url of PAGES) {
      const first = await page(url);
      assert.ok((await page(url)) === first, `${step}: ${url} read twice`);
    }
  }

  const ok = async (response: Promise<{ statusCode: number; body: string }>, status = 200) => {
    const res = await response;
    assert.equal(res.statusCode, status, res.body);
    return res;
  };

  test('V1 order writes: create, update, createorders, tags, users, holds, mark shipped, delete', async () => {
    await assertFresh('after seeding');
    const a = await createV1Order(t, 'J-1');
    await assertFresh('V1 createorder');
    await createV1Order(t, 'J-1', { orderStatus: 'awaiting_payment', items: [{ sku: 'MUG', name: 'Mug', quantity: 3, unitPrice: 9 }], internalNotes: 'changed' });
    await assertFresh('V1 createorder updating the order and its items');
    await ok(
      t.v1('POST', '/orders/createorders', [
        { orderNumber: 'J-1', orderKey: 'key-J-1', orderDate: '2026-11-21T10:00:00', orderStatus: 'awaiting_shipment', billTo: v1Address('Bulk'), shipTo: v1Address('Bulk'), items: [] },
        { orderNumber: 'J-2', orderKey: 'key-J-2', orderDate: '2026-11-21T10:00:00', orderStatus: 'on_hold', billTo: v1Address('Bulk'), shipTo: v1Address('Bulk'), items: [{ name: 'Cap', quantity: 1, unitPrice: 5 }] },
      ]),
    );
    await assertFresh('V1 createorders');
    const tag = await db().insertInto('tags').values({ account_id: 1, name: 'Rush', color: '#FF0000', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow();
    await ok(t.v1('POST', '/orders/addtag', { orderId: a.orderId, tagId: tag.id }));
    await assertFresh('V1 addtag');
    await ok(t.v1('POST', '/orders/removetag', { orderId: a.orderId, tagId: tag.id }));
    await assertFresh('V1 removetag');
    const userId = (await t.v1('GET', '/users')).json()[0].userId;
    await ok(t.v1('POST', '/orders/assignuser', { orderIds: [a.orderId], userId }));
    await assertFresh('V1 assignuser');
    await ok(t.v1('POST', '/orders/unassignuser', { orderIds: [a.orderId] }));
    await assertFresh('V1 unassignuser');
    await ok(t.v1('POST', '/orders/holduntil', { orderId: a.orderId, holdUntilDate: '2030-01-01' }));
    await assertFresh('V1 holduntil');
    await ok(t.v1('POST', '/orders/restorefromhold', { orderId: a.orderId }));
    await assertFresh('V1 restorefromhold');
    await ok(t.v1('POST', '/orders/holduntil', { orderId: a.orderId, holdUntilDate: '2030-01-01' }));
    await assertFresh('V1 holduntil again');
    await db().transaction().execute((tx) => releaseHold(tx, 1, { orderId: a.orderId, holdUntil: '2030-01-01T08:00:00.000Z' }, '2030-01-02T00:00:00.000Z'));
    await assertFresh('hold released by the job');
    await ok(t.v1('POST', '/orders/markasshipped', { orderId: a.orderId, carrierCode: 'usps', shipDate: '2026-11-22' }));
    await assertFresh('V1 markasshipped');
    const b = await createV1Order(t, 'J-3');
    await assertFresh('V1 createorder before delete');
    await ok(t.v1('DELETE', `/orders/${b.orderId}`));
    await assertFresh('V1 delete');
    await createV1Order(t, 'J-3', { orderStatus: 'on_hold' });
    await assertFresh('V1 createorder reviving a deleted order');
  });

  test('tags deleted and renamed on V2 (the foreign key cascades to order tags)', async () => {
    const tag = await db().insertInto('tags').values({ account_id: 1, name: 'Gone', color: '#00FF00', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow();
    const a = await createV1Order(t, 'T-1');
    await ok(t.v1('POST', '/orders/addtag', { orderId: a.orderId, tagId: tag.id }));
    await assertFresh('tagged');
    await ok(t.api('v2', 'PUT', '/v2/tags/Gone/Renamed'), 204);
    await assertFresh('V2 tag renamed');
    await ok(t.api('v2', 'DELETE', '/v2/tags/Renamed'), 204);
    await assertFresh('V2 tag deleted');
    assert.equal((await t.v1('GET', `/orders/${a.orderId}`)).json().tagIds, null);
  });

  test('labels on V1 and V2, voids, V2 shipment update and cancel, a V2 sales order', async () => {
    const a = await createV1Order(t, 'L-1');
    await assertFresh('order for a V1 label');
    const label = await ok(t.v1('POST', '/orders/createlabelfororder', { orderId: a.orderId, carrierCode: 'ups', serviceCode: 'ups_ground', packageCode: 'package', shipDate: '2026-11-23' }));
    await assertFresh('V1 createlabelfororder');
    await ok(t.v1('POST', '/shipments/voidlabel', { shipmentId: JSON.parse(label.body).shipmentId }));
    await assertFresh('V1 voidlabel');
    const b = await createV1Order(t, 'L-2', { carrierCode: 'ups', serviceCode: 'ups_ground' });
    await assertFresh('order for a V2 label');
    const shipmentId = await shipmentOfOrder(t, b.orderId);
    const shipment = (await t.api('v2', 'GET', `/v2/shipments/se-${shipmentId}`)).json();
    const updated = await t.api('v2', 'PUT', `/v2/shipments/se-${shipmentId}`, {
      ...shipment,
      ship_to: { ...shipment.ship_to, name: 'Renamed Buyer' },
      packages: shipment.packages.map((p: Record<string, unknown>) => ({ ...p, weight: { value: 3, unit: 'pound' } })),
    });
    assert.equal(updated.statusCode, 200, updated.body);
    await assertFresh('V2 shipment update');
    const v2 = await ok(t.api('v2', 'POST', `/v2/labels/shipment/se-${shipmentId}`, {}));
    await assertFresh('V2 label on the order shipment');
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${JSON.parse(v2.body).label_id}/void`)).json().approved, true);
    await assertFresh('V2 void');
    const c = await createV1Order(t, 'L-3');
    await assertFresh('order for a V2 cancel');
    await ok(t.api('v2', 'PUT', `/v2/shipments/se-${await shipmentOfOrder(t, c.orderId)}/cancel`), 204);
    await assertFresh('V2 shipment cancel');
    const sale = await db().transaction().execute(async (tx) => {
      const body = { ...(await tx.selectFrom('shipments').select('body').where('id', '=', shipmentId).executeTakeFirstOrThrow()) };
      const inserted = await insertShipment(tx, 1, { body: { ...JSON.parse(body.body), externalOrderId: 'v2-sale-7' }, shipmentNumber: 'V2-7' }, t.ctx.clock.nowIso());
      return createOrderFromShipment(tx, 1, inserted, t.ctx.clock.nowIso());
    });
    assert.ok(sale.id > 0);
    await assertFresh('V2 sales order');
  });

  test('writes no API makes: raw SQL on orders, items and tags', async () => {
    const a = await createV1Order(t, 'R-1', { items: [{ sku: 'A', name: 'A', quantity: 1, unitPrice: 1 }, { sku: 'B', name: 'B', quantity: 1, unitPrice: 2 }] });
    await assertFresh('order for raw writes');
    await sql`update order_items set quantity = quantity + 4 where order_id = ${a.orderId} and sku = 'A'`.execute(db());
    await assertFresh('item updated');
    await sql`delete from order_items where order_id = ${a.orderId} and sku = 'B'`.execute(db());
    await assertFresh('item deleted');
    const template = await db().selectFrom('order_items').selectAll().where('order_id', '=', a.orderId).executeTakeFirstOrThrow();
    const { id: _id, ...copy } = template;
    await db().insertInto('order_items').values({ ...copy, position: 9, sku: 'C', name: 'C' }).execute();
    await assertFresh('item inserted');
    const tag = await db().insertInto('tags').values({ account_id: 1, name: 'Raw', color: '#0000FF', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow();
    await db().insertInto('order_tags').values({ order_id: a.orderId, tag_id: tag.id }).execute();
    await assertFresh('tag inserted');
    await sql`update orders set user_id = 'raw-user', customer_email = 'raw@example.com' where id = ${a.orderId}`.execute(db());
    await assertFresh('order row updated');
    await db().deleteFrom('order_tags').where('order_id', '=', a.orderId).execute();
    await assertFresh('tag deleted');
  });

  test('sandbox: snapshot restore, seed, reset', async () => {
    await ok(t.app.inject({ method: 'POST', url: '/sandbox/snapshots', payload: { name: 'kept-json' }, headers: sandboxHeaders }), 201);
    const a = await createV1Order(t, 'S-1');
    await createV1Order(t, 'J-2', { orderStatus: 'cancelled', items: [{ sku: 'NEW', name: 'New', quantity: 1, unitPrice: 1 }] });
    await assertFresh('changes after the snapshot');
    await ok(t.app.inject({ method: 'POST', url: '/sandbox/snapshots/kept-json/restore', headers: sandboxHeaders }));
    await assertFresh('snapshot restored');
    assert.equal((await t.v1('GET', `/orders/${a.orderId}`)).statusCode, 404);
    await ok(t.app.inject({ method: 'POST', url: '/sandbox/seed', payload: { orders: 10, seed: 6 }, headers: sandboxHeaders }));
    await assertFresh('seeded again');
    await ok(t.app.inject({ method: 'POST', url: '/sandbox/reset', headers: sandboxHeaders }));
    assert.equal(await keptRows(), 0, 'reset leaves no kept JSON behind (its orders are gone)');
    await createV1Order(t, 'S-2');
    await assertFresh('after reset');
  });

  test('a write in flight while a page is rendered is not kept (PostgreSQL)', { skip: onlyOn('postgres', 'concurrent writers are a PostgreSQL matter') }, async () => {
    const a = await createV1Order(t, 'W-1');
    await assertFresh('order for the writer');
    const url = new URL(process.env.DATABASE_URL!);
    url.searchParams.set('options', `-c search_path=${t.schema}`);
    const writer = new pg.Client({ connectionString: url.toString() });
    await writer.connect();
    try {
      // No kept row, then a writer that has not committed: the reader renders the committed order,
      // and its write-back must not outlive the writer's commit.
      await db().deleteFrom('order_v1_json').where('order_id', '=', a.orderId).execute();
      await writer.query('begin');
      await writer.query('update order_items set quantity = quantity + 10 where order_id = $1', [a.orderId]);
      const during = JSON.parse(await page(PAGES[0])).orders.find((o: { orderId: number }) => o.orderId === a.orderId);
      assert.equal(during.items[0].quantity, 2, 'the uncommitted change is not seen');
      await writer.query('commit');
      await assertFresh('writer committed after a render without a kept row');
      // A kept row, then a writer in flight: the kept body stays the committed one until it commits.
      await writer.query('begin');
      await writer.query('update orders set user_id = $2 where id = $1', [a.orderId, 'in-flight']);
      const kept = JSON.parse(await page(PAGES[0])).orders.find((o: { orderId: number }) => o.orderId === a.orderId);
      assert.equal(kept.userId, null);
      await writer.query('commit');
      assert.equal(JSON.parse(await page(PAGES[0])).orders.find((o: { orderId: number }) => o.orderId === a.orderId).userId, 'in-flight');
      await assertFresh('writer committed over a kept row');
      // The writer commits while the reader's write-back waits for it: the write-back must see the
      // writer's row and keep nothing (the next read renders the committed order).
      await db().deleteFrom('order_v1_json').where('order_id', '=', a.orderId).execute();
      await writer.query('begin');
      await writer.query('update order_items set quantity = 7 where order_id = $1', [a.orderId]);
      const reading = page(PAGES[0]);
      await new Promise((resolve) => setTimeout(resolve, 40));
      await writer.query('commit');
      assert.equal(JSON.parse(await reading).orders.find((o: { orderId: number }) => o.orderId === a.orderId).items[0].quantity, 12);
      assert.equal(JSON.parse(await page(PAGES[0])).orders.find((o: { orderId: number }) => o.orderId === a.orderId).items[0].quantity, 7);
      await assertFresh('writer committed during a write-back');
    } finally {
      await writer.end();
    }
  });
});
