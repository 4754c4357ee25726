import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';
import { increment, ledgerSum, level, makePlaces, move } from './helpers.ts';

describe('inventory warehouses, locations and stock levels', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('warehouses: create, get, rename, list with page_size and the 2025 limit, 404 for unknown ids', async () => {
    const created = await t.api('v2', 'POST', '/v2/inventory_warehouses', { name: 'East' });
    assert.equal(created.statusCode, 200);
    const id = created.json().inventory_warehouse_id;
    assert.match(id, /^se-\d+$/);
    assert.equal(created.json().name, 'East');
    assert.equal((await t.api('v2', 'PUT', `/v2/inventory_warehouses/${id}`, { name: 'East Coast' })).statusCode, 204);
    const got = await t.api('v2', 'GET', `/v2/inventory_warehouses/${id}`);
    assert.equal(got.json().name, 'East Coast');
    for (const name of ['W2', 'W3']) await t.api('v2', 'POST', '/v2/inventory_warehouses', { name });
    const page = (await t.api('v2', 'GET', '/v2/inventory_warehouses?page_size=2')).json();
    assert.equal(page.inventory_warehouses.length, 2);
    assert.equal(page.total, 3);
    assert.equal(page.pages, 2);
    assert.match(page.links.next.href, /page_size=2&page=2$/);
    const limited = (await t.api('v2', 'GET', '/v2/inventory_warehouses?limit=1&page=3')).json();
    assert.equal(limited.inventory_warehouses.length, 1);
    assert.equal(limited.page, 3);
    assert.deepEqual(limited.links.next, {});
    assert.equal(limited.links.prev.href, 'http://shipdock.test/v2/inventory_warehouses?page=2&page_size=1');
    assert.equal((await t.api('v2', 'GET', '/v2/inventory_warehouses/se-999999')).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', '/v2/inventory_warehouses/nonsense')).statusCode, 404);
    assert.equal((await t.api('v2', 'POST', '/v2/inventory_warehouses', {})).statusCode, 400);
  });

  test('locations: create in a warehouse, rename, list, 404 for an unknown warehouse', async () => {
    const { warehouseId, locationId } = await makePlaces(t, 'Loc');
    assert.equal((await t.api('v2', 'PUT', `/v2/inventory_locations/${locationId}`, { name: 'Bin 7' })).statusCode, 204);
    const got = (await t.api('v2', 'GET', `/v2/inventory_locations/${locationId}`)).json();
    assert.equal(got.name, 'Bin 7');
    assert.equal(got.inventory_warehouse_id, warehouseId);
    const list = (await t.api('v2', 'GET', '/v2/inventory_locations?page_size=100')).json();
    assert.ok(list.inventory_locations.some((l: { inventory_location_id: string }) => l.inventory_location_id === locationId));
    const bad = await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'x', inventory_warehouse_id: 'se-999999' });
    assert.equal(bad.statusCode, 404);
  });

  test('increment, decrement, adjust and weighted average cost', async () => {
    const { locationId } = await makePlaces(t, 'Cost');
    await increment(t, locationId, 'WIDGET', 10, 2);
    await increment(t, locationId, 'WIDGET', 30, 4);
    let l = (await level(t, 'WIDGET', locationId))!;
    assert.equal(l.on_hand, 40);
    assert.equal(l.available, 40);
    assert.equal(l.allocated, 0);
    assert.equal(l.average_cost.amount, 3.5); // (10×2 + 30×4) / 40
    assert.equal((await move(t, { transaction_type: 'decrement', inventory_location_id: locationId, sku: 'WIDGET', quantity: 15, reason: 'damaged in transit' })).statusCode, 204);
    l = (await level(t, 'WIDGET', locationId))!;
    assert.equal(l.on_hand, 25);
    assert.equal(l.average_cost.amount, 3.5, 'removals keep the average');
    assert.equal((await move(t, { transaction_type: 'adjust', inventory_location_id: locationId, sku: 'WIDGET', quantity: 5 })).statusCode, 204);
    assert.equal((await level(t, 'WIDGET', locationId))!.on_hand, 5);
    assert.equal((await move(t, { transaction_type: 'adjust', inventory_location_id: locationId, sku: 'WIDGET', quantity: 10, cost: { amount: 5.5, currency: 'usd' } })).statusCode, 204);
    l = (await level(t, 'WIDGET', locationId))!;
    assert.equal(l.on_hand, 10);
    assert.equal(l.average_cost.amount, 4.5); // (5×3.5 + 5×5.5) / 10
    const sums = await ledgerSum(t, 'WIDGET');
    assert.equal(sums.onHand, 10);
    assert.equal(sums.entries, 5);
  });

  test('a decrement below zero is a 400 naming the quantity; nothing changes', async () => {
    const { locationId } = await makePlaces(t, 'Neg');
    await increment(t, locationId, 'NEG', 3);
    const res = await move(t, { transaction_type: 'decrement', inventory_location_id: locationId, sku: 'NEG', quantity: 4 });
    assert.equal(res.statusCode, 400);
    assert.equal(res.json().errors[0].field_name, 'quantity');
    assert.match(res.json().errors[0].message, /only 3 on hand/);
    assert.equal((await level(t, 'NEG', locationId))!.on_hand, 3);
    assert.equal((await move(t, { transaction_type: 'increment', inventory_location_id: locationId, sku: 'NEG', quantity: 0 })).statusCode, 400);
    assert.equal((await move(t, { transaction_type: 'sell', inventory_location_id: locationId, sku: 'NEG', quantity: 1 })).statusCode, 400);
    assert.equal((await move(t, { transaction_type: 'increment', inventory_location_id: 'se-999999', sku: 'NEG', quantity: 1 })).statusCode, 404);
  });

  test('modify moves stock to another location, changes condition and cost; only sellable stock is available', async () => {
    const { warehouseId, locationId } = await makePlaces(t, 'Mod');
    const other = (await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Mod B', inventory_warehouse_id: warehouseId })).json().inventory_location_id;
    await increment(t, locationId, 'MOD', 10, 1);
    assert.equal(
      (await move(t, { transaction_type: 'modify', inventory_location_id: locationId, sku: 'MOD', quantity: 4, new_inventory_location_id: other, new_cost: { amount: 2, currency: 'usd' } })).statusCode,
      204,
    );
    assert.equal((await level(t, 'MOD', locationId))!.on_hand, 6);
    const moved = (await level(t, 'MOD', other))!;
    assert.equal(moved.on_hand, 4);
    assert.equal(moved.average_cost.amount, 2);
    assert.equal((await move(t, { transaction_type: 'modify', inventory_location_id: locationId, sku: 'MOD', quantity: 2, new_condition: 'damaged' })).statusCode, 204);
    const here = (await level(t, 'MOD', locationId))!;
    assert.equal(here.on_hand, 6);
    assert.equal(here.available, 4, 'damaged units are on hand but not available');
    const grouped = (await t.api('v2', 'GET', `/v2/inventory?sku=MOD&group_by=warehouse`)).json();
    assert.equal(grouped.inventory.length, 1);
    assert.equal(grouped.inventory[0].on_hand, 10);
    assert.equal(grouped.inventory[0].inventory_warehouse_id, warehouseId);
    assert.equal(grouped.inventory[0].inventory_location_id, undefined);
    const byWarehouse = (await t.api('v2', 'GET', `/v2/inventory?inventory_warehouse_id=${warehouseId}`)).json();
    assert.equal(byWarehouse.total, 2);
    await increment(t, locationId, 'MOD-2', 1);
    const several = (await t.api('v2', 'GET', `/v2/inventory?sku=MOD,MOD-2&inventory_location_id=${locationId}`)).json();
    assert.deepEqual(several.inventory.map((l: { sku: string }) => l.sku), ['MOD', 'MOD-2']);
    const noop = await move(t, { transaction_type: 'modify', inventory_location_id: locationId, sku: 'MOD', quantity: 1 });
    assert.equal(noop.statusCode, 400);
  });

  test('deleting a location or warehouse holding stock is refused unless remove_inventory=1, which writes the removal to the ledger', async () => {
    const { warehouseId, locationId } = await makePlaces(t, 'Del');
    await increment(t, locationId, 'DEL', 7, 1);
    const refused = await t.api('v2', 'DELETE', `/v2/inventory_locations/${locationId}`);
    assert.equal(refused.statusCode, 400);
    assert.match(refused.json().errors[0].message, /remove_inventory=1/);
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_warehouses/${warehouseId}?remove_inventory=0`)).statusCode, 400);
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_locations/${locationId}?remove_inventory=1`)).statusCode, 204);
    assert.equal((await t.api('v2', 'GET', `/v2/inventory_locations/${locationId}`)).statusCode, 404);
    const sums = await ledgerSum(t, 'DEL');
    assert.equal(sums.onHand, 0);
    assert.equal(sums.entries, 2);
    const removal = await t.ctx.database.db.selectFrom('inventory_transactions').selectAll().where('sku', '=', 'DEL').where('transaction_type', '=', 'remove').executeTakeFirstOrThrow();
    assert.equal(removal.on_hand_delta, -7);

    const second = await makePlaces(t, 'Del2');
    await increment(t, second.locationId, 'DEL2', 2);
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_warehouses/${second.warehouseId}`)).statusCode, 400);
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_warehouses/${second.warehouseId}?remove_inventory=1`)).statusCode, 204);
    assert.equal((await t.api('v2', 'GET', `/v2/inventory_warehouses/${second.warehouseId}`)).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', `/v2/inventory_locations/${second.locationId}`)).statusCode, 404);
    assert.equal((await ledgerSum(t, 'DEL2')).onHand, 0);
    const empty = await makePlaces(t, 'Del3');
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_warehouses/${empty.warehouseId}`)).statusCode, 204, 'an empty warehouse deletes without the flag');
  });

  test('50 concurrent increments and decrements on one SKU: none is lost and the level equals the ledger', async () => {
    const { locationId } = await makePlaces(t, 'Race');
    await increment(t, locationId, 'RACE', 100, 1);
    const requests = Array.from({ length: 50 }, (_, i) =>
      move(t, { transaction_type: i % 5 === 4 ? 'decrement' : 'increment', inventory_location_id: locationId, sku: 'RACE', quantity: i % 5 === 4 ? 2 : 3, cost: { amount: 1, currency: 'usd' } }),
    );
    const responses = await Promise.all(requests);
    assert.deepEqual(new Set(responses.map((r) => r.statusCode)), new Set([204]));
    const l = (await level(t, 'RACE', locationId))!;
    assert.equal(l.on_hand, 100 + 40 * 3 - 10 * 2);
    assert.equal(l.average_cost.amount, 1);
    const sums = await ledgerSum(t, 'RACE');
    assert.equal(sums.onHand, l.on_hand);
    assert.equal(sums.entries, 51);
  });

  test('concurrent moves in opposite directions between two locations neither deadlock nor lose units', async () => {
    const { warehouseId, locationId: a } = await makePlaces(t, 'Swap');
    const b = (await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Swap B', inventory_warehouse_id: warehouseId })).json().inventory_location_id;
    await increment(t, a, 'SWAP', 50, 2);
    await increment(t, b, 'SWAP', 50, 2);
    const moves = Array.from({ length: 30 }, (_, i) =>
      move(t, { transaction_type: 'modify', inventory_location_id: i % 2 ? a : b, new_inventory_location_id: i % 2 ? b : a, sku: 'SWAP', quantity: 1 }),
    );
    assert.deepEqual(new Set((await Promise.all(moves)).map((r) => r.statusCode)), new Set([204]));
    assert.equal((await level(t, 'SWAP', a))!.on_hand, 50);
    assert.equal((await level(t, 'SWAP', b))!.on_hand, 50);
    assert.equal((await ledgerSum(t, 'SWAP')).onHand, 100);
  });

  test('without the Inventory add-on every inventory path is refused (402); accounts never see each other\'s stock', async () => {
    const now = t.ctx.clock.nowIso();
    const plain = await createAccount(t.ctx.database.db, { plan: 'standard' }, now);
    const plainKey = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: plain.id }, now)).apiKey };
    for (const path of ['/v2/inventory', '/v2/inventory_warehouses', '/v2/inventory_locations', '/v2/totes', '/v2/suppliers', '/v2/purchase_orders']) {
      const res = await t.app.inject({ method: 'GET', url: path, headers: plainKey });
      assert.equal(res.statusCode, 402, path);
      assert.equal(res.json().errors[0].error_code, 'invalid_billing_plan');
    }

    const mine = await makePlaces(t, 'Mine');
    await increment(t, mine.locationId, 'SECRET', 5);
    const other = await createAccount(t.ctx.database.db, { plan: 'starter', addons: ['inventory_api'] }, now);
    const otherKey = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: other.id }, now)).apiKey };
    assert.equal((await t.api('v2', 'GET', '/v2/inventory?sku=SECRET', undefined, otherKey)).json().total, 0);
    assert.equal((await t.api('v2', 'GET', '/v2/inventory_warehouses', undefined, otherKey)).json().total, 0);
    assert.equal((await t.api('v2', 'GET', `/v2/inventory_warehouses/${mine.warehouseId}`, undefined, otherKey)).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', `/v2/inventory_locations/${mine.locationId}`, undefined, otherKey)).statusCode, 404);
    assert.equal((await t.api('v2', 'DELETE', `/v2/inventory_locations/${mine.locationId}?remove_inventory=1`, undefined, otherKey)).statusCode, 404);
    assert.equal((await move(t, { transaction_type: 'decrement', inventory_location_id: mine.locationId, sku: 'SECRET', quantity: 5 }, otherKey)).statusCode, 404);
    assert.equal((await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'x', inventory_warehouse_id: mine.warehouseId }, otherKey)).statusCode, 404);
    assert.equal((await level(t, 'SECRET', mine.locationId))!.on_hand, 5);
  });
});
