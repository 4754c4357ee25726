// Postal-code rules for the most shipped-to countries. A country listed here needs a postal
// code in this format. Any other country (including those without postal codes, such as AE
// or HK) is accepted with or without one, since nothing can be proved about it.

interface PostalCodeFormat {
  /** Tested against the code uppercased with surrounding/double spaces collapsed. */
  pattern: RegExp;
  /** Rewrites a matching code into the form the national post prints. */
  canonical?: (code: string) => string;
  /** Ireland's Eircode is not yet universal, so an address may lack one. */
  optional?: true;
}

const compact = (code: string): string => code.replace(/[\s-]/g, '');
const spaceBeforeLast = (n: number) => (code: string) => {
  const c = compact(code);
  return `${c.slice(0, -n)} ${c.slice(-n)}`;
};
const hyphenAfter = (n: number) => (code: string) => {
  const c = compact(code);
  return `${c.slice(0, n)}-${c.slice(n)}`;
};
const zipPlusFour = (code: string): string => {
  const c = compact(code);
  return c.length === 5 ? c : hyphenAfter(5)(c);
};
const prefixed = (prefix: string) => (code: string) => `${prefix}${code.replace(/^[A-Z]+-?/, '')}`;

const FIVE_DIGITS = { pattern: /^\d{5}$/ };
const FOUR_DIGITS = { pattern: /^\d{4}$/ };
const SIX_DIGITS = { pattern: /^\d{6}$/ };

const POSTAL_CODE_FORMATS: Readonly<Record<string, PostalCodeFormat>> = {
  US: { pattern: /^\d{5}([- ]?\d{4})?$/, canonical: zipPlusFour },
  CA: { pattern: /^[ABCEGHJ-NPRSTVXY]\d[ABCEGHJ-NPRSTV-Z] ?\d[ABCEGHJ-NPRSTV-Z]\d$/, canonical: spaceBeforeLast(3) },
  GB: {
    pattern: /^(GIR ?0AA|[A-PR-UWYZ](\d{1,2}|[A-HK-Y]\d[\dABEHMNPRV-Y]?|\d[A-HJKPS-UW]) ?\d[ABD-HJLNP-UW-Z]{2})$/,
    canonical: spaceBeforeLast(3),
  },
  IE: { pattern: /^([AC-FHKNPRTV-Y]\d{2}|D6W) ?[\dAC-FHKNPRTV-Y]{4}$/, canonical: spaceBeforeLast(4), optional: true },
  MX: FIVE_DIGITS,
  DE: FIVE_DIGITS,
  FR: FIVE_DIGITS,
  IT: FIVE_DIGITS,
  ES: { pattern: /^(0[1-9]|[1-4]\d|5[0-2])\d{3}$/ },
  PT: { pattern: /^\d{4}-?\d{3}$/, canonical: hyphenAfter(4) },
  NL: { pattern: /^[1-9]\d{3} ?[A-Z]{2}$/, canonical: spaceBeforeLast(2) },
  BE: FOUR_DIGITS,
  LU: { pattern: /^(L-?)?\d{4}$/, canonical: prefixed('L-') },
  CH: FOUR_DIGITS,
  AT: FOUR_DIGITS,
  DK: FOUR_DIGITS,
  NO: FOUR_DIGITS,
  SE: { pattern: /^\d{3} ?\d{2}$/, canonical: spaceBeforeLast(2) },
  FI: FIVE_DIGITS,
  IS: { pattern: /^\d{3}$/ },
  PL: { pattern: /^\d{2}-?\d{3}$/, canonical: hyphenAfter(2) },
  CZ: { pattern: /^\d{3} ?\d{2}$/, canonical: spaceBeforeLast(2) },
  SK: { pattern: /^\d{3} ?\d{2}$/, canonical: spaceBeforeLast(2) },
  GR: { pattern: /^\d{3} ?\d{2}$/, canonical: spaceBeforeLast(2) },
  HU: FOUR_DIGITS,
  RO: SIX_DIGITS,
  SI: FOUR_DIGITS,
  HR: FIVE_DIGITS,
  EE: FIVE_DIGITS,
  LV: { pattern: /^(LV-?)?\d{4}$/, canonical: prefixed('LV-') },
  LT: { pattern: /^(LT-?)?\d{5}$/, canonical: prefixed('LT-') },
  UA: FIVE_DIGITS,
  TR: FIVE_DIGITS,
  RU: SIX_DIGITS,
  IL: { pattern: /^\d{5}(\d{2})?$/ },
  SA: { pattern: /^\d{5}([- ]?\d{4})?$/, canonical: zipPlusFour },
  AU: FOUR_DIGITS,
  NZ: FOUR_DIGITS,
  JP: { pattern: /^\d{3}-?\d{4}$/, canonical: hyphenAfter(3) },
  KR: FIVE_DIGITS,
  CN: SIX_DIGITS,
  TW: { pattern: /^\d{3}(\d{2,3})?$/ },
  IN: { pattern: /^[1-9]\d{2} ?\d{3}$/, canonical: compact },
  SG: SIX_DIGITS,
  MY: FIVE_DIGITS,
  TH: FIVE_DIGITS,
  ID: FIVE_DIGITS,
  VN: SIX_DIGITS,
  PH: FOUR_DIGITS,
  BR: { pattern: /^\d{5}-?\d{3}$/, canonical: hyphenAfter(5) },
  AR: { pattern: /^([A-HJ-NP-Z]\d{4}[A-Z]{3}|\d{4})$/ },
  CL: { pattern: /^\d{7}$/ },
  CO: SIX_DIGITS,
  ZA: FOUR_DIGITS,
};

export type PostalCodeCheck =
  | { kind: 'valid'; postalCode: string }
  | { kind: 'missing' }
  | { kind: 'malformed' }
  /** No rule for this country (or an optional code left out): nothing to prove. */
  | { kind: 'unchecked'; postalCode: string };

export function tidyPostalCode(code: string | null | undefined): string {
  return (code ?? '').trim().toUpperCase().replace(/\s+/g, ' ');
}

export function checkPostalCode(countryCode: string, code: string | null | undefined): PostalCodeCheck {
  const postalCode = tidyPostalCode(code);
  const format = POSTAL_CODE_FORMATS[countryCode];
  if (!format) return { kind: 'unchecked', postalCode };
  if (!postalCode) return format.optional ? { kind: 'unchecked', postalCode } : { kind: 'missing' };
  if (!format.pattern.test(postalCode)) return { kind: 'malformed' };
  return { kind: 'valid', postalCode: format.canonical ? format.canonical(postalCode) : postalCode };
}

/** The national form of a well-formed code ("k1a0b1" -> "K1A 0B1"); otherwise the code tidied. */
export function canonicalPostalCode(countryCode: string, code: string | null | undefined): string {
  const check = checkPostalCode(countryCode, code);
  return check.kind === 'valid' ? check.postalCode : tidyPostalCode(code);
}
