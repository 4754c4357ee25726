import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { carrierIds, createShipments, drainJobs, upsGround } from '../batches/helpers.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';
import { createV1Order, createWarehouse } from './fixtures.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];
const seId = (id: string) => Number(id.replace('se-', ''));

describe('dashboard batches', () => {
  let t: TestApp;
  let web: WebClient;
  let shipments: number[];
  let order: { orderId: number };
  let batchId: number;
  before(async () => {
    t = await startWebApp();
    await createWarehouse(t);
    web = new WebClient(t);
    await web.signIn();
    const carriers = await carrierIds(t);
    shipments = (await createShipments(t, [upsGround(carriers, { external_shipment_id: 'web-b-1' }), upsGround(carriers, { external_shipment_id: 'web-b-2' })])).map(seId);
    order = await createV1Order(t, 'BATCH-ORDER-1');
  });
  after(() => t.close());

  it('requires sign-in', async () => {
    for (const url of ['/app/batches', '/app/batches/1', '/app/batches/1/progress', '/app/batches/1/labels.pdf']) await assertRedirectsToSignIn(t, url);
    await assertRedirectsToSignIn(t, '/app/batches', 'POST');
    await assertRedirectsToSignIn(t, '/app/batches/1/process', 'POST');
  });

  it('offers orders and shipments awaiting a label, and creates a batch of the selected ones', async () => {
    const page = await web.get('/app/batches');
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`name="order_id" value="${order.orderId}"`));
    for (const id of shipments) assert.match(page.body, new RegExp(`name="shipment_id" value="${id}"`));
    assert.match(page.body, /No batches yet/);

    const empty = await web.post('/app/batches', {});
    assert.equal(empty.statusCode, 303);
    assert.match(flashOf((await web.get('/app/batches')).body)!, /Select at least one/);

    const body = new URLSearchParams([['order_id', String(order.orderId)], ...shipments.map((id) => ['shipment_id', String(id)]), ['notes', 'Morning run']]);
    const created = await web.t.app.inject({
      method: 'POST',
      url: '/app/batches',
      headers: { accept: 'text/html', 'content-type': 'application/x-www-form-urlencoded', cookie: [...web.cookies].map(([k, v]) => `${k}=${v}`).join('; ') },
      payload: `_csrf=${encodeURIComponent(/name="_csrf" value="([^"]+)"/.exec((await web.get('/app/batches')).body)![1])}&${body}`,
    });
    assert.equal(created.statusCode, 303, created.body);
    batchId = Number(/\/app\/batches\/(\d+)$/.exec(String(created.headers.location))![1]);
    const members = await t.ctx.database.db.selectFrom('batch_shipments').select('shipment_id').where('batch_id', '=', batchId).execute();
    assert.equal(members.length, 3);
    const show = await web.get(`/app/batches/${batchId}`);
    assert.match(show.body, /Morning run/);
    assert.match(show.body, /BATCH-ORDER-1/);
    assert.match(show.body, /Process batch/);
    assert.match(show.body, /<progress id="progress-bar" max="100" value="0">/);
    assert.deepEqual((await web.get(`/app/batches/${batchId}/progress`)).json(), { status: 'open', count: 3, completed: 0, errors: 0, pending: 3, percent: 0, done: false, labelsUrl: null });
    // A shipment sits in one open batch at a time.
    await web.post('/app/batches', { shipment_id: String(shipments[0]) });
    assert.match(flashOf((await web.get('/app/batches')).body)!, /already in batch/);
  });

  it('processes the batch, reports progress, lists errors with their shipment and serves the combined PDF', async () => {
    assert.equal((await web.get(`/app/batches/${batchId}/labels.pdf`)).statusCode, 404);
    const processed = await web.post(`/app/batches/${batchId}/process`);
    assert.equal(processed.statusCode, 303);
    const queued = (await web.get(`/app/batches/${batchId}/progress`)).json();
    assert.equal(queued.status, 'queued');
    assert.equal(queued.done, false);
    await web.post(`/app/batches/${batchId}/process`);
    assert.match(flashOf((await web.get(`/app/batches/${batchId}`)).body)!, /can no longer be modified/);

    await drainJobs(t);
    const done = (await web.get(`/app/batches/${batchId}/progress`)).json();
    assert.deepEqual(done, { status: 'completed_with_errors', count: 3, completed: 2, errors: 1, pending: 0, percent: 100, done: true, labelsUrl: `/app/batches/${batchId}/labels.pdf` });
    const orderShipment = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    const show = await web.get(`/app/batches/${batchId}`);
    assert.match(show.body, /Errors \(1\)/);
    assert.match(show.body, new RegExp(`se-${orderShipment.id}</a>`));
    assert.match(show.body, /value="100"/);
    const pdf = await web.get(`/app/batches/${batchId}/labels.pdf`);
    assert.equal(pdf.statusCode, 200);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 5).toString(), '%PDF-');
    const list = await web.get('/app/batches');
    assert.match(list.body, new RegExp(`Batch ${batchId}</a>`));
    assert.match(list.body, /completed with errors/);
  });

  it('refuses forms without the CSRF token', async () => {
    assert.equal((await web.post('/app/batches', { shipment_id: String(shipments[0]) }, { csrf: false })).statusCode, 403);
    assert.equal((await web.post(`/app/batches/${batchId}/process`, {}, { csrf: false })).statusCode, 403);
  });

  it("answers 404 for another account's batch", async () => {
    const intruder = new WebClient(t);
    await intruder.signUp('batches.intruder@example.com');
    for (const url of [`/app/batches/${batchId}`, `/app/batches/${batchId}/progress`, `/app/batches/${batchId}/labels.pdf`, '/app/batches/abc']) {
      assert.equal((await intruder.get(url)).statusCode, 404, url);
    }
    assert.equal((await intruder.post(`/app/batches/${batchId}/process`)).statusCode, 404);
    await intruder.post('/app/batches', { shipment_id: String(shipments[0]) });
    assert.match(flashOf((await intruder.get('/app/batches')).body)!, /was not found/);
    assert.doesNotMatch((await intruder.get('/app/batches')).body, /Morning run/);
  });
});
