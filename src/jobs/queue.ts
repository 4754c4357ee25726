// The durable job queue. Jobs are rows written in the same transaction as the change that causes
// them, so a committed change always has its job and a rolled-back one never does.
import { sql } from 'kysely';
import type { Engine, Executor } from '../db/index.ts';

/** Kinds are named by the layers above that register their handlers (see runner.ts). */
export type JobKind = string;

export interface NewJob {
  kind: JobKind;
  accountId: number | null;
  payload: unknown;
  /** ISO instant from which the job may run. */
  runAt: string;
}

export interface ClaimedJob {
  id: number;
  kind: JobKind;
  accountId: number | null;
  payload: unknown;
  /** Including the current one. */
  attempts: number;
}

/** After this many failed attempts a job is parked as `failed` (kept, never deleted). */
const MAX_ATTEMPTS = 15;
const FIRST_RETRY_MS = 30_000;
const MAX_RETRY_MS = 60 * 60_000;

/** 30 s, 1 min, 2 min, ... capped at one hour. */
function retryDelayMs(attempts: number): number {
  return Math.min(FIRST_RETRY_MS * 2 ** Math.max(0, attempts - 1), MAX_RETRY_MS);
}

export async function enqueueJobs(ex: Executor, jobs: NewJob[], now: string): Promise<void> {
  if (jobs.length === 0) return;
  await ex
    .insertInto('jobs')
    .values(
      jobs.map((job) => ({
        kind: job.kind,
        account_id: job.accountId,
        payload: JSON.stringify(job.payload),
        status: 'pending' as const,
        run_at: job.runAt,
        locked_by: null,
        locked_until: null,
        last_error: null,
        created_at: now,
        finished_at: null,
      })),
    )
    .execute();
}

/** Accounts run on their own sandbox clocks, so "due" is asked per group of accounts. */
export interface AccountFilter {
  only?: number[];
  except?: number[];
}

/**
 * Leases up to `limit` due jobs to `workerId` until `leaseUntil`. On PostgreSQL the candidate
 * rows are locked with SKIP LOCKED so concurrent workers never lease the same job; SQLite has a
 * single writer, and the lease columns keep a crashed worker's jobs from being lost: once the
 * lease expires they are due again.
 */
export async function claimDueJobs(
  ex: Executor,
  engine: Engine,
  workerId: string,
  now: string,
  leaseUntil: string,
  limit: number,
  accounts: AccountFilter = {},
): Promise<ClaimedJob[]> {
  let due = ex
    .selectFrom('jobs')
    .select('id')
    .where('status', '=', 'pending')
    .where('run_at', '<=', now)
    .where((eb) => eb.or([eb('locked_until', 'is', null), eb('locked_until', '<', now)]))
    .orderBy('run_at')
    .orderBy('id')
    .limit(limit);
  if (accounts.only) due = due.where('account_id', 'in', accounts.only.length ? accounts.only : [-1]);
  if (accounts.except?.length) due = due.where((eb) => eb.or([eb('account_id', 'is', null), eb('account_id', 'not in', accounts.except!)]));
  if (engine === 'postgres') due = due.forUpdate().skipLocked();
  const rows = await ex
    .updateTable('jobs')
    .set({ locked_by: workerId, locked_until: leaseUntil, attempts: sql`attempts + 1` })
    .where('id', 'in', due)
    .returning(['id', 'kind', 'account_id', 'payload', 'attempts'])
    .execute();
  return rows
    .map((r) => ({ id: r.id, kind: r.kind as JobKind, accountId: r.account_id, payload: JSON.parse(r.payload) as unknown, attempts: r.attempts }))
    .sort((a, b) => a.id - b.id);
}

/** Pushes a running job's lease forward: long work (a big batch's files) keeps its job. */
export async function extendLease(ex: Executor, id: number, leaseUntil: string): Promise<void> {
  await ex.updateTable('jobs').set({ locked_until: leaseUntil }).where('id', '=', id).where('status', '=', 'pending').execute();
}

export async function finishJob(ex: Executor, id: number, status: 'done' | 'cancelled', now: string, note: string | null = null): Promise<void> {
  await ex
    .updateTable('jobs')
    .set({ status, finished_at: now, locked_by: null, locked_until: null, last_error: note })
    .where('id', '=', id)
    .execute();
}

/** Schedules the next attempt with exponential backoff, or parks the job once attempts run out. */
export async function failJob(ex: Executor, job: ClaimedJob, error: string, now: Date): Promise<void> {
  const exhausted = job.attempts >= MAX_ATTEMPTS;
  await ex
    .updateTable('jobs')
    .set({
      status: exhausted ? 'failed' : 'pending',
      run_at: new Date(now.getTime() + retryDelayMs(job.attempts)).toISOString(),
      locked_by: null,
      locked_until: null,
      last_error: error.slice(0, 1000),
      finished_at: exhausted ? now.toISOString() : null,
    })
    .where('id', '=', job.id)
    .execute();
}
