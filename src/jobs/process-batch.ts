// Runs a label batch in slices: each job buys labels for at most SLICE_MS (well inside the 60 s
// lease), then hands the rest to a fresh job, so a big batch never outlives its lease.
import type { AppContext } from '../api/common/context.ts';
import { runBatch, type ProcessBatchPayload } from '../domain/batches/process.ts';
import { enqueueJobs, extendLease, type ClaimedJob } from './queue.ts';
import type { JobOutcome } from './runner.ts';

export const SLICE_MS = 10_000;
/** As long as the runner's own lease: renewed at every chunk of members and of the combined file. */
const LEASE_MS = 60_000;

export async function processBatchJob(ctx: AppContext, job: ClaimedJob): Promise<JobOutcome> {
  const { batchId } = job.payload as ProcessBatchPayload;
  const { db } = ctx.database;
  const heartbeat = () => extendLease(db, job.id, new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString());
  const outcome = await runBatch(db, job.accountId!, batchId, { deadline: Date.now() + SLICE_MS, heartbeat, now: () => ctx.clock.nowIso() });
  if (outcome === 'done') return { status: 'done' };
  const now = ctx.clock.nowIso();
  await enqueueJobs(db, [{ kind: 'process_batch', accountId: job.accountId, payload: job.payload, runAt: now }], now);
  return { status: 'done', note: 'continued in a new job' };
}
