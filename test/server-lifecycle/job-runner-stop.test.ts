// The job runner's stop waits for the job in progress and claims no new one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enqueueJobs } from '../../src/jobs/queue.ts';
import { registerJobHandler, startJobRunner } from '../../src/jobs/runner.ts';
import { startTestApp } from '../helpers/server.ts';

test('stop() resolves after the running job finishes; the next due job stays queued', async () => {
  const t = await startTestApp();
  // The runner's timer never keeps the process alive; this test waits on it, so something must.
  const keepAlive = setInterval(() => {}, 1000);
  try {
    const { db } = t.ctx.database;
    let release!: () => void;
    const released = new Promise<void>((resolve) => (release = resolve));
    let started!: () => void;
    const running = new Promise<void>((resolve) => (started = resolve));
    const ran: number[] = [];
    registerJobHandler('lifecycle_slow', async (_ctx, job) => {
      started();
      await released;
      ran.push((job.payload as { n: number }).n);
      return { status: 'done' };
    });
    const past = new Date(Date.now() - 60_000).toISOString();
    await enqueueJobs(db, [1, 2].map((n) => ({ kind: 'lifecycle_slow', accountId: null, payload: { n }, runAt: past })), t.ctx.clock.nowIso());

    const runner = startJobRunner(t.ctx, { batchSize: 1, intervalMs: 10 });
    await running;
    let stopped = false;
    const stopping = runner.stop().then(() => (stopped = true));
    await new Promise((resolve) => setTimeout(resolve, 200));
    assert.equal(stopped, false, 'stop waits for the job in progress');
    release();
    await stopping;
    assert.deepEqual(ran, [1]);
    const rows = await db.selectFrom('jobs').select(['status']).where('kind', '=', 'lifecycle_slow').orderBy('id').execute();
    assert.deepEqual(rows.map((r) => r.status), ['done', 'pending']);
  } finally {
    clearInterval(keepAlive);
    await t.close();
  }
});
