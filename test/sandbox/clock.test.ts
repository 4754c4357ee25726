import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { orderBody } from '../v1/fixtures.ts';
import { localPath, secondAccount, startSignedReceiver, verifyDelivery, type SignedReceiver } from '../webhooks-v2/receiver.ts';

const DAY = 24 * 3600_000;

describe('sandbox: per-account test clock', () => {
  let t: TestApp;
  let receiver: SignedReceiver;
  let other: { accountId: number; apiKey: string };
  const call = (method: string, url: string, payload?: object, apiKey = 'TEST_api_key_for_shipdock_tests') =>
    t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': apiKey } });
  const upsOf = async (apiKey?: string) =>
    ((await call('GET', '/v2/carriers', undefined, apiKey)).json().carriers as { carrier_code: string; carrier_id: string }[]).find((c) => c.carrier_code === 'ups')!.carrier_id;
  const buyLabel = async (apiKey?: string) => {
    const res = await call('POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: await upsOf(apiKey), service_code: 'ups_ground' }) }, apiKey);
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { label_id: string; tracking_number: string };
  };

  before(async () => {
    t = await startTestApp();
    receiver = await startSignedReceiver();
    other = await secondAccount(t);
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  test('read, advance by an ISO-8601 duration, set a later instant; never backwards; errors name the field', async () => {
    const start = (await call('GET', '/sandbox/clock')).json();
    assert.ok(Math.abs(Date.parse(start.now) - Date.now()) < 5000);
    assert.equal(start.offset_ms, 0);
    const advanced = await call('POST', '/sandbox/clock/advance', { duration: 'PT12H' });
    assert.equal(advanced.statusCode, 200, advanced.body);
    assert.ok(Math.abs(advanced.json().offset_ms - DAY / 2) < 5000);
    const target = new Date(Date.now() + 2 * DAY).toISOString();
    const set = (await call('PUT', '/sandbox/clock', { now: target })).json();
    assert.equal(set.now, target);
    const back = await call('PUT', '/sandbox/clock', { now: new Date(Date.now() + DAY).toISOString() });
    assert.equal(back.statusCode, 400);
    assert.equal(back.json().errors[0].field_name, 'now');
    const bad = await call('POST', '/sandbox/clock/advance', { duration: '3 days' });
    assert.equal(bad.statusCode, 400);
    assert.equal(bad.json().errors[0].field_name, 'duration');
    assert.equal((await call('POST', '/sandbox/clock/advance', {})).statusCode, 400);
    assert.equal((await t.app.inject({ method: 'GET', url: '/sandbox/clock' })).statusCode, 401, 'needs the API key');
    // The account's requests see its time: a shipment created now is stamped two days ahead.
    const shipment = await call('POST', '/v2/shipments', { shipments: [domesticShipment({ carrier_id: await upsOf(), service_code: 'ups_ground' })] });
    assert.equal(shipment.statusCode, 200, shipment.body);
    const createdAt = Date.parse(shipment.json().shipments[0].created_at);
    assert.ok(Math.abs(createdAt - (Date.now() + 2 * DAY)) < 60_000, shipment.json().shipments[0].created_at);
    const v1Order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'clock-v1', orderNumber: 'CLK-1' }))).json();
    assert.ok(Math.abs(Date.parse(`${v1Order.createDate}-08:00`) - (Date.now() + 2 * DAY)) < 3 * 3600_000, `V1 sees it too: ${v1Order.createDate}`);
  });

  test("one account's clock never moves another's", async () => {
    const mine = (await call('GET', '/sandbox/clock')).json();
    const theirs = (await call('GET', '/sandbox/clock', undefined, other.apiKey)).json();
    assert.ok(mine.offset_ms > DAY);
    assert.equal(theirs.offset_ms, 0);
    const label = await buyLabel(other.apiKey);
    await call('POST', '/sandbox/clock/advance', { duration: 'P30D' });
    const track = (await call('GET', `/v2/labels/${label.label_id}/track`, undefined, other.apiKey)).json();
    assert.notEqual(track.status_code, 'DE', "another account's parcel does not move");
    assert.ok(Math.abs(Date.parse((await call('GET', '/sandbox/clock', undefined, other.apiKey)).json().now) - Date.now()) < 5000);
  });

  test('a tracked parcel is delivered when the clock passes its delivery date: signed track webhooks, each event once, in order', async () => {
    await call('POST', '/v1/environment/webhooks', { event: 'track', url: receiver.url });
    await call('POST', '/v2/environment/webhooks', { event: 'track_event_v2', url: receiver.url });
    const label = await buyLabel();
    await runDueJobs(t.ctx);
    const beforeMove = receiver.deliveries.length;
    const move = (await call('POST', '/sandbox/clock/advance', { duration: 'P20D' })).json();
    assert.ok(move.tracking_events >= 3, `events passed: ${move.tracking_events}`);
    await runDueJobs(t.ctx);
    const mine = receiver.deliveries.filter((d) => d.body.data?.tracking_number === label.tracking_number);
    assert.equal(mine.length, 2 * (move.tracking_events + 0) + beforeMove, 'one track and one track_event_v2 delivery per event');
    const v2 = mine.filter((d) => d.body.resource_type === 'TRACK_EVENT_V2');
    const classic = mine.filter((d) => d.body.resource_type === 'API_TRACK');
    assert.equal(v2.length, classic.length);
    // Each delivery carries the tracking as of its event: 1, 2, ... n events, the last one delivered.
    const counts = v2.map((d) => d.body.data!.events.length).sort((a, b) => a - b);
    assert.deepEqual(counts, counts.map((_, i) => i + 1 + (counts[0] - 1)));
    const last = v2.find((d) => d.body.data!.events.length === counts.at(-1))!;
    assert.equal(last.body.data!.status_code, 'DE');
    assert.equal(last.body.resource_url, `http://shipdock.test/v2/labels/${label.label_id}/track`);
    assert.equal(last.headers['user-agent'], 'ShipEngine/v1');
    assert.ok(await verifyDelivery(t, last), 'signature verifies against /jwks');
    const se = classic.find((d) => d.body.data!.status_code === 'DE')!;
    assert.match(se.body.resource_url, /^http:\/\/shipdock\.test\/v1\/tracking\?carrier_code=ups&tracking_number=/);
    const fetched = await t.api('shipengine', 'GET', localPath(se.body.resource_url));
    assert.equal(fetched.statusCode, 200);
    assert.equal(fetched.json().status_code, 'DE');
    const again = (await call('POST', '/sandbox/clock/advance', { duration: 'P1D' })).json();
    assert.equal(again.tracking_events, 0, 'events are raised once');
    assert.equal(await runDueJobs(t.ctx), 0);
  });

  test('V1 holduntil is released by the account clock', async () => {
    const clock = (await call('GET', '/sandbox/clock')).json();
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'sandbox-hold', orderNumber: 'SB-1' }))).json();
    const releaseDay = new Date(Date.parse(clock.now) + 3 * DAY).toISOString().slice(0, 10);
    const held = await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: releaseDay });
    assert.equal(held.statusCode, 200, held.body);
    await runDueJobs(t.ctx);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'on_hold');
    await call('POST', '/sandbox/clock/advance', { duration: 'P4D' });
    await runDueJobs(t.ctx);
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'awaiting_shipment');
  });

  test('reset deletes shipping data and webhooks, restores carriers and balances, keeps credentials', async () => {
    const label = await buyLabel();
    const created = await call('POST', '/v1/connections/carriers/fedex', { nickname: 'Extra FedEx' });
    assert.equal(created.statusCode, 200, created.body);
    const reset = await call('POST', '/sandbox/reset');
    assert.equal(reset.statusCode, 200, reset.body);
    assert.ok(reset.json().labels >= 1);
    assert.ok(reset.json().webhooks >= 2);
    assert.equal((await t.api('v2', 'GET', `/v2/labels/${label.label_id}`)).statusCode, 404);
    assert.equal((await t.api('v2', 'GET', '/v2/labels')).json().total, 0);
    assert.equal((await t.api('v2', 'GET', '/v2/shipments')).json().total, 0);
    assert.deepEqual((await call('GET', '/v2/environment/webhooks')).json(), []);
    assert.equal((await t.v1('GET', '/orders')).json().total, 0);
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_code: string }[];
    assert.deepEqual(carriers.map((c) => c.carrier_code).sort(), ['dhl_express', 'fedex', 'stamps_com', 'ups']);
    assert.equal((await t.v1('GET', '/carriers')).statusCode, 200, 'V1 credentials still work');
    // Another account's data stays.
    assert.equal((await call('GET', '/v2/labels', undefined, other.apiKey)).json().total, 1);
    // Labels can be bought again, and are tracked again.
    await buyLabel();
  });
});

describe('sandbox controls can be turned off', () => {
  test('SHIPDOCK_SANDBOX=false: 404', async () => {
    const t = await startTestApp({ SHIPDOCK_SANDBOX: 'false' });
    try {
      const res = await t.app.inject({ method: 'GET', url: '/sandbox/clock', headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
      assert.equal(res.statusCode, 404);
    } finally {
      await t.close();
    }
  });
});

test('the sandbox controls are documented under their own tag', async () => {
  const t = await startTestApp();
  try {
    const doc = (await t.app.inject({ method: 'GET', url: '/docs/openapi/sandbox.json' })).json();
    assert.ok(doc.tags.some((tag: { name: string }) => tag.name === 'sandbox'));
    for (const [path, method] of [['/sandbox/clock', 'get'], ['/sandbox/clock', 'put'], ['/sandbox/clock/advance', 'post'], ['/sandbox/reset', 'post']]) {
      assert.deepEqual(doc.paths[path]?.[method]?.tags, ['sandbox'], `${method} ${path}`);
    }
    assert.ok(doc.paths['/jwks']?.get);
  } finally {
    await t.close();
  }
});

test('download links and API keys expire by the account clock', async () => {
  const t = await startTestApp();
  try {
    const call = (method: string, url: string, payload?: object) =>
      t.app.inject({ method: method as 'GET', url, payload, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
    const carriers = (await call('GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[];
    const ups = carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
    const label = (await call('POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) })).json();
    const pdf = label.label_download.pdf.replace('http://shipdock.test', '');
    assert.equal((await t.app.inject({ method: 'GET', url: pdf })).statusCode, 200);
    const { createV1KeyPair } = await import('../../src/domain/accounts/keys.ts');
    const { basic } = await import('../helpers/server.ts');
    const pair = await t.ctx.database.db.transaction().execute((tx) => createV1KeyPair(tx, 1, 3, new Date().toISOString()));
    const v1 = () => t.app.inject({ method: 'GET', url: '/carriers', headers: { authorization: basic(pair.apiKey, pair.apiSecret) } });
    assert.equal((await v1()).statusCode, 200);
    await call('POST', '/sandbox/clock/advance', { duration: 'P91D' });
    assert.equal((await t.app.inject({ method: 'GET', url: pdf })).statusCode, 404, 'links expire after 90 days of the account clock');
    await call('POST', '/sandbox/clock/advance', { duration: 'P10D' });
    assert.equal((await v1()).statusCode, 401, 'a 3-month V1 key pair has expired on the account clock');
  } finally {
    await t.close();
  }
});
