import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { addWarehouse, createV1Order } from '../helpers/v1-orders.ts';
import { startTestApp, type TestApp } from '../helpers/server.ts';


describe('one sales order across V1 and V2', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    await addWarehouse(t);
  });
  after(() => t.close());


  test('createlabelfororder ships the V1 order; the label shows on V2 and in V1 /shipments with the order', async () => {
    const order = await createV1Order(t, '1001');
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
    const order = await createV1Order(t, '1002');
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
    const order = await createV1Order(t, '1003');
    const row = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.equal((await t.api('v2', 'PUT', `/v2/shipments/se-${row.id}/cancel`)).statusCode, 204);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'cancelled');
  });
});
