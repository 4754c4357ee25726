import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';
import { call, makePlaces } from './helpers.ts';

describe('totes', () => {
  let t: TestApp;
  let east: string;
  let west: string;
  before(async () => {
    t = await startTestApp();
    east = (await makePlaces(t, 'East')).warehouseId;
    west = (await makePlaces(t, 'West')).warehouseId;
  });
  after(() => t.close());

  test('batch creation reports each failed tote with its reason; return_succeeded_totes=false returns only failures', async () => {
    const res = await call(t, 'POST', '/v2/totes', {
      totes: [
        { inventory_warehouse_id: east, tote_name: 'T-1', tote_barcode: 'TOTE0001' },
        { inventory_warehouse_id: east, tote_name: 'T-2', tote_barcode: 'TOTE0002' },
        { inventory_warehouse_id: east, tote_name: 'T-1' },
        { inventory_warehouse_id: west, tote_name: 'T-9', tote_barcode: 'TOTE0001' },
        { inventory_warehouse_id: 'se-999999', tote_name: 'T-3' },
        { inventory_warehouse_id: west, tote_name: 'T-1' },
      ],
      return_succeeded_totes: true,
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(body.succeeded_totes.map((x: { tote_name: string }) => x.tote_name), ['T-1', 'T-2', 'T-1']);
    assert.match(body.succeeded_totes[0].tote_id, /^se-\d+$/);
    assert.equal(body.succeeded_totes[0].tote_barcode, 'TOTE0001');
    assert.equal(body.failed_totes.length, 3);
    assert.match(body.failed_totes[0].error_message, /already exists/);
    assert.match(body.failed_totes[1].error_message, /TOTE0001/);
    assert.match(body.failed_totes[2].error_message, /not found/);
    const quiet = (await call(t, 'POST', '/v2/totes', { totes: [{ inventory_warehouse_id: west, tote_name: 'T-4' }], return_succeeded_totes: false })).json();
    assert.deepEqual(quiet, { succeeded_totes: [], failed_totes: [] });
    assert.equal((await call(t, 'POST', '/v2/totes', { totes: [] })).statusCode, 400);
  });

  test('list (by warehouse), get, update, delete and quantities per warehouse', async () => {
    const all = (await call(t, 'GET', '/v2/totes')).json();
    assert.equal(all.length, 4);
    const eastTotes = (await call(t, 'GET', `/v2/totes?inventory_warehouse_id=${east}`)).json();
    assert.equal(eastTotes.length, 2);
    assert.deepEqual((await call(t, 'GET', '/v2/totes/quantities')).json(), [
      { inventory_warehouse_id: east, quantity: 2 },
      { inventory_warehouse_id: west, quantity: 2 },
    ]);
    const id = eastTotes[1].tote_id;
    assert.equal((await call(t, 'PUT', `/v2/totes/${id}`, { tote_name: 'Cart 2', tote_barcode: 'CART2' })).statusCode, 204);
    const got = (await call(t, 'GET', `/v2/totes/${id}`)).json();
    assert.equal(got.tote_name, 'Cart 2');
    assert.equal(got.tote_barcode, 'CART2');
    assert.equal((await call(t, 'PUT', `/v2/totes/${id}`, { tote_name: 'T-1' })).statusCode, 409);
    assert.equal((await call(t, 'DELETE', `/v2/totes/${id}`)).statusCode, 204);
    assert.equal((await call(t, 'GET', `/v2/totes/${id}`)).statusCode, 404);
    assert.equal((await call(t, 'GET', '/v2/totes/quantities')).json()[0].quantity, 1);
  });

  test('another account cannot see or change the totes', async () => {
    const id = (await call(t, 'GET', '/v2/totes')).json()[0].tote_id;
    const now = t.ctx.clock.nowIso();
    const other = await createAccount(t.ctx.database.db, { plan: 'starter', addons: ['inventory_api'] }, now);
    const key = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: other.id }, now)).apiKey };
    assert.deepEqual((await call(t, 'GET', '/v2/totes', undefined, key)).json(), []);
    assert.deepEqual((await call(t, 'GET', '/v2/totes/quantities', undefined, key)).json(), []);
    assert.equal((await call(t, 'GET', `/v2/totes/${id}`, undefined, key)).statusCode, 404);
    assert.equal((await call(t, 'DELETE', `/v2/totes/${id}`, undefined, key)).statusCode, 404);
    const res = (await call(t, 'POST', '/v2/totes', { totes: [{ inventory_warehouse_id: east, tote_name: 'Mine' }] }, key)).json();
    assert.equal(res.failed_totes.length, 1);
  });
});
