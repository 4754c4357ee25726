// Delivering one webhook (V1, V2 or ShipEngine): the single `webhook_delivery` job handler, and
// the per-webhook delivery log (every attempt, its outcome and response code).
import type { Executor } from '../../db/index.ts';
import { enqueueJobs, type ClaimedJob } from '../../jobs/queue.ts';
import type { JobContext, JobOutcome } from '../../jobs/runner.ts';
import { findApiWebhook, type WebhookHeader } from './api-webhooks.ts';
import { notFound } from '../errors.ts';
import { activeSigningKey, signatureHeaders } from './signing.ts';
import { findWebhook } from './webhooks.ts';

export const WEBHOOK_DELIVERY_JOB = 'webhook_delivery';
const DELIVERY_TIMEOUT_MS = 10_000;

export type WebhookKind = 'v1' | 'api';

export interface WebhookDeliveryPayload {
  /** Absent on jobs queued before V2 webhooks existed: V1. */
  source?: WebhookKind;
  webhookId: number;
  resourceType: string;
  /** Absolute path (with the surface prefix); made a URL with config.publicUrl when delivered. */
  resourcePath: string;
  /** Inline data (tracking webhooks). */
  data?: unknown;
  /** Inline data built when delivered (kept small in the queue); see registerDataResolver. */
  dataRef?: DataRef;
}

/** Names a resolver and its arguments; the resolver rebuilds the inline data deterministically. */
export interface DataRef {
  resolver: string;
  args: unknown;
}

/** Returns the data, or null when its subject is gone (the delivery is then cancelled). */
export type DataResolver = (ex: Executor, accountId: number, args: unknown) => Promise<unknown | null>;
const resolvers = new Map<string, DataResolver>();

/** Registered by the application wiring (resolvers live in the features that own the data). */
export function registerDataResolver(name: string, resolver: DataResolver): void {
  resolvers.set(name, resolver);
}

async function inlineData(ex: Executor, accountId: number, payload: WebhookDeliveryPayload): Promise<{ data?: unknown } | null> {
  if (payload.dataRef) {
    const resolver = resolvers.get(payload.dataRef.resolver);
    if (!resolver) throw new Error(`no data resolver ${payload.dataRef.resolver}`);
    const data = await resolver(ex, accountId, payload.dataRef.args);
    return data === null ? null : { data };
  }
  return payload.data === undefined ? {} : { data: payload.data };
}

export interface DeliveryContext extends JobContext {
  config: { publicUrl: string };
}

interface Target {
  url: string;
  userAgent: string;
  headers: WebhookHeader[];
}

async function target(ex: Executor, payload: WebhookDeliveryPayload): Promise<Target | null> {
  if ((payload.source ?? 'v1') === 'v1') {
    const hook = await findWebhook(ex, payload.webhookId);
    return hook && { url: hook.targetUrl, userAgent: 'Shipdock-Webhooks/1.0', headers: [] };
  }
  const hook = await findApiWebhook(ex, payload.webhookId);
  return hook && { url: hook.url, userAgent: 'ShipEngine/v1', headers: hook.headers };
}

/**
 * POSTs `{resource_url, resource_type[, data]}`, signed, to the subscription's URL. Success is a
 * 2xx answer within the timeout; anything else (error status, redirect, timeout, refused
 * connection) throws and the job is retried with backoff. Redirects are not followed. A
 * subscription deleted meanwhile cancels the delivery. Every attempt is logged.
 */
export async function deliverWebhookJob(ctx: DeliveryContext, job: ClaimedJob): Promise<JobOutcome> {
  const { db } = ctx.database;
  const payload = job.payload as WebhookDeliveryPayload;
  const kind = payload.source ?? 'v1';
  const to = await target(db, payload);
  if (!to) return { status: 'cancelled', note: `webhook ${payload.webhookId} was unsubscribed` };
  const inline = await inlineData(db, job.accountId ?? 0, payload);
  if (!inline) return { status: 'cancelled', note: 'the subject of the event no longer exists' };
  const body = JSON.stringify({ resource_url: `${ctx.config.publicUrl}${payload.resourcePath}`, resource_type: payload.resourceType, ...inline });
  // Receivers compare the timestamp with their own clock, so it is real time, not sandbox time.
  const signedAt = new Date().toISOString();
  const key = await activeSigningKey(db, signedAt);
  const started = Date.now();
  let responseCode: number | null = null;
  let error: string | null = null;
  try {
    const response = await fetch(to.url, {
      method: 'POST',
      headers: {
        ...Object.fromEntries(to.headers.map((h) => [h.key, h.value])),
        'content-type': 'application/json',
        'user-agent': to.userAgent,
        ...signatureHeaders(key, body, signedAt),
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
    });
    await response.body?.cancel();
    responseCode = response.status;
    if (response.status < 200 || response.status > 299) error = `${to.url} answered HTTP ${response.status}`;
  } catch (failure) {
    error = `${to.url}: ${failure instanceof Error ? failure.message : String(failure)}`;
  }
  await db
    .insertInto('webhook_deliveries')
    .values({
      account_id: job.accountId ?? 0,
      webhook_kind: kind,
      webhook_id: payload.webhookId,
      job_id: job.id,
      resource_type: payload.resourceType,
      attempt: job.attempts,
      status: error ? 'failed' : 'delivered',
      response_code: responseCode,
      error,
      attempted_at: ctx.clock.nowIso(),
      duration_ms: Date.now() - started,
    })
    .execute();
  if (error) throw new Error(error);
  return { status: 'done' };
}

export interface DeliveryAttempt {
  id: number;
  jobId: number;
  resourceType: string;
  attempt: number;
  status: 'delivered' | 'failed';
  responseCode: number | null;
  error: string | null;
  attemptedAt: string;
  durationMs: number;
}

/** A webhook's delivery log, newest first (for the dashboard). */
export async function listDeliveryAttempts(ex: Executor, accountId: number, kind: WebhookKind, webhookId: number, limit = 100): Promise<DeliveryAttempt[]> {
  const rows = await ex
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('webhook_kind', '=', kind)
    .where('webhook_id', '=', webhookId)
    .orderBy('id', 'desc')
    .limit(Math.min(Math.max(1, limit), 1000))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    jobId: r.job_id,
    resourceType: r.resource_type,
    attempt: r.attempt,
    status: r.status as DeliveryAttempt['status'],
    responseCode: r.response_code,
    error: r.error,
    attemptedAt: r.attempted_at,
    durationMs: r.duration_ms,
  }));
}

/** Deliveries of the account still waiting for a (re)try, per job status. */
export async function pendingDeliveries(ex: Executor, accountId: number): Promise<number> {
  const row = await ex
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('kind', '=', WEBHOOK_DELIVERY_JOB)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * "Send again" (dashboard): queues the payload of a logged delivery once more, as a new job that
 * is logged as its own delivery. Only the account's own deliveries, to a subscription that still
 * exists.
 */
export async function redeliverWebhook(ex: Executor, accountId: number, deliveryId: number, now: string): Promise<void> {
  const delivery = await ex
    .selectFrom('webhook_deliveries')
    .select(['job_id', 'webhook_kind', 'webhook_id'])
    .where('account_id', '=', accountId)
    .where('id', '=', deliveryId)
    .executeTakeFirst();
  const job = delivery && (await ex.selectFrom('jobs').select(['payload']).where('id', '=', delivery.job_id).where('account_id', '=', accountId).executeTakeFirst());
  if (!delivery || !job) throw notFound('webhook delivery', String(deliveryId));
  const payload = JSON.parse(job.payload) as WebhookDeliveryPayload;
  const hook = delivery.webhook_kind === 'v1' ? await findWebhook(ex, delivery.webhook_id) : await findApiWebhook(ex, delivery.webhook_id);
  if (!hook || hook.accountId !== accountId) throw notFound('webhook', String(delivery.webhook_id));
  await enqueueJobs(ex, [{ kind: WEBHOOK_DELIVERY_JOB, accountId, payload, runAt: now }], now);
}
