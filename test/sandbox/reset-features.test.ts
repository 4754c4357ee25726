// Reset reaches every feature that hangs off orders, shipments, labels and carriers: batches and
// their combined files, pickups, shipping rules, and the stock that orders had allocated.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { carrierIds, createShipments, drainJobs, upsGround } from '../batches/helpers.ts';
import { increment, level, makePlaces } from '../inventory/helpers.ts';
import { createShippingRule } from '../../src/domain/shipping-rules/rules.ts';
import { parseSeId } from '../../src/api/common/ids.ts';

let t: TestApp;
before(async () => {
  t = await startTestApp();
});
after(() => t.close());

const sandbox = (method: string, url: string) => t.app.inject({ method: method as 'POST', url, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });

test('reset removes batches, combined documents, shipping rules and order allocations, and releases stock', async () => {
  const carriers = await carrierIds(t);
  const shipmentIds = await createShipments(t, [upsGround(carriers), upsGround(carriers)]);
  const batch = (await t.api('v2', 'POST', '/v2/batches', { shipment_ids: shipmentIds })).json();
  assert.equal((await t.api('v2', 'POST', `/v2/batches/${batch.batch_id}/process/labels`, {})).statusCode, 204);
  await drainJobs(t);
  assert.equal((await t.api('v2', 'GET', `/v2/batches/${batch.batch_id}`)).json().status, 'completed');

  const { locationId } = await makePlaces(t, 'Reset stock');
  await increment(t, locationId, 'RESET-SKU', 10, 2);
  const order = await t.v1('POST', '/orders/createorder', {
    orderNumber: 'RST-1',
    orderKey: 'reset-1',
    orderDate: '2026-11-20T10:00:00',
    orderStatus: 'awaiting_shipment',
    billTo: { name: 'Jane Buyer' },
    shipTo: { name: 'Jane Buyer', street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US' },
    items: [{ sku: 'RESET-SKU', name: 'Widget', quantity: 3, unitPrice: 5 }],
  });
  assert.equal(order.statusCode, 200, order.body);
  assert.equal((await level(t, 'RESET-SKU', locationId))!.allocated, 3);

  await t.ctx.database.db.transaction().execute((tx) =>
    createShippingRule(tx, 1, { name: 'Heavy to UPS', carrierId: parseSeId(carriers.ups)!, serviceCode: 'ups_ground', conditions: {} }, t.ctx.clock.nowIso()),
  );

  const reset = await sandbox('POST', '/sandbox/reset');
  assert.equal(reset.statusCode, 200, reset.body);
  assert.equal((await t.api('v2', 'GET', '/v2/batches')).json().total, 0);
  const db = t.ctx.database.db;
  for (const table of ['batch_shipments', 'stored_documents', 'shipping_rules', 'inventory_order_stock'] as const) {
    const { n } = await db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(n), 0, `${table} emptied`);
  }
  const stock = (await level(t, 'RESET-SKU', locationId))!;
  assert.equal(stock.on_hand, 10, 'stock itself stays');
  assert.equal(stock.allocated, 0, 'what the deleted order held is released');
});
