// Sandbox webhook trigger and replay: samples of any event reach V1, V2 and ShipEngine
// subscriptions signed; a logged delivery replays with the same body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { loadConfig } from '../../src/config.ts';
import { cliScratch } from '../cli/helpers.ts';
import { secondAccount, startSignedReceiver, verifyDelivery, type SignedReceiver } from '../webhooks-v2/receiver.ts';

describe('sandbox webhook trigger and replay', () => {
  let t: TestApp;
  let receiver: SignedReceiver;
  const key = 'TEST_api_key_for_shipdock_tests';
  const call = (method: string, url: string, payload?: object, apiKey = key) => t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': apiKey } });
  before(async () => {
    t = await startTestApp();
    receiver = await startSignedReceiver();
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  test('nobody subscribed, or an unknown event: 400 naming the field', async () => {
    const none = await call('POST', '/sandbox/webhooks/trigger', { event: 'track' });
    assert.equal(none.statusCode, 400);
    assert.equal(none.json().errors[0].field_name, 'event');
    assert.match(none.json().errors[0].message, /no webhook/);
    const bad = await call('POST', '/sandbox/webhooks/trigger', { event: 'teleport' });
    assert.equal(bad.statusCode, 400);
    assert.equal((await call('POST', '/sandbox/webhooks/trigger', {})).statusCode, 400);
  });

  test('a triggered track event reaches V2 and ShipEngine subscriptions signed, in the documented shape; V1 too', async () => {
    await call('POST', '/v1/environment/webhooks', { event: 'track', url: `${receiver.url}/se` });
    await call('POST', '/v2/environment/webhooks', { event: 'track_event_v2', url: `${receiver.url}/v2` });
    await t.v1('POST', '/webhooks/subscribe', { target_url: `${receiver.url}/v1`, event: 'SHIP_NOTIFY' });
    const res = await call('POST', '/sandbox/webhooks/trigger', { event: 'track' });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal(res.json().deliveries_queued, 1);
    assert.equal((await call('POST', '/sandbox/webhooks/trigger', { event: 'TRACK_EVENT_V2' })).json().deliveries_queued, 1);
    assert.equal((await call('POST', '/sandbox/webhooks/trigger', { event: 'ship_notify' })).json().deliveries_queued, 1);
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 3);
    const byType = (type: string) => receiver.deliveries.find((d) => d.body.resource_type === type)!;
    const [se, v2, v1] = [byType('API_TRACK'), byType('TRACK_EVENT_V2'), byType('SHIP_NOTIFY')];
    for (const d of receiver.deliveries) assert.ok(await verifyDelivery(t, d), 'signed with a published key');
    assert.equal(se.headers['user-agent'], 'ShipEngine/v1');
    assert.equal(se.body.resource_url, 'http://shipdock.test/v1/tracking?carrier_code=ups&tracking_number=1Z9634841399247181');
    assert.equal(se.body.data!.status_code, 'IT');
    assert.equal(se.headers['user-agent'], 'ShipEngine/v1');
    assert.equal(v2.body.resource_type, 'TRACK_EVENT_V2');
    assert.match(v2.body.resource_url, /^http:\/\/shipdock\.test\/v2\/labels\/se-0\/track$/);
    assert.equal(v2.body.data!.events.length, 1);
    assert.equal(v1.body.resource_type, 'SHIP_NOTIFY');
    assert.match(v1.body.resource_url, /^http:\/\/shipdock\.test\/shipments\?batchId=sample/);
  });

  test('a logged delivery replays with the same body; another account cannot replay it', async () => {
    const log = (await call('GET', '/sandbox/webhooks/deliveries')).json().deliveries;
    assert.equal(log.length, 3);
    assert.ok(log.every((d: { status: string; response_code: number }) => d.status === 'delivered' && d.response_code === 200));
    const track = log.find((d: { resource_type: string }) => d.resource_type === 'API_TRACK');
    const original = receiver.deliveries.find((d) => d.body.resource_type === 'API_TRACK')!;
    const other = await secondAccount(t);
    assert.equal((await call('POST', `/sandbox/webhooks/deliveries/${track.delivery_id}/replay`, undefined, other.apiKey)).statusCode, 404);
    const replay = await call('POST', `/sandbox/webhooks/deliveries/${track.delivery_id}/replay`);
    assert.equal(replay.statusCode, 202, replay.body);
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 4);
    const again = receiver.deliveries[3];
    assert.equal(again.raw, original.raw, 'the same body');
    assert.ok(await verifyDelivery(t, again));
    assert.equal((await call('GET', '/sandbox/webhooks/deliveries')).json().deliveries.length, 4);
    assert.equal((await call('POST', '/sandbox/webhooks/deliveries/999999/replay')).statusCode, 404);
  });
});

test('CLI: shipdock webhooks trigger track --account ID', async () => {
  const cli = await cliScratch();
  const run = async (...args: string[]) => {
    const { code, out, err } = await cli.run(...args);
    return { code, text: out || err };
  };
  try {
    const id = /account (\d+) created/.exec((await run('accounts', 'create', '--plan', 'standard')).text)![1];
    const none = await run('webhooks', 'trigger', 'track', '--account', id);
    assert.equal(none.code, 2, 'nobody subscribed');
    const { openDatabase } = await import('../../src/db/index.ts');
    const database = await openDatabase(loadConfig(cli.env));
    try {
      await database.db
        .insertInto('api_webhooks')
        .values({ account_id: Number(id), surface: 'shipengine', event: 'track', url: 'http://127.0.0.1:9/x', headers: '[]', name: null, store_id: null, created_at: new Date().toISOString() })
        .execute();
    } finally {
      await database.close();
    }
    const sent = await run('webhooks', 'trigger', 'track', '--account', id);
    assert.equal(sent.code, 0, sent.text);
    assert.match(sent.text, new RegExp(`account ${id}: 1 sample track delivery queued`));
  } finally {
    await cli.close();
  }
});
