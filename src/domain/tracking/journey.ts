// The whole life of a parcel planned up front, independent of the clock: what happens where
// and when. The timeline then shows the part of it that lies before `now`, so tracking
// advances with a controllable clock and never rewrites its past.
import { formatWallDate, toWallTime } from '../time/zoned.ts';
import {
  addBusinessDays,
  addDays,
  atLocalTime,
  businessDayOnOrAfter,
  nextBusinessDay,
} from './calendar.ts';
import type { CarrierFamily } from './carrier-family.ts';
import { distanceMiles } from './geo.ts';
import { CARRIER_EVENTS } from './carrier-events.ts';
import type { Milestone } from './carrier-events.ts';
import { trackingScenario } from './magic-values.ts';
import type { TrackingScenario } from './magic-values.ts';
import { normalizeTrackingNumber } from './numbers/index.ts';
import { seededRandom } from './prng.ts';
import type { Random } from './prng.ts';
import { planRoute } from './route.ts';
import type { Route, Stop } from './route.ts';
import { deliveryWindow, travelsByAir } from './service-profile.ts';
import { typicalTransitDays } from './transit-days.ts';
import type { SimulateTrackingInput } from './types.ts';

export interface PlannedEvent {
  milestone: Milestone;
  at: Date;
  stop: Stop;
}

export interface Journey {
  /** Oldest first. */
  events: PlannedEvent[];
  /** The label's ship date: its instant, or 00:00Z of a bare `YYYY-MM-DD`. */
  shipDate: Date;
  /** The day delivery is planned for (`YYYY-MM-DD`). */
  deliveryDay: string;
}

const MINUTE_MS = 60_000;
const DAY_PATTERN = /^\d{4}-\d{2}-\d{2}$/;

const plus = (at: Date, minutes: number): Date => new Date(at.getTime() + minutes * MINUTE_MS);
const later = (a: Date, b: Date): Date => (a > b ? a : b);
const localDay = (at: Date, stop: Stop): string => formatWallDate(toWallTime(at, stop.timeZone));

export function planJourney(input: Omit<SimulateTrackingInput, 'now'>, family: CarrierFamily): Journey {
  const random = seededRandom(normalizeTrackingNumber(input.trackingNumber));
  const route = planRoute(family, input.serviceCode, input.shipFrom, input.shipTo, random);
  const { origin, destination } = route;
  const window = deliveryWindow(input.serviceCode);

  // Every draw happens in the same order whatever the scenario, so the unhappy paths share
  // the happy path's history up to the point where they leave it.
  const shipDay = input.shipDate.slice(0, 10);
  const dateOnly = DAY_PATTERN.test(input.shipDate);
  const shipDate = dateOnly ? new Date(`${shipDay}T00:00:00Z`) : parseInstant(input.shipDate);
  const labelCreatedAt = dateOnly ? atLocalTime(shipDay, random.int(8 * 60, 12 * 60), origin.timeZone) : shipDate;
  const pickupMinute = random.int(15 * 60 + 30, 19 * 60);
  let pickupDay = businessDayOnOrAfter(shipDay);
  while (atLocalTime(pickupDay, pickupMinute, origin.timeZone) <= labelCreatedAt) pickupDay = nextBusinessDay(pickupDay);
  const acceptedAt = atLocalTime(pickupDay, pickupMinute, origin.timeZone);
  const departedOriginAt = plus(acceptedAt, random.int(90, 240));

  const plannedDay = input.estimatedDeliveryDate ?? addBusinessDays(pickupDay, typicalTransitDays(input.serviceCode));
  if (!DAY_PATTERN.test(plannedDay)) throw new RangeError(`Bad estimatedDeliveryDate "${plannedDay}"`);
  // Nothing is delivered the day it is picked up, whatever the estimate says.
  const earliestDay = addDays(pickupDay, 1);
  const deliveryDay = plannedDay > earliestDay ? plannedDay : earliestDay;

  const timeToSpareAtDestination = random.int(60, 240);
  const minimumTransit = (route.hubs.length + 1) * 60;
  const outForDeliveryMinute = random.int(...window.outForDelivery);
  const deliveredMinute = random.int(...window.delivered);
  const arrivedAtDestinationAt = later(
    plus(atLocalTime(deliveryDay, outForDeliveryMinute, destination.timeZone), -timeToSpareAtDestination),
    plus(departedOriginAt, minimumTransit),
  );
  const outForDeliveryAt = later(
    atLocalTime(deliveryDay, outForDeliveryMinute, destination.timeZone),
    plus(arrivedAtDestinationAt, 30),
  );
  const deliveredAt = later(atLocalTime(deliveryDay, deliveredMinute, destination.timeZone), plus(outForDeliveryAt, 30));

  const hubTransit: PlannedEvent[] = [
    { milestone: 'accepted', at: acceptedAt, stop: origin },
    { milestone: 'departedOrigin', at: departedOriginAt, stop: origin },
    ...hubEvents(route, travelsByAir(family, input.serviceCode), departedOriginAt, arrivedAtDestinationAt, random),
  ];
  const crossesCustoms = route.international && CARRIER_EVENTS[family].customsCleared !== undefined;
  const transit = [
    ...(crossesCustoms ? withCustomsClearance(route, hubTransit, arrivedAtDestinationAt) : hubTransit),
    { milestone: 'arrivedAtDestination' as const, at: arrivedAtDestinationAt, stop: destination },
  ];

  const retryDay = nextBusinessDay(deliveryDay);
  const outcomes: Outcomes = {
    outForDeliveryAt,
    deliveredAt,
    retryOutForDeliveryAt: atLocalTime(retryDay, random.int(...window.outForDelivery), destination.timeZone),
    retryDeliveredAt: atLocalTime(retryDay, random.int(...window.delivered), destination.timeZone),
    returnedAt: atLocalTime(retryDay, random.int(9 * 60, 12 * 60), destination.timeZone),
    lostMinute: random.int(10 * 60, 16 * 60),
  };
  const labelCreated: PlannedEvent = { milestone: 'labelCreated', at: labelCreatedAt, stop: origin };
  const scenario = input.voided ? 'not_yet_in_system' : trackingScenario(input.shipTo);
  const events =
    scenario === 'not_yet_in_system'
      ? [labelCreated]
      : [labelCreated, ...carrierScans(scenario, transit, destination, outcomes)];
  return { events, shipDate, deliveryDay };
}

/** Times drawn for every way the journey can end. */
interface Outcomes {
  outForDeliveryAt: Date;
  deliveredAt: Date;
  retryOutForDeliveryAt: Date;
  retryDeliveredAt: Date;
  returnedAt: Date;
  lostMinute: number;
}

/** The carrier's scans after the label was created: the transit, then how the journey ends. */
function carrierScans(
  scenario: Exclude<TrackingScenario, 'not_yet_in_system'>,
  transit: PlannedEvent[],
  destination: Stop,
  times: Outcomes,
): PlannedEvent[] {
  const at = (milestone: Milestone, when: Date): PlannedEvent => ({ milestone, at: when, stop: destination });
  switch (scenario) {
    case 'delivered':
      return [...transit, at('outForDelivery', times.outForDeliveryAt), at('delivered', times.deliveredAt)];
    case 'delivery_attempt':
      return [
        ...transit,
        at('outForDelivery', times.outForDeliveryAt),
        at('attempted', times.deliveredAt),
        at('outForDelivery', times.retryOutForDeliveryAt),
        at('delivered', times.retryDeliveredAt),
      ];
    case 'return_to_sender':
      return [
        ...transit,
        at('outForDelivery', times.outForDeliveryAt),
        at('attempted', times.deliveredAt),
        at('returnedToSender', times.returnedAt),
      ];
    case 'exception':
      return [...transit, at('delayed', times.outForDeliveryAt)];
    case 'held_for_pickup':
      return [...transit, at('heldForPickup', times.outForDeliveryAt)];
    case 'lost': {
      // Scans stop after the first hub; a week of silence later the carrier declares it lost.
      const scanned = transit.slice(0, transit.findIndex((event) => event.milestone === 'departedHub') + 1);
      const lastScan = scanned[scanned.length - 1];
      const lostDay = addDays(localDay(lastScan.at, lastScan.stop), 7);
      const lostAt = atLocalTime(lostDay, times.lostMinute, lastScan.stop.timeZone);
      return [...scanned, { milestone: 'lost', at: lostAt, stop: lastScan.stop }];
    }
  }
}

/**
 * Hub arrivals and departures between leaving the origin and reaching the destination.
 * Legs take the time a plane or truck needs for the distance, each hub holds the parcel
 * 1.5-5 hours, and time to spare before the planned delivery is spent waiting at the hubs
 * (over a weekend, for instance). When the plan is tighter than that, everything shrinks.
 */
function hubEvents(route: Route, byAir: boolean, start: Date, end: Date, random: Random): PlannedEvent[] {
  const stops = [route.origin, ...route.hubs, route.destination];
  const legs = stops.slice(1).map((stop, index) => travelMinutes(stops[index], stop, byAir));
  const dwells = route.hubs.map(() => random.int(90, 300));
  const available = (end.getTime() - start.getTime()) / MINUTE_MS;
  const natural = [...legs, ...dwells].reduce((sum, minutes) => sum + minutes, 0);
  const scale = Math.min(1, available / natural);
  const wait = Math.max(0, available - natural) / route.hubs.length;
  let clock = start;
  return route.hubs.flatMap((stop, index) => {
    const arrival = plus(clock, Math.round(legs[index] * scale));
    clock = plus(arrival, Math.round(dwells[index] * scale + wait));
    return [
      { milestone: 'arrivedAtHub' as const, at: arrival, stop },
      { milestone: 'departedHub' as const, at: clock, stop },
    ];
  });
}

/** Loading plus travel at plane or truck speed; an ocean crossing when a place has no coordinates. */
function travelMinutes(from: Stop, to: Stop, byAir: boolean): number {
  if (!from.coordinates || !to.coordinates) return 600;
  const miles = distanceMiles(from.coordinates, to.coordinates);
  return byAir ? 90 + (miles / 450) * 60 : 120 + (miles / 50) * 60;
}

/**
 * Customs clears the parcel where it enters the destination country: at the gateway hub
 * (the last scan so far) for imports into the US, otherwise at the destination just
 * before it reaches the delivery facility.
 */
function withCustomsClearance(route: Route, transit: PlannedEvent[], arrivedAtDestinationAt: Date): PlannedEvent[] {
  const gatewayDeparture = transit[transit.length - 1];
  const gatewayArrival = transit[transit.length - 2];
  if (gatewayDeparture.stop.countryCode === route.destination.countryCode) {
    const at = midpoint(gatewayArrival.at, gatewayDeparture.at);
    return [...transit.slice(0, -1), { milestone: 'customsCleared', at, stop: gatewayDeparture.stop }, gatewayDeparture];
  }
  const at = midpoint(gatewayDeparture.at, arrivedAtDestinationAt);
  return [...transit, { milestone: 'customsCleared', at, stop: route.destination }];
}

const midpoint = (a: Date, b: Date): Date => new Date((a.getTime() + b.getTime()) / 2);

function parseInstant(text: string): Date {
  const instant = new Date(text);
  if (Number.isNaN(instant.getTime())) throw new RangeError(`Bad shipDate "${text}"`);
  return instant;
}
