// Public surface of the tracking domain: tracking numbers and simulated carrier tracking.
export { isValidTrackingNumber, mintTrackingNumber, normalizeTrackingNumber, trackingUrl } from './numbers/index.ts';
export { plannedEventTimes, simulatedStatusCode, simulateTracking } from './timeline.ts';
export { TRACKING_MAGIC_VALUES } from './magic-values.ts';
export type { TrackingMagicValue, TrackingScenario } from './magic-values.ts';
export { labelTrackingStatus, STATUS_DESCRIPTIONS, STATUS_DETAILS } from './status-codes.ts';
export { carrierFamily } from './carrier-family.ts';
export type { CarrierFamily } from './carrier-family.ts';
export type {
  LabelTrackingStatus,
  SimulateTrackingInput,
  StatusDetailCode,
  TrackingEvent,
  TrackingResult,
  TrackingStatusCode,
} from './types.ts';
