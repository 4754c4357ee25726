// Unit conversion and package geometry. Weights become pounds, dimensions inches, sides sorted longest first.
import type { Dimensions, Weight } from '../shipping-types.ts';

const GRAMS_PER_POUND = 453.59237;
const CENTIMETERS_PER_INCH = 2.54;

/** Rounds away float noise (e.g. 1 kg-based values) so "not over" table lookups stay exact. */
function clean(value: number): number {
  return Math.round(value * 1e6) / 1e6;
}

export function weightInPounds(weight: Weight): number {
  switch (weight.unit) {
    case 'pound':
      return clean(weight.value);
    case 'ounce':
      return clean(weight.value / 16);
    case 'gram':
      return clean(weight.value / GRAMS_PER_POUND);
    case 'kilogram':
      return clean((weight.value * 1000) / GRAMS_PER_POUND);
  }
}

/** A rectangular package in inches with length >= width >= height. */
export interface Box {
  length: number;
  width: number;
  height: number;
}

export function boxInInches(dimensions: Dimensions): Box {
  const factor = dimensions.unit === 'centimeter' ? 1 / CENTIMETERS_PER_INCH : 1;
  const [length, width, height] = [dimensions.length, dimensions.width, dimensions.height]
    .map((side) => clean(side * factor))
    .sort((a, b) => b - a);
  return { length, width, height };
}

/** Each side rounded to the nearest inch, .5 up (FedEx/UPS/USPS measuring rule). */
export function roundBoxToInches(box: Box): Box {
  return {
    length: Math.floor(box.length + 0.5),
    width: Math.floor(box.width + 0.5),
    height: Math.floor(box.height + 0.5),
  };
}

export function boxVolume(box: Box): number {
  return box.length * box.width * box.height;
}

export function lengthPlusGirth(box: Box): number {
  return box.length + 2 * (box.width + box.height);
}
