// Ship-to names that steer a label's tracking into an unhappy path, so API users can test
// their handling of it. Matching is case-insensitive on a substring; the first match wins.
import type { PostalAddress } from '../shipping-types.ts';

export type TrackingScenario =
  | 'delivered'
  | 'not_yet_in_system'
  | 'lost'
  | 'return_to_sender'
  | 'exception'
  | 'delivery_attempt'
  | 'held_for_pickup';

export interface TrackingMagicValue {
  trigger: string;
  field: 'shipTo.name';
  scenario: Exclude<TrackingScenario, 'delivered'>;
  effect: string;
}

export const TRACKING_MAGIC_VALUES: readonly TrackingMagicValue[] = [
  {
    trigger: 'NOT YET IN SYSTEM',
    field: 'shipTo.name',
    scenario: 'not_yet_in_system',
    effect: 'Only the label-created event; the status stays NY (Not Yet In System).',
  },
  {
    trigger: 'LOST IN TRANSIT',
    field: 'shipTo.name',
    scenario: 'lost',
    effect: 'Scans stop after the first hub; 7 days later an EX / PARCEL_LOST event. Never delivered.',
  },
  {
    trigger: 'RETURN TO SENDER',
    field: 'shipTo.name',
    scenario: 'return_to_sender',
    effect: 'Delivery attempt (AT) on the estimated delivery date, then EX / RETURN_TO_SENDER the next business day.',
  },
  {
    trigger: 'EXCEPTION',
    field: 'shipTo.name',
    scenario: 'exception',
    effect: 'Arrives at the destination facility, then EX / CARRIER_DELAYS on the estimated delivery date. Never delivered.',
  },
  {
    trigger: 'ATTEMPT',
    field: 'shipTo.name',
    scenario: 'delivery_attempt',
    effect: 'Delivery attempt (AT / ATTEMPTED_DELIVERY) on the estimated delivery date, delivered (DE) the next business day.',
  },
  {
    trigger: 'HOLD FOR PICKUP',
    field: 'shipTo.name',
    scenario: 'held_for_pickup',
    effect: 'Held for customer pickup (SP) at the destination on the estimated delivery date instead of being delivered.',
  },
];

export function trackingScenario(shipTo: PostalAddress): TrackingScenario {
  const name = shipTo.name.toUpperCase();
  return TRACKING_MAGIC_VALUES.find((magic) => name.includes(magic.trigger))?.scenario ?? 'delivered';
}
