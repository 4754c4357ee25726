// Simulated carrier tracking: the planned journey (journey.ts) cut at `now`, in the
// carrier's own codes and ShipEngine's normalized statuses.
import { formatWallDateTime, toWallTime } from '../time/zoned.ts';
import { carrierFamily } from './carrier-family.ts';
import type { CarrierFamily } from './carrier-family.ts';
import { carrierEvent, signerFor } from './carrier-events.ts';
import type { CarrierEvent } from './carrier-events.ts';
import { planJourney } from './journey.ts';
import type { PlannedEvent } from './journey.ts';
import { STATUS_DESCRIPTIONS, STATUS_DETAILS } from './status-codes.ts';
import type { SimulateTrackingInput, TrackingEvent, TrackingResult } from './types.ts';

/**
 * Tracking of a label as the carrier would report it at `input.now`. Deterministic: the
 * same input gives the same result, and a later `now` only adds newer events.
 */
export function simulateTracking(input: SimulateTrackingInput): TrackingResult {
  const family = carrierFamily(input.carrierCode);
  if (family === null) throw new Error(`No simulated tracking for carrier "${input.carrierCode}"`);
  const journey = planJourney(input, family);
  const events = journey.events
    .filter((event) => event.at <= input.now)
    .map((event) => trackingEvent(event, family, input))
    .reverse();
  const latest = events[0];
  // Before the label-created event the carrier knows the label only from the manifest.
  const current = latest ?? statusFields(carrierEvent(family, 'labelCreated'));
  return {
    statusCode: current.statusCode,
    statusDescription: current.statusDescription,
    statusDetailCode: current.statusDetailCode,
    statusDetailDescription: current.statusDetailDescription,
    carrierStatusCode: current.carrierStatusCode,
    carrierStatusDescription: current.carrierStatusDescription,
    carrierDetailCode: current.carrierDetailCode,
    shipDate: utc(journey.shipDate),
    estimatedDeliveryDate: input.voided ? null : `${journey.deliveryDay}T00:00:00Z`,
    actualDeliveryDate: latest?.statusCode === 'DE' ? latest.occurredAt : null,
    exceptionDescription: latest?.statusCode === 'EX' ? latest.description : null,
    events,
  };
}

function trackingEvent(planned: PlannedEvent, family: CarrierFamily, input: SimulateTrackingInput): TrackingEvent {
  const { stop } = planned;
  const carrier = carrierEvent(family, planned.milestone);
  const delivered = planned.milestone === 'delivered';
  return {
    occurredAt: utc(planned.at),
    carrierOccurredAt: formatWallDateTime(toWallTime(planned.at, stop.timeZone)),
    description: carrier.description,
    cityLocality: stop.cityLocality,
    stateProvince: stop.stateProvince,
    postalCode: stop.postalCode,
    countryCode: stop.countryCode,
    companyName: delivered ? (input.shipTo.companyName ?? null) : null,
    signer: delivered ? signerFor(family, input.shipTo.name) : null,
    eventCode: carrier.carrierDetailCode,
    ...statusFields(carrier),
    latitude: stop.coordinates?.latitude ?? null,
    longitude: stop.coordinates?.longitude ?? null,
  };
}

type StatusFields = Pick<
  TrackingEvent,
  | 'statusCode'
  | 'statusDescription'
  | 'statusDetailCode'
  | 'statusDetailDescription'
  | 'carrierStatusCode'
  | 'carrierStatusDescription'
  | 'carrierDetailCode'
>;

function statusFields(event: CarrierEvent): StatusFields {
  const detail = STATUS_DETAILS[event.statusDetailCode];
  return {
    statusCode: detail.statusCode,
    statusDescription: STATUS_DESCRIPTIONS[detail.statusCode],
    statusDetailCode: event.statusDetailCode,
    statusDetailDescription: detail.description,
    carrierStatusCode: event.carrierStatusCode,
    carrierStatusDescription: event.description,
    carrierDetailCode: event.carrierDetailCode,
  };
}

/** `YYYY-MM-DDTHH:mm:ssZ`, the API's date-time style. */
const utc = (at: Date): string => `${at.toISOString().slice(0, 19)}Z`;
