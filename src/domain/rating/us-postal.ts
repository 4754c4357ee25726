// US ZIP code helpers and the territories that USPS treats as domestic.
import type { PostalAddress } from '../shipping-types.ts';

/** The US, its territories and the Freely Associated States: domestic for USPS, inside the US for customs. */
export const US_AND_TERRITORIES: readonly string[] = ['US', 'PR', 'VI', 'GU', 'AS', 'MP', 'FM', 'MH', 'PW'];

/** First five digits of a US ZIP / ZIP+4, or null. */
export function zip5(postalCode: string | null | undefined): string | null {
  const match = /^\s*(\d{5})(?:[-\s]?\d{4})?\s*$/.exec(postalCode ?? '');
  return match ? match[1] : null;
}

/**
 * ISO country of an address as the carriers see it: a "US" address in Puerto Rico, Guam...
 * (state code = territory code) is that territory.
 */
export function effectiveCountry(address: Pick<PostalAddress, 'countryCode' | 'stateProvince'>): string {
  const country = address.countryCode.trim().toUpperCase();
  const state = (address.stateProvince ?? '').trim().toUpperCase();
  if (country === 'US' && state !== 'US' && US_AND_TERRITORIES.includes(state)) return state;
  return country;
}
