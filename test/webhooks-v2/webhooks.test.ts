import { after, before, beforeEach, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { listDeliveryAttempts } from '../../src/domain/webhooks/delivery.ts';
import { raiseEvent } from '../../src/domain/events/raise.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { orderBody } from '../v1/fixtures.ts';
import { localPath, startSignedReceiver, verifyDelivery, type SignedReceiver } from './receiver.ts';

const SURFACES = [
  ['v2', '/v2'],
  ['shipengine', '/v1'],
] as const;

describe('V2 and ShipEngine webhooks', () => {
  let t: TestApp;
  let receiver: SignedReceiver;
  before(async () => {
    t = await startTestApp();
    receiver = await startSignedReceiver();
  });
  after(async () => {
    await receiver.close();
    await t.close();
  });
  /**
   * Without the contract check: the 2026 events are in no official response schema yet, and the
   * schema's `url` format refuses loopback addresses such as the local receiver's.
   */
  const raw = (method: 'GET' | 'POST' | 'DELETE', url: string, payload?: object) =>
    t.app.inject({ method, url, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' }, payload });
  beforeEach(async () => {
    for (const [, prefix] of SURFACES) {
      for (const hook of (await raw('GET', `${prefix}/environment/webhooks`)).json()) await raw('DELETE', `${prefix}/environment/webhooks/${hook.webhook_id}`);
    }
    await runDueJobs(t.ctx);
    receiver.deliveries.length = 0;
    receiver.status = 200;
  });

  for (const [surface, prefix] of SURFACES) {
    test(`${surface}: create, list (bare array), get, update (204) and delete (204)`, async () => {
      const created = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, {
        event: 'track',
        url: 'https://example.com/hooks/track',
        headers: [{ key: 'X-Secret', value: 's3cret' }],
        name: 'Tracking',
        store_id: 7,
      });
      assert.equal(created.statusCode, 200, created.body);
      const hook = created.json();
      assert.match(hook.webhook_id, /^se-\d+$/);
      const expected = {
        webhook_id: hook.webhook_id,
        url: 'https://example.com/hooks/track',
        event: 'track',
        headers: [{ key: 'X-Secret', value: 's3cret' }],
        // The 2025 V2 schema has neither field; ShipEngine's 2026 one has both.
        ...(surface === 'shipengine' ? { name: 'Tracking', store_id: 7 } : {}),
      };
      assert.deepEqual(hook, expected);
      const list = await t.api(surface, 'GET', `${prefix}/environment/webhooks`);
      assert.ok(Array.isArray(list.json()));
      assert.deepEqual(list.json(), [expected]);
      assert.deepEqual((await t.api(surface, 'GET', `${prefix}/environment/webhooks/${hook.webhook_id}`)).json(), expected);

      const updated = await t.api(surface, 'PUT', `${prefix}/environment/webhooks/${hook.webhook_id}`, { url: 'http://example.org/new', headers: [] });
      assert.equal(updated.statusCode, 204);
      const got = (await t.api(surface, 'GET', `${prefix}/environment/webhooks/${hook.webhook_id}`)).json();
      assert.equal(got.url, 'http://example.org/new');
      assert.deepEqual(got.headers, []);

      assert.equal((await t.api(surface, 'DELETE', `${prefix}/environment/webhooks/${hook.webhook_id}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/environment/webhooks/${hook.webhook_id}`)).statusCode, 404);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/environment/webhooks/${hook.webhook_id}`)).statusCode, 404);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/environment/webhooks/${hook.webhook_id}`, { url: 'http://example.org/x' })).statusCode, 404);
    });

    test(`${surface}: every event of both editions; one webhook per event; errors name the field`, async () => {
      const events = ['batch', 'carrier_connected', 'order_source_refresh_complete', 'rate', 'report_complete', 'sales_orders_imported', 'track'];
      const v2Events = ['batch_processed_v2', 'fulfillment_rejected_v2', 'fulfillment_shipped_v2', 'label_created_v2', 'shipment_created_v2', 'track_event_v2'];
      for (const event of events) {
        const res = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event, url: `https://example.com/${event}` });
        assert.equal(res.statusCode, 200, `${event}: ${res.body}`);
      }
      // The 2026 events are in no official response schema yet (its enum predates them): not contract-checked.
      for (const event of v2Events) {
        const res = await raw('POST', `${prefix}/environment/webhooks`, { event, url: `https://example.com/${event}` });
        assert.equal(res.statusCode, 200, `${event}: ${res.body}`);
        assert.equal(res.json().event, event);
      }
      const all = await raw('GET', `${prefix}/environment/webhooks`);
      assert.deepEqual(all.json().map((h: { event: string }) => h.event), [...events, ...v2Events]);

      const conflict = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event: 'track', url: 'https://example.com/other' });
      assert.equal(conflict.statusCode, 409);
      assert.equal(conflict.json().errors[0].error_code, 'webhook_event_type_conflict');

      const unknown = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event: 'parcel_lost', url: 'https://example.com/x' });
      assert.equal(unknown.statusCode, 400);
      assert.match(unknown.json().errors[0].message, /event/);
      assert.equal(unknown.json().errors[0].field_name ?? 'event', 'event');

      for (const url of ['ftp://example.com/x', 'not a url', 'https://user:pass@example.com/x']) {
        const bad = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event: 'rate', url });
        assert.equal(bad.statusCode, 400, url);
        assert.match(bad.json().errors[0].message, /url/);
      }
      const missing = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event: 'rate' });
      assert.equal(missing.statusCode, 400);
      const badHeader = await t.api(surface, 'POST', `${prefix}/environment/webhooks`, { event: 'rate', url: 'https://example.com/x', headers: [{ key: 'bad header', value: 'x' }] });
      assert.equal(badHeader.statusCode, 400);
      assert.equal((await t.api(surface, 'GET', `${prefix}/environment/webhooks/se-999999`)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/environment/webhooks/nonsense`)).statusCode, 400);
    });
  }

  test('two concurrent creations of one event: one wins, the other is a conflict', async () => {
    const results = await Promise.all([1, 2, 3].map((n) => raw('POST', '/v2/environment/webhooks', { event: 'report_complete', url: `https://example.com/${n}` })));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) assert.equal(r.json().errors[0].error_code, 'webhook_event_type_conflict');
  });

  test('each surface keeps its own subscriptions', async () => {
    await t.api('v2', 'POST', '/v2/environment/webhooks', { event: 'rate', url: 'https://example.com/v2' });
    assert.deepEqual((await t.api('shipengine', 'GET', '/v1/environment/webhooks')).json(), []);
    const v2 = (await t.api('v2', 'GET', '/v2/environment/webhooks')).json();
    assert.equal((await t.api('shipengine', 'GET', `/v1/environment/webhooks/${v2[0].webhook_id}`)).statusCode, 404);
  });

  test('label_created_v2 points at a label list holding the label; signed, with custom headers', async () => {
    const created = await raw('POST', '/v2/environment/webhooks', { event: 'label_created_v2', url: receiver.url, headers: [{ key: 'X-Token', value: 'abc' }] });
    assert.equal(created.statusCode, 200, created.body);
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_code: string; carrier_id: string }[];
    const ups = carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }) })).json();
    assert.equal(await runDueJobs(t.ctx), 1);
    assert.equal(receiver.deliveries.length, 1);
    const [delivery] = receiver.deliveries;
    assert.equal(delivery.body.resource_type, 'LABEL_CREATED_V2');
    assert.equal(delivery.headers['user-agent'], 'ShipEngine/v1');
    assert.equal(delivery.headers['x-token'], 'abc');
    assert.ok(await verifyDelivery(t, delivery), 'signature verifies against /jwks');
    assert.equal(await verifyDelivery(t, { ...delivery, raw: delivery.raw.replace('LABEL', 'LABEX') }), false, 'a changed body does not verify');
    const listed = await t.api('v2', 'GET', localPath(delivery.body.resource_url));
    assert.equal(listed.statusCode, 200);
    assert.deepEqual(listed.json().labels.map((l: { label_id: string }) => l.label_id), [label.label_id]);
  });

  test('carrier_connected on connection, ShipEngine resource type; a 500 is retried with backoff and logged', async () => {
    const hook = (await raw('POST', '/v1/environment/webhooks', { event: 'carrier_connected', url: receiver.url })).json();
    const connected = await t.api('shipengine', 'POST', '/v1/connections/carriers/ups', { nickname: 'Second UPS', account_number: 'A1B2C3' });
    assert.ok(connected.statusCode < 300, connected.body);
    receiver.status = 500;
    assert.equal(await runDueJobs(t.ctx), 1);
    assert.equal(receiver.deliveries.length, 1);
    assert.equal(receiver.deliveries[0].body.resource_type, 'API_CARRIER_CONNECTED');
    const resource = await t.api('shipengine', 'GET', localPath(receiver.deliveries[0].body.resource_url));
    assert.equal(resource.statusCode, 200, resource.body);
    assert.equal(resource.json().carrier_code, 'ups');
    assert.equal(await runDueJobs(t.ctx), 0, 'not retried before its backoff');
    receiver.status = 200;
    t.ctx.clock.advance(31_000);
    assert.equal(await runDueJobs(t.ctx), 1);
    assert.equal(receiver.deliveries.length, 2);
    assert.equal(receiver.deliveries[1].raw, receiver.deliveries[0].raw, 'the same event, delivered again');
    const log = await listDeliveryAttempts(t.ctx.database.db, 1, 'api', Number(hook.webhook_id.slice(3)));
    assert.deepEqual(
      log.map((a) => [a.attempt, a.status, a.responseCode]),
      [
        [2, 'delivered', 200],
        [1, 'failed', 500],
      ],
    );
  });

  test('raiseEvent (the batches hook) reaches both surfaces in their own dialect, in the caller transaction', async () => {
    await raw('POST', '/v2/environment/webhooks', { event: 'batch', url: receiver.url });
    await raw('POST', '/v1/environment/webhooks', { event: 'batch', url: receiver.url });
    await t.ctx.database.db
      .transaction()
      .execute(async (tx) => {
        await raiseEvent(tx, 1, 'batch', { resourcePath: '/batches/se-1' }, t.ctx.clock.nowIso());
        throw new Error('rolled back');
      })
      .catch(() => undefined);
    assert.equal(await runDueJobs(t.ctx), 0, 'a rolled-back change raises nothing');
    await t.ctx.database.db.transaction().execute((tx) => raiseEvent(tx, 1, 'batch', { resourcePath: '/batches/se-1' }, t.ctx.clock.nowIso()));
    assert.equal(await runDueJobs(t.ctx), 2);
    assert.deepEqual(receiver.deliveries.map((d) => d.body).sort((a, b) => a.resource_url.localeCompare(b.resource_url)), [
      { resource_url: 'http://shipdock.test/v1/batches/se-1', resource_type: 'API_BATCH' },
      { resource_url: 'http://shipdock.test/v2/batches/se-1', resource_type: 'API_BATCH' },
    ]);
  });

  test('shipment_created_v2 lists the shipments of an order import; fulfillment_shipped_v2 names the fulfillment; V1 deliveries share the log', async () => {
    await raw('POST', '/v2/environment/webhooks', { event: 'shipment_created_v2', url: receiver.url });
    await raw('POST', '/v2/environment/webhooks', { event: 'fulfillment_shipped_v2', url: receiver.url });
    const v1Hook = (await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_NOTIFY' })).json().id as number;
    const order = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'v2-hook-1', orderNumber: 'V2H-1' }));
    assert.equal(order.statusCode, 200, order.body);
    assert.equal(await runDueJobs(t.ctx), 2);
    const created = receiver.deliveries.find((d) => d.body.resource_type === 'SHIPMENT_CREATED_V2')!;
    assert.match(created.body.resource_url, /^http:\/\/shipdock\.test\/v2\/shipments\?import_batch_id=[0-9a-f-]{36}$/);
    const shipments = (await t.api('v2', 'GET', localPath(created.body.resource_url))).json().shipments;
    assert.deepEqual(shipments.map((s: { shipment_number: string }) => s.shipment_number), ['V2H-1']);
    assert.ok(await verifyDelivery(t, receiver.deliveries.find((d) => d.body.resource_type === 'ORDER_NOTIFY')!), 'V1 deliveries are signed too');

    const shipped = await t.v1('POST', '/orders/markasshipped', { orderId: order.json().orderId, carrierCode: 'ups', shipDate: '2026-12-08', trackingNumber: '1Z999AA10123456784' });
    assert.equal(shipped.statusCode, 200, shipped.body);
    assert.equal(await runDueJobs(t.ctx), 1);
    const fulfilled = receiver.deliveries.find((d) => d.body.resource_type === 'FULFILLMENT_SHIPPED_V2')!;
    assert.match(fulfilled.body.resource_url, new RegExp(`^http://shipdock\\.test/v2/fulfillments\\?fulfillment_id=se-\\d+&shipment_id=${shipments[0].shipment_id}$`));
    const v1Log = await listDeliveryAttempts(t.ctx.database.db, 1, 'v1', v1Hook);
    assert.deepEqual(v1Log.map((a) => [a.resourceType, a.status, a.responseCode]), [['ORDER_NOTIFY', 'delivered', 200]]);
    await t.v1('DELETE', `/webhooks/${v1Hook}`);
  });

  test('the JWKS is public (a key exists before any delivery) and rotation keeps the old key published', async () => {
    const fresh = await startTestApp();
    try {
      const first = (await fresh.app.inject({ method: 'GET', url: '/jwks' })).json();
      assert.equal(first.keys.length, 1);
      assert.equal(first.keys[0].alg, 'RS256');
    } finally {
      await fresh.close();
    }
    const jwks = await t.app.inject({ method: 'GET', url: '/jwks' });
    assert.equal(jwks.statusCode, 200);
    const before = jwks.json().keys;
    assert.ok(before.length >= 1);
    assert.deepEqual(Object.keys(before[0]).sort(), ['alg', 'e', 'kid', 'kty', 'n', 'use']);
    assert.equal(before[0].kty, 'RSA');
    const { rotateSigningKey } = await import('../../src/domain/webhooks/signing.ts');
    const kid = await rotateSigningKey(t.ctx.database.db, new Date().toISOString());
    const after = (await t.app.inject({ method: 'GET', url: '/jwks' })).json().keys;
    assert.equal(after[0].kid, kid);
    assert.ok(after.some((k: { kid: string }) => k.kid === before[0].kid));
  });
});
