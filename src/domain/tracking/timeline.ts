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
  const planned = plannedTracking(input, family);
  const { journey } = planned;
  const all = wireEvents(planned, family, input);
  const events: TrackingEvent[] = [];
  for (let i = all.length - 1; i >= 0; i--) if (all[i].at <= input.now) events.push({ ...all[i].event });
  const latest = events[0];
  const current = latest ?? beforeFirstEvent(family);
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

/** Only the status code of `simulateTracking` at `input.now`: a label read needs no event list. */
export function simulatedStatusCode(input: SimulateTrackingInput): TrackingEvent['statusCode'] {
  const family = carrierFamily(input.carrierCode);
  if (family === null) throw new Error(`No simulated tracking for carrier "${input.carrierCode}"`);
  const { events } = plannedTracking(input, family).journey;
  for (let i = events.length - 1; i >= 0; i--) if (events[i].at <= input.now) return statusFields(carrierEvent(family, events[i].milestone)).statusCode;
  return beforeFirstEvent(family).statusCode;
}

/**
 * When each event of the journey happens, oldest first, in epoch milliseconds of whole seconds (as
 * the events report them): what a tracked parcel's cursor needs, without the events themselves.
 */
export function plannedEventTimes(input: Omit<SimulateTrackingInput, 'now'>): number[] {
  const family = carrierFamily(input.carrierCode);
  if (family === null) throw new Error(`No simulated tracking for carrier "${input.carrierCode}"`);
  return plannedTracking(input, family).journey.events.map((event) => Math.floor(event.at.getTime() / 1000) * 1000);
}

/** Before the label-created event the carrier knows the label only from the manifest. */
const beforeFirstEvent = (family: CarrierFamily): StatusFields => statusFields(carrierEvent(family, 'labelCreated'));

interface Planned {
  journey: ReturnType<typeof planJourney>;
  /** Every event of the journey, oldest first, in wire shape: made when tracking is first read. */
  wire?: { at: Date; event: TrackingEvent }[];
}

function wireEvents(planned: Planned, family: CarrierFamily, input: SimulateTrackingInput): { at: Date; event: TrackingEvent }[] {
  planned.wire ??= planned.journey.events.map((event) => ({ at: event.at, event: trackingEvent(event, family, input) }));
  return planned.wire;
}

// The journey depends on the label's fixed facts only (tracking number, service, addresses, purchase
// instant, voided), never on `now`: planned once and kept, a read only cuts it at the (test) clock.
// One kept journey held ~9.5 KB of heap with its ~11 events in wire shape: 10,000 of them were 95 MB
// of a 10,000-label batch's main heap, which plans every label once and never reads it again. The
// labels read over and over are few; a thousand recent ones is plenty. The wire shape is made on the
// first tracking read: a purchase needs only the event times (its parcel's cursor) and a status code.
const plannedJourneys = new Map<string, Planned>();
const PLANNED_MAX = 1_000;

function plannedTracking(input: Omit<SimulateTrackingInput, 'now'>, family: CarrierFamily): Planned {
  const key = JSON.stringify([
    input.carrierCode,
    input.serviceCode,
    input.trackingNumber,
    input.shipDate,
    input.estimatedDeliveryDate,
    input.voided === true,
    input.shipFrom,
    input.shipTo,
  ]);
  let planned = plannedJourneys.get(key);
  if (planned) {
    plannedJourneys.delete(key);
  } else {
    planned = { journey: planJourney(input, family) };
    if (plannedJourneys.size >= PLANNED_MAX) plannedJourneys.delete(plannedJourneys.keys().next().value!);
  }
  plannedJourneys.set(key, planned);
  return planned;
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
