// Runs due jobs. Every server process may run a runner; jobs are leased (see claimDueJobs), done
// only once recorded in the database, and retried with exponential backoff when they fail, so
// none is lost across restarts. The queue knows no job kind: the layers above register a handler
// per kind (and periodic tasks), so it sits below the domain and imports none of it.
import { randomUUID } from 'node:crypto';
import { accountClockGroups } from '../db/account-clocks.ts';
import type { Database } from '../db/index.ts';
import { claimDueJobs, failJob, finishJob, type AccountFilter, type ClaimedJob } from './queue.ts';

export interface JobOutcome {
  status: 'done' | 'cancelled';
  note?: string;
}

/** What the runner needs of the application context (the AppContext has all of it). */
export interface JobContext {
  database: Database;
  clock: {
    now(): Date;
    nowIso(): string;
    /** Runs `fn` on a sandbox account's clock (offset from the process clock). */
    withOffset<T>(offsetMs: number, fn: () => T): T;
  };
}

export type JobHandler<C extends JobContext = JobContext> = (ctx: C, job: ClaimedJob) => Promise<JobOutcome>;
/** Work that finds its own due items (e.g. tracking events passed by the clock), run before each sweep. */
export type PeriodicTask<C extends JobContext = JobContext> = (ctx: C) => Promise<void>;

const handlers = new Map<string, JobHandler<any>>();
const periodicTasks = new Map<string, PeriodicTask<any>>();

/** Registers (or replaces) the handler of one job kind. */
export function registerJobHandler<C extends JobContext>(kind: string, handler: JobHandler<C>): void {
  handlers.set(kind, handler);
}

export function registerPeriodicTask<C extends JobContext>(name: string, task: PeriodicTask<C>): void {
  periodicTasks.set(name, task);
}

/** Longer than any handler can take (deliveries time out after 10 s), so a live worker keeps its jobs. */
const LEASE_MS = 60_000;
const PROCESS_WORKER_ID = `worker-${randomUUID()}`;

export interface RunOptions {
  workerId?: string;
  batchSize?: number;
  /** Checked before each claim: once true, no new job is claimed (the runner is stopping). */
  stopping?: () => boolean;
}

async function runJob(ctx: JobContext, job: ClaimedJob): Promise<void> {
  const { db } = ctx.database;
  try {
    const handler = handlers.get(job.kind);
    if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
    const outcome = await handler(ctx, job);
    await finishJob(db, job.id, outcome.status, ctx.clock.nowIso(), outcome.note ?? null);
  } catch (error) {
    await failJob(db, job, error instanceof Error ? error.message : String(error), ctx.clock.now());
  }
}

/** Runs the jobs due on one clock (one group of accounts) until none is left. */
async function runGroup(ctx: JobContext, accounts: AccountFilter, options: RunOptions): Promise<number> {
  const workerId = options.workerId ?? PROCESS_WORKER_ID;
  let ran = 0;
  for (;;) {
    if (options.stopping?.()) return ran;
    const now = ctx.clock.now();
    const leaseUntil = new Date(now.getTime() + LEASE_MS).toISOString();
    const jobs = await claimDueJobs(ctx.database.db, ctx.database.engine, workerId, now.toISOString(), leaseUntil, options.batchSize ?? 20, accounts);
    if (jobs.length === 0) return ran;
    await Promise.all(jobs.map((job) => runJob(ctx, job)));
    ran += jobs.length;
  }
}

/**
 * Runs the periodic tasks, then every job due now until none is left; returns how many jobs ran.
 * A job is due by its account's clock: accounts whose sandbox clock is ahead run in groups, each
 * inside its clock's scope, so handlers read the account's time from `ctx.clock`.
 */
export async function runDueJobs(ctx: JobContext, options: RunOptions = {}): Promise<number> {
  for (const task of periodicTasks.values()) await task(ctx);
  const groups = await accountClockGroups(ctx.database.db);
  const ahead = [...groups.values()].flat();
  let ran = await runGroup(ctx, { except: ahead }, options);
  for (const [offsetMs, accountIds] of groups) {
    if (options.stopping?.()) break;
    ran += await ctx.clock.withOffset(offsetMs, () => runGroup(ctx, { only: accountIds }, options));
  }
  return ran;
}

export interface JobRunner {
  /** Stops polling and claiming, and waits for the jobs in hand to finish. */
  stop(): Promise<void>;
}

export interface RunnerOptions extends RunOptions {
  intervalMs?: number;
  onError?: (error: unknown) => void;
}

/** Polls for due jobs every `intervalMs`. Its timer never keeps the process alive on its own. */
export function startJobRunner(ctx: JobContext, options: RunnerOptions = {}): JobRunner {
  const { intervalMs = 1000, onError = (error) => console.error('shipdock job runner:', error) } = options;
  let stopped = false;
  let inFlight: Promise<void> | null = null;
  let timer: NodeJS.Timeout;
  const schedule = (delay: number) => {
    timer = setTimeout(tick, delay);
    timer.unref();
  };
  function tick() {
    inFlight = runDueJobs(ctx, { ...options, stopping: () => stopped }).then(
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
