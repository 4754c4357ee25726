// Sandbox webhook tools: send a sample event of any type to the account's subscriptions now, and
// replay a logged delivery. Both only queue `webhook_delivery` jobs: the one sender signs and
// delivers them, and logs every attempt like any other delivery.
import type { Executor } from '../../db/index.ts';
import { enqueueJobs } from '../../jobs/queue.ts';
import { raiseEvent, type RaisedEvent } from '../events/raise.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { API_WEBHOOK_EVENTS, type ApiWebhookEvent } from '../webhooks/api-webhooks.ts';
import { WEBHOOK_DELIVERY_JOB, type WebhookDeliveryPayload } from '../webhooks/delivery.ts';
import { WEBHOOK_EVENTS, subscriptionsTo, type WebhookEvent } from '../webhooks/webhooks.ts';

export const TRIGGERABLE_EVENTS: readonly string[] = [...API_WEBHOOK_EVENTS, ...WEBHOOK_EVENTS];

const SAMPLE_TRACKING_NUMBER = '1Z9634841399247181';
const SAMPLE_ID = 'se-0';

// Shapes of reference/specs/webhook-examples.json (ShipEngine API_TRACK, V2 TRACK_EVENT_V2).
const sampleTrack = {
  label_url: null,
  tracking_number: SAMPLE_TRACKING_NUMBER,
  status_code: 'IT',
  carrier_detail_code: null,
  status_description: 'In Transit',
  carrier_status_code: 'NT',
  carrier_status_description: 'Your package is moving within the UPS network',
};

const sampleTrackV2 = (now: string) => ({
  tracking_number: SAMPLE_TRACKING_NUMBER,
  tracking_url: `https://www.ups.com/track?tracknum=${SAMPLE_TRACKING_NUMBER}`,
  status_code: 'IT',
  status_detail_code: null,
  status_detail_description: null,
  carrier_code: 'ups',
  carrier_id: 0,
  carrier_detail_code: 'OT',
  status_description: 'In Transit',
  carrier_status_code: 'I',
  carrier_status_description: 'Departed from facility',
  ship_date: now,
  estimated_delivery_date: null,
  actual_delivery_date: null,
  exception_description: null,
  events: [
    {
      occurred_at: now,
      carrier_occurred_at: now,
      description: 'Departed from Facility',
      city_locality: 'Hodgkins',
      state_province: 'IL',
      postal_code: '60525',
      country_code: 'US',
      company_name: null,
      signer: null,
      event_code: 'DP',
      carrier_detail_code: 'OT',
      status_code: 'IT',
      status_description: 'In Transit',
      carrier_status_code: 'I',
      carrier_status_description: 'Departed from facility',
      status_detail_code: null,
      status_detail_description: null,
      proof_of_delivery_url: null,
      latitude: 41.7697,
      longitude: -87.8553,
    },
  ],
});

/** The sample of each V2 / ShipEngine event: the resource it points at, relative to the surface root. */
function apiSample(event: ApiWebhookEvent, now: string): RaisedEvent {
  switch (event) {
    case 'track':
      return { resourcePath: `/tracking?carrier_code=ups&tracking_number=${SAMPLE_TRACKING_NUMBER}`, data: sampleTrack };
    case 'track_event_v2':
      return { resourcePath: `/labels/${SAMPLE_ID}/track`, data: sampleTrackV2(now) };
    case 'batch':
    case 'batch_processed_v2':
      return { resourcePath: `/batches/${SAMPLE_ID}` };
    case 'label_created_v2':
      return { resourcePath: `/labels?batch_id=${SAMPLE_ID}` };
    case 'shipment_created_v2':
      return { resourcePath: '/shipments?import_batch_id=00000000-0000-4000-8000-000000000000' };
    case 'fulfillment_shipped_v2':
    case 'fulfillment_rejected_v2':
      return { resourcePath: `/fulfillments?fulfillment_id=${SAMPLE_ID}&shipment_id=${SAMPLE_ID}` };
    case 'carrier_connected':
      return { resourcePath: `/carriers/${SAMPLE_ID}` };
    case 'rate':
      return { resourcePath: `/rates/${SAMPLE_ID}` };
    case 'report_complete':
      return { resourcePath: `/reports/${SAMPLE_ID}` };
    case 'order_source_refresh_complete':
      return { resourcePath: `/order_sources/${SAMPLE_ID}` };
    case 'sales_orders_imported':
      return { resourcePath: '/sales_orders?import_batch_id=00000000-0000-4000-8000-000000000000' };
  }
}

/** V1 resource URLs as the V1 events build them (events.ts), for a sample batch. */
function v1SamplePath(event: WebhookEvent): string {
  switch (event) {
    case 'ORDER_NOTIFY':
    case 'ITEM_ORDER_NOTIFY':
      return '/orders?importBatchId=sample';
    case 'SHIP_NOTIFY':
      return '/shipments?batchId=sample&includeShipmentItems=False';
    case 'ITEM_SHIP_NOTIFY':
      return '/shipments?batchId=sample&includeShipmentItems=True';
    case 'FULFILLMENT_SHIPPED':
    case 'FULFILLMENT_REJECTED':
      return '/fulfillments?fulfillmentId=0';
  }
}

/** `track`, `TRACK`, `ship_notify` all name their event. */
export function triggerableEvent(name: string): string | null {
  return TRIGGERABLE_EVENTS.find((e) => e === name) ?? TRIGGERABLE_EVENTS.find((e) => e.toLowerCase() === name.toLowerCase()) ?? null;
}

/** Queues one sample delivery per subscription to `event` (V1, V2 and ShipEngine); returns how many. */
export async function triggerSampleEvent(ex: Executor, accountId: number, name: string, now: string): Promise<number> {
  const event = triggerableEvent(name);
  if (!event) throw invalidField('event', `event must be one of ${TRIGGERABLE_EVENTS.join(', ')}`, name);
  let queued: number;
  if ((WEBHOOK_EVENTS as readonly string[]).includes(event)) {
    const hooks = await subscriptionsTo(ex, accountId, [event as WebhookEvent]);
    await enqueueJobs(
      ex,
      hooks.map((hook) => ({
        kind: WEBHOOK_DELIVERY_JOB,
        accountId,
        payload: { source: 'v1', webhookId: hook.id, resourceType: hook.event, resourcePath: v1SamplePath(hook.event) } satisfies WebhookDeliveryPayload,
        runAt: now,
      })),
      now,
    );
    queued = hooks.length;
  } else {
    queued = await raiseEvent(ex, accountId, event as ApiWebhookEvent, apiSample(event as ApiWebhookEvent, now), now);
  }
  if (queued === 0) throw invalidField('event', `no webhook of this account is subscribed to ${event}; subscribe a URL first`, event);
  return queued;
}

export interface LoggedDelivery {
  id: number;
  webhookKind: string;
  webhookId: number;
  resourceType: string;
  attempt: number;
  status: string;
  responseCode: number | null;
  error: string | null;
  attemptedAt: string;
  durationMs: number;
}

/** The account's delivery log, newest first. */
export async function listAccountDeliveries(ex: Executor, accountId: number, limit: number): Promise<LoggedDelivery[]> {
  const rows = await ex.selectFrom('webhook_deliveries').selectAll().where('account_id', '=', accountId).orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    webhookKind: r.webhook_kind,
    webhookId: r.webhook_id,
    resourceType: r.resource_type,
    attempt: r.attempt,
    status: r.status,
    responseCode: r.response_code,
    error: r.error,
    attemptedAt: r.attempted_at,
    durationMs: r.duration_ms,
  }));
}

/** Queues the logged delivery's job payload again: the same event to the same subscription. */
export async function replayDelivery(ex: Executor, accountId: number, deliveryId: number, now: string): Promise<void> {
  const logged = await ex
    .selectFrom('webhook_deliveries')
    .innerJoin('jobs', 'jobs.id', 'webhook_deliveries.job_id')
    .select(['jobs.payload', 'jobs.kind'])
    .where('webhook_deliveries.id', '=', deliveryId)
    .where('webhook_deliveries.account_id', '=', accountId)
    .executeTakeFirst();
  if (!logged) throw notFound('webhook delivery', deliveryId);
  if (logged.kind !== WEBHOOK_DELIVERY_JOB) throw new DomainError('business_rules', `delivery ${deliveryId} cannot be replayed`, 'invalid_status');
  await enqueueJobs(ex, [{ kind: WEBHOOK_DELIVERY_JOB, accountId, payload: JSON.parse(logged.payload) as WebhookDeliveryPayload, runAt: now }], now);
}
