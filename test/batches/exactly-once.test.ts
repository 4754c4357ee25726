// Exactly once under faults: a worker that dies mid-batch leaves its job leased; once the lease
// runs out another worker finishes the batch, and every shipment is labelled and charged once.
// Two workers on one batch at the same time (on PostgreSQL: two connection pools) never
// label a shipment twice.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { openDatabase, type Db } from '../../src/db/index.ts';
import { runBatch } from '../../src/domain/batches/index.ts';
import { claimDueJobs } from '../../src/jobs/queue.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { startTestApp, usingPostgres, type TestApp } from '../helpers/server.ts';
import { addFunds, balanceOf, parcel, register } from '../funds/helpers.ts';
import { createShipments } from './helpers.ts';

const ACCOUNT = 1;

/** `db` with every transaction's work run through `around` (inside the transaction). */
function aroundTransactions(db: Db, around: (run: () => Promise<unknown>) => Promise<unknown>): Db {
  return new Proxy(db, {
    get(target, key) {
      if (key !== 'transaction') {
        const value = Reflect.get(target, key, target);
        return typeof value === 'function' ? value.bind(target) : value;
      }
      return () => ({ execute: (fn: (tx: Db) => Promise<unknown>) => target.transaction().execute((tx) => around(() => fn(tx))) });
    },
  }) as Db;
}

describe('batch processing is exactly-once', () => {
  let t: TestApp;
  let stamps: string;
  before(async () => {
    t = await startTestApp();
    stamps = await register(t, 'stamps_com');
    await addFunds(t, stamps, 5000);
  });
  after(() => t.close());

  /** A queued batch of `n` funded (charged) shipments. */
  async function queuedBatch(n: number): Promise<{ id: number; shipmentIds: string[] }> {
    const shipmentIds = await createShipments(t, Array.from({ length: n }, () => parcel(stamps, 'usps_priority_mail')));
    const batch = (await t.api('v2', 'POST', '/v2/batches', { shipment_ids: shipmentIds })).json();
    assert.equal((await t.api('v2', 'POST', `/v2/batches/${batch.batch_id}/process/labels`, {})).statusCode, 204);
    return { id: Number(batch.batch_id.slice(3)), shipmentIds };
  }

  /** Each shipment of the batch has exactly one label and exactly one debit of that label's cost. */
  async function assertOncePerShipment(db: Db, batchId: number, shipmentIds: string[]) {
    const labels = await db.selectFrom('labels').select(['id', 'shipment_id', 'cost_cents']).where('batch_id', '=', batchId).execute();
    assert.deepEqual(labels.map((l) => `se-${l.shipment_id}`).sort(), [...shipmentIds].sort(), 'one label per shipment, none twice');
    const debits = await db
      .selectFrom('carrier_ledger')
      .select(['label_id', 'amount_cents'])
      .where('kind', '=', 'label')
      .where('label_id', 'in', labels.map((l) => l.id))
      .execute();
    assert.equal(debits.length, labels.length, 'one debit per label');
    const cost = new Map(labels.map((l) => [l.id, l.cost_cents]));
    for (const debit of debits) assert.equal(debit.amount_cents, -cost.get(debit.label_id!)!);
    const members = await db.selectFrom('batch_shipments').select(['state', 'label_id']).where('batch_id', '=', batchId).execute();
    assert.ok(members.every((m) => m.state === 'labelled' && m.label_id !== null));
    return labels.reduce((sum, l) => sum + l.cost_cents, 0);
  }

  test('a worker dies after 7 of 20 labels; after its lease expires another worker finishes: each labelled and charged once', async () => {
    const { db, engine } = t.ctx.database;
    const before = await balanceOf(t, stamps);
    const { id, shipmentIds } = await queuedBatch(20);

    // The doomed worker leases the job, buys 7 labels, then "crashes": the job stays leased.
    const now = t.ctx.clock.now();
    const [job] = await claimDueJobs(db, engine, 'doomed-worker', now.toISOString(), new Date(now.getTime() + 60_000).toISOString(), 5);
    assert.equal(job.kind, 'process_batch');
    assert.equal(await runBatch(db, ACCOUNT, id, { deadline: Date.now() + 60_000, maxShipments: 7, now: () => t.ctx.clock.nowIso() }), 'more');
    const midway = (await t.api('v2', 'GET', `/v2/batches/se-${id}`)).json();
    assert.deepEqual([midway.status, midway.count, midway.completed, midway.errors], ['processing', 20, 7, 0], 'counters move while the batch runs');
    assert.equal(await runDueJobs(t.ctx, { workerId: 'survivor' }), 0, 'the dead worker still holds the lease');

    // An earlier worker died while writing the combined file: its half-written build is dropped.
    const abandoned = await db
      .insertInto('stored_documents')
      .values({ account_id: ACCOUNT, kind: 'batch_labels', file_name: `batch-${id}.pdf`, content_type: 'application/pdf', status: 'building', download_token: 'abandoned-build-token-0001', created_at: new Date(now.getTime() - 31 * 60_000).toISOString() })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db.insertInto('stored_document_chunks').values({ document_id: abandoned.id, sequence: 0, content: Buffer.from('%PDF-half') }).execute();

    t.ctx.clock.advance(61_000);
    assert.ok((await runDueJobs(t.ctx, { workerId: 'survivor' })) >= 1);
    const files = await db.selectFrom('stored_documents').select(['id', 'status']).where('file_name', '=', `batch-${id}.pdf`).execute();
    assert.deepEqual(files.map((f) => f.status), ['ready']);
    assert.notEqual(files[0].id, abandoned.id);
    const done = (await t.api('v2', 'GET', `/v2/batches/se-${id}`)).json();
    assert.deepEqual([done.status, done.completed, done.errors], ['completed', 20, 0]);
    const charged = await assertOncePerShipment(db, id, shipmentIds);
    assert.equal(Math.round((before - (await balanceOf(t, stamps))) * 100), charged, 'the balance fell by exactly the 20 labels');
    const jobs = await db.selectFrom('jobs').select(['status']).where('kind', '=', 'process_batch').execute();
    assert.ok(jobs.every((j) => j.status === 'done'));
  });

  test('a crash inside a purchase rolls the label and its debit back; the rerun buys it once', async () => {
    const { db } = t.ctx.database;
    const { id, shipmentIds } = await queuedBatch(6);
    // Fail the 4th purchase after its label row is written (a lost connection mid-transaction).
    let purchases = 0;
    const failing = aroundTransactions(db, async (run) => {
      const result = await run();
      if (++purchases === 4) throw new Error('connection lost');
      return result;
    });
    await assert.rejects(runBatch(failing, ACCOUNT, id, { deadline: Date.now() + 60_000, now: () => t.ctx.clock.nowIso() }), /connection lost/);
    const midway = (await t.api('v2', 'GET', `/v2/batches/se-${id}`)).json();
    assert.deepEqual([midway.completed, midway.errors], [3, 0], 'the failed purchase left nothing behind');
    assert.equal((await db.selectFrom('labels').select('id').where('batch_id', '=', id).execute()).length, 3);
    assert.equal(await runBatch(db, ACCOUNT, id, { deadline: Date.now() + 60_000, now: () => t.ctx.clock.nowIso() }), 'done');
    await assertOncePerShipment(db, id, shipmentIds);
  });

  test(`two workers on one batch at once${usingPostgres() ? ' (two PostgreSQL pools, SKIP LOCKED)' : ' (SQLite: one writer)'}: exactly once`, async () => {
    const { id, shipmentIds } = await queuedBatch(40);
    const second = usingPostgres()
      ? await openDatabase({ databaseUrl: process.env.DATABASE_URL!, dataDir: ':memory:', schema: t.schema })
      : null;
    try {
      const dbs = [t.ctx.database.db, second?.db ?? t.ctx.database.db];
      const labelled = [0, 0];
      const outcomes = await Promise.all(
        dbs.map((db, worker) =>
          runBatch(db, ACCOUNT, id, { deadline: Date.now() + 120_000, chunkSize: 10, onOutcome: () => labelled[worker]++, now: () => t.ctx.clock.nowIso() }),
        ),
      );
      assert.deepEqual(outcomes, ['done', 'done']);
      assert.equal(labelled[0] + labelled[1], 40, 'no member was tried twice');
      // SQLite has one writer, so there one worker trails the other; PostgreSQL runs them side by side.
      if (usingPostgres()) assert.ok(labelled[0] > 0 && labelled[1] > 0, `both workers bought labels (${labelled.join(' + ')})`);
      const done = (await t.api('v2', 'GET', `/v2/batches/se-${id}`)).json();
      assert.deepEqual([done.status, done.count, done.completed], ['completed', 40, 40]);
      await assertOncePerShipment(t.ctx.database.db, id, shipmentIds);
      const files = await t.ctx.database.db.selectFrom('stored_documents').select('id').where('file_name', '=', `batch-${id}.pdf`).execute();
      assert.equal(files.length, 1, 'the worker that finished second dropped its copy of the combined file');
    } finally {
      await second?.close();
    }
  });

  test(`one worker buys ${usingPostgres() ? 'four members at once on PostgreSQL' : 'one member at a time on SQLite'}, each in its own transaction, once each`, async () => {
    const { db } = t.ctx.database;
    const { id, shipmentIds } = await queuedBatch(10);
    let open = 0;
    let most = 0;
    const counting = aroundTransactions(db, async (run) => {
      most = Math.max(most, ++open);
      try {
        return await run();
      } finally {
        open--;
      }
    });
    assert.equal(await runBatch(counting, ACCOUNT, id, { deadline: Date.now() + 60_000, now: () => t.ctx.clock.nowIso() }), 'done');
    assert.equal(most, usingPostgres() ? 4 : 1);
    await assertOncePerShipment(db, id, shipmentIds);
  });
});
