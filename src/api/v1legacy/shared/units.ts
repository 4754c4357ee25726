// V1 weights and dimensions (pounds|ounces|grams, inches|centimeters) in the neutral units.
import type { Dimensions, Weight } from '../../../domain/shipping-types.ts';

export interface V1Weight {
  value: number;
  units: 'pounds' | 'ounces' | 'grams';
}

export interface V1Dimensions {
  length: number;
  width: number;
  height: number;
  units: 'inches' | 'centimeters';
}

const WEIGHT_UNITS = { pounds: 'pound', ounces: 'ounce', grams: 'gram' } as const;
const DIMENSION_UNITS = { inches: 'inch', centimeters: 'centimeter' } as const;

export const fromV1Weight = (w: V1Weight): Weight => ({ value: w.value, unit: WEIGHT_UNITS[w.units] });

export const fromV1Dimensions = (d: V1Dimensions): Dimensions => ({ length: d.length, width: d.width, height: d.height, unit: DIMENSION_UNITS[d.units] });
