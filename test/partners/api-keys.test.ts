import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertErrorFields, assertShipEngineError, ISO, partnerCall } from './helpers.ts';

describe('Partner API: account API keys', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const call = (method: string, url: string, payload?: unknown) => partnerCall(t, method, url, payload);
  const warehouses = (key: string) => t.api('shipengine', 'GET', '/v1/warehouses', undefined, { 'api-key': key });

  test('create a key: the documented shape, and the key works at once', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    const res = await call('POST', `/v1/partners/accounts/${account.account_id}/api_keys`, { description: 'Partner Access Key' });
    assert.equal(res.statusCode, 200, res.body);
    const key = res.json();
    assert.deepEqual(Object.keys(key).sort(), ['account_id', 'api_key_id', 'created_at', 'description', 'encrypted_api_key']);
    assert.equal(key.description, 'Partner Access Key');
    assert.equal(key.account_id, account.account_id);
    assert.equal(typeof key.api_key_id, 'number');
    assert.match(key.created_at, ISO);
    assert.notEqual(key.encrypted_api_key, account.api_key.encrypted_api_key);
    assert.equal((await warehouses(key.encrypted_api_key)).statusCode, 200);

    const noBody = await t.inject({
      method: 'POST',
      url: `/v1/partners/accounts/${account.account_id}/api_keys`,
      headers: { 'api-key': CREDENTIALS.partnerKey },
    });
    assert.equal(noBody.statusCode, 200, 'the description is optional');
    assert.equal(noBody.json().description, '');
    assertErrorFields(await call('POST', `/v1/partners/accounts/${account.account_id}/api_keys`, { description: 'd'.repeat(256) }), 400, ['description']);
    assert.equal((await call('POST', '/v1/partners/accounts/999999/api_keys', { description: 'x' })).statusCode, 404);
  });

  test('list keys: every live key of the account, never the secret', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    const second = (await call('POST', `/v1/partners/accounts/${account.account_id}/api_keys`, { description: 'second' })).json();
    const res = await call('GET', `/v1/partners/accounts/${account.account_id}/api_keys`);
    assert.equal(res.statusCode, 200);
    const list = res.json();
    assert.ok(Array.isArray(list), 'a bare array, as in the docs');
    assert.deepEqual(
      list.map((k: { api_key_id: number }) => k.api_key_id),
      [account.api_key.api_key_id, second.api_key_id],
    );
    for (const key of list) {
      assert.deepEqual(Object.keys(key).sort(), ['account_id', 'api_key_id', 'created_at', 'description']);
      assert.equal(key.account_id, account.account_id);
    }
    assert.equal(list[1].description, 'second');
    assert.ok(!res.body.includes(account.api_key.encrypted_api_key) && !res.body.includes(second.encrypted_api_key));
    assert.equal((await call('GET', '/v1/partners/accounts/999999/api_keys')).statusCode, 404);
  });

  test('delete a key: 204, permanent, other keys keep working; unknown or foreign key ids are 404', async () => {
    const account = (await call('POST', '/v1/partners/accounts', {})).json();
    const first = account.api_key;
    const second = (await call('POST', `/v1/partners/accounts/${account.account_id}/api_keys`, { description: 'spare' })).json();
    const deleted = await call('DELETE', `/v1/partners/accounts/${account.account_id}/api_keys/${first.api_key_id}`);
    assert.equal(deleted.statusCode, 204);
    assert.equal(deleted.body, '');
    assert.equal((await warehouses(first.encrypted_api_key)).statusCode, 401, 'a deleted key is refused');
    assert.equal((await warehouses(second.encrypted_api_key)).statusCode, 200);
    const onBehalf = await t.api('shipengine', 'GET', '/v1/warehouses', undefined, {
      'api-key': CREDENTIALS.partnerKey,
      'on-behalf-of': first.encrypted_api_key,
    });
    assert.equal(onBehalf.statusCode, 403, 'nor does it name the account in On-Behalf-Of');

    const again = await call('DELETE', `/v1/partners/accounts/${account.account_id}/api_keys/${first.api_key_id}`);
    assert.equal(again.statusCode, 404, 'deletion is permanent: nothing left to delete');
    assertShipEngineError(404, again.json());
    const listed = (await call('GET', `/v1/partners/accounts/${account.account_id}/api_keys`)).json();
    assert.deepEqual(listed.map((k: { api_key_id: number }) => k.api_key_id), [second.api_key_id]);

    const other = (await call('POST', '/v1/partners/accounts', {})).json();
    const crossed = await call('DELETE', `/v1/partners/accounts/${other.account_id}/api_keys/${second.api_key_id}`);
    assert.equal(crossed.statusCode, 404, "a key is deleted through its own account only");
    assert.equal((await warehouses(second.encrypted_api_key)).statusCode, 200);
    assert.equal((await call('DELETE', `/v1/partners/accounts/${account.account_id}/api_keys/99999999999`)).statusCode, 404);
    assertErrorFields(await call('DELETE', `/v1/partners/accounts/${account.account_id}/api_keys/abc`), 400, ['api_key_id']);
  });
});
