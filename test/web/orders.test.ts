import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';
import { createV1Order, createWarehouse, quotedRates } from './fixtures.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];

describe('dashboard orders', () => {
  let t: TestApp;
  let web: WebClient;
  before(async () => {
    t = await startWebApp();
    await createWarehouse(t);
    web = new WebClient(t);
    await web.signIn();
  });
  after(() => t.close());

  const status = async (orderId: number) => (await t.v1('GET', `/orders/${orderId}`)).json().orderStatus;

  it('lists orders in status tabs, searches by number, name and SKU, and pages', async () => {
    await createV1Order(t, 'TAB-PAY', { status: 'awaiting_payment' });
    await createV1Order(t, 'TAB-HOLD', { status: 'on_hold' });
    for (let i = 0; i < 27; i++) await createV1Order(t, `PAGE-${String(i).padStart(2, '0')}`, { name: i === 3 ? 'Zed Quill' : 'Jane Buyer', sku: i === 5 ? 'MUG-BLUE' : 'TSHIRT-M' });

    const shipment = await web.get('/app/orders');
    assert.equal(shipment.statusCode, 200);
    assert.match(shipment.body, /aria-current="page">Awaiting shipment/);
    assert.match(shipment.body, /27 orders/);
    assert.equal((shipment.body.match(/href="\/app\/orders\/\d+"/g) ?? []).length, 25);
    assert.match(shipment.body, /Page 1 of 2/);
    const second = await web.get('/app/orders?status=awaiting_shipment&page=2');
    assert.equal((second.body.match(/href="\/app\/orders\/\d+"/g) ?? []).length, 2);

    const payment = await web.get('/app/orders?status=awaiting_payment');
    assert.match(payment.body, /TAB-PAY/);
    assert.doesNotMatch(payment.body, /PAGE-00/);
    assert.match((await web.get('/app/orders?status=on_hold')).body, /TAB-HOLD/);

    const byNumber = await web.get('/app/orders?status=awaiting_shipment&q=page-1&by=number');
    assert.match(byNumber.body, /10 orders matching/);
    const byName = await web.get('/app/orders?status=awaiting_shipment&q=quill&by=name');
    assert.match(byName.body, /1 order matching/);
    assert.match(byName.body, />PAGE-03</);
    const bySku = await web.get('/app/orders?status=awaiting_shipment&q=mug-blue&by=sku');
    assert.match(bySku.body, /1 order matching/);
    assert.match(bySku.body, />PAGE-05</);
  });

  it('shows an order with items, addresses, notes and tags', async () => {
    const order = await createV1Order(t, 'SHOW-1');
    const tag = (await t.api('v2', 'POST', '/v2/tags/Fragile')).json();
    assert.ok(tag);
    const [tagRow] = await t.ctx.database.db.selectFrom('tags').select('id').where('account_id', '=', 1).where('name', '=', 'Fragile').execute();
    assert.equal((await t.v1('POST', '/orders/addtag', { orderId: order.orderId, tagId: tagRow.id })).statusCode, 200);
    const page = await web.get(`/app/orders/${order.orderId}`);
    assert.equal(page.statusCode, 200);
    for (const text of ['Order SHOW-1', 'TSHIRT-M', '123 Atlantic Ave', 'Brooklyn NY 11201', 'Leave at the door', 'VIP customer', 'Fragile', '20 ounces', '$15.00']) {
      assert.ok(page.body.includes(text), `order page shows ${text}`);
    }
  });

  it('rate-shops across carriers and buys a label from a chosen rate', async () => {
    const order = await createV1Order(t, 'BUY-1');
    const rated = await web.post(`/app/orders/${order.orderId}/rates`);
    assert.equal(rated.statusCode, 303);
    const page = await web.get(`/app/orders/${order.orderId}`);
    assert.match(flashOf(page.body)!, /^\d+ rates across [34] carriers\.$/);
    const rateIds = [...page.body.matchAll(/name="rate_id" value="(\d+)"/g)].map((m) => Number(m[1]));
    assert.ok(rateIds.length > 5);
    const [ups] = (await quotedRates(t, rateIds)).filter((r) => r.serviceCode === 'ups_ground');
    const bought = await web.post(`/app/orders/${order.orderId}/label`, { rate_id: String(ups.id) });
    assert.equal(bought.statusCode, 303);
    const labelId = Number(/\/app\/shipments\/(\d+)/.exec(String(bought.headers.location))![1]);
    const label = await t.ctx.database.db.selectFrom('labels').selectAll().where('id', '=', labelId).executeTakeFirstOrThrow();
    assert.equal(label.service_code, 'ups_ground');
    assert.equal(label.cost_cents, ups.totalCents);
    assert.equal(label.account_id, 1);
    assert.equal(await status(order.orderId), 'shipped');
    const again = await web.post(`/app/orders/${order.orderId}/label`, { rate_id: String(ups.id) });
    assert.equal(again.statusCode, 303);
    assert.match(flashOf((await web.get(`/app/orders/${order.orderId}`)).body)!, /only open orders get a label/);
  });

  it('says plainly when an order cannot be rated', async () => {
    const order = await createV1Order(t, 'NO-FROM', {});
    await t.ctx.database.db.updateTable('warehouses').set({ deleted_at: '2026-01-01T00:00:00.000Z' }).where('account_id', '=', 1).execute();
    try {
      await web.post(`/app/orders/${order.orderId}/rates`);
      assert.match(flashOf((await web.get(`/app/orders/${order.orderId}`)).body)!, /ship_from is required|warehouse se-\d+ was not found/);
    } finally {
      await t.ctx.database.db.updateTable('warehouses').set({ deleted_at: null }).where('account_id', '=', 1).execute();
    }
  });

  it('refuses a rate of another order', async () => {
    const a = await createV1Order(t, 'RATE-A');
    const b = await createV1Order(t, 'RATE-B');
    await web.post(`/app/orders/${a.orderId}/rates`);
    const rateId = /name="rate_id" value="(\d+)"/.exec((await web.get(`/app/orders/${a.orderId}`)).body)![1];
    await web.post(`/app/orders/${b.orderId}/label`, { rate_id: rateId });
    assert.match(flashOf((await web.get(`/app/orders/${b.orderId}`)).body)!, /Choose one of the rates shown/);
    assert.equal(await status(b.orderId), 'awaiting_shipment');
  });

  it('holds until a date, restores, marks shipped and cancels', async () => {
    const order = await createV1Order(t, 'ACT-1');
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    await web.post(`/app/orders/${order.orderId}/hold`, { until: tomorrow });
    assert.equal(await status(order.orderId), 'on_hold');
    const held = await t.ctx.database.db.selectFrom('orders').select('hold_until_at').where('id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.equal(held.hold_until_at, `${tomorrow}T00:00:00.000Z`);
    await web.post(`/app/orders/${order.orderId}/hold`, { until: '2020-01-01' });
    assert.match(flashOf((await web.get(`/app/orders/${order.orderId}`)).body)!, /must be after today/);
    await web.post(`/app/orders/${order.orderId}/restore`);
    assert.equal(await status(order.orderId), 'awaiting_shipment');

    await web.post(`/app/orders/${order.orderId}/ship`, { carrier_code: 'fedex', tracking_number: 'TRACK123', ship_date: '2026-11-25' });
    assert.equal(await status(order.orderId), 'shipped');
    const fulfillment = await t.ctx.database.db.selectFrom('fulfillments').selectAll().where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.equal(fulfillment.tracking_number, 'TRACK123');
    await web.post(`/app/orders/${order.orderId}/cancel`);
    assert.match(flashOf((await web.get(`/app/orders/${order.orderId}`)).body)!, /shipped and cannot be cancelled/);

    const other = await createV1Order(t, 'ACT-2');
    await web.post(`/app/orders/${other.orderId}/cancel`);
    assert.equal(await status(other.orderId), 'cancelled');
    assert.match((await web.get('/app/orders?status=cancelled')).body, />ACT-2</);
  });

  it("answers 404 for another account's orders, pages and actions alike", async () => {
    const order = await createV1Order(t, 'MINE-1');
    const intruder = new WebClient(t);
    await intruder.signUp('orders.intruder@example.com');
    assert.equal((await intruder.get(`/app/orders/${order.orderId}`)).statusCode, 404);
    for (const action of ['rates', 'label', 'hold', 'restore', 'ship', 'cancel']) {
      const response = await intruder.post(`/app/orders/${order.orderId}/${action}`, { until: '2030-01-01', carrier_code: 'ups', rate_id: '1' });
      assert.equal(response.statusCode, 404, action);
    }
    assert.equal(await status(order.orderId), 'awaiting_shipment');
    assert.doesNotMatch((await intruder.get('/app/orders')).body, /MINE-1/);
    assert.equal((await web.get('/app/orders/999999')).statusCode, 404);
    assert.equal((await web.get('/app/orders/abc')).statusCode, 404);
  });

  it('requires sign-in and a CSRF token', async () => {
    const order = await createV1Order(t, 'CSRF-1');
    await assertRedirectsToSignIn(t, '/app/orders');
    await assertRedirectsToSignIn(t, `/app/orders/${order.orderId}`);
    for (const action of ['rates', 'label', 'hold', 'restore', 'ship', 'cancel']) {
      await assertRedirectsToSignIn(t, `/app/orders/${order.orderId}/${action}`, 'POST');
      assert.equal((await web.post(`/app/orders/${order.orderId}/${action}`, { until: '2030-01-01', carrier_code: 'ups' }, { csrf: false })).statusCode, 403, action);
    }
    assert.equal(await status(order.orderId), 'awaiting_shipment');
  });
});
