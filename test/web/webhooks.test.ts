import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { runDueJobs } from '../../src/jobs/runner.ts';
import type { TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { startSignedReceiver, verifyDelivery, type SignedReceiver } from '../webhooks-v2/receiver.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];

describe('dashboard webhooks', () => {
  let t: TestApp;
  let web: WebClient;
  let receiver: SignedReceiver;
  let hookPath: string;
  before(async () => {
    t = await startWebApp();
    receiver = await startSignedReceiver();
    web = new WebClient(t);
    await web.signIn();
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });

  it('requires sign-in and the CSRF token', async () => {
    for (const url of ['/app/webhooks', '/app/webhooks/v2/1', '/app/webhooks/v1/1']) await assertRedirectsToSignIn(t, url);
    await assertRedirectsToSignIn(t, '/app/webhooks', 'POST');
    await assertRedirectsToSignIn(t, '/app/webhooks/v2/1/delete', 'POST');
    assert.equal((await web.post('/app/webhooks', { surface: 'v2', event: 'track', url: receiver.url }, { csrf: false })).statusCode, 403);
    assert.equal((await t.ctx.database.db.selectFrom('api_webhooks').selectAll().execute()).length, 0);
  });

  it('creates V1, V2 and ShipEngine subscriptions, refuses bad ones, and deletes', async () => {
    const created = await web.post('/app/webhooks', { surface: 'v2', event: 'track', url: receiver.url, name: 'Tracking to local' });
    assert.equal(created.statusCode, 303);
    hookPath = String(created.headers.location);
    assert.match(hookPath, /^\/app\/webhooks\/v2\/\d+$/);
    const v1 = await web.post('/app/webhooks', { surface: 'v1', event: 'SHIP_NOTIFY', url: 'https://example.com/v1-hook' });
    assert.match(String(v1.headers.location), /^\/app\/webhooks\/v1\/\d+$/);
    const se = await web.post('/app/webhooks', { surface: 'shipengine', event: 'batch', url: 'https://example.com/se-hook' });
    assert.match(String(se.headers.location), /^\/app\/webhooks\/shipengine\/\d+$/);

    const list = await web.get('/app/webhooks');
    assert.equal(list.statusCode, 200);
    for (const text of ['Tracking to local', 'SHIP_NOTIFY', 'https://example.com/v1-hook', 'https://example.com/se-hook', 'ShipEngine']) assert.ok(list.body.includes(text), text);

    await web.post('/app/webhooks', { surface: 'v1', event: 'track', url: 'https://example.com/x' });
    assert.match(flashOf((await web.get('/app/webhooks')).body)!, /Choose a V1 event/);
    await web.post('/app/webhooks', { surface: 'v2', event: 'track', url: 'ftp://example.com/x' });
    assert.match(flashOf((await web.get('/app/webhooks')).body)!, /http or https/);
    await web.post('/app/webhooks', { surface: 'v2', event: 'nope', url: 'https://example.com/x' });
    assert.match(flashOf((await web.get('/app/webhooks')).body)!, /event must be one of/);
    assert.equal((await web.post('/app/webhooks', { surface: 'v9', event: 'track', url: 'https://example.com/x' })).statusCode, 404);

    const v1Id = /\d+$/.exec(String(v1.headers.location))![0];
    const seLocation = String(se.headers.location);
    assert.equal((await web.post(`/app/webhooks/v1/${v1Id}/delete`)).statusCode, 303);
    assert.equal((await web.post(`${seLocation}/delete`)).statusCode, 303);
    assert.equal((await web.get(`/app/webhooks/v1/${v1Id}`)).statusCode, 404);
    assert.equal((await web.get(seLocation)).statusCode, 404);
    assert.equal((await t.ctx.database.db.selectFrom('webhooks').selectAll().execute()).length, 0);
    assert.equal((await t.ctx.database.db.selectFrom('api_webhooks').selectAll().execute()).length, 1);
  });

  it("logs each delivery and sends one again as a new delivery", async () => {
    const ups = ((await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[]).find((c) => c.carrier_code === 'ups')!.carrier_id;
    const label = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) });
    assert.equal(label.statusCode, 200, label.body);
    receiver.status = 500;
    await web.post('/app/sandbox/clock', { step: 'day' });
    const moved = flashOf((await web.get('/app/sandbox')).body);
    assert.ok(moved, 'no message after the clock move');
    assert.match(moved, /; [1-9]\d* tracking events passed/, moved);
    const ran = await runDueJobs(t.ctx);
    const jobs = await t.ctx.database.db.selectFrom('jobs').select(['kind', 'status', 'attempts', 'run_at', 'last_error']).execute();
    assert.ok(receiver.deliveries.length >= 1, `${ran} jobs ran: ${JSON.stringify(jobs)}`);
    let page = await web.get(hookPath);
    assert.match(page.body, /<span class="tag error">failed<\/span>/);
    assert.match(page.body, /answered HTTP 500/);
    const first = await t.ctx.database.db.selectFrom('webhook_deliveries').selectAll().orderBy('id').executeTakeFirstOrThrow();
    assert.equal(first.response_code, 500);

    receiver.status = 200;
    const before = receiver.deliveries.length;
    const resent = await web.post(`${hookPath}/deliveries/${first.id}/resend`);
    assert.equal(resent.statusCode, 303);
    assert.match(flashOf((await web.get(hookPath)).body)!, /Queued again/);
    await runDueJobs(t.ctx);
    assert.ok(receiver.deliveries.length > before);
    const again = receiver.deliveries.at(-1)!;
    assert.equal(again.body.resource_type, 'API_TRACK');
    assert.ok(await verifyDelivery(t, again));
    page = await web.get(hookPath);
    assert.match(page.body, /<span class="tag ok">delivered<\/span>/);
    assert.match(page.body, /<td class="num">200<\/td>/);
    assert.equal((await web.post(`${hookPath}/deliveries/${first.id}/resend`, {}, { csrf: false })).statusCode, 403);
    assert.equal((await web.post(`${hookPath}/deliveries/999999/resend`)).statusCode, 404);
  });

  it("answers 404 for another account's webhooks and deliveries", async () => {
    const first = await t.ctx.database.db.selectFrom('webhook_deliveries').selectAll().orderBy('id').executeTakeFirstOrThrow();
    const intruder = new WebClient(t);
    await intruder.signUp('webhooks.intruder@example.com');
    assert.equal((await intruder.get(hookPath)).statusCode, 404);
    assert.equal((await intruder.post(`${hookPath}/deliveries/${first.id}/resend`)).statusCode, 404);
    assert.equal((await intruder.post(`${hookPath}/delete`)).statusCode, 404);
    assert.doesNotMatch((await intruder.get('/app/webhooks')).body, /Tracking to local/);
    assert.equal((await web.get(hookPath)).statusCode, 200);
  });
});
