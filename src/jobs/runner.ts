// Runs due jobs: webhook deliveries, hold releases and label batches. Every server process may run a runner;
// jobs are leased (see claimDueJobs), done only once recorded in the database, and retried with
// exponential backoff when they fail, so none is lost across restarts.
import { randomUUID } from 'node:crypto';
import type { AppContext } from '../api/common/context.ts';
import { releaseHold } from '../domain/orders/actions.ts';
import type { ReleaseHoldPayload } from '../domain/orders/save.ts';
import { claimDueJobs, failJob, finishJob, type ClaimedJob, type JobKind } from './queue.ts';
import { deliverWebhook } from './webhook-delivery.ts';
import { processBatchJob } from './process-batch.ts';

export interface JobOutcome {
  status: 'done' | 'cancelled';
  note?: string;
}

type Handler = (ctx: AppContext, job: ClaimedJob) => Promise<JobOutcome>;

async function releaseHoldJob(ctx: AppContext, job: ClaimedJob): Promise<JobOutcome> {
  const payload = job.payload as ReleaseHoldPayload;
  const released = await ctx.database.db.transaction().execute((tx) => releaseHold(tx, job.accountId!, payload, ctx.clock.nowIso()));
  return released ? { status: 'done' } : { status: 'done', note: 'the order was no longer held until that time' };
}

const HANDLERS: Record<JobKind, Handler> = {
  webhook_delivery: deliverWebhook,
  release_hold: releaseHoldJob,
  process_batch: processBatchJob,
};

/** Longer than any handler can take (deliveries time out after 10 s), so a live worker keeps its jobs. */
const LEASE_MS = 60_000;
const PROCESS_WORKER_ID = `worker-${randomUUID()}`;

export interface RunOptions {
  workerId?: string;
  batchSize?: number;
}

async function runJob(ctx: AppContext, job: ClaimedJob): Promise<void> {
  const { db } = ctx.database;
  try {
    const handler = HANDLERS[job.kind];
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const outcome = await handler(ctx, job);
    await finishJob(db, job.id, outcome.status, ctx.clock.nowIso(), outcome.note ?? null);
  } catch (error) {
    await failJob(db, job, error instanceof Error ? error.message : String(error), ctx.clock.now());
  }
}

/** Runs every job due now (by ctx.clock) until none is left; returns how many ran. */
export async function runDueJobs(ctx: AppContext, options: RunOptions = {}): Promise<number> {
  const workerId = options.workerId ?? PROCESS_WORKER_ID;
  let ran = 0;
  for (;;) {
    const now = ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const jobs = await claimDueJobs(ctx.database.db, ctx.database.engine, workerId, now.toISOString(), leaseUntil, options.batchSize ?? 20);
    if (jobs.length === 0) return ran;
    await Promise.all(jobs.map((job) => runJob(ctx, job)));
    ran += jobs.length;
  }
}

export interface JobRunner {
  /** Stops polling and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

export interface RunnerOptions extends RunOptions {
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/** Polls for due jobs every `intervalMs`. Its timer never keeps the process alive on its own. */
export function startJobRunner(ctx: AppContext, options: RunnerOptions = {}): JobRunner {
  const { intervalMs = 1000, onError = (error) => console.error('shipdock job runner:', error) } = options;
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout;
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  function tick() {
    inFlight = runDueJobs(ctx, options).then(
      () => undefined,
      (error: unknown) => (stopped ? undefined : onError(error)),
    );
    void inFlight.then(() => {
      inFlight = null;
      if (!stopped) schedule(intervalMs);
    });
  }
  schedule(0);
  return {
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await inFlight;
    },
  };
}
