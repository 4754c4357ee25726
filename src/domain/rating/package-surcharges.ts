// Size- and weight-driven surcharges and limits.
import type { Charge } from './charges.ts';
import { otherCharge, shippingCharge } from './charges.ts';
import { amountForZone, DHL_FEES, USPS_FEES, type HandlingSchedule } from './surcharge-schedules.ts';
import { boxVolume, lengthPlusGirth, type Box } from './units.ts';

/** UPS/FedEx: oversize replaces additional handling; of the handling types only the highest applies. */
export type HandlingKind = 'oversize' | 'weight' | 'dimension';

const OVERSIZE_LENGTH_IN = 96;
const OVERSIZE_LENGTH_PLUS_GIRTH_IN = 130;
const AHS_LENGTH_IN = 48;
const AHS_SECOND_SIDE_IN = 30;
const AHS_LENGTH_PLUS_GIRTH_IN = 105;
const AHS_WEIGHT_DOMESTIC_LB = 50;
const AHS_WEIGHT_INTERNATIONAL_LB = 55;

/** Beyond these UPS/FedEx refuse the package (FedEx "unauthorized package"). */
const MAX_LENGTH_IN = 108;
const MAX_LENGTH_PLUS_GIRTH_IN = 165;

export function handlingKind(box: Box | null, actualLb: number, international: boolean): HandlingKind | null {
  if (box && (box.length > OVERSIZE_LENGTH_IN || lengthPlusGirth(box) > OVERSIZE_LENGTH_PLUS_GIRTH_IN)) return 'oversize';
  if (actualLb > (international ? AHS_WEIGHT_INTERNATIONAL_LB : AHS_WEIGHT_DOMESTIC_LB)) return 'weight';
  if (box && (box.length > AHS_LENGTH_IN || box.width > AHS_SECOND_SIDE_IN || lengthPlusGirth(box) > AHS_LENGTH_PLUS_GIRTH_IN)) return 'dimension';
  return null;
}

/** Oversize and dimensional additional handling carry a minimum billable weight. */
export function handlingMinimumBillableLb(kind: HandlingKind | null): number {
  if (kind === 'oversize') return 90;
  if (kind === 'dimension') return 40;
  return 0;
}

const HANDLING_DESCRIPTIONS: Record<HandlingKind, string> = {
  oversize: 'Oversize charge',
  weight: 'Additional handling - weight',
  dimension: 'Additional handling - dimensions',
};

/** `zone` is the domestic zone; international shipments use the flat international amounts. */
export function handlingCharge(kind: HandlingKind, schedule: HandlingSchedule, zone: number | null): Charge {
  const amount = zone === null ? schedule.international[kind] : amountForZone(schedule[kind], zone);
  return shippingCharge(kind === 'oversize' ? 'oversize' : 'handling', HANDLING_DESCRIPTIONS[kind], amount);
}

export function parcelCarrierSizeProblem(box: Box | null): string | null {
  if (!box) return null;
  if (box.length > MAX_LENGTH_IN) return `Package length ${box.length} in exceeds the ${MAX_LENGTH_IN} in maximum`;
  const girth = lengthPlusGirth(box);
  if (girth > MAX_LENGTH_PLUS_GIRTH_IN) return `Package length plus girth ${girth} in exceeds the ${MAX_LENGTH_PLUS_GIRTH_IN} in maximum`;
  return null;
}

const USPS_LONG_IN = 22;
const USPS_VERY_LONG_IN = 30;
const USPS_LARGE_VOLUME_IN3 = 2 * 1728;

/** USPS nonstandard fees: one length fee (the higher tier wins) plus the volume fee when over 2 cubic feet.
 *  They are fees, not postage, so they go to other_amount with their own rate_details line. */
export function uspsNonstandardCharges(box: Box | null): Charge[] {
  if (!box) return [];
  const charges: Charge[] = [];
  if (box.length > USPS_VERY_LONG_IN) charges.push(otherCharge('oversize', 'Nonstandard length fee (over 30 in)', USPS_FEES.nonstandardLengthOver30));
  else if (box.length > USPS_LONG_IN) charges.push(otherCharge('oversize', 'Nonstandard length fee (over 22 in)', USPS_FEES.nonstandardLengthOver22));
  if (boxVolume(box) > USPS_LARGE_VOLUME_IN3) charges.push(otherCharge('oversize', 'Nonstandard volume fee (over 2 cu ft)', USPS_FEES.nonstandardVolumeOver2CuFt));
  return charges;
}

export function uspsSizeProblem(box: Box | null, maxLengthPlusGirthIn: number): string | null {
  if (!box) return null;
  const girth = lengthPlusGirth(box);
  return girth > maxLengthPlusGirthIn ? `Package length plus girth ${girth} in exceeds the ${maxLengthPlusGirthIn} in maximum` : null;
}

/** DHL oversize piece: any side over 120 cm (threshold from general DHL terms; the amount is from the 2025 guide). */
const DHL_OVERSIZE_SIDE_IN = 120 / 2.54;

export function dhlOversizeCharge(box: Box | null): Charge | null {
  return box && box.length > DHL_OVERSIZE_SIDE_IN ? shippingCharge('oversize', 'Oversize piece', DHL_FEES.oversizePiece) : null;
}
