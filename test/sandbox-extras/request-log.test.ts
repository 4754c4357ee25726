// The sandbox request log: records all three surfaces, redacts secrets, finds a V2 error by its
// request_id, stays bounded, is cleared by reset and private to its account.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { secondAccount } from '../webhooks-v2/receiver.ts';
import { redact, REDACTED } from '../../src/domain/sandbox/request-log.ts';

type Json = Record<string, any>;

describe('sandbox request log', () => {
  let t: TestApp;
  const key = 'TEST_api_key_for_shipdock_tests';
  const call = (method: string, url: string, payload?: object, apiKey = key) => t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': apiKey } });
  const log = async (query = '', apiKey = key) => (await call('GET', `/sandbox/requests${query}`, undefined, apiKey)).json().requests as Json[];
  before(async () => {
    t = await startTestApp({ SHIPDOCK_REQUEST_LOG_MAX: '8' });
  });
  after(() => t.close());

  test('redact() removes keys, passwords, auth headers, card numbers at any depth', () => {
    const out = redact({
      api_key: 'k',
      'API-Key': 'k',
      password: 'p',
      user: { newPassword: 'p', name: 'Ann' },
      api_key_info: { encrypted_api_key: 'e' },
      payment: { card_number: '4111111111111111', cvv: '123', amount: 5 },
      headers: [{ key: 'Authorization', value: 'Bearer x' }, { key: 'X-Trace', value: 'ok' }],
    }) as Json;
    assert.deepEqual(out, {
      api_key: REDACTED,
      'API-Key': REDACTED,
      password: REDACTED,
      user: { newPassword: REDACTED, name: 'Ann' },
      api_key_info: { encrypted_api_key: REDACTED },
      payment: { card_number: REDACTED, cvv: REDACTED, amount: 5 },
      headers: [{ key: 'Authorization', value: REDACTED }, { key: 'X-Trace', value: 'ok' }],
    });
  });

  test('V2, ShipEngine and V1 calls are recorded with status, duration and redacted bodies; an error request_id finds its entry', async () => {
    const created = await t.api('v2', 'POST', '/v2/environment/webhooks', { event: 'batch', url: 'https://example.com/hook', headers: [{ key: 'api-key', value: 'hunter2' }] });
    assert.equal(created.statusCode, 200, created.body);
    const missing = await t.api('shipengine', 'GET', '/v1/labels/se-999999');
    assert.equal(missing.statusCode, 404);
    const requestId = missing.json().request_id;
    await t.v1('GET', '/carriers');
    const entries = await log();
    assert.equal(entries.length, 3);
    const [v1, se, v2] = entries;
    assert.deepEqual([v1.surface, v1.method, v1.path, v1.status], ['v1', 'GET', '/carriers', 200]);
    assert.equal(v1.request_headers.authorization, REDACTED);
    assert.deepEqual([se.surface, se.path, se.status, se.request_id], ['shipengine', '/v1/labels/se-999999', 404, requestId]);
    assert.equal(se.response_body.errors[0].error_code, 'invalid_identifier');
    assert.equal(v2.surface, 'v2');
    assert.equal(v2.status, 200);
    assert.equal(v2.request_headers['api-key'], REDACTED);
    assert.equal(v2.request_body.headers[0].value, REDACTED);
    assert.equal(v2.response_body.headers[0].value, REDACTED);
    assert.ok(typeof v2.duration_ms === 'number' && v2.duration_ms >= 0);
    assert.ok(!JSON.stringify(entries).includes('hunter2') && !JSON.stringify(entries).includes(key), 'no secret anywhere');
    const found = await log(`?request_id=${requestId}`);
    assert.equal(found.length, 1);
    assert.equal(found[0].path, '/v1/labels/se-999999');
    assert.deepEqual((await log('?status=404')).map((e) => e.request_id), [requestId]);
    assert.equal((await log('?path=/v2/')).length, 1);
    assert.equal((await log(`?from=${new Date(Date.now() + 60_000).toISOString()}`)).length, 0);
    assert.equal((await call('GET', '/sandbox/requests?status=abc')).statusCode, 400);
  });

  test('bounded per account, private to it, cleared by reset', async () => {
    for (let i = 0; i < 10; i++) await call('POST', '/v2/shipments', { shipments: [domesticShipment({ external_shipment_id: `log-${i}` })] });
    const entries = await log('?limit=1000');
    assert.equal(entries.length, 8, 'SHIPDOCK_REQUEST_LOG_MAX');
    assert.equal(entries[0].request_body.shipments[0].external_shipment_id, 'log-9');
    const other = await secondAccount(t);
    await call('GET', '/v2/carriers', undefined, other.apiKey);
    assert.deepEqual((await log('', other.apiKey)).map((e) => e.path), ['/v2/carriers']);
    assert.equal((await call('POST', '/sandbox/reset')).statusCode, 200);
    assert.equal((await log()).length, 0);
    assert.equal((await log('', other.apiKey)).length, 1);
  });
});

test('no request log when the sandbox is off', async () => {
  const t = await startTestApp({ SHIPDOCK_SANDBOX: 'false' });
  try {
    await t.api('v2', 'GET', '/v2/carriers');
    await new Promise((r) => setTimeout(r, 20));
    const rows = await t.ctx.database.db.selectFrom('request_log').select('id').execute();
    assert.equal(rows.length, 0);
  } finally {
    await t.close();
  }
});
