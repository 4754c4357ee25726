import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { assertShipEngineError, createPartner, partnerCall } from './helpers.ts';

describe('Partner API: disable/enable, On-Behalf-Of and tenant isolation', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const call = (method: string, url: string, payload?: unknown, key?: string) => partnerCall(t, method, url, payload, key);
  const asAccount = (surface: 'shipengine' | 'v2', key: string) =>
    t.api(surface, 'GET', surface === 'v2' ? '/v2/warehouses' : '/v1/warehouses', undefined, { 'api-key': key });
  const onBehalfOf = (target: string, partnerKey = CREDENTIALS.partnerKey) =>
    t.api('shipengine', 'GET', '/v1/warehouses', undefined, { 'api-key': partnerKey, 'on-behalf-of': target });

  test('On-Behalf-Of with the new account id (plain or se-) acts as that account', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    const origin = {
      name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin',
      state_province: 'TX', postal_code: '78701', country_code: 'US', address_residential_indicator: 'no',
    };
    const created = await t.api('shipengine', 'POST', '/v1/warehouses', { name: 'Child HQ', origin_address: origin }, {
      'api-key': CREDENTIALS.partnerKey,
      'on-behalf-of': String(account.account_id),
    });
    assert.equal(created.statusCode, 200, created.body);
    const own = (await asAccount('shipengine', account.api_key.encrypted_api_key)).json().warehouses;
    assert.deepEqual(own.map((w: { name: string }) => w.name), ['Child HQ'], 'written to the child account');
    const bySeId = await onBehalfOf(`se-${account.account_id}`);
    assert.equal(bySeId.statusCode, 200);
    assert.equal(bySeId.json().warehouses.length, 1);
    assert.equal((await onBehalfOf('99999999999')).statusCode, 403);
  });

  test('disable refuses the account everywhere (own key, On-Behalf-Of by id and by key); enable restores', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    const key = account.api_key.encrypted_api_key;
    const id = String(account.account_id);
    const statuses = async () => [
      (await asAccount('shipengine', key)).statusCode,
      (await asAccount('v2', key)).statusCode,
      (await onBehalfOf(id)).statusCode,
      (await onBehalfOf(key)).statusCode,
    ];
    assert.deepEqual(await statuses(), [200, 200, 200, 200]);

    const disabled = await call('PUT', `/v1/partners/accounts/${id}/disable`);
    assert.equal(disabled.statusCode, 204);
    assert.equal(disabled.body, '');
    assert.deepEqual(await statuses(), [401, 401, 403, 403]);
    const shown = (await call('GET', `/v1/partners/accounts/${id}`)).json();
    assert.equal(shown.active, false);
    assert.ok(shown.modified_at >= account.modified_at);
    assert.equal((await call('PUT', `/v1/partners/accounts/${id}/disable`)).statusCode, 204, 'disabling twice is harmless');

    const enabled = await t.inject({
      method: 'PUT',
      url: `/v1/partners/accounts/${id}/enable`,
      payload: '',
      headers: { 'api-key': CREDENTIALS.partnerKey, 'content-type': 'application/json' },
    });
    assert.equal(enabled.statusCode, 204, 'a bare PUT with a JSON content type is fine');
    assert.equal((await call('GET', `/v1/partners/accounts/${id}`)).json().active, true);
    assert.deepEqual(await statuses(), [200, 200, 200, 200]);
    assert.equal((await call('PUT', '/v1/partners/accounts/999999/disable')).statusCode, 404);
  });

  test("a partner sees only its own accounts: another partner's ids are 404, its keys get 403", async () => {
    const other = await createPartner(t, 'Other partner');
    const mine = (await call('POST', '/v1/partners/accounts', { external_account_id: 'shared-ext' })).json();
    const theirs = (await call('POST', '/v1/partners/accounts', { external_account_id: 'shared-ext' }, other.key)).json();
    assert.ok(theirs.account_id, 'external ids are unique per partner, not across partners');
    const unowned = await createAccount(t.ctx.database.db, { plan: 'standard' }, t.ctx.clock.nowIso());

    const byOwner = (await call('GET', '/v1/partners/accounts/external_account_id/shared-ext', undefined, other.key)).json();
    assert.equal(byOwner.account_id, theirs.account_id);
    const otherList = (await call('GET', '/v1/partners/accounts?page_size=500', undefined, other.key)).json();
    assert.deepEqual(otherList.accounts.map((a: { account_id: number }) => a.account_id), [theirs.account_id]);
    assert.equal(otherList.total, 1);

    const attempts: [string, string, unknown?][] = [
      ['GET', '/v1/partners/accounts/{id}'],
      ['PUT', '/v1/partners/accounts/{id}/disable'],
      ['PUT', '/v1/partners/accounts/{id}/enable'],
      ['POST', '/v1/partners/accounts/{id}/api_keys', { description: 'sneaky' }],
      ['GET', '/v1/partners/accounts/{id}/api_keys'],
      ['DELETE', '/v1/partners/accounts/{id}/api_keys/{key}'],
    ];
    const cases = [
      { key: other.key, account: mine, label: "other partner → default partner's account" },
      { key: CREDENTIALS.partnerKey, account: theirs, label: "default partner → other partner's account" },
      { key: other.key, account: { account_id: 1, api_key: { api_key_id: 1 } }, label: 'other partner → the default account' },
      { key: CREDENTIALS.partnerKey, account: { account_id: unowned.id, api_key: { api_key_id: 1 } }, label: 'an account no partner owns' },
    ];
    for (const { key, account, label } of cases) {
      for (const [method, template, payload] of attempts) {
        const url = template.replace('{id}', String(account.account_id)).replace('{key}', String(account.api_key.api_key_id));
        const res = await call(method, url, payload, key);
        assert.equal(res.statusCode, 404, `${label}: ${method} ${url}`);
        assertShipEngineError(404, res.json());
      }
      assert.equal((await onBehalfOf(String(account.account_id), key)).statusCode, 403, `${label}: On-Behalf-Of`);
    }
    const wrongExternal = await call('GET', `/v1/partners/accounts/external_account_id/shared-ext`, undefined, other.key);
    assert.equal(wrongExternal.json().account_id, theirs.account_id, 'the same external id resolves per partner');
    assert.equal((await onBehalfOf(mine.api_key.encrypted_api_key, other.key)).statusCode, 403, "another partner's account key in On-Behalf-Of");

    // Nothing above changed the victims.
    assert.equal((await call('GET', `/v1/partners/accounts/${mine.account_id}`)).json().active, true);
    assert.equal((await call('GET', `/v1/partners/accounts/${theirs.account_id}`, undefined, other.key)).json().active, true);
    assert.equal((await call('GET', `/v1/partners/accounts/${mine.account_id}/api_keys`)).json().length, 1);
    assert.equal((await asAccount('shipengine', mine.api_key.encrypted_api_key)).statusCode, 200);
  });

  test('account keys get 403 on every partner route; no key gets 401', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    for (const key of [CREDENTIALS.apiKey, account.api_key.encrypted_api_key]) {
      for (const [method, url] of [
        ['POST', '/v1/partners/accounts'],
        ['GET', '/v1/partners/accounts'],
        ['GET', `/v1/partners/accounts/${account.account_id}`],
        ['PUT', `/v1/partners/accounts/${account.account_id}/disable`],
        ['GET', `/v1/partners/accounts/${account.account_id}/api_keys`],
      ]) {
        const res = await call(method, url, method === 'POST' ? {} : undefined, key);
        assert.equal(res.statusCode, 403, `${method} ${url}`);
        assertShipEngineError(403, res.json());
      }
    }
    const anonymous = await t.inject({ method: 'GET', url: '/v1/partners/accounts' });
    assert.equal(anonymous.statusCode, 401);
    assertShipEngineError(401, anonymous.json());
    assert.equal((await call('GET', `/v1/partners/accounts/${account.account_id}`)).json().active, true);
  });
});
