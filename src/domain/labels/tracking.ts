// A label's tracking, derived from elapsed time since it was bought (the clock is controllable).
import { plannedEventTimes, simulatedStatusCode, simulateTracking, type SimulateTrackingInput, type TrackingResult } from '../tracking/index.ts';
import type { Label } from './types.ts';

export function trackLabel(label: Label, now: Date): TrackingResult {
  return simulateTracking(trackingInput(label, now));
}

/** The label's tracking status code at `now`, without its events (what a label object shows). */
export function labelStatusCode(label: Label, now: Date): Pick<TrackingResult, 'statusCode'> {
  return { statusCode: simulatedStatusCode(trackingInput(label, now)) };
}

/** When the label's simulated events happen, oldest first (epoch ms, whole seconds). */
export function labelEventTimes(label: Label): number[] {
  return plannedEventTimes(journeyFacts(label));
}

/** What the label's journey is planned from: everything but the clock. */
function journeyFacts(label: Label): Omit<SimulateTrackingInput, 'now'> {
  return {
    carrierCode: label.carrierCode,
    serviceCode: label.serviceCode,
    trackingNumber: label.trackingNumber,
    shipDate: label.createdAt,
    estimatedDeliveryDate: label.estimatedDeliveryDate,
    shipFrom: label.shipFrom,
    shipTo: label.shipTo,
    voided: label.status === 'voided',
  };
}

const trackingInput = (label: Label, now: Date): SimulateTrackingInput => ({ ...journeyFacts(label), now });

/** Once a carrier has scanned the package it is moving: it can no longer be voided. */
export function isInCarrierHands(tracking: TrackingResult): boolean {
  return tracking.events.some((e) => !['UN', 'AC', 'NY'].includes(e.statusCode));
}
