import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { call, makePlaces } from './helpers.ts';

describe('inventory bad input is a 4xx in the V2 error format, never a 500', () => {
  let t: TestApp;
  let locationId: string;
  let warehouseId: string;
  before(async () => {
    t = await startTestApp();
    ({ locationId, warehouseId } = await makePlaces(t, 'Bad'));
  });
  after(() => t.close());

  const cases: [string, string, unknown][] = [
    ['POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: 'LOC', sku: 'A', quantity: 1, effective_at: 'yesterday' }],
    ['POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: 'LOC', sku: 'A', quantity: 'ten' }],
    ['POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: 'LOC', sku: 'A', quantity: 1, cost: { amount: -1 } }],
    ['POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: 'LOC', sku: '   ', quantity: 1 }],
    ['POST', '/v2/inventory', { transaction_type: 'increment', inventory_location_id: 'LOC', sku: 'A', quantity: 1, condition: 'broken' }],
    ['POST', '/v2/inventory', { transaction_type: 'modify', inventory_location_id: 'LOC', sku: 'A', quantity: 1, new_inventory_location_id: 'se-99999999999' }],
    ['POST', '/v2/inventory', { transaction_type: 'adjust', inventory_location_id: 'LOC', sku: 'A', quantity: -3 }],
    ['POST', '/v2/inventory', 'not json'],
    ['GET', '/v2/inventory?group_by=shelf', undefined],
    ['GET', '/v2/inventory?page_size=0', undefined],
    ['GET', '/v2/inventory?inventory_location_id=se-99999999999', undefined],
    ['GET', '/v2/inventory_locations?limit=100000', undefined],
    ['PUT', '/v2/inventory_warehouses/WH', { default_inventory_location_id: 'se-99999999' }],
    ['PUT', '/v2/inventory_warehouses/WH', { warehouse_id: 'se-99999999' }],
    ['DELETE', '/v2/inventory_locations/LOC?remove_inventory=yes', undefined],
    ['POST', '/v2/inventory_locations', { name: '', inventory_warehouse_id: 'WH' }],
    ['POST', '/v2/purchase_orders', { supplier_id: 'se-1', warehouse_id: 'se-1', products: [{ sku: 'A', quantity: 0 }] }],
    ['POST', '/v2/purchase_orders/se-1/receives', { product_receives: [] }],
    ['POST', '/v2/totes', { totes: [{ inventory_warehouse_id: 'WH' }] }],
    ['PUT', '/v2/totes/abc', { tote_name: 'x' }],
    ['POST', '/v2/fulfillments', { fulfillments: [{ shipment_id: 'se-1', tracking_number: 'x', carrier_code: 'ups', ship_date: 'soon' }] }],
    ['GET', '/v2/products?active=maybe', undefined],
  ];

  test('each case', async () => {
    for (const [method, rawUrl, body] of cases) {
      const url = rawUrl.replace('LOC', locationId).replace('WH', warehouseId);
      const payload = typeof body === 'string' ? body : body === undefined ? undefined : JSON.stringify({ ...(body as object) }).replace(/"LOC"/g, `"${locationId}"`).replace(/"WH"/g, `"${warehouseId}"`);
      const res = await call(t, method, url, payload, payload ? { 'content-type': 'application/json' } : {});
      assert.ok(res.statusCode >= 400 && res.statusCode < 500, `${method} ${url} → ${res.statusCode} ${res.body}`);
      assert.ok(Array.isArray(res.json().errors), `${method} ${url} has an errors array`);
    }
  });
});
