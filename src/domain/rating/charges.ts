// A rate is a list of charges; each lands in one ShipEngine amount bucket and one rate_detail_type.
// The bucket totals and the detail lines are both derived from the same list, so they always sum to the total.
import type { Cents } from '../shipping-types.ts';
import { percentOf } from './money.ts';

/** ShipEngine `rate_detail_type` enum (reference/specs/shipengine.openapi.yaml). */
export type RateDetailType =
  | 'uncategorized'
  | 'shipping'
  | 'insurance'
  | 'confirmation'
  | 'discount'
  | 'fuel_charge'
  | 'additional_fees'
  | 'tariff'
  | 'tax'
  | 'delivery'
  | 'handling'
  | 'special_goods'
  | 'pickup'
  | 'location_fee'
  | 'oversize'
  | 'returns'
  | 'notifications'
  | 'tip'
  | 'duties_and_taxes'
  | 'brokerage_fee'
  | 'admin_fee'
  | 'adjustment';

/** shipping = base + fuel + residential + delivery area + handling; the rest go to their own amount. */
export type ChargeBucket = 'shipping' | 'insurance' | 'confirmation' | 'other';

export interface Charge {
  type: RateDetailType;
  description: string;
  amountCents: Cents;
  bucket: ChargeBucket;
  /** Fuel is a percentage of transportation and most surcharges, never of insurance or confirmation. */
  fuelable: boolean;
}

export interface RateDetail {
  type: RateDetailType;
  description: string;
  amountCents: Cents;
}

export interface RateAmounts {
  shippingCents: Cents;
  insuranceCents: Cents;
  confirmationCents: Cents;
  otherCents: Cents;
  totalCents: Cents;
  details: RateDetail[];
}

export function shippingCharge(type: RateDetailType, description: string, amountCents: Cents): Charge {
  return { type, description, amountCents, bucket: 'shipping', fuelable: true };
}

export function insuranceCharge(description: string, amountCents: Cents): Charge {
  return { type: 'insurance', description, amountCents, bucket: 'insurance', fuelable: false };
}

export function confirmationCharge(description: string, amountCents: Cents): Charge {
  return { type: 'confirmation', description, amountCents, bucket: 'confirmation', fuelable: false };
}

export function otherCharge(type: RateDetailType, description: string, amountCents: Cents, fuelable = false): Charge {
  return { type, description, amountCents, bucket: 'other', fuelable };
}

/** Appends the fuel surcharge computed on the fuelable charges. */
export function withFuelSurcharge(charges: Charge[], percent: number): Charge[] {
  const base = charges.filter((charge) => charge.fuelable).reduce((sum, charge) => sum + charge.amountCents, 0);
  const fuel = percentOf(base, percent);
  return [...charges, { type: 'fuel_charge', description: `Fuel surcharge (${percent}%)`, amountCents: fuel, bucket: 'shipping', fuelable: false }];
}

/** Sums per-parcel charge lists line by line (same type, bucket and description), keeping first-seen order. */
export function combineCharges(lists: Charge[][]): Charge[] {
  const combined = new Map<string, Charge>();
  for (const charge of lists.flat()) {
    const key = `${charge.bucket}|${charge.type}|${charge.description}`;
    const existing = combined.get(key);
    combined.set(key, existing ? { ...existing, amountCents: existing.amountCents + charge.amountCents } : { ...charge });
  }
  return [...combined.values()];
}

export function summarizeCharges(charges: Charge[]): RateAmounts {
  const kept = charges.filter((charge) => charge.amountCents !== 0);
  const bucketTotal = (bucket: ChargeBucket) => kept.filter((charge) => charge.bucket === bucket).reduce((sum, charge) => sum + charge.amountCents, 0);
  const shippingCents = bucketTotal('shipping');
  const insuranceCents = bucketTotal('insurance');
  const confirmationCents = bucketTotal('confirmation');
  const otherCents = bucketTotal('other');
  return {
    shippingCents,
    insuranceCents,
    confirmationCents,
    otherCents,
    totalCents: shippingCents + insuranceCents + confirmationCents + otherCents,
    details: kept.map(({ type, description, amountCents }) => ({ type, description, amountCents })),
  };
}
