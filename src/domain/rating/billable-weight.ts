// Billable weight = the greater of actual and dimensional weight, per carrier rule.
import { boxVolume, roundBoxToInches, type Box } from './units.ts';

export interface DimWeightRule {
  /** Cubic inches per pound. */
  divisor: number;
  /** Dimensional weight applies only above this volume (USPS: 1 cubic foot); 0 = always. */
  minVolumeIn3: number;
  roundSidesToInch: boolean;
}

/** Volume multiplier for cylinders and tubes (USPS nonrectangular rule). */
export const NONRECTANGULAR_VOLUME_FACTOR = 0.785;

export const DIM_RULES = {
  ups: { divisor: 139, minVolumeIn3: 0, roundSidesToInch: true },
  fedex: { divisor: 139, minVolumeIn3: 0, roundSidesToInch: true },
  dhlExpressUs: { divisor: 139, minVolumeIn3: 0, roundSidesToInch: false },
  usps: { divisor: 166, minVolumeIn3: 1728, roundSidesToInch: true },
} as const satisfies Record<string, DimWeightRule>;

/** Dimensional weight in whole pounds (rounded up), or 0 when the rule does not apply. */
export function dimensionalWeightLb(box: Box | null, rule: DimWeightRule, volumeFactor = 1): number {
  if (!box) return 0;
  const measured = rule.roundSidesToInch ? roundBoxToInches(box) : box;
  const volume = boxVolume(measured) * volumeFactor;
  if (volume <= rule.minVolumeIn3) return 0;
  return Math.ceil(volume / rule.divisor);
}

export interface BillableWeight {
  /** max(actual, dimensional); rate tables then round it up to their next "not over" row. */
  weightLb: number;
  dimensional: boolean;
}

export function billableWeight(actualLb: number, box: Box | null, rule: DimWeightRule, volumeFactor = 1): BillableWeight {
  const dimLb = dimensionalWeightLb(box, rule, volumeFactor);
  return dimLb > actualLb ? { weightLb: dimLb, dimensional: true } : { weightLb: actualLb, dimensional: false };
}
