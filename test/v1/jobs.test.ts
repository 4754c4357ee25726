import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { claimDueJobs } from '../../src/jobs/queue.ts';
import { runDueJobs, startJobRunner } from '../../src/jobs/runner.ts';
import { formatV1Date } from '../../src/domain/time/pacific.ts';
import { orderBody, startReceiver } from './fixtures.ts';

const DAY = 86_400_000;

describe('the job runner', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const day = (offset: number) => formatV1Date(new Date(t.ctx.clock.now().getTime() + offset * DAY));
  const status = async (orderId: number) => (await t.v1('GET', `/orders/${orderId}`)).json().orderStatus;
  const create = async (key: string) => (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: key, orderNumber: key }))).json();

  test('holduntil: the job returns the order to awaiting_shipment at midnight Pacific of that date', async () => {
    const order = await create('hold-1');
    await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: day(2) });
    const job = await t.ctx.database.db.selectFrom('jobs').selectAll().where('kind', '=', 'release_hold').orderBy('id', 'desc').executeTakeFirstOrThrow();
    assert.equal(formatV1Date(new Date(job.run_at)), day(2));
    assert.match(new Date(job.run_at).toLocaleString('en-US', { timeZone: 'America/Los_Angeles', hour12: false }), /, 24:00:00$|, 00:00:00$/);

    await runDueJobs(t.ctx);
    assert.equal(await status(order.orderId), 'on_hold', 'not before the date');
    t.ctx.clock.set(new Date(new Date(job.run_at).getTime() - 1000));
    await runDueJobs(t.ctx);
    assert.equal(await status(order.orderId), 'on_hold', 'not one second before midnight');
    t.ctx.clock.advance(1000);
    await runDueJobs(t.ctx);
    const released = (await t.v1('GET', `/orders/${order.orderId}`)).json();
    assert.deepEqual([released.orderStatus, released.holdUntilDate], ['awaiting_shipment', null]);
    const done = await t.ctx.database.db.selectFrom('jobs').select('status').where('id', '=', job.id).executeTakeFirstOrThrow();
    assert.equal(done.status, 'done');
  });

  test('a hold that was restored or moved is not released by its old job', async () => {
    const restored = await create('hold-2');
    const moved = await create('hold-3');
    await t.v1('POST', '/orders/holduntil', { orderId: restored.orderId, holdUntilDate: day(1) });
    await t.v1('POST', '/orders/holduntil', { orderId: moved.orderId, holdUntilDate: day(1) });
    await t.v1('POST', '/orders/restorefromhold', { orderId: restored.orderId });
    await t.v1('POST', '/orders/holduntil', { orderId: restored.orderId, holdUntilDate: day(5) });
    await t.v1('POST', '/orders/holduntil', { orderId: moved.orderId, holdUntilDate: day(5) });
    t.ctx.clock.advance(2 * DAY);
    await runDueJobs(t.ctx);
    assert.equal(await status(restored.orderId), 'on_hold');
    assert.equal(await status(moved.orderId), 'on_hold');
    t.ctx.clock.advance(4 * DAY);
    await runDueJobs(t.ctx);
    assert.equal(await status(restored.orderId), 'awaiting_shipment');
    assert.equal(await status(moved.orderId), 'awaiting_shipment');
  });

  test('createorder with on_hold and a holdUntilDate schedules the release too', async () => {
    const response = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'hold-4', orderNumber: 'hold-4', orderStatus: 'on_hold', holdUntilDate: day(1) }));
    assert.equal(response.json().holdUntilDate, day(1));
    t.ctx.clock.advance(DAY + 1);
    await runDueJobs(t.ctx);
    assert.equal(await status(response.json().orderId), 'awaiting_shipment');
  });

  test('startJobRunner runs jobs on its own and stops cleanly', async () => {
    const order = await create('hold-5');
    await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: day(1) });
    const runner = startJobRunner(t.ctx, { intervalMs: 10 });
    try {
      t.ctx.clock.advance(DAY + 1);
      const deadline = Date.now() + 5000;
      while ((await status(order.orderId)) !== 'awaiting_shipment' && Date.now() < deadline) await new Promise((r) => setTimeout(r, 10));
      assert.equal(await status(order.orderId), 'awaiting_shipment');
    } finally {
      await runner.stop();
    }
  });

  test('two workers never deliver the same job twice', async () => {
    const receiver = await startReceiver();
    try {
      await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_NOTIFY' });
      for (let i = 0; i < 12; i += 1) await create(`concurrent-${i}`);
      const [a, b] = await Promise.all([runDueJobs(t.ctx, { workerId: 'a', batchSize: 3 }), runDueJobs(t.ctx, { workerId: 'b', batchSize: 3 })]);
      assert.equal(a + b, 12);
      assert.equal(receiver.deliveries.length, 12);
      assert.equal(new Set(receiver.deliveries.map((d) => d.body.resource_url)).size, 12);
    } finally {
      await receiver.close();
    }
  });

  test('a worker that dies mid-job loses its lease, and the job runs again', async () => {
    const receiver = await startReceiver();
    try {
      await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_NOTIFY' });
      await create('lease-1');
      const now = t.ctx.clock.now();
      const claimed = await claimDueJobs(t.ctx.database.db, t.ctx.database.engine, 'crashed', now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), 50);
      assert.ok(claimed.length >= 1);
      assert.equal(await runDueJobs(t.ctx), 0, 'leased jobs are not taken by others');
      t.ctx.clock.advance(61_000);
      assert.equal(await runDueJobs(t.ctx), claimed.length);
      assert.ok(receiver.deliveries.length >= 1);
    } finally {
      await receiver.close();
    }
  });
});

test('queued deliveries survive a restart', async () => {
  const receiver = await startReceiver();
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-jobs-'));
  const schema = usingPostgres() ? `t_${randomBytes(6).toString('hex')}` : undefined;
  try {
    const first = await startTestApp({}, { dataDir, schema });
    await first.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_NOTIFY' });
    await first.v1('POST', '/orders/createorder', orderBody());
    await first.close();
    assert.equal(receiver.deliveries.length, 0);

    const second = await startTestApp({}, { dataDir, schema });
    try {
      assert.equal(await runDueJobs(second.ctx), 1);
      assert.equal(receiver.deliveries.length, 1);
      assert.equal(receiver.deliveries[0].body.resource_type, 'ORDER_NOTIFY');
    } finally {
      await second.close();
    }
  } finally {
    await receiver.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
});
