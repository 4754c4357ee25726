import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

test('out-of-range input is a 4xx on every engine, never a 500', async () => {
  const t = await startTestApp();
  try {
    for (const url of ['/v2/labels/se-9999999999', '/v2/rates/se-9999999999', '/v2/warehouses/se-9999999999', '/v2/carriers/se-9999999999/services']) {
      assert.equal((await t.api('v2', 'GET', url)).statusCode, 404, url);
    }
    assert.equal((await t.api('v2', 'PUT', '/v2/labels/se-9999999999/void')).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', '/v2/labels?page=100000000000000000')).statusCode, 400);
    assert.equal((await t.api('v2', 'GET', '/v2/labels?carrier_id=se-9999999999')).json().total, 0);
    assert.equal((await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ ship_date: '9999-12-31' }) })).statusCode, 400);
    const insured = domesticShipment({ packages: [{ weight: { value: 1, unit: 'pound' }, insured_value: { currency: 'usd', amount: 1e300 } }] });
    assert.equal((await t.api('v2', 'POST', '/v2/rates', { shipment: insured })).statusCode, 400);

    const address = { name: 'A', street1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' };
    const order = { orderNumber: 'big', orderDate: '2026-11-20', orderStatus: 'awaiting_shipment', billTo: address, shipTo: address };
    const items = Array.from({ length: 1001 }, (_, i) => ({ sku: `S${i}`, name: 'x', quantity: 1, unitPrice: 1 }));
    assert.equal((await t.v1('POST', '/orders/createorder', { ...order, items })).statusCode, 400);
    assert.equal((await t.v1('POST', '/orders/createorder', { ...order, amountPaid: 1e12 })).statusCode, 400);
  } finally {
    await t.close();
  }
});
