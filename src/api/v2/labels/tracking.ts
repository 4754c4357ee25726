// Tracking: by label, by carrier and tracking number, and start/stop subscriptions.
import { DomainError } from '../../../domain/errors.ts';
import { getLabel } from '../../../domain/labels/store.ts';
import { trackLabel } from '../../../domain/labels/tracking.ts';
import { isValidTrackingNumber, trackingUrl, type TrackingResult } from '../../../domain/tracking/index.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { findLabelByTracking, subscribe, unsubscribe } from '../../../domain/labels/tracking-subscriptions.ts';

/** Drops null fields: the specs type them as strings/numbers, not nullable. */
function defined<T extends Record<string, unknown>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== null && v !== undefined)) as Partial<T>;
}

export function toV2Tracking(t: TrackingResult, carrier: { id: number; code: string }, trackingNumber: string) {
  return {
    ...defined({
      tracking_number: trackingNumber,
      tracking_url: trackingUrl(carrier.code, trackingNumber),
      status_code: t.statusCode,
      status_detail_code: t.statusDetailCode,
      status_detail_description: t.statusDetailDescription,
      carrier_code: carrier.code,
      carrier_id: carrier.id,
      carrier_detail_code: t.carrierDetailCode ?? t.carrierStatusCode,
      status_description: t.statusDescription,
      carrier_status_code: t.carrierStatusCode,
      carrier_status_description: t.carrierStatusDescription,
      ship_date: t.shipDate,
      estimated_delivery_date: t.estimatedDeliveryDate,
      actual_delivery_date: t.actualDeliveryDate,
      exception_description: t.exceptionDescription,
    }),
    events: t.events.map((e) =>
      defined({
        occurred_at: e.occurredAt,
        // The carrier's local wall time has no offset; the specs require one, so it is given in UTC.
        carrier_occurred_at: e.occurredAt,
        description: e.description,
        city_locality: e.cityLocality,
        state_province: e.stateProvince,
        postal_code: e.postalCode,
        country_code: e.countryCode,
        company_name: e.companyName,
        signer: e.signer,
        event_code: e.eventCode,
        carrier_detail_code: e.carrierDetailCode,
        status_code: e.statusCode,
        status_description: e.statusDescription,
        carrier_status_code: e.carrierStatusCode,
        carrier_status_description: e.carrierStatusDescription,
        status_detail_code: e.statusDetailCode,
        status_detail_description: e.statusDetailDescription,
        latitude: e.latitude,
        longitude: e.longitude,
      }),
    ),
  };
}

const trackingQuery = {
  type: 'object',
  required: ['carrier_code', 'tracking_number'],
  properties: { carrier_code: { type: 'string', minLength: 1 }, tracking_number: { type: 'string', minLength: 1, maxLength: 50 } },
} as const;
type TrackingQuery = { carrier_code: string; tracking_number: string };

export const trackingRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.get<{ Params: { label_id: string } }>('/labels/:label_id/track', { schema: { tags: ['tracking'], params: seIdParam('label_id') } }, async (request) => {
    const label = await getLabel(db, actingAccount(request).id, parseSeId(request.params.label_id)!);
    return toV2Tracking(trackLabel(label, clock.now()), { id: label.carrierId, code: label.carrierCode }, label.trackingNumber);
  });

  app.get<{ Querystring: TrackingQuery }>('/tracking', { schema: { tags: ['tracking'], querystring: trackingQuery } }, async (request) => {
    const { carrier_code: carrierCode, tracking_number: trackingNumber } = request.query;
    const label = await findLabelByTracking(db, actingAccount(request).id, carrierCode, trackingNumber);
    if (!label) {
      const valid = isValidTrackingNumber(carrierCode, trackingNumber);
      throw new DomainError('not_found', valid ? `No shipment with tracking number ${trackingNumber} is known to ${carrierCode}.` : `${trackingNumber} is not a valid ${carrierCode} tracking number.`, 'invalid_identifier');
    }
    return toV2Tracking(trackLabel(label, clock.now()), { id: label.carrierId, code: carrierCode }, trackingNumber);
  });

  for (const [path, action] of [['/tracking/start', subscribe], ['/tracking/stop', unsubscribe]] as const) {
    app.post<{ Querystring: TrackingQuery }>(path, { schema: { tags: ['tracking'], querystring: trackingQuery } }, async (request, reply) => {
      const accountId = actingAccount(request).id;
      const { carrier_code: carrierCode, tracking_number: trackingNumber } = request.query;
      if (!isValidTrackingNumber(carrierCode, trackingNumber)) {
        throw new DomainError('validation', `${trackingNumber} is not a valid ${carrierCode} tracking number`, 'invalid_field_value', [
          { field: 'tracking_number', message: `not a valid ${carrierCode} tracking number`, code: 'invalid_field_value', value: trackingNumber },
        ]);
      }
      await db.transaction().execute((tx) => action(tx, accountId, carrierCode, trackingNumber, clock.nowIso()));
      return reply.code(204).send();
    });
  }
};
