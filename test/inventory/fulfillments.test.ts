import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';
import { call, increment, level, makePlaces } from './helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

const address = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' });

describe('V2 fulfillments', () => {
  let t: TestApp;
  let locationId: string;
  before(async () => {
    t = await startTestApp();
    locationId = (await makePlaces(t, 'Ful')).locationId;
    await increment(t, locationId, 'BOOK', 10, 7);
  });
  after(() => t.close());

  const orderWithShipment = async (key: string) => {
    const res = await t.v1('POST', '/orders/createorder', {
      orderNumber: key, orderKey: key, orderDate: '2026-11-20T10:00:00', orderStatus: 'awaiting_shipment',
      billTo: address('Jane Buyer'), shipTo: address('Jane Buyer'), items: [{ sku: 'BOOK', name: 'Book', quantity: 3, unitPrice: 20 }],
    });
    assert.equal(res.statusCode, 200, res.body);
    const orderId = res.json().orderId as number;
    const row = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', orderId).executeTakeFirstOrThrow();
    return { orderId, shipmentId: `se-${row.id}` };
  };

  test('POST marks the shipment fulfilled: the V1 order is shipped, V1 lists the fulfillment, stock leaves on hand', async () => {
    const { orderId, shipmentId } = await orderWithShipment('F-1');
    assert.equal((await level(t, 'BOOK', locationId))!.allocated, 3);
    const res = await call(t, 'POST', '/v2/fulfillments', {
      fulfillments: [{ shipment_id: shipmentId, tracking_number: '1Z12345E1234567890', carrier_code: 'ups', ship_date: '2026-11-21T10:00:00Z', notify_customer: true, notify_order_source: true }],
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.equal(body.has_errors, false);
    assert.equal(body.fulfillments[0].shipment_id, shipmentId);
    assert.equal(body.fulfillments[0].tracking_number, '1Z12345E1234567890');
    assert.equal(body.fulfillments[0].ship_date, '2026-11-21T00:00:00Z');
    assert.match(body.fulfillments[0].fulfillment_id, /^se-\d+$/);
    const order = (await t.v1('GET', `/orders/${orderId}`)).json();
    assert.equal(order.orderStatus, 'shipped');
    const v1 = (await t.v1('GET', `/fulfillments?orderId=${orderId}`)).json();
    assert.equal(v1.fulfillments.length, 1);
    assert.equal(v1.fulfillments[0].trackingNumber, '1Z12345E1234567890');
    assert.deepEqual({ ...(await level(t, 'BOOK', locationId))! }.on_hand, 7);
    assert.equal((await level(t, 'BOOK', locationId))!.allocated, 0);

    const listed = (await call(t, 'GET', `/v2/fulfillments?shipment_id=${shipmentId}`)).json();
    assert.equal(listed.total, 1);
    assert.equal(listed.fulfillments[0].fulfillment_id, body.fulfillments[0].fulfillment_id);
    assert.equal(listed.fulfillments[0].fulfillment_provider_code, 'external');
    assert.equal(listed.fulfillments[0].ship_to.name, 'Jane Buyer');
    assert.equal(listed.fulfillments[0].fulfillment_carrier_friendly_name, 'UPS');
    // The same fields as the captured FULFILLMENT_SHIPPED_V2 resource (specs/webhook-examples.json).
    const { readFileSync } = await import('node:fs');
    const example = JSON.parse(readFileSync(new URL('../../reference/specs/webhook-examples.json', import.meta.url), 'utf8')).v2.FULFILLMENT_SHIPPED_V2_resource_url_response;
    assert.deepEqual(Object.keys(listed.fulfillments[0]).sort(), Object.keys(example.fulfillments[0]).sort());
    assert.deepEqual(Object.keys(listed.fulfillments[0].ship_to).sort(), Object.keys(example.fulfillments[0].ship_to).sort());
    assert.deepEqual(Object.keys(listed).sort(), Object.keys(example).sort());
    assert.deepEqual(listed.links.prev, {});
    assert.equal((await call(t, 'GET', '/v2/fulfillments?tracking_number=nope')).json().total, 0);
    assert.equal((await call(t, 'GET', '/v2/fulfillments?ship_date_start=2026-11-21T00:00:00Z&ship_date_end=2026-11-21T23:59:59Z')).json().total, 1);
    assert.equal((await call(t, 'GET', '/v2/fulfillments?ship_date_start=2026-11-22T00:00:00Z')).json().total, 0);
  });

  test('the V1 FULFILLMENT_SHIPPED webhook is queued for a V2 fulfillment', async () => {
    const sub = await t.v1('POST', '/webhooks/subscribe', { target_url: 'http://127.0.0.1:9/hook', event: 'FULFILLMENT_SHIPPED' });
    assert.equal(sub.statusCode, 200, sub.body);
    const { shipmentId } = await orderWithShipment('F-W');
    const res = (await call(t, 'POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: shipmentId, tracking_number: 'W1', carrier_code: 'ups' }] })).json();
    const id = Number(res.fulfillments[0].fulfillment_id.slice(3));
    const jobs = await t.ctx.database.db.selectFrom('jobs').select('payload').where('kind', '=', 'webhook_delivery').execute();
    assert.ok(jobs.some((j) => j.payload.includes(`/fulfillments?fulfillmentId=${id}`)), JSON.stringify(jobs));
    await t.v1('DELETE', `/webhooks/${sub.json().id}`);
  });

  test('partial success: an already fulfilled or unknown shipment is reported, the others are processed', async () => {
    const first = await orderWithShipment('F-2');
    const second = await orderWithShipment('F-3');
    await call(t, 'POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: first.shipmentId, tracking_number: 'T1', carrier_code: 'usps' }] });
    const res = await call(t, 'POST', '/v2/fulfillments', {
      fulfillments: [
        { shipment_id: first.shipmentId, tracking_number: 'T2', carrier_code: 'usps' },
        { shipment_id: 'se-999999', tracking_number: 'T3', carrier_code: 'usps' },
        { shipment_id: second.shipmentId, tracking_number: 'T4', carrier_code: 'fedex' },
      ],
    });
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.has_errors, true);
    assert.match(body.fulfillments[0].error_message, /already been shipped/);
    assert.match(body.fulfillments[1].error_message, /not found/);
    assert.equal(body.fulfillments[2].error_message, null);
    assert.equal((await t.v1('GET', `/orders/${second.orderId}`)).json().orderStatus, 'shipped');
    assert.equal((await call(t, 'POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: first.shipmentId }] })).statusCode, 400);
  });

  test('a V2 shipment without a sales order gets one, which is shipped', async () => {
    const created = await t.api('v2', 'POST', '/v2/shipments', { shipments: [domesticShipment({ items: [{ name: 'Book', sku: 'BOOK', quantity: 1 }] })] });
    assert.equal(created.statusCode, 200, created.body);
    const shipmentId = created.json().shipments[0].shipment_id;
    const res = (await call(t, 'POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: shipmentId, tracking_number: '9400111', carrier_code: 'usps' }] })).json();
    assert.equal(res.has_errors, false, JSON.stringify(res));
    assert.equal(res.fulfillments[0].shipment_id, shipmentId);
    const row = await t.ctx.database.db.selectFrom('shipments').select('order_id').where('id', '=', Number(shipmentId.slice(3))).executeTakeFirstOrThrow();
    assert.ok(row.order_id);
    assert.equal((await t.v1('GET', `/orders/${row.order_id}`)).json().orderStatus, 'shipped');
  });

  test('another account cannot fulfil or see the shipment', async () => {
    const { shipmentId } = await orderWithShipment('F-4');
    const now = t.ctx.clock.nowIso();
    const other = await createAccount(t.ctx.database.db, { plan: 'standard' }, now);
    const key = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: other.id }, now)).apiKey };
    const res = (await call(t, 'POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: shipmentId, tracking_number: 'X', carrier_code: 'ups' }] }, key)).json();
    assert.equal(res.has_errors, true);
    assert.equal((await call(t, 'GET', '/v2/fulfillments', undefined, key)).json().total, 0);
  });
});
