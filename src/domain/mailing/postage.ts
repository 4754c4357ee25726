// First-Class Mail postage for letters and flats from the published price table
// (reference/domain/rates/usps_first_class_mail_2025-07.json): a first-ounce price plus a price per
// additional ounce (weights round up to the ounce), letters up to 3.5 oz, flats up to 13 oz.
import { readReferenceJson } from '../rating/reference-data.ts';
import { invalidField } from '../errors.ts';
import type { MailClass, MailPieceInput, PieceDimensionsIn, Postage } from './types.ts';

interface Size {
  length: number;
  height: number;
  thickness: number;
}

interface PriceTable {
  letters: {
    stamped_first_ounce_cents: number;
    metered_first_ounce_cents: number;
    additional_ounce_cents: number;
    nonmachinable_surcharge_cents: number;
    max_ounces: number;
  };
  flats: { first_ounce_cents: number; additional_ounce_cents: number; max_ounces: number };
  size_limits_in: { letter_min: Size; letter_max: Size; flat_max: Size; machinable_aspect_ratio: { min: number; max: number } };
}

export const FIRST_CLASS_MAIL_PRICES = readReferenceJson<PriceTable>('rates/usps_first_class_mail_2025-07.json');
const { letters, flats, size_limits_in: limits } = FIRST_CLASS_MAIL_PRICES;

export const LETTER_MAX_OUNCES = letters.max_ounces;
export const FLAT_MAX_OUNCES = flats.max_ounces;

/** Package codes that name a class outright (V2 package codes of the stamps_com catalog). */
const CLASS_BY_PACKAGE: Record<string, MailClass> = { letter: 'letter', large_envelope_or_flat: 'flat', flat: 'flat', large_envelope: 'flat' };

const within = (d: PieceDimensionsIn, max: Size) => d.length <= max.length && d.height <= max.height && d.thickness <= max.thickness;

/** Letter when it fits letter size and weight, else flat when it fits a flat; otherwise a field error. */
export function mailClassOf(piece: Pick<MailPieceInput, 'path' | 'packageCode' | 'weightOz' | 'dimensions'>, allowed: readonly MailClass[]): MailClass {
  const requested = piece.packageCode ? CLASS_BY_PACKAGE[piece.packageCode] : undefined;
  if (piece.packageCode && !requested) {
    throw invalidField(`${piece.path}.packages[0].package_code`, `First-Class Mail takes letter or large_envelope_or_flat, not ${piece.packageCode}`, piece.packageCode);
  }
  const d = piece.dimensions;
  if (d && (d.length < limits.letter_min.length || d.height < limits.letter_min.height || d.thickness < limits.letter_min.thickness)) {
    throw invalidField(`${piece.path}.packages[0].dimensions`, `mail pieces must be at least ${limits.letter_min.length} x ${limits.letter_min.height} x ${limits.letter_min.thickness} in`, d);
  }
  const fitsLetter = piece.weightOz <= letters.max_ounces && (!d || within(d, limits.letter_max));
  // A mailing that prints letters only (a #10 envelope) checks the piece as a letter.
  const mailClass: MailClass = requested ?? (allowed.length === 1 ? allowed[0] : fitsLetter ? 'letter' : 'flat');
  if (mailClass === 'letter' && !fitsLetter) {
    const field = piece.weightOz > letters.max_ounces ? 'packages[0].weight' : 'packages[0].dimensions';
    throw invalidField(`${piece.path}.${field}`, `a letter weighs at most ${letters.max_ounces} oz and measures at most ${limits.letter_max.length} x ${limits.letter_max.height} x ${limits.letter_max.thickness} in; send it as a flat`, field.endsWith('weight') ? piece.weightOz : d);
  }
  if (mailClass === 'flat') {
    if (piece.weightOz > flats.max_ounces) {
      throw invalidField(`${piece.path}.packages[0].weight`, `First-Class Mail flats weigh at most ${flats.max_ounces} oz; heavier pieces ship as packages`, piece.weightOz);
    }
    if (d && !within(d, limits.flat_max)) {
      throw invalidField(`${piece.path}.packages[0].dimensions`, `First-Class Mail flats measure at most ${limits.flat_max.length} x ${limits.flat_max.height} x ${limits.flat_max.thickness} in`, d);
    }
  }
  if (!allowed.includes(mailClass)) {
    throw invalidField(`${piece.path}.packages[0]`, `this mailing takes ${allowed.join(' or ')} pieces only, not a ${mailClass}`, mailClass);
  }
  return mailClass;
}

/** A letter outside the machinable aspect ratio (or declared non-machinable) pays the surcharge. */
export function isNonMachinable(piece: Pick<MailPieceInput, 'dimensions' | 'nonMachinable'>): boolean {
  if (piece.nonMachinable) return true;
  const d = piece.dimensions;
  if (!d) return false;
  const ratio = d.length / d.height;
  return ratio < limits.machinable_aspect_ratio.min || ratio > limits.machinable_aspect_ratio.max;
}

export function postageFor(mailClass: MailClass, weightOz: number, priceKind: Postage['priceKind'], nonMachinable: boolean): Postage {
  const billedOunces = Math.max(1, Math.ceil(weightOz - 1e-9));
  const first = mailClass === 'flat' ? flats.first_ounce_cents : priceKind === 'stamped' ? letters.stamped_first_ounce_cents : letters.metered_first_ounce_cents;
  const extra = mailClass === 'flat' ? flats.additional_ounce_cents : letters.additional_ounce_cents;
  const baseCents = first + (billedOunces - 1) * extra;
  const nonMachinableCents = mailClass === 'letter' && nonMachinable ? letters.nonmachinable_surcharge_cents : 0;
  return { mailClass, billedOunces, baseCents, nonMachinableCents, totalCents: baseCents + nonMachinableCents, priceKind };
}
