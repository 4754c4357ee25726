// Tracking: by label, by carrier and tracking number, and start/stop subscriptions.
import { DomainError } from '../../../domain/errors.ts';
import { getLabel } from '../../../domain/labels/store.ts';
import { trackLabel } from '../../../domain/labels/tracking.ts';
import { isValidTrackingNumber } from '../../../domain/tracking/index.ts';
import { toV2Tracking } from '../../../domain/labels/tracking-wire.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { findLabelByTracking, subscribe, unsubscribe } from '../../../domain/labels/tracking-subscriptions.ts';
import { startParcelTracking, stopParcelTracking } from '../../../domain/labels/tracking-events.ts';

export { toV2Tracking } from '../../../domain/labels/tracking-wire.ts';

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
    if (!isValidTrackingNumber(carrierCode, trackingNumber)) throw invalidTrackingNumber(carrierCode, trackingNumber);
    const label = await findLabelByTracking(db, actingAccount(request).id, carrierCode, trackingNumber);
    if (!label) throw new DomainError('not_found', `No shipment with tracking number ${trackingNumber} is known to ${carrierCode}.`, 'invalid_identifier');
    return toV2Tracking(trackLabel(label, clock.now()), { id: label.carrierId, code: carrierCode }, trackingNumber);
  });

  // A Shipdock label's parcel raises `track` webhooks from purchase; stop silences it, start resumes
  // it (from its next event). Numbers Shipdock did not sell are remembered but never move.
  for (const path of ['/tracking/start', '/tracking/stop'] as const) {
    app.post<{ Querystring: TrackingQuery }>(path, { schema: { tags: ['tracking'], querystring: trackingQuery } }, async (request, reply) => {
      const accountId = actingAccount(request).id;
      const { carrier_code: carrierCode, tracking_number: trackingNumber } = request.query;
      if (!isValidTrackingNumber(carrierCode, trackingNumber)) throw invalidTrackingNumber(carrierCode, trackingNumber);
      await db.transaction().execute(async (tx) => {
        const now = clock.nowIso();
        const label = await findLabelByTracking(tx, accountId, carrierCode, trackingNumber);
        if (path === '/tracking/start') {
          await subscribe(tx, accountId, carrierCode, trackingNumber, now);
          if (label) await startParcelTracking(tx, label, now, false);
        } else {
          await unsubscribe(tx, accountId, carrierCode, trackingNumber);
          if (label) await stopParcelTracking(tx, accountId, label.id);
        }
      });
      return reply.code(204).send();
    });
  }
};

function invalidTrackingNumber(carrierCode: string, trackingNumber: string) {
  return new DomainError('validation', `${trackingNumber} is not a valid ${carrierCode} tracking number`, 'invalid_field_value', [
    { field: 'tracking_number', message: `not a valid ${carrierCode} tracking number`, code: 'invalid_field_value', value: trackingNumber },
  ]);
}
