import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin } from './fixtures.ts';

describe('warehouse settings', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: making a warehouse the default unsets the others; the default cannot be unset`, async () => {
      const defaultOf = async () => (await t.api(surface, 'GET', `${prefix}/warehouses`)).json().warehouses.filter((w: { is_default: boolean }) => w.is_default);
      // An account's first warehouse becomes its default; the second does not.
      for (const name of [`${surface} main`, `${surface} annex`]) {
        assert.equal((await t.api(surface, 'POST', `${prefix}/warehouses`, { name, origin_address: austin })).statusCode, 200);
      }
      const warehouses = (await t.api(surface, 'GET', `${prefix}/warehouses`)).json().warehouses;
      const annex = warehouses.find((w: { name: string }) => w.name === `${surface} annex`).warehouse_id;
      const previous = (await defaultOf())[0].warehouse_id;
      assert.notEqual(previous, annex);

      const settings = (id: string, body: unknown) => t.api(surface, 'PUT', `${prefix}/warehouses/${id}/settings`, body);
      assert.equal((await settings(annex, { is_default: true })).statusCode, 204);
      assert.deepEqual((await defaultOf()).map((w: { warehouse_id: string }) => w.warehouse_id), [annex]);

      const unset = await settings(annex, { is_default: false });
      assert.equal(unset.statusCode, 400);
      assert.equal(unset.json().errors[0].error_type, 'business_rules');
      assert.equal((await settings(previous, { is_default: false })).statusCode, 204, 'a non-default warehouse stays non-default');
      assert.equal((await settings(annex, {})).statusCode, 204, 'no setting, no change');
      assert.equal((await settings(previous, { is_default: true })).statusCode, 204);
      assert.deepEqual((await defaultOf()).map((w: { warehouse_id: string }) => w.warehouse_id), [previous]);

      assert.equal((await settings('se-999999', { is_default: true })).statusCode, 404);
      assert.equal((await settings('se-99999999999', { is_default: true })).statusCode, 404);
      assert.equal((await settings(annex, { is_default: 'yes' })).statusCode, 400);
    });
  }
});
