// The sandbox page's tools: request log (filters, detail with redacted bodies, find by request
// id), sample webhook events for V1 and V2 subscriptions with replay from the delivery log, and
// snapshots (save, restore, delete). Forms carry the CSRF token like every dashboard form.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { startWebApp, WebClient } from './client.ts';
import { createV1Order } from './fixtures.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { startSignedReceiver, type SignedReceiver } from '../webhooks-v2/receiver.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];
const count = async (t: TestApp, table: 'orders' | 'sandbox_snapshots') =>
  Number((await t.ctx.database.db.selectFrom(table).select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', 1).executeTakeFirstOrThrow()).n);

describe('dashboard sandbox tools', () => {
  let t: TestApp;
  let web: WebClient;
  let receiver: SignedReceiver;
  before(async () => {
    t = await startWebApp();
    web = new WebClient(t);
    await web.signIn();
    receiver = await startSignedReceiver();
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  it('refuses posts without the CSRF token', async () => {
    for (const url of ['/app/sandbox/webhooks/trigger', '/app/sandbox/webhooks/deliveries/1/replay', '/app/sandbox/snapshots', '/app/sandbox/snapshots/x/restore', '/app/sandbox/snapshots/x/delete', '/app/sandbox/seed']) {
      assert.equal((await web.post(url, { event: 'track', name: 'x', orders: '5' }, { csrf: false })).statusCode, 403, url);
    }
  });

  it('lists the request log with filters, shows an entry with redacted secrets, and finds it by request id', async () => {
    const bad = await t.api('v2', 'POST', '/v2/labels', { shipment: { carrier_id: 'se-999999' }, api_key: 'super-secret-value' });
    assert.equal(bad.statusCode, 400);
    const requestId = bad.json().request_id as string;
    await t.api('v2', 'GET', '/v2/carriers');

    const all = await web.get('/app/sandbox/requests');
    assert.equal(all.statusCode, 200);
    assert.match(all.body, /POST \/v2\/labels/);
    assert.match(all.body, /GET \/v2\/carriers/);
    const only400 = await web.get('/app/sandbox/requests?status=400');
    assert.match(only400.body, /POST \/v2\/labels/);
    assert.doesNotMatch(only400.body, /GET \/v2\/carriers/);
    const byPath = await web.get('/app/sandbox/requests?path=%2Fv2%2Fcarriers');
    assert.doesNotMatch(byPath.body, /POST \/v2\/labels/);
    assert.match(byPath.body, /GET \/v2\/carriers/);
    const future = await web.get('/app/sandbox/requests?from=2999-01-01T00%3A00');
    assert.match(future.body, /No request matches/);
    for (const query of ['from=2026-12-07', 'to=2026-12-07T10%3A00%3A00%2B02%3A00', 'from=%2B275760-09-13T00%3A00', 'to=2026-13-45T99%3A99']) {
      assert.equal((await web.get(`/app/sandbox/requests?${query}`)).statusCode, 200, query);
    }
    const malformed = await web.get('/app/sandbox/requests?status=abc&from=yesterday');
    assert.equal(malformed.statusCode, 200);
    assert.match(flashOf(malformed.body)!, /Status must be an HTTP status/);

    const found = await web.get(`/app/sandbox/requests/find?request_id=${requestId}`);
    assert.equal(found.statusCode, 303);
    const detail = await web.get(found.headers.location as string);
    assert.equal(detail.statusCode, 200);
    assert.ok(detail.body.includes(requestId));
    assert.match(detail.body, /se-999999/);
    assert.ok(!detail.body.includes('super-secret-value'), 'body secret redacted');
    assert.ok(!detail.body.includes(CREDENTIALS.apiKey), 'API key redacted');
    assert.match(detail.body, /\[REDACTED\]/);

    const missing = await web.get('/app/sandbox/requests/find?request_id=no-such-id');
    assert.equal(missing.headers.location, '/app/sandbox/requests');
    assert.match(flashOf((await web.get('/app/sandbox/requests')).body)!, /No logged request has the id no-such-id/);
    assert.equal((await web.get('/app/sandbox/requests/999999')).statusCode, 404);
    assert.equal((await web.get('/app/sandbox/requests/abc')).statusCode, 404);
  });

  it('sends sample events to V1 and V2 subscriptions and replays a delivery from the log', async () => {
    await web.post('/app/sandbox/webhooks/trigger', { event: 'track_event_v2' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /no webhook of this account is subscribed/);
    await web.post('/app/sandbox/webhooks/trigger', { event: 'teleport' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /event must be one of/);

    // A local receiver's URL is outside the spec's format: subscribed without the contract check.
    const hook = await t.app.inject({ method: 'POST', url: '/v2/environment/webhooks', payload: { event: 'track_event_v2', url: `${receiver.url}/v2` }, headers: { 'api-key': CREDENTIALS.apiKey } });
    assert.ok([200, 201].includes(hook.statusCode), hook.body);
    const v1 = await t.v1('POST', '/webhooks/subscribe', { target_url: `${receiver.url}/v1`, event: 'SHIP_NOTIFY' });
    assert.ok([200, 201].includes(v1.statusCode), v1.body);
    const page = await web.get('/app/sandbox');
    assert.match(page.body, /<option value="track_event_v2">/);
    assert.match(page.body, /<option value="SHIP_NOTIFY">/);

    await web.post('/app/sandbox/webhooks/trigger', { event: 'track_event_v2' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /A sample track_event_v2 event is queued to 1 subscription;/);
    await web.post('/app/sandbox/webhooks/trigger', { event: 'SHIP_NOTIFY' });
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 2);
    const v2 = receiver.deliveries.find((d) => d.body.resource_type === 'TRACK_EVENT_V2' || d.body.resource_type === 'track_event_v2')!;
    assert.ok(v2, JSON.stringify(receiver.deliveries.map((d) => d.body.resource_type)));
    assert.ok(receiver.deliveries.some((d) => d.body.resource_type === 'SHIP_NOTIFY'));

    const log = (await web.get('/app/sandbox')).body;
    const ids = [...log.matchAll(/\/app\/sandbox\/webhooks\/deliveries\/(\d+)\/replay/g)].map((m) => m[1]);
    assert.equal(ids.length, 2);
    const v2Row = /<tr>\s*<td>[^<]*<\/td>\s*<td>V2 \/ ShipEngine \d+<\/td>[\s\S]*?deliveries\/(\d+)\/replay/.exec(log)!;
    const replayed = await web.post(`/app/sandbox/webhooks/deliveries/${v2Row[1]}/replay`);
    assert.equal(replayed.statusCode, 303);
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, new RegExp(`Delivery ${v2Row[1]} is queued again`));
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 3);
    assert.equal(receiver.deliveries[2]!.raw, v2.raw, 'a replay sends the same body');
    assert.equal([...(await web.get('/app/sandbox')).body.matchAll(/deliveries\/(\d+)\/replay/g)].length, 3);
    assert.equal((await web.post('/app/sandbox/webhooks/deliveries/999999/replay')).statusCode, 404);
  });

  it('saves, restores and deletes snapshots', async () => {
    await createV1Order(t, 'SNAP-KEEP');
    await web.post('/app/sandbox/snapshots', { name: 'bad name!' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /name must be 1-64 letters/);
    const saved = await web.post('/app/sandbox/snapshots', { name: 'baseline' });
    assert.equal(saved.headers.location, '/app/sandbox#snapshots-title');
    const page = await web.get('/app/sandbox');
    assert.match(flashOf(page.body)!, /Snapshot baseline saved: \d+ rows/);
    assert.match(page.body, /<td>baseline<\/td>/);

    await createV1Order(t, 'SNAP-GONE');
    assert.equal(await count(t, 'orders'), 2);
    await web.post('/app/sandbox/snapshots/baseline/restore');
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Snapshot baseline restored/);
    const numbers = (await t.ctx.database.db.selectFrom('orders').select('order_number').where('account_id', '=', 1).execute()).map((o) => o.order_number);
    assert.deepEqual(numbers, ['SNAP-KEEP']);

    assert.equal((await web.post('/app/sandbox/snapshots/nope/restore')).statusCode, 404);
    await web.post('/app/sandbox/snapshots/baseline/delete');
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Snapshot baseline deleted/);
    assert.equal(await count(t, 'sandbox_snapshots'), 0);
    assert.match((await web.get('/app/sandbox')).body, /No snapshots yet/);
  });

  it('seeds sample data and refuses sizes a page should not wait for', async () => {
    const before = await count(t, 'orders');
    await web.post('/app/sandbox/seed', { orders: '20000', seed: '5' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Orders must be a whole number from 1 to 10,000 here/);
    const seeded = await web.post('/app/sandbox/seed', { orders: '40', seed: '5' });
    assert.equal(seeded.headers.location, '/app/sandbox#seed-title');
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Seed 5: 40 orders, \d+ stores, \d+ customers, \d+ products and \d+ test labels created/);
    assert.equal(await count(t, 'orders'), before + 40);
    const v1 = await t.v1('GET', '/orders?pageSize=1');
    assert.equal(v1.json().total, before + 40);
    await web.post('/app/sandbox/seed', { orders: '40', seed: '5' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /already holds the orders of seed 5/);
  });
});

describe('dashboard sandbox tools outside sandbox mode', () => {
  it('do not exist', async () => {
    const t = await startWebApp({ SHIPDOCK_SANDBOX: 'false' });
    try {
      const web = new WebClient(t);
      await web.signIn();
      for (const url of ['/app/sandbox/requests', '/app/sandbox/requests/find?request_id=x', '/app/sandbox/requests/1']) assert.equal((await web.get(url)).statusCode, 404, url);
      for (const url of ['/app/sandbox/webhooks/trigger', '/app/sandbox/snapshots', '/app/sandbox/snapshots/x/restore']) assert.equal((await web.post(url, { name: 'x', event: 'track' })).statusCode, 404, url);
    } finally {
      await t.close();
    }
  });
});
