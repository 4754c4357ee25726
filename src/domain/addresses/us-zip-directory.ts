import type Zipcodes from 'zipcodes';
import { lazyPackage } from '../../lazy-package.ts';

const zipcodes = lazyPackage<typeof Zipcodes>('zipcodes');

export interface UsZipRecord {
  zip: string;
  /** Uppercase, as USPS prints it. The dataset knows one city per ZIP. */
  city: string;
  /** Two-letter state, territory or military (AA/AE/AP) code. */
  state: string;
}

export function lookupUsZip(zip5: string): UsZipRecord | null {
  if (!/^\d{5}$/.test(zip5)) return null;
  const hit = zipcodes.lookup(zip5);
  if (!hit || hit.country !== 'US') return null;
  return { zip: hit.zip, city: hit.city.toUpperCase(), state: hit.state };
}
