import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { TestApp } from '../helpers/server.ts';
import { assertRedirectsToSignIn, startWebApp, WebClient } from './client.ts';
import { createV1Order, createWarehouse, quotedRates } from './fixtures.ts';

const flashOf = (html: string) => /class="banner (?:ok|error)"[^>]*>([^<]*)</.exec(html)?.[1];

describe('dashboard shipments and labels', () => {
  let t: TestApp;
  let web: WebClient;
  before(async () => {
    t = await startWebApp();
    await createWarehouse(t);
    web = new WebClient(t);
    await web.signIn();
  });
  after(() => t.close());

  /** An order's label bought on the dashboard, with UPS Ground. */
  async function buyLabel(orderOrNumber: string | { orderId: number }): Promise<number> {
    const order = typeof orderOrNumber === 'string' ? await createV1Order(t, orderOrNumber) : orderOrNumber;
    await web.post(`/app/orders/${order.orderId}/rates`);
    const page = await web.get(`/app/orders/${order.orderId}`);
    const rateIds = [...page.body.matchAll(/name="rate_id" value="(\d+)"/g)].map((m) => Number(m[1]));
    const [ups] = (await quotedRates(t, rateIds)).filter((r) => r.serviceCode === 'ups_ground');
    const bought = await web.post(`/app/orders/${order.orderId}/label`, { rate_id: String(ups.id) });
    return Number(/\/app\/shipments\/(\d+)/.exec(String(bought.headers.location))![1]);
  }

  it('lists labels and shows one with its image, downloads and tracking timeline', async () => {
    const id = await buyLabel('SHIP-1');
    const label = await t.ctx.database.db.selectFrom('labels').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    const list = await web.get('/app/shipments');
    assert.equal(list.statusCode, 200);
    assert.ok(list.body.includes(label.tracking_number));
    const filtered = await web.get(`/app/shipments?tracking=${label.tracking_number}`);
    assert.match(filtered.body, /1 label\./);
    assert.match((await web.get('/app/shipments?status=voided')).body, /0 labels\./);

    const page = await web.get(`/app/shipments/${id}`);
    assert.equal(page.statusCode, 200);
    assert.match(page.body, new RegExp(`<img class="label-image" id="label-image" src="/app/shipments/${id}/label.png" alt="Shipping label ${label.tracking_number}`));
    assert.match(page.body, /Label created|No scans yet|<ol class="timeline">/);

    const png = await web.get(`/app/shipments/${id}/label.png`);
    assert.equal(png.statusCode, 200);
    assert.equal(png.headers['content-type'], 'image/png');
    assert.deepEqual([...png.rawPayload.subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    const pdf = await web.get(`/app/shipments/${id}/label.pdf`);
    assert.equal(pdf.headers['content-type'], 'application/pdf');
    assert.equal(pdf.rawPayload.subarray(0, 4).toString(), '%PDF');
    assert.match(String(pdf.headers['content-disposition']), /attachment; filename="label-/);
    const zpl = await web.get(`/app/shipments/${id}/label.zpl`);
    assert.match(zpl.body, /^\^XA/);
    assert.ok(zpl.body.includes(label.tracking_number));
    assert.equal((await web.get(`/app/shipments/${id}/label.gif`)).statusCode, 404);

    // Days later the simulated carrier has scanned it: the timeline shows events, newest first.
    t.ctx.clock.advance(3 * 86_400_000);
    try {
      const later = await web.get(`/app/shipments/${id}`);
      const events = later.body.match(/<li><strong>/g) ?? [];
      assert.ok(events.length >= 2, 'several tracking events');
    } finally {
      t.ctx.clock.advance(-3 * 86_400_000);
    }
  });

  it('voids a label (refunded, order reopened) and refuses a second void', async () => {
    const order = await createV1Order(t, 'VOID-1');
    const id = await buyLabel(order);
    const voided = await web.post(`/app/shipments/${id}/void`);
    assert.equal(voided.statusCode, 303);
    const label = await t.ctx.database.db.selectFrom('labels').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(label.status, 'voided');
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).json().orderStatus, 'awaiting_shipment');
    await web.post(`/app/shipments/${id}/void`);
    assert.match(flashOf((await web.get(`/app/shipments/${id}`)).body) ?? '', /already voided/);
  });

  it('creates a return label linked to the outbound one', async () => {
    const id = await buyLabel('RET-1');
    const response = await web.post(`/app/shipments/${id}/return`);
    assert.equal(response.statusCode, 303);
    const returnId = Number(/\/app\/shipments\/(\d+)/.exec(String(response.headers.location))![1]);
    assert.notEqual(returnId, id);
    const row = await t.ctx.database.db.selectFrom('labels').select(['outbound_label_id', 'is_return']).where('id', '=', returnId).executeTakeFirstOrThrow();
    assert.equal(row.outbound_label_id, id);
    assert.equal(row.is_return, 1);
    const outbound = await web.get(`/app/shipments/${id}`);
    assert.ok(outbound.body.includes(`/app/shipments/${returnId}`));
  });

  it("answers 404 for another account's labels, files and actions", async () => {
    const id = await buyLabel('MINE-2');
    const intruder = new WebClient(t);
    await intruder.signUp('labels.intruder@example.com');
    for (const url of [`/app/shipments/${id}`, `/app/shipments/${id}/label.png`, `/app/shipments/${id}/label.pdf`]) {
      assert.equal((await intruder.get(url)).statusCode, 404, url);
    }
    assert.equal((await intruder.post(`/app/shipments/${id}/void`)).statusCode, 404);
    assert.equal((await intruder.post(`/app/shipments/${id}/return`)).statusCode, 404);
    const label = await t.ctx.database.db.selectFrom('labels').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(label.status, 'completed');
    assert.match((await intruder.get('/app/shipments')).body, /0 labels\./);
  });

  it('requires sign-in and a CSRF token', async () => {
    const id = await buyLabel('CSRF-2');
    for (const url of ['/app/shipments', `/app/shipments/${id}`, `/app/shipments/${id}/label.png`]) await assertRedirectsToSignIn(t, url);
    for (const action of ['void', 'return']) {
      await assertRedirectsToSignIn(t, `/app/shipments/${id}/${action}`, 'POST');
      assert.equal((await web.post(`/app/shipments/${id}/${action}`, {}, { csrf: false })).statusCode, 403);
    }
    const label = await t.ctx.database.db.selectFrom('labels').select('status').where('id', '=', id).executeTakeFirstOrThrow();
    assert.equal(label.status, 'completed');
  });
});
