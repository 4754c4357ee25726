import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';

const address = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' });

describe('one sales order across V1 and V2', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await t.api('v2', 'POST', '/v2/warehouses', {
      name: 'HQ',
      origin_address: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
    });
  });
  after(() => t.close());

  const createOrder = async (orderNumber: string) => {
    const res = await t.v1('POST', '/orders/createorder', {
      orderNumber,
      orderKey: `key-${orderNumber}`,
      orderDate: '2026-11-20T10:00:00',
      orderStatus: 'awaiting_shipment',
      billTo: address('Jane Buyer'),
      shipTo: address('Jane Buyer'),
      items: [{ sku: 'TSHIRT-M', name: 'T-shirt', quantity: 2, unitPrice: 15 }],
      weight: { value: 20, units: 'ounces' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json();
  };

  test('createlabelfororder ships the V1 order; the label shows on V2 and in V1 /shipments with the order', async () => {
    const order = await createOrder('1001');
    const res = await t.v1('POST', '/orders/createlabelfororder', {
      orderId: order.orderId, carrierCode: 'ups', serviceCode: 'ups_ground', packageCode: 'package', shipDate: '2026-11-23',
    });
    assert.equal(res.statusCode, 200, res.body);
    const shipment = res.json();
    assert.equal(shipment.orderId, order.orderId);
    assert.equal(shipment.orderNumber, '1001');
    assert.equal(Buffer.from(shipment.labelData, 'base64').subarray(0, 4).toString(), '%PDF');
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'shipped');

    const v2 = (await t.api('v2', 'GET', `/v2/labels?tracking_number=${shipment.trackingNumber}`)).json();
    assert.equal(v2.total, 1);
    const listed = (await t.v1('GET', `/shipments?orderId=${order.orderId}&includeShipmentItems=true`)).json();
    assert.equal(listed.total, 1);
    assert.equal(listed.shipments[0].shipmentItems[0].sku, 'TSHIRT-M');
    const again = await t.v1('POST', '/orders/createlabelfororder', { orderId: order.orderId, carrierCode: 'ups', serviceCode: 'ups_ground', shipDate: '2026-11-23' });
    assert.equal(again.statusCode, 400, 'a shipped order gets no second label');
  });

  test('a V2 label on the order\'s shipment marks the V1 order shipped; voiding it reopens the order', async () => {
    const order = await createOrder('1002');
    const shipments = (await t.api('v2', 'GET', '/v2/shipments?page_size=100')).json().shipments as { shipment_id: string; shipment_number?: string; external_order_id?: string }[];
    const row = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.ok(shipments.some((s) => s.shipment_id === `se-${row.id}`), 'the V1 order is a V2 shipment');
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
    const fedex = carriers.find((c) => c.carrier_code === 'fedex')!.carrier_id;
    await t.ctx.database.db.transaction().execute(async (tx) => {
      const { getShipment, updateShipmentBody } = await import('../../src/domain/shipments/store.ts');
      const s = await getShipment(tx, 1, row.id);
      await updateShipmentBody(tx, 1, row.id, { ...s, carrierId: Number(fedex.slice(3)), serviceCode: 'fedex_ground' }, t.ctx.clock.nowIso());
    });
    const label = await t.api('v2', 'POST', `/v2/labels/shipment/se-${row.id}`, {});
    assert.equal(label.statusCode, 200, label.body);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'shipped');
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${label.json().label_id}/void`)).json().approved, true);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'awaiting_shipment');
  });

  test('cancelling the order\'s shipment on V2 cancels the V1 order', async () => {
    const order = await createOrder('1003');
    const row = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.equal((await t.api('v2', 'PUT', `/v2/shipments/se-${row.id}/cancel`)).statusCode, 204);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'cancelled');
  });
});
