// A label's tracking, derived from elapsed time since it was bought (the clock is controllable).
import { simulateTracking, type TrackingResult } from '../tracking/index.ts';
import type { Label } from './types.ts';

export function trackLabel(label: Label, now: Date): TrackingResult {
  return simulateTracking({
    carrierCode: label.carrierCode,
    serviceCode: label.serviceCode,
    trackingNumber: label.trackingNumber,
    shipDate: label.createdAt,
    estimatedDeliveryDate: label.estimatedDeliveryDate,
    shipFrom: label.shipFrom,
    shipTo: label.shipTo,
    now,
    voided: label.status === 'voided',
  });
}

/** Once a carrier has scanned the package it is moving: it can no longer be voided. */
export function isInCarrierHands(tracking: TrackingResult): boolean {
  return tracking.events.some((e) => !['UN', 'AC', 'NY'].includes(e.statusCode));
}
