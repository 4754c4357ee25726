import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { verifyPassword } from '../../src/domain/accounts/secrets.ts';
import { assertErrorFields, assertShipEngineError, ISO, partnerCall } from './helpers.ts';

describe('Partner API: accounts', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const call = (method: string, url: string, payload?: unknown) => partnerCall(t, method, url, payload);

  test('create with every field: account, first API key, null names as documented, password hashed', async () => {
    const res = await call('POST', '/v1/partners/accounts', {
      first_name: 'John',
      last_name: 'Doe',
      company_name: 'Acme Corp.',
      external_account_id: 'acme-819748723192',
      origin_country_code: 'US',
      email: 'john@acme.example',
      password: 'correct horse',
    });
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'account_id', 'active', 'api_key', 'company_name', 'created_at', 'email', 'external_account_id',
      'first_name', 'last_name', 'modified_at', 'origin_country_code',
    ]);
    assert.equal(typeof body.account_id, 'number');
    assert.equal(body.external_account_id, 'acme-819748723192');
    assert.equal(body.active, true);
    assert.equal(body.origin_country_code, 'US');
    assert.match(body.created_at, ISO);
    assert.match(body.modified_at, ISO);
    for (const field of ['email', 'company_name', 'first_name', 'last_name']) assert.equal(body[field], null, field);
    assert.ok(!res.body.includes('correct horse'), 'the password is never echoed');

    const key = body.api_key;
    assert.deepEqual(Object.keys(key).sort(), ['account_id', 'api_key_id', 'created_at', 'description', 'encrypted_api_key']);
    assert.equal(key.account_id, body.account_id);
    assert.equal(typeof key.api_key_id, 'number');
    assert.equal(typeof key.encrypted_api_key, 'string');
    assert.match(key.created_at, ISO);

    const row = await t.ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', body.account_id).executeTakeFirstOrThrow();
    assert.equal(row.plan, 'standard');
    assert.equal(row.partner_id, 1);
    assert.match(row.password_hash!, /^scrypt\$/);
    assert.equal(await verifyPassword('correct horse', row.password_hash!), true);

    // GET shows what was stored (the docs' get-account example has the values).
    const got = await call('GET', `/v1/partners/accounts/${body.account_id}`);
    assert.equal(got.statusCode, 200);
    assert.deepEqual(got.json(), {
      account_id: body.account_id,
      external_account_id: 'acme-819748723192',
      created_at: body.created_at,
      modified_at: body.modified_at,
      active: true,
      email: 'john@acme.example',
      company_name: 'Acme Corp.',
      first_name: 'John',
      last_name: 'Doe',
      origin_country_code: 'US',
    });
  });

  test("the first key works on ShipEngine /v1 and ShipStation /v2 (standard plan)", async () => {
    const created = (await call('POST', '/v1/partners/accounts', {})).json();
    const headers = { 'api-key': created.api_key.encrypted_api_key };
    const se = await t.api('shipengine', 'GET', '/v1/warehouses', undefined, headers);
    assert.equal(se.statusCode, 200, se.body);
    assert.deepEqual(se.json().warehouses, [], 'a new account has its own, empty data');
    const v2 = await t.api('v2', 'GET', '/v2/warehouses', undefined, headers);
    assert.equal(v2.statusCode, 200, v2.body);
    const partnerRoute = await partnerCall(t, 'GET', '/v1/partners/accounts', undefined, created.api_key.encrypted_api_key);
    assert.equal(partnerRoute.statusCode, 403, 'an account key cannot use the Partner API');
    assertShipEngineError(403, partnerRoute.json());
  });

  test('an empty body creates an account, as partner clients send it', async () => {
    const empty = await t.inject({
      method: 'POST',
      url: '/v1/partners/accounts',
      payload: '',
      headers: { 'api-key': CREDENTIALS.partnerKey, 'content-type': 'application/json' },
    });
    assert.equal(empty.statusCode, 200, empty.body);
    assert.equal(empty.json().external_account_id, null);
    assert.equal(empty.json().origin_country_code, null);
    const none = await t.inject({ method: 'POST', url: '/v1/partners/accounts', headers: { 'api-key': CREDENTIALS.partnerKey } });
    assert.equal(none.statusCode, 200, none.body);
    assert.notEqual(none.json().account_id, empty.json().account_id);
    const malformed = await t.inject({
      method: 'POST',
      url: '/v1/partners/accounts',
      payload: '{"email": ',
      headers: { 'api-key': CREDENTIALS.partnerKey, 'content-type': 'application/json' },
    });
    assert.equal(malformed.statusCode, 400);
    assertShipEngineError(400, malformed.json());
  });

  test('create validates lengths, country code, email and password and names each field', async () => {
    assertErrorFields(
      await call('POST', '/v1/partners/accounts', {
        first_name: 'x'.repeat(25),
        last_name: 'y'.repeat(25),
        company_name: 'c'.repeat(51),
        external_account_id: 'e'.repeat(129),
        origin_country_code: 'us',
        email: `${'m'.repeat(40)}@example.com`,
        password: 'short',
      }),
      400,
      ['company_name', 'email', 'external_account_id', 'first_name', 'last_name', 'origin_country_code', 'password'],
    );
    const limits = await call('POST', '/v1/partners/accounts', {
      first_name: 'x'.repeat(24),
      last_name: 'y'.repeat(24),
      company_name: 'c'.repeat(50),
      external_account_id: 'e'.repeat(128),
      email: `${'m'.repeat(38)}@example.com`,
      password: 'p'.repeat(7),
    });
    assert.equal(limits.statusCode, 200, 'every limit is inclusive');
    assertErrorFields(await call('POST', '/v1/partners/accounts', { password: 'p'.repeat(129) }), 400, ['password']);
    assertErrorFields(await call('POST', '/v1/partners/accounts', { email: 'not-an-email' }), 400, ['email']);
    assertErrorFields(await call('POST', '/v1/partners/accounts', { origin_country_code: 'USA' }), 400, ['origin_country_code']);
    assertErrorFields(await call('POST', '/v1/partners/accounts', { external_account_id: '' }), 400, ['external_account_id']);
    const short = await call('POST', '/v1/partners/accounts', { password: '123456' });
    assert.equal(short.json().errors[0].error_code, 'invalid_field_value');
    assert.equal(short.json().errors[0].error_source, 'shipengine');
    assert.equal(short.json().errors[0].error_type, 'validation');
  });

  test('duplicate email (across Shipdock, any case) and duplicate external id are 409 identifier_conflict', async () => {
    assert.equal((await call('POST', '/v1/partners/accounts', { email: 'dup@example.com', external_account_id: 'dup-1' })).statusCode, 200);
    const email = await call('POST', '/v1/partners/accounts', { email: 'DUP@example.com' });
    assertErrorFields(email, 409, ['email']);
    assert.equal(email.json().errors[0].error_code, 'identifier_conflict');
    const external = await call('POST', '/v1/partners/accounts', { external_account_id: 'dup-1' });
    assertErrorFields(external, 409, ['external_account_id']);
    assert.equal(external.json().errors[0].error_code, 'identifier_conflict');
    const listed = (await call('GET', '/v1/partners/accounts?external_account_id=dup-1')).json();
    assert.equal(listed.total, 1, 'a refused create leaves nothing behind');
  });

  test('concurrent creates with one email: exactly one succeeds, the others are 409 (never 500)', async () => {
    const results = await Promise.all(
      Array.from({ length: 4 }, (_, i) => call('POST', '/v1/partners/accounts', { email: 'race@example.com', external_account_id: `race-${i}` })),
    );
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409, 409]);
  });

  test('get by id and by external id; unknown ids are 404; malformed ids are 400', async () => {
    const created = (await call('POST', '/v1/partners/accounts', { external_account_id: 'Case/Sensitive 42' })).json();
    const byExternal = await call('GET', `/v1/partners/accounts/external_account_id/${encodeURIComponent('Case/Sensitive 42')}`);
    assert.equal(byExternal.statusCode, 200, byExternal.body);
    assert.equal(byExternal.json().account_id, created.account_id);
    const seForm = await call('GET', `/v1/partners/accounts/se-${created.account_id}`);
    assert.equal(seForm.json().account_id, created.account_id);

    const wrongCase = await call('GET', `/v1/partners/accounts/external_account_id/${encodeURIComponent('case/sensitive 42')}`);
    assert.equal(wrongCase.statusCode, 404);
    assertShipEngineError(404, wrongCase.json());
    const missing = await call('GET', '/v1/partners/accounts/999999');
    assert.equal(missing.statusCode, 404);
    assert.equal(missing.json().errors[0].error_code, 'invalid_identifier');
    assert.equal((await call('GET', '/v1/partners/accounts/99999999999')).statusCode, 404, 'beyond any row id, still a 404');
    assertErrorFields(await call('GET', '/v1/partners/accounts/abc'), 400, ['account_id']);
  });

  test('list: paging convention with links, filters by external id and active', async () => {
    for (let i = 0; i < 3; i++) await call('POST', '/v1/partners/accounts', { external_account_id: `page-${i}` });
    const all = (await call('GET', '/v1/partners/accounts?page_size=500')).json();
    assert.ok(all.accounts.some((a: { account_id: number }) => a.account_id === 1), 'the default partner owns the default account');
    assert.equal(all.total, all.accounts.length);

    const page = await call('GET', '/v1/partners/accounts?page=2&page_size=2&sort_dir=asc');
    assert.equal(page.statusCode, 200);
    const body = page.json();
    assert.deepEqual(Object.keys(body).sort(), ['accounts', 'links', 'page', 'pages', 'total']);
    assert.equal(body.page, 2);
    assert.equal(body.total, all.total);
    assert.equal(body.pages, Math.ceil(all.total / 2));
    assert.equal(body.accounts.length, 2);
    const ascending = [...all.accounts].map((a: { account_id: number }) => a.account_id).sort((a: number, b: number) => a - b);
    assert.deepEqual(body.accounts.map((a: { account_id: number }) => a.account_id), ascending.slice(2, 4));
    assert.equal(body.links.first.href, 'http://shipdock.test/v1/partners/accounts?page=1&page_size=2&sort_dir=asc');
    assert.match(body.links.prev.href, /page=1&/);
    assert.match(body.links.next.href, /page=3&/);
    assert.deepEqual(Object.keys(body.accounts[0]).sort(), [
      'account_id', 'active', 'company_name', 'created_at', 'email', 'external_account_id', 'first_name', 'last_name', 'modified_at', 'origin_country_code',
    ]);

    const filtered = (await call('GET', '/v1/partners/accounts?external_account_id=page-1')).json();
    assert.equal(filtered.total, 1);
    assert.equal(filtered.accounts[0].external_account_id, 'page-1');

    const target = filtered.accounts[0].account_id;
    assert.equal((await call('PUT', `/v1/partners/accounts/${target}/disable`)).statusCode, 204);
    const inactive = (await call('GET', '/v1/partners/accounts?active=false')).json();
    assert.deepEqual(inactive.accounts.map((a: { account_id: number }) => a.account_id), [target]);
    assert.equal(inactive.accounts[0].active, false);
    const active = (await call('GET', '/v1/partners/accounts?active=true&page_size=500')).json();
    assert.equal(active.total, all.total - 1);
    assert.equal((await call('PUT', `/v1/partners/accounts/${target}/enable`)).statusCode, 204);

    assertErrorFields(await call('GET', '/v1/partners/accounts?page=0'), 400, ['page']);
    assertErrorFields(await call('GET', '/v1/partners/accounts?active=maybe'), 400, ['active']);
  });
});
