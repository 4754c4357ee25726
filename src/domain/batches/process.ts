// Processing a batch: the request only queues a durable job; the job buys the labels one
// shipment per transaction (label, funding debit and the member row's new state commit together),
// so a crash loses nothing and a rerun skips what is done. On PostgreSQL members are claimed with
// SKIP LOCKED, and purchaseLabel re-reads the shipment under its lock: two workers never label
// one shipment twice.
import { onPostgres, type Db, type Executor } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { DomainError, invalidField } from '../errors.ts';
import { purchaseLabel } from '../labels/purchase.ts';
import type { LabelFormat, LabelLayout, LabelOptions } from '../labels/types.ts';
import { findRate } from '../rates/shop.ts';
import { getShipment } from '../shipments/store.ts';
import { finishBatch } from './complete.ts';
import { assertOpen, lockBatch } from './store.ts';
import type { Batch } from './types.ts';

/** The job kind that buys a batch's labels (src/job-handlers.ts runs it). */
export const PROCESS_BATCH_JOB = 'process_batch';

export interface ProcessBatchPayload {
  batchId: number;
}

export interface ProcessOptions {
  /** YYYY-MM-DD for every label; omitted keeps each shipment's own ship date. */
  shipDate?: string | null;
  labelLayout: LabelLayout;
  labelFormat: LabelFormat;
  displayScheme: string;
}

/** POST /batches/{id}/process/labels: checks, settles the label options, queues the job. */
export async function requestProcessing(ex: Executor, accountId: number, batchId: number, options: ProcessOptions, now: string): Promise<void> {
  const row = await lockBatch(ex, accountId, batchId);
  assertOpen(row);
  if (options.labelFormat === 'zpl' && options.labelLayout === 'letter') {
    throw invalidField('label_layout', 'ZPL labels are 4x6 only; the letter layout needs pdf or png', 'letter');
  }
  const members = await ex.selectFrom('batch_shipments').select('id').where('batch_id', '=', batchId).limit(1).executeTakeFirst();
  if (!members) throw new DomainError('business_rules', `batch se-${batchId} has no shipments to process; add shipment_ids or rate_ids first`, 'invalid_status');
  await ex
    .updateTable('batches')
    .set({
      status: 'queued',
      label_layout: options.labelLayout,
      label_format: options.labelFormat,
      display_scheme: options.displayScheme,
      ship_date: options.shipDate ?? null,
      modified_at: now,
    })
    .where('id', '=', batchId)
    .execute();
  await enqueueJobs(ex, [{ kind: PROCESS_BATCH_JOB, accountId, payload: { batchId } satisfies ProcessBatchPayload, runAt: now }], now);
}

export interface RunLimits {
  /** Stop starting new labels after this instant (ms since epoch); the job then continues in a new one. */
  deadline: number;
  /** Members read per query. */
  chunkSize?: number;
  /** Tests: stop after this many members were tried (a simulated crash). */
  maxShipments?: number;
  /** Called after every chunk (and every group of pages of the combined files) to keep the job's lease. */
  heartbeat?: () => Promise<void>;
  /** Tests: told of each member this worker labelled or failed. */
  onOutcome?: (outcome: 'labelled' | 'error') => void;
  now: () => string;
}

type MemberOutcome = 'labelled' | 'error' | 'skipped';

interface Member {
  id: number;
  shipment_id: number;
  rate_id: number | null;
}

const labelOptionsOf = (batch: Pick<Batch, 'labelFormat' | 'labelLayout' | 'displayScheme'>): LabelOptions => ({
  labelFormat: batch.labelFormat,
  labelLayout: batch.labelLayout,
  downloadType: 'url',
  displayScheme: batch.displayScheme,
  testLabel: false,
  chargeEvent: 'carrier_default',
  rmaNumber: null,
});

interface BatchJob {
  id: number;
  accountId: number;
  shipDate: string | null;
  options: LabelOptions;
}

/** One member, one transaction: claim the row, buy the label, record it; or record why not. */
async function processMember(db: Db, batch: BatchJob, member: Member, now: string): Promise<MemberOutcome> {
  try {
    return await db.transaction().execute(async (tx) => {
      let claim = tx.selectFrom('batch_shipments').select('id').where('id', '=', member.id).where('state', '=', 'pending');
      if (onPostgres(db)) claim = claim.forUpdate().skipLocked();
      if (!(await claim.executeTakeFirst())) return 'skipped';
      const stored = await getShipment(tx, batch.accountId, member.shipment_id);
      const shipment = batch.shipDate ? { ...stored, shipDate: batch.shipDate } : stored;
      const rate = member.rate_id === null ? null : await findRate(tx, batch.accountId, member.rate_id);
      if (member.rate_id !== null && !rate) throw new DomainError('business_rules', `rate se-${member.rate_id} no longer exists`, 'invalid_identifier');
      const label = await purchaseLabel(tx, batch.accountId, { shipment, rate, options: batch.options, batchId: batch.id, notifyBatchId: `batch-${batch.id}` }, now);
      await tx
        .updateTable('batch_shipments')
        .set({ state: 'labelled', label_id: label.id, has_form: label.customs ? 1 : 0, error: null, modified_at: now })
        .where('id', '=', member.id)
        .execute();
      return 'labelled';
    });
  } catch (error) {
    // A rule the shipment breaks is its batch error; anything else (the database) fails the job, which retries.
    if (!(error instanceof DomainError)) throw error;
    const message = error.issues.length > 0 ? error.issues.map((i) => i.message).join('; ') : error.message;
    await db
      .updateTable('batch_shipments')
      .set({ state: 'error', error: message.slice(0, 1000), modified_at: now })
      .where('id', '=', member.id)
      .where('state', '=', 'pending')
      .execute();
    return 'error';
  }
}

/** Members bought at once on PostgreSQL, each in its own transaction (the pool holds 10 connections). */
const POSTGRES_CONCURRENT_PURCHASES = 4;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * On the embedded database every query resolves without waiting on I/O, so a loop of purchases
 * would never give the event loop back: the server would answer no request until the batch was
 * bought. One turn of the loop per member lets requests in between.
 */
const letRequestsIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Runs a queued or processing batch until its members are all tried (then finishes it: documents
 * and final status) or the deadline passes. Returns 'more' when work is left for another job.
 */
export async function runBatch(db: Db, accountId: number, batchId: number, limits: RunLimits): Promise<'done' | 'more'> {
  const row = await db.selectFrom('batches').selectAll().where('id', '=', batchId).where('account_id', '=', accountId).executeTakeFirst();
  if (!row || (row.status !== 'queued' && row.status !== 'processing')) return 'done';
  if (row.status === 'queued') {
    await db.updateTable('batches').set({ status: 'processing', modified_at: limits.now() }).where('id', '=', batchId).where('status', '=', 'queued').execute();
  }
  const batch: BatchJob = {
    id: batchId,
    accountId,
    shipDate: row.ship_date,
    options: labelOptionsOf({ labelFormat: row.label_format as LabelFormat, labelLayout: row.label_layout as LabelLayout, displayScheme: row.display_scheme }),
  };
  // PostgreSQL: a few members at once, each on its own connection, so this thread prepares one
  // purchase while the database runs another's statements (a purchase is 7-10 round trips). The
  // embedded database has one writer: one at a time.
  const concurrency = onPostgres(db) ? POSTGRES_CONCURRENT_PURCHASES : 1;
  let tried = 0;
  for (;;) {
    const members = await db
      .selectFrom('batch_shipments')
      .select(['id', 'shipment_id', 'rate_id'])
      .where('batch_id', '=', batchId)
      .where('state', '=', 'pending')
      .orderBy('id')
      .limit(limits.chunkSize ?? 100)
      .execute();
    if (members.length === 0) break;
    let progressed = false;
    for (let next = 0; next < members.length; ) {
      if (Date.now() >= limits.deadline) return 'more';
      if (limits.maxShipments !== undefined && tried >= limits.maxShipments) return 'more';
      await letRequestsIn();
      const room = limits.maxShipments === undefined ? concurrency : Math.min(concurrency, limits.maxShipments - tried);
      const wave = members.slice(next, next + room);
      next += wave.length;
      const now = limits.now();
      // Every purchase of the wave settles before a failure ends the job: none is left running.
      const settled = await Promise.allSettled(wave.map((member) => processMember(db, batch, member, now)));
      for (const result of settled) {
        if (result.status === 'rejected') throw result.reason;
        const outcome = result.value;
        if (outcome === 'skipped') continue;
        limits.onOutcome?.(outcome);
        tried++;
        progressed = true;
      }
    }
    // Every pending row was held by another worker: let it commit before looking again.
    if (!progressed) await pause(20);
    await limits.heartbeat?.();
  }
  await finishBatch(db, accountId, batchId, limits.now(), limits.heartbeat);
  return 'done';
}
