// V1 GET /orders totals come from counters (0020) when the filter is status and/or store: after
// every order write path, on V1 and V2, each filter shape's total and pages equal a real count.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { addWarehouse, createV1Order, shipmentOfOrder, v1Address } from '../helpers/v1-orders.ts';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { onlyOn } from '../helpers/skips.ts';
import { ORDER_STATUSES } from '../../src/domain/orders/types.ts';
import { releaseHold } from '../../src/domain/orders/actions.ts';


describe('order list totals stay exact across every write path', () => {
  let t: TestApp;
  let stores: number[];
  before(async () => {
    t = await startTestApp();
    await addWarehouse(t);
    const seeded = await t.app.inject({ method: 'POST', url: '/sandbox/seed', payload: { orders: 60, seed: 3 }, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    assert.equal(seeded.statusCode, 200, seeded.body);
    stores = (await t.v1('GET', '/stores')).json().map((s: { storeId: number }) => s.storeId);
  });
  after(() => t.close());

  /** Every counted filter shape against COUNT(*) over the live orders, page arithmetic included. */
  async function assertExact(step: string) {
    const db = t.ctx.database.db;
    const truth = async (status?: string, storeId?: number) => {
      let q = db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', 1).where('active', '=', 1);
      if (status) q = q.where('status', '=', status);
      if (storeId !== undefined) q = q.where('store_id', '=', storeId);
      return Number((await q.executeTakeFirstOrThrow()).n);
    };
    const shapes: [string | undefined, number | undefined][] = [[undefined, undefined]];
    for (const status of ORDER_STATUSES) shapes.push([status, undefined], [status, stores[1]]);
    for (const store of stores) shapes.push([undefined, store]);
    for (const [status, storeId] of shapes) {
      const query = [status && `orderStatus=${status}`, storeId !== undefined && `storeId=${storeId}`, 'pageSize=7'].filter(Boolean).join('&');
      const listed = (await t.v1('GET', `/orders?${query}`)).json();
      const expected = await truth(status, storeId);
      assert.equal(listed.total, expected, `${step}: total of ${query}`);
      assert.equal(listed.pages, Math.ceil(expected / 7), `${step}: pages of ${query}`);
      assert.equal(listed.orders.length, Math.min(7, expected), `${step}: rows of ${query}`);
    }
  }


  test('seed, V1 create, update, createorders, hold, restore, mark shipped, delete', async () => {
    await assertExact('after seeding');
    const a = await createV1Order(t, 'C-1');
    await assertExact('V1 createorder');
    await createV1Order(t, 'C-1', { orderStatus: 'awaiting_payment' });
    await assertExact('V1 createorder updating the status');
    await createV1Order(t, 'C-2', { advancedOptions: { storeId: stores[1] }, orderStatus: 'pending_fulfillment' });
    await assertExact('V1 createorder into another store');
    const batch = await t.v1(
      'POST',
      '/orders/createorders',
      ORDER_STATUSES.filter((s) => s !== 'shipped').map((status, i) => ({
        orderNumber: `B-${i}`,
        orderKey: `batch-${i}`,
        orderDate: '2026-11-21T10:00:00',
        orderStatus: status,
        billTo: v1Address('Bulk Buyer'),
        shipTo: v1Address('Bulk Buyer'),
        items: [{ sku: 'MUG', name: 'Mug', quantity: 1, unitPrice: 9 }],
      })),
    );
    assert.equal(batch.statusCode, 200, batch.body);
    await assertExact('V1 createorders');
    assert.equal((await t.v1('POST', '/orders/holduntil', { orderId: a.orderId, holdUntilDate: '2030-01-01' })).statusCode, 200);
    await assertExact('V1 holduntil');
    assert.equal((await t.v1('POST', '/orders/restorefromhold', { orderId: a.orderId })).statusCode, 200);
    await assertExact('V1 restorefromhold');
    await t.v1('POST', '/orders/holduntil', { orderId: a.orderId, holdUntilDate: '2030-01-01' });
    const released = await t.ctx.database.db.transaction().execute((tx) => releaseHold(tx, 1, { orderId: a.orderId, holdUntil: '2030-01-01T08:00:00.000Z' }, '2030-01-02T00:00:00.000Z'));
    assert.ok(released !== undefined);
    await assertExact('hold released by the job');
    const marked = await t.v1('POST', '/orders/markasshipped', { orderId: a.orderId, carrierCode: 'usps', shipDate: '2026-11-22' });
    assert.equal(marked.statusCode, 200, marked.body);
    await assertExact('V1 markasshipped');
    const b = await createV1Order(t, 'C-3');
    assert.equal((await t.v1('DELETE', `/orders/${b.orderId}`)).statusCode, 200);
    await assertExact('V1 delete');
    await createV1Order(t, 'C-3', { orderStatus: 'on_hold' });
    await assertExact('V1 createorder reviving a deleted order');
  });

  test('labels on V1 and V2, void, V2 cancel, reset', async () => {
    const a = await createV1Order(t, 'L-1');
    const label = await t.v1('POST', '/orders/createlabelfororder', { orderId: a.orderId, carrierCode: 'ups', serviceCode: 'ups_ground', packageCode: 'package', shipDate: '2026-11-23' });
    assert.equal(label.statusCode, 200, label.body);
    await assertExact('V1 createlabelfororder');
    assert.equal((await t.v1('POST', '/shipments/voidlabel', { shipmentId: label.json().shipmentId })).statusCode, 200);
    await assertExact('V1 voidlabel');
    const b = await createV1Order(t, 'L-2', { carrierCode: 'ups', serviceCode: 'ups_ground' });
    const v2 = await t.api('v2', 'POST', `/v2/labels/shipment/se-${await shipmentOfOrder(t, b.orderId)}`, {});
    assert.equal(v2.statusCode, 200, v2.body);
    await assertExact('V2 label on the order shipment');
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${v2.json().label_id}/void`)).json().approved, true);
    await assertExact('V2 void');
    const c = await createV1Order(t, 'L-3');
    assert.equal((await t.api('v2', 'PUT', `/v2/shipments/se-${await shipmentOfOrder(t, c.orderId)}/cancel`)).statusCode, 204);
    await assertExact('V2 shipment cancel');
    const reset = await t.app.inject({ method: 'POST', url: '/sandbox/reset', headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    assert.equal(reset.statusCode, 200, reset.body);
    await assertExact('sandbox reset');
    assert.equal((await t.v1('GET', '/orders?orderStatus=shipped')).json().total, 0);
  });

  test('concurrent writes moving orders between statuses in opposite directions stay exact', async () => {
    const ids = await Promise.all(Array.from({ length: 12 }, (_, i) => createV1Order(t, `P-${i}`, { orderStatus: i % 2 ? 'awaiting_payment' : 'on_hold' })));
    await Promise.all(
      ids.map((o, i) =>
        t.v1('POST', '/orders/createorders', [
          { orderNumber: `P-${i}`, orderKey: `key-P-${i}`, orderDate: '2026-11-20T10:00:00', orderStatus: i % 2 ? 'on_hold' : 'awaiting_payment', billTo: v1Address('X'), shipTo: v1Address('X'), items: [] },
          { orderNumber: `Q-${i}`, orderKey: `key-Q-${i}`, orderDate: '2026-11-20T10:00:00', orderStatus: i % 2 ? 'awaiting_payment' : 'on_hold', billTo: v1Address('X'), shipTo: v1Address('X'), items: [] },
        ]).then((r) => assert.equal(r.statusCode, 200, `${o.orderId}: ${r.body}`)),
      ),
    );
    await assertExact('concurrent createorders');
  });

  test('PostgreSQL delta rows are compacted into one per key, totals unchanged', { skip: onlyOn('postgres', 'PostgreSQL keeps delta rows') }, async () => {
    const db = t.ctx.database.db;
    for (let i = 0; i < 300; i++) await sql`update orders set status = case when status = 'on_hold' then 'awaiting_payment' else status end where account_id = 1 and order_key = 'key-P-0'`.execute(db);
    const rows = async () => Number((await db.selectFrom('order_counts').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', 1).executeTakeFirstOrThrow()).n);
    await sql`update orders set status = 'on_hold' where account_id = 1 and order_key = 'key-P-0'`.execute(db);
    for (let i = 0; i < 150; i++) {
      await sql`update orders set status = 'awaiting_payment' where account_id = 1 and order_key = 'key-P-0'`.execute(db);
      await sql`update orders set status = 'on_hold' where account_id = 1 and order_key = 'key-P-0'`.execute(db);
    }
    assert.ok((await rows()) > 256, `delta rows: ${await rows()}`);
    await assertExact('before compaction');
    assert.ok((await rows()) <= 24, `compacted to ${await rows()} rows`);
    await assertExact('after compaction');
  });
});
