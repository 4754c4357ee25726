// The job that releases an order held until a date (scheduled by holdOrderUntil). Registered with
// the runner by the application wiring; the job runs on the account's clock.
import type { ClaimedJob } from '../../jobs/queue.ts';
import type { JobContext, JobOutcome } from '../../jobs/runner.ts';
import { releaseHold } from './actions.ts';
import type { ReleaseHoldPayload } from './save.ts';

export const RELEASE_HOLD_JOB = 'release_hold';

export async function releaseHoldJob(ctx: JobContext, job: ClaimedJob): Promise<JobOutcome> {
  const payload = job.payload as ReleaseHoldPayload;
  const released = await ctx.database.db.transaction().execute((tx) => releaseHold(tx, job.accountId!, payload, ctx.clock.nowIso()));
  return released ? { status: 'done' } : { status: 'done', note: 'the order was no longer held until that time' };
}
