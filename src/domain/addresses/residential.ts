import type { PostalAddress, ResidentialIndicator } from '../shipping-types.ts';
import { cleanAddressText } from './delivery-line.ts';

/** Secondary designators that signal an office rather than a home. */
const BUSINESS_DESIGNATORS: ReadonlySet<string> = new Set(['STE', 'SUITE', 'FL', 'FLOOR', 'DEPT', 'DEPARTMENT', 'OFC', 'OFFICE', 'RM', 'ROOM', 'HNGR', 'HANGAR', 'PIER', 'LBBY', 'LOBBY']);

/**
 * No carrier database backs Shipdock, so residential status is a deterministic heuristic:
 * a yes/no given by the caller wins; a company name or an office-type unit (STE, FL, DEPT...)
 * means commercial; anything else (APT, UNIT, no company) is a home.
 */
export function residentialIndicator(address: PostalAddress): Exclude<ResidentialIndicator, 'unknown'> {
  if (address.residential === 'yes' || address.residential === 'no') return address.residential;
  if ((address.companyName ?? '').trim()) return 'no';
  const words = [address.addressLine1, address.addressLine2, address.addressLine3].flatMap((line) =>
    cleanAddressText(line).split(' '),
  );
  return words.some((word) => BUSINESS_DESIGNATORS.has(word)) ? 'no' : 'yes';
}
