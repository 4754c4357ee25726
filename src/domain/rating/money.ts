// Integer-cent arithmetic. Dollar strings are parsed digit by digit so "35.62" is exactly 3562.
import type { Cents } from '../shipping-types.ts';

/** "12.5", "35.62" or 35.62 -> cents. A trailing "*" (estimated cell marker in the FedEx table) is ignored. */
export function dollarsToCents(value: string | number): Cents {
  const text = typeof value === 'number' ? value.toFixed(2) : value.replace(/\*$/, '').trim();
  const match = /^(\d+)(?:\.(\d{1,2}))?$/.exec(text);
  if (!match) throw new Error(`Not a dollar amount: "${String(value)}"`);
  const [, whole, fraction = ''] = match;
  return Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
}

/** Percentage of an amount, e.g. fuel at 18.5 %, rounded half up to the cent. */
export function percentOf(amount: Cents, percent: number): Cents {
  return Math.round((amount * Math.round(percent * 100)) / 10_000);
}

/** Scales an amount by a factor such as 1.02, rounded to the cent. */
export function scaleCents(amount: Cents, factor: number): Cents {
  return Math.round((amount * Math.round(factor * 10_000)) / 10_000);
}
