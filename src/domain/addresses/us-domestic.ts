import type { PostalAddress } from '../shipping-types.ts';
import { MILITARY_CITIES, MILITARY_STATE_CODES } from './pub28-reference.ts';

/** US territories with their own ISO code that US carriers serve as domestic destinations. */
const US_DOMESTIC_COUNTRIES: ReadonlySet<string> = new Set(['US', 'PR', 'GU', 'VI', 'AS', 'MP']);

/** Freely associated states: served by USPS with US ZIP codes, but foreign countries otherwise. */
const FREELY_ASSOCIATED_STATES: ReadonlySet<string> = new Set(['FM', 'MH', 'PW']);

/** Whether a country code ships as US domestic. Military AA/AE/AP addresses carry country US, so they do too. */
export function isUsDomestic(countryCode: string | null | undefined): boolean {
  return US_DOMESTIC_COUNTRIES.has((countryCode ?? '').trim().toUpperCase());
}

/** Whether addresses in this country use US ZIP codes, USPS street standards and the ZIP directory. */
export function usesUsAddressing(countryCode: string | null | undefined): boolean {
  const code = (countryCode ?? '').trim().toUpperCase();
  return US_DOMESTIC_COUNTRIES.has(code) || FREELY_ASSOCIATED_STATES.has(code);
}

/** APO/FPO/DPO addresses: state AA/AE/AP, or one of the military city names. */
export function isMilitaryAddress(address: Pick<PostalAddress, 'countryCode' | 'stateProvince' | 'cityLocality'>): boolean {
  if (!usesUsAddressing(address.countryCode)) return false;
  const state = (address.stateProvince ?? '').trim().toUpperCase();
  const city = (address.cityLocality ?? '').trim().toUpperCase();
  return MILITARY_STATE_CODES.has(state) || MILITARY_CITIES.has(city);
}
