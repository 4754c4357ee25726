// Delivers one V1 webhook: POST {resource_url, resource_type} to the subscription's target URL.
import type { AppContext } from '../api/common/context.ts';
import type { WebhookDeliveryPayload } from '../domain/webhooks/events.ts';
import { findWebhook } from '../domain/webhooks/webhooks.ts';
import type { ClaimedJob } from './queue.ts';
import type { JobOutcome } from './runner.ts';

const DELIVERY_TIMEOUT_MS = 10_000;

/**
 * Success is a 2xx answer within the timeout; anything else (error status, redirect, timeout,
 * refused connection) throws and the job is retried later. Redirects are not followed: deliveries
 * go to the subscribed URL only. A subscription deleted meanwhile cancels the delivery.
 */
export async function deliverWebhook(ctx: AppContext, job: ClaimedJob): Promise<JobOutcome> {
  const payload = job.payload as WebhookDeliveryPayload;
  const hook = await findWebhook(ctx.database.db, payload.webhookId);
  if (!hook) return { status: 'cancelled', note: `webhook ${payload.webhookId} was unsubscribed` };
  const response = await fetch(hook.targetUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'user-agent': 'Shipdock-Webhooks/1.0' },
    body: JSON.stringify({ resource_url: `${ctx.config.publicUrl}${payload.resourcePath}`, resource_type: payload.resourceType }),
    redirect: 'manual',
    signal: AbortSignal.timeout(DELIVERY_TIMEOUT_MS),
  });
  await response.body?.cancel();
  if (response.status < 200 || response.status > 299) throw new Error(`${hook.targetUrl} answered HTTP ${response.status}`);
  return { status: 'done' };
}
