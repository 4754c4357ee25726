import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertContract } from '../helpers/contract.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey, createV1KeyPair, deleteKey } from '../../src/domain/accounts/keys.ts';

describe('authentication', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const now = () => t.ctx.clock.nowIso();

  test('V1 accepts the configured key pair and refuses missing or wrong credentials', async () => {
    assert.equal((await t.v1('GET', '/users')).statusCode, 200);
    const missing = await t.inject({ method: 'GET', url: '/users' });
    assert.equal(missing.statusCode, 401);
    assert.equal(typeof missing.json().Message, 'string');
    const wrong = await t.inject({ method: 'GET', url: '/users', headers: { authorization: basic(CREDENTIALS.v1Key, 'nope') } });
    assert.equal(wrong.statusCode, 401);
    const v2KeyOnV1 = await t.inject({ method: 'GET', url: '/users', headers: { 'api-key': CREDENTIALS.apiKey } });
    assert.equal(v2KeyOnV1.statusCode, 401);
  });

  test('V1 key pairs: at most two live, an expired pair is refused, a deleted one too', async () => {
    const account = await createAccount(t.ctx.database.db, { plan: 'standard' }, now());
    const first = await createV1KeyPair(t.ctx.database.db, account.id, 3, now());
    const second = await createV1KeyPair(t.ctx.database.db, account.id, 12, now());
    await assert.rejects(createV1KeyPair(t.ctx.database.db, account.id, 6, now()), /at most two/);
    await assert.rejects(createV1KeyPair(t.ctx.database.db, account.id, 5, now()), /3, 6 or 12/);

    const call = (pair: { apiKey: string; apiSecret: string }) =>
      t.inject({ method: 'GET', url: '/warehouses', headers: { authorization: basic(pair.apiKey, pair.apiSecret) } });
    assert.equal((await call(first)).statusCode, 200);

    t.ctx.clock.advance(100 * 24 * 3600 * 1000); // past 3 months
    try {
      assert.equal((await call(first)).statusCode, 401, 'expired pair');
      assert.equal((await call(second)).statusCode, 200, 'the 12-month pair still works');
    } finally {
      t.ctx.clock.advance(-100 * 24 * 3600 * 1000);
    }

    await deleteKey(t.ctx.database.db, `v1-${second.id}`, now());
    assert.equal((await call(second)).statusCode, 401, 'deleted pair');
    const third = await createV1KeyPair(t.ctx.database.db, account.id, 6, now());
    assert.equal((await call(third)).statusCode, 200, 'a new pair once one was deleted');
  });

  test('V2 and ShipEngine take the same API-Key header (any case) and answer 401 in their format', async () => {
    assert.equal((await t.api('v2', 'GET', '/v2/warehouses')).statusCode, 200);
    assert.equal((await t.api('shipengine', 'GET', '/v1/warehouses')).statusCode, 200);
    const upper = await t.inject({ method: 'GET', url: '/v2/tags', headers: { 'API-KEY': CREDENTIALS.apiKey } });
    assert.equal(upper.statusCode, 200);
    for (const [surface, url] of [['v2', '/v2/tags'], ['shipengine', '/v1/tags']] as const) {
      const missing = await t.inject({ method: 'GET', url });
      assert.equal(missing.statusCode, 401);
      assertContract(surface, 'GET', url, 401, missing.json());
      assert.equal(missing.json().errors[0].error_code, 'unauthorized');
      assert.equal(missing.json().errors[0].error_source, surface === 'v2' ? 'ShipStation' : 'shipengine');
      const wrong = await t.inject({ method: 'GET', url, headers: { 'api-key': 'not-a-key' } });
      assert.equal(wrong.statusCode, 401);
    }
  });

  test('plan gating: a starter plan gets 402 on V1 and V2; the inventory add-on opens /v2/inventory only', async () => {
    const starter = await createAccount(t.ctx.database.db, { plan: 'starter', addons: ['inventory_api'] }, now());
    const key = await createApiKey(t.ctx.database.db, { accountId: starter.id }, now());
    const pair = await createV1KeyPair(t.ctx.database.db, starter.id, 6, now());
    const v2 = await t.inject({ method: 'GET', url: '/v2/warehouses', headers: { 'api-key': key.apiKey } });
    assert.equal(v2.statusCode, 402);
    assertContract('v2', 'GET', '/v2/warehouses', 402, v2.json());
    assert.equal(v2.json().errors[0].error_code, 'invalid_billing_plan');
    const v1 = await t.inject({ method: 'GET', url: '/warehouses', headers: { authorization: basic(pair.apiKey, pair.apiSecret) } });
    assert.equal(v1.statusCode, 402);
    // Past the gate on an add-on route: the route itself may not exist yet, but it is not a 402.
    const inventory = await t.inject({ method: 'GET', url: '/v2/inventory', headers: { 'api-key': key.apiKey } });
    assert.notEqual(inventory.statusCode, 402);

    const noAddon = await createAccount(t.ctx.database.db, { plan: 'standard' }, now());
    const noAddonKey = await createApiKey(t.ctx.database.db, { accountId: noAddon.id }, now());
    const refused = await t.inject({ method: 'GET', url: '/v2/inventory', headers: { 'api-key': noAddonKey.apiKey } });
    assert.equal(refused.statusCode, 402);
    const allowed = await t.inject({ method: 'GET', url: '/v2/warehouses', headers: { 'api-key': noAddonKey.apiKey } });
    assert.equal(allowed.statusCode, 200);
  });

  test('partner keys: On-Behalf-Of by account id or account key; alone only on partner routes', async () => {
    const partner = { 'api-key': CREDENTIALS.partnerKey };
    const alone = await t.inject({ method: 'GET', url: '/v1/warehouses', headers: partner });
    assert.equal(alone.statusCode, 403);
    assertContract('shipengine', 'GET', '/v1/warehouses', 403, alone.json());
    const byId = await t.inject({ method: 'GET', url: '/v1/warehouses', headers: { ...partner, 'on-behalf-of': '1' } });
    assert.equal(byId.statusCode, 200);
    const byKey = await t.inject({ method: 'GET', url: '/v1/warehouses', headers: { ...partner, 'On-Behalf-Of': CREDENTIALS.apiKey } });
    assert.equal(byKey.statusCode, 200);
    const notOwned = await createAccount(t.ctx.database.db, { plan: 'standard' }, now());
    const foreign = await t.inject({ method: 'GET', url: '/v1/warehouses', headers: { ...partner, 'on-behalf-of': String(notOwned.id) } });
    assert.equal(foreign.statusCode, 403);
    const onV2 = await t.inject({ method: 'GET', url: '/v2/warehouses', headers: partner });
    assert.equal(onV2.statusCode, 401);
  });

  test('disabled accounts and deleted keys are refused on every surface', async () => {
    const account = await createAccount(t.ctx.database.db, { plan: 'standard' }, now());
    const key = await createApiKey(t.ctx.database.db, { accountId: account.id }, now());
    const pair = await createV1KeyPair(t.ctx.database.db, account.id, 6, now());
    const calls = () =>
      Promise.all([
        t.inject({ method: 'GET', url: '/v2/tags', headers: { 'api-key': key.apiKey } }),
        t.inject({ method: 'GET', url: '/v1/tags', headers: { 'api-key': key.apiKey } }),
        t.inject({ method: 'GET', url: '/users', headers: { authorization: basic(pair.apiKey, pair.apiSecret) } }),
      ]);
    assert.deepEqual((await calls()).map((r) => r.statusCode), [200, 200, 200]);
    await t.ctx.database.db.updateTable('accounts').set({ active: 0 }).where('id', '=', account.id).execute();
    assert.deepEqual((await calls()).map((r) => r.statusCode), [401, 401, 401]);
    await t.ctx.database.db.updateTable('accounts').set({ active: 1 }).where('id', '=', account.id).execute();
    await deleteKey(t.ctx.database.db, `key-${key.id}`, now());
    assert.deepEqual((await calls()).map((r) => r.statusCode), [401, 401, 200]);
  });
});
