// ISO 3166-1 alpha-2 country codes and English names, from i18n-iso-countries, with English only:
// its index.js, not the package's Node entry (which reads and registers all 80 locales), loaded with
// require (half the start-up cost of importing this CommonJS module as ESM).
import { createRequire } from 'node:module';
import type * as Countries from 'i18n-iso-countries';

const require = createRequire(import.meta.url);
const countries = require('i18n-iso-countries/index.js') as typeof Countries;
countries.registerLocale(require('i18n-iso-countries/langs/en.json') as Countries.LocaleData);

// The 249 officially assigned codes: the library also lists XK (Kosovo), a user-assigned code that
// is not ISO 3166-1 (address validation says "not an ISO 3166-1 country code").
const CODES: ReadonlySet<string> = new Set(Object.keys(countries.getAlpha2Codes()).filter((code) => code !== 'XK'));

export function isIsoCountryCode(code: string | null | undefined): boolean {
  return typeof code === 'string' && CODES.has(code.trim().toUpperCase());
}

/** Every code with its English names, official name first, then the common aliases. */
export function englishCountryNames(): Map<string, string[]> {
  const names = countries.getNames('en', { select: 'all' }) as unknown as Record<string, string[]>;
  return new Map(Object.entries(names));
}
