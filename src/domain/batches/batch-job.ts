// Runs a label batch in slices: each job buys labels for at most SLICE_MS (well inside the 60 s
// lease), then hands the rest to a fresh job, so a big batch never outlives its lease.
import { enqueueJobs, extendLease, type ClaimedJob } from '../../jobs/queue.ts';
import type { JobContext, JobOutcome } from '../../jobs/runner.ts';
import { PROCESS_BATCH_JOB, runBatch, type ProcessBatchPayload } from './process.ts';

export const SLICE_MS = 10_000;
/** As long as the runner's own lease: renewed at every chunk of members and of the combined file. */
const LEASE_MS = 60_000;

export async function processBatchJob(ctx: JobContext, job: ClaimedJob): Promise<JobOutcome> {
  const { batchId } = job.payload as ProcessBatchPayload;
  const { db } = ctx.database;
  const heartbeat = () => extendLease(db, job.id, new Date(ctx.clock.now().getTime() + LEASE_MS).toISOString());
  const outcome = await runBatch(db, job.accountId!, batchId, { deadline: Date.now() + SLICE_MS, heartbeat, now: () => ctx.clock.nowIso() });
  if (outcome === 'done') return { status: 'done' };
  const now = ctx.clock.nowIso();
  await enqueueJobs(db, [{ kind: PROCESS_BATCH_JOB, accountId: job.accountId, payload: job.payload, runAt: now }], now);
  return { status: 'done', note: 'continued in a new job' };
}
