import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertContract } from '../helpers/contract.ts';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('error bodies', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp({ SHIPDOCK_BODY_LIMIT_BYTES: '4096' });
  });
  after(() => t.close());

  const v2 = (method: string, url: string, payload?: string, contentType = 'application/json') =>
    t.inject({ method: method as 'POST', url, payload, headers: { 'api-key': CREDENTIALS.apiKey, 'content-type': contentType } });
  const v1 = (method: string, url: string, payload?: string, contentType = 'application/json') =>
    t.inject({
      method: method as 'POST',
      url,
      payload,
      headers: { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret), 'content-type': contentType },
    });

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: malformed JSON, wrong content type, oversized body, unknown route, invalid field`, async () => {
      const cases = [
        { res: await v2('POST', `${prefix}/warehouses`, '{"name": '), status: 400 },
        { res: await v2('POST', `${prefix}/warehouses`, 'name=x', 'application/x-www-form-urlencoded'), status: 415 },
        { res: await v2('POST', `${prefix}/warehouses`, JSON.stringify({ name: 'x'.repeat(5000) })), status: 413 },
        { res: await v2('GET', `${prefix}/no-such-thing`), status: 404 },
        { res: await v2('POST', `${prefix}/warehouses`, JSON.stringify({ name: 'HQ', origin_address: { city_locality: 'Austin', country_code: 'USA' } })), status: 400 },
      ];
      for (const { res, status } of cases) {
        assert.equal(res.statusCode, status, res.body);
        const body = res.json();
        assert.match(body.request_id, UUID);
        assert.ok(body.errors.length > 0);
        assert.doesNotMatch(res.body, /at .*\.ts:\d+/, 'no stack traces');
        assertContract(surface, 'POST', `${prefix}/warehouses`, status === 404 ? 400 : status, body);
      }
      const invalid = cases[4].res.json();
      const fields = invalid.errors.map((e: { field_name: string }) => e.field_name).sort();
      assert.deepEqual(fields, ['origin_address.address_line1', 'origin_address.country_code', 'origin_address.name', 'origin_address.phone']);
      assert.ok(invalid.errors.every((e: { error_type: string }) => e.error_type === 'validation'));
    });
  }

  test('V1: ASP.NET-style bodies with ModelState for invalid input', async () => {
    const malformed = await v1('POST', '/warehouses/createwarehouse', '{oops');
    assert.equal(malformed.statusCode, 400);
    assert.equal(typeof malformed.json().Message, 'string');

    const invalid = await v1('POST', '/warehouses/createwarehouse', JSON.stringify({ warehouseName: 'x', originAddress: { country: 'USA' } }));
    assert.equal(invalid.statusCode, 400);
    assert.deepEqual(invalid.json(), {
      Message: 'The request is invalid.',
      ModelState: { 'request.originAddress.country': ['originAddress.country must match pattern "^[A-Za-z]{2}$"'] },
    });

    const missing = await v1('GET', '/warehouses/999999');
    assert.equal(missing.statusCode, 404);
    const unknown = await v1('GET', '/nothing/here');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().Message, /No HTTP resource/);
    const oversized = await v1('POST', '/warehouses/createwarehouse', JSON.stringify({ warehouseName: 'x'.repeat(5000) }));
    assert.equal(oversized.statusCode, 413);
    assert.equal(typeof oversized.json().Message, 'string');
  });

  test('an unexpected failure is a 500 in the surface format, without internals', async () => {
    const broken = await startTestApp();
    try {
      await broken.ctx.database.db.destroy(); // every query now fails inside the server
      const v2res = await broken.inject({ method: 'GET', url: '/v2/tags', headers: { 'api-key': CREDENTIALS.apiKey } });
      assert.equal(v2res.statusCode, 500);
      assertContract('v2', 'GET', '/v2/tags', 500, v2res.json());
      assert.match(v2res.json().request_id, UUID);
      const v1res = await broken.inject({ method: 'GET', url: '/users', headers: { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret) } });
      assert.equal(v1res.statusCode, 500);
      assert.equal(v1res.json().StackTrace, null);
      for (const body of [v2res.body, v1res.body]) assert.doesNotMatch(body, /destroy|kysely|\.ts/i);
    } finally {
      await broken.app.close();
    }
  });
});
