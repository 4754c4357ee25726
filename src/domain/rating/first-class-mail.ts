// USPS First-Class Mail for letters, flats and postcards. Not zone-priced: a first-ounce price plus a price per
// additional ounce. Letters and flats are priced by the mailing rule from the published table
// (reference/domain/rates/usps_first_class_mail_2025-07.json, retail "stamped" prices); the postcard
// price (61c from 2025-07-13, as announced) has no table yet.
import { FLAT_MAX_OUNCES, LETTER_MAX_OUNCES, postageFor } from '../mailing/postage.ts';
import type { Cents } from '../shipping-types.ts';

const POSTCARD_CENTS = 61;
const MAX_OUNCES: Readonly<Record<string, number>> = { postcard: 1, letter: LETTER_MAX_OUNCES, large_envelope_or_flat: FLAT_MAX_OUNCES };

export const FIRST_CLASS_MAIL_PACKAGES: readonly string[] = Object.keys(MAX_OUNCES);

/** Price by ounce (rounded up), or null when the piece type is not First-Class Mail or is too heavy. */
export function firstClassMailPrice(packageCode: string, weightLb: number): { cents: Cents; billedOunces: number } | null {
  const maxOunces = MAX_OUNCES[packageCode];
  if (maxOunces === undefined) return null;
  const ounces = weightLb * 16;
  if (ounces > maxOunces) return null;
  if (packageCode === 'postcard') return { cents: POSTCARD_CENTS, billedOunces: 1 };
  const postage = postageFor(packageCode === 'letter' ? 'letter' : 'flat', ounces, 'stamped', false);
  return { cents: postage.totalCents, billedOunces: postage.billedOunces };
}
