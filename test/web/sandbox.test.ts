import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';
import { createV1Order } from './fixtures.ts';
import { readAccountClock } from '../../src/domain/sandbox/clock.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];

describe('dashboard sandbox page', () => {
  let t: TestApp;
  let web: WebClient;
  before(async () => {
    t = await startWebApp();
    web = new WebClient(t);
    await web.signIn();
  });
  after(() => t.close());

  const clockNow = async () => Date.parse((await readAccountClock(t.ctx.database.db, 1, t.ctx.clock.baseNow())).now);

  async function buyLabel() {
    const ups = ((await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[]).find((c) => c.carrier_code === 'ups')!.carrier_id;
    const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) });
    assert.equal(res.statusCode, 200, res.body);
    return Number(String(res.json().label_id).replace('se-', ''));
  }

  it('requires sign-in and the CSRF token', async () => {
    for (const url of ['/app/sandbox', '/app/sandbox/reset']) await assertRedirectsToSignIn(t, url);
    await assertRedirectsToSignIn(t, '/app/sandbox/clock', 'POST');
    assert.equal((await web.post('/app/sandbox/clock', { step: 'day' }, { csrf: false })).statusCode, 403);
    assert.equal((await web.post('/app/sandbox/reset', { confirm: 'RESET' }, { csrf: false })).statusCode, 403);
  });

  it('shows the test clock and the magic ship-to names, and advances the clock', async () => {
    const page = await web.get('/app/sandbox');
    assert.equal(page.statusCode, 200);
    for (const word of ['NOT YET IN SYSTEM', 'LOST IN TRANSIT', 'RETURN TO SENDER', 'EXCEPTION', 'ATTEMPT', 'HOLD FOR PICKUP']) assert.ok(page.body.includes(word), word);
    assert.match(page.body, /href="\/app\/sandbox"[^>]*aria-current="page"/);
    const before = await clockNow();

    const labelId = await buyLabel();
    await web.post('/app/sandbox/clock', { step: 'day' });
    let after = await clockNow();
    assert.ok(Math.abs(after - before - 86_400_000) < 60_000, `moved ${after - before} ms`);
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /The test clock is now .* tracking events passed/);

    await web.post('/app/sandbox/clock', { step: 'week' });
    after = await clockNow();
    assert.ok(Math.abs(after - before - 8 * 86_400_000) < 60_000);
    const track = await t.api('v2', 'GET', `/v2/labels/se-${labelId}/track`);
    assert.equal(track.json().status_code, 'DE');
    assert.match((await web.get(`/app/shipments/${labelId}`)).body, /Delivered/);

    const target = new Date(after + 30 * 86_400_000).toISOString().slice(0, 10);
    await web.post('/app/sandbox/clock', { date: target });
    assert.equal(new Date(await clockNow()).toISOString().slice(0, 16), `${target}T12:00`);
    await web.post('/app/sandbox/clock', { date: '2020-01-01' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /never goes back/);
    await web.post('/app/sandbox/clock', { step: 'century' });
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Choose \+1 day/);
  });

  it('resets the account data only after the confirmation', async () => {
    await createV1Order(t, 'RESET-ME');
    const page = await web.get('/app/sandbox/reset');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /Type <strong>RESET<\/strong> to confirm/);
    await web.post('/app/sandbox/reset', { confirm: 'yes' });
    assert.match(flashOf((await web.get('/app/sandbox/reset')).body)!, /Type RESET/);
    const count = async () => Number((await t.ctx.database.db.selectFrom('orders').select((eb) => eb.fn.countAll<number>().as('n')).where('account_id', '=', 1).executeTakeFirstOrThrow()).n);
    assert.equal(await count(), 1);
    const done = await web.post('/app/sandbox/reset', { confirm: 'RESET' });
    assert.equal(done.headers.location, '/app/sandbox');
    assert.match(flashOf((await web.get('/app/sandbox')).body)!, /Reset: 1 orders, \d+ shipments, 1 labels/);
    assert.equal(await count(), 0);
  });
});

describe('dashboard sandbox page outside sandbox mode', () => {
  let t: TestApp;
  before(async () => {
    t = await startWebApp({ SHIPDOCK_SANDBOX: 'false' });
  });
  after(() => t.close());

  it('does not exist', async () => {
    const web = new WebClient(t);
    await web.signIn();
    const home = await web.get('/app/orders');
    assert.doesNotMatch(home.body, /\/app\/sandbox/);
    for (const url of ['/app/sandbox', '/app/sandbox/reset']) assert.equal((await web.get(url)).statusCode, 404, url);
    assert.equal((await web.post('/app/sandbox/clock', { step: 'day' })).statusCode, 404);
    assert.equal((await web.post('/app/sandbox/reset', { confirm: 'RESET' })).statusCode, 404);
  });
});
