// USPS First-Class Mail for letters, flats and postcards. Not zone-priced: a first-ounce price plus a price per
// additional ounce. The reference data has no First-Class table; these are the retail prices in force from
// 2025-07-13 (letter 78c, additional ounce 29c, postcard 61c, as announced; the flat 1-oz price is approximate).
import type { Cents } from '../shipping-types.ts';

interface MailPiecePricing {
  firstOunceCents: Cents;
  additionalOunceCents: Cents;
  maxOunces: number;
}

const FIRST_CLASS_MAIL: Readonly<Record<string, MailPiecePricing>> = {
  postcard: { firstOunceCents: 61, additionalOunceCents: 0, maxOunces: 1 },
  letter: { firstOunceCents: 78, additionalOunceCents: 29, maxOunces: 3.5 },
  large_envelope_or_flat: { firstOunceCents: 163, additionalOunceCents: 29, maxOunces: 13 },
};

export const FIRST_CLASS_MAIL_PACKAGES: readonly string[] = Object.keys(FIRST_CLASS_MAIL);

/** Price by ounce (rounded up), or null when the piece type is not First-Class Mail or is too heavy. */
export function firstClassMailPrice(packageCode: string, weightLb: number): { cents: Cents; billedOunces: number } | null {
  const pricing = FIRST_CLASS_MAIL[packageCode];
  if (!pricing) return null;
  const ounces = weightLb * 16;
  if (ounces > pricing.maxOunces) return null;
  const billedOunces = Math.max(1, Math.ceil(ounces));
  return { cents: pricing.firstOunceCents + (billedOunces - 1) * pricing.additionalOunceCents, billedOunces };
}
