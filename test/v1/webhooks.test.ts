import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import type { Executor } from '../../src/db/index.ts';
import { enqueueShipNotify } from '../../src/domain/webhooks/events.ts';
import { purchaseSetup } from '../../src/domain/labels/purchase-setup.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { localPath, orderBody, startReceiver, type Receiver } from './fixtures.ts';

describe('V1 webhooks', () => {
  let t: TestApp;
  let receiver: Receiver;
  const hooks: number[] = [];
  const subscribe = async (body: Record<string, unknown>) => {
    const response = await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, ...body });
    assert.equal(response.statusCode, 200, response.body);
    hooks.push(response.json().id);
    return response.json().id as number;
  };
  const jobs = () => t.ctx.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'webhook_delivery').orderBy('id').execute();

  before(async () => {
    t = await startTestApp();
    receiver = await startReceiver();
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });
  // Each test starts with no subscriptions, no deliveries and nothing queued.
  beforeEach(async () => {
    for (const id of hooks.splice(0)) await t.v1('DELETE', `/webhooks/${id}`);
    await runDueJobs(t.ctx);
    receiver.deliveries.length = 0;
    receiver.status = 200;
  });

  test('subscribe, list (PascalCase) and unsubscribe', async () => {
    const id = await subscribe({ event: 'ORDER_NOTIFY', store_id: null, friendly_name: 'My Webhook' });
    const listed = (await t.v1('GET', '/webhooks')).json();
    assert.deepEqual(listed.webhooks.find((w: { WebHookID: number }) => w.WebHookID === id), {
      IsLabelAPIHook: false,
      WebHookID: id,
      SellerID: 1,
      StoreID: null,
      HookType: 'ORDER_NOTIFY',
      MessageFormat: 'Json',
      Url: receiver.url,
      Name: 'My Webhook',
      BulkCopyBatchID: null,
      BulkCopyRecordID: null,
      Active: true,
      WebhookLogs: [],
      Seller: null,
      Store: null,
    });
    const removed = await t.v1('DELETE', `/webhooks/${id}`);
    assert.equal(removed.statusCode, 200);
    assert.equal(removed.body, '');
    assert.equal((await t.v1('DELETE', `/webhooks/${id}`)).statusCode, 404);
    assert.equal((await t.v1('GET', '/webhooks')).json().webhooks.length, hooks.length - 1);
  });

  test('subscribe validates the URL, the event and the store', async () => {
    const bad = await t.v1('POST', '/webhooks/subscribe', { target_url: 'ftp://example.com/x', event: 'ORDER_NOTIFY' });
    assert.equal(bad.statusCode, 400);
    assert.ok(bad.json().ModelState['request.target_url']);
    const event = await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_SHIPPED' });
    assert.ok(event.json().ModelState['request.event']);
    const store = await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'SHIP_NOTIFY', store_id: 424242 });
    assert.ok(store.json().ModelState['request.store_id']);
    assert.ok((await t.v1('POST', '/webhooks/subscribe', { event: 'SHIP_NOTIFY' })).json().ModelState['request.target_url']);
  });

  test('ORDER_NOTIFY points at exactly the new orders of one import', async () => {
    await subscribe({ event: 'ORDER_NOTIFY' });
    await subscribe({ event: 'ITEM_ORDER_NOTIFY' });
    const response = await t.v1('POST', '/orders/createorders', [
      orderBody({ orderKey: 'wh-1', orderNumber: 'WH-1' }),
      orderBody({ orderKey: 'wh-2', orderNumber: 'WH-2', orderStatus: 'awaiting_payment' }),
      orderBody({ orderKey: 'wh-3', orderNumber: 'WH-3', orderStatus: 'on_hold' }),
    ]);
    const [one, , three] = response.json().results;
    assert.equal(receiver.deliveries.length, 0, 'delivered by the job runner, not inside the request');
    assert.equal(await runDueJobs(t.ctx), 2);
    assert.deepEqual(receiver.deliveries.map((d) => d.body.resource_type).sort(), ['ITEM_ORDER_NOTIFY', 'ORDER_NOTIFY']);
    const { resource_url } = receiver.deliveries[0].body;
    assert.match(resource_url, /^http:\/\/shipdock\.test\/orders\?importBatchId=[0-9a-f-]{36}$/);
    assert.equal(receiver.deliveries[1].body.resource_url, resource_url);
    assert.equal(receiver.deliveries[0].headers['content-type'], 'application/json');
    const listed = (await t.v1('GET', localPath(resource_url))).json();
    assert.deepEqual(listed.orders.map((o: { orderId: number }) => o.orderId), [one.orderId, three.orderId], 'awaiting_payment orders are not new orders yet');

    // Updating a paid order does not announce it again; paying an awaiting_payment one does.
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'wh-1', orderNumber: 'WH-1', internalNotes: 'edited' }));
    assert.equal(await runDueJobs(t.ctx), 0);
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'wh-2', orderNumber: 'WH-2', orderStatus: 'awaiting_shipment' }));
    assert.equal(await runDueJobs(t.ctx), 2);
    const paid = (await t.v1('GET', localPath(receiver.deliveries[2].body.resource_url))).json();
    assert.deepEqual(paid.orders.map((o: { orderNumber: string }) => o.orderNumber), ['WH-2']);
  });

  test('a hook bound to a store hears only about that store', async () => {
    const stores = (await t.v1('GET', '/stores')).json();
    const manual = stores[0].storeId;
    await subscribe({ event: 'ORDER_NOTIFY', store_id: manual });
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'store-1', orderNumber: 'STORE-1' }));
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 1);
    assert.match(receiver.deliveries[0].body.resource_url, new RegExp(`&storeId=${manual}$`));
    assert.equal((await t.v1('GET', localPath(receiver.deliveries[0].body.resource_url))).json().total, 1);

    const other = await t.ctx.database.db
      .insertInto('stores')
      .values({ account_id: 1, name: 'Other', marketplace_id: 0, marketplace_name: 'ShipStation', active: 1, details: '{}', refresh_date: null, last_refresh_attempt: null, created_at: t.ctx.clock.nowIso(), modified_at: t.ctx.clock.nowIso() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'store-2', orderNumber: 'STORE-2', advancedOptions: { storeId: other.id } }));
    assert.equal(await runDueJobs(t.ctx), 0, 'no delivery for another store');
  });

  test('a failing receiver is retried with backoff until it recovers, then never again', async () => {
    await subscribe({ event: 'ORDER_NOTIFY' });
    receiver.status = 503;
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'retry-1', orderNumber: 'RETRY-1' }));
    assert.equal(await runDueJobs(t.ctx), 1);
    assert.equal(receiver.deliveries.length, 1);
    let [job] = (await jobs()).slice(-1);
    assert.deepEqual([job.status, job.attempts], ['pending', 1]);
    assert.match(job.last_error!, /HTTP 503/);
    assert.equal(await runDueJobs(t.ctx), 0, 'not due again before its backoff');

    t.ctx.clock.advance(31_000);
    assert.equal(await runDueJobs(t.ctx), 1);
    [job] = (await jobs()).slice(-1);
    assert.deepEqual([job.status, job.attempts], ['pending', 2]);
    t.ctx.clock.advance(31_000);
    assert.equal(await runDueJobs(t.ctx), 0, 'the second wait is longer (60 s)');

    receiver.status = 204;
    t.ctx.clock.advance(30_000);
    assert.equal(await runDueJobs(t.ctx), 1);
    [job] = (await jobs()).slice(-1);
    assert.deepEqual([job.status, job.attempts], ['done', 3]);
    assert.equal(receiver.deliveries.length, 3);
    t.ctx.clock.advance(24 * 3600_000);
    assert.equal(await runDueJobs(t.ctx), 0);
    assert.equal(receiver.deliveries.length, 3, 'delivered once it succeeded, never again');
    assert.ok(receiver.deliveries.every((d) => d.body.resource_url === receiver.deliveries[0].body.resource_url));
  });

  test('an unreachable receiver counts as a failure; an unsubscribed hook drops its deliveries', async () => {
    const dead = await startReceiver();
    await dead.close();
    const id = await subscribe({ event: 'ORDER_NOTIFY', target_url: dead.url });
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'dead-1', orderNumber: 'DEAD-1' }));
    await runDueJobs(t.ctx);
    let [job] = (await jobs()).slice(-1);
    assert.deepEqual([job.status, job.attempts], ['pending', 1]);
    await t.v1('DELETE', `/webhooks/${id}`);
    t.ctx.clock.advance(60_000);
    await runDueJobs(t.ctx);
    [job] = (await jobs()).slice(-1);
    assert.equal(job.status, 'cancelled');
  });

  test('FULFILLMENT_SHIPPED points at the new fulfillment', async () => {
    await subscribe({ event: 'FULFILLMENT_SHIPPED' });
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'ful-1', orderNumber: 'FUL-1' }))).json();
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 0, 'a new order is not a fulfillment');
    await t.v1('POST', '/orders/markasshipped', { orderId: order.orderId, carrierCode: 'ups', trackingNumber: '1Z999AA10123456784' });
    await runDueJobs(t.ctx);
    assert.equal(receiver.deliveries.length, 1);
    assert.equal(receiver.deliveries[0].body.resource_type, 'FULFILLMENT_SHIPPED');
    const listed = (await t.v1('GET', localPath(receiver.deliveries[0].body.resource_url))).json();
    assert.deepEqual(listed.fulfillments.map((f: { orderId: number; trackingNumber: string }) => [f.orderId, f.trackingNumber]), [[order.orderId, '1Z999AA10123456784']]);
  });

  test('SHIP_NOTIFY and ITEM_SHIP_NOTIFY are queued by enqueueShipNotify in the caller\'s transaction', async () => {
    await subscribe({ event: 'SHIP_NOTIFY' });
    await subscribe({ event: 'ITEM_SHIP_NOTIFY' });
    const shipNotify = async (tx: Executor) => (await purchaseSetup(tx, 1, 1)).shipNotify;
    await t.ctx.database.db.transaction().execute(async (tx) => enqueueShipNotify(tx, await shipNotify(tx), 'se-77', 1, t.ctx.clock.nowIso()));
    await t.ctx.database.db
      .transaction()
      .execute(async (tx) => {
        await enqueueShipNotify(tx, await shipNotify(tx), 'rolled-back', 1, t.ctx.clock.nowIso());
        throw new Error('the label purchase failed');
      })
      .catch(() => undefined);
    assert.equal(await runDueJobs(t.ctx), 2);
    assert.deepEqual(receiver.deliveries.map((d) => d.body.resource_url).sort(), [
      'http://shipdock.test/shipments?batchId=se-77&includeShipmentItems=False',
      'http://shipdock.test/shipments?batchId=se-77&includeShipmentItems=True',
    ]);
  });
});
