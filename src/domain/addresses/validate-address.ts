import type { PostalAddress } from '../shipping-types.ts';
import { checkForeignAddress } from './check-foreign-address.ts';
import { checkUsAddress } from './check-us-address.ts';
import { isIsoCountryCode } from './countries.ts';
import { normalizeAddress } from './normalize.ts';
import { residentialIndicator } from './residential.ts';
import { isUnfindableAddress } from '../sandbox/magic.ts';
import { usesUsAddressing } from './us-domestic.ts';
import { addressMessage, type AddressValidationMessage } from './validation-messages.ts';

export type AddressValidationStatus = 'verified' | 'unverified' | 'warning' | 'error';

export interface AddressValidation {
  status: AddressValidationStatus;
  original: PostalAddress;
  /** The standardised address; null when validation failed or nothing could be matched. */
  matched: PostalAddress | null;
  messages: AddressValidationMessage[];
}

/**
 * US-style addresses are checked as CASS would without its street file: line 1 must be a coded
 * delivery point (street number and name, or a PO Box / RR / HC / PSC box), and ZIP, state and
 * city must agree in the ZIP directory. `verified` when they do (an `info` message names a PO Box,
 * rural route, highway contract or military address), `warning` when city/state had to be corrected or added, `error` when something is
 * provably wrong. Other countries can only be disproved (bad country, missing field, malformed
 * postal code), so they come back `unverified` at best, with no matched address.
 */
export function validateAddress(address: PostalAddress): AddressValidation {
  const original = { ...address };
  // Sandbox magic value: the address the carrier's database cannot find.
  if (isUnfindableAddress(address)) {
    return { status: 'error', original, matched: null, messages: [addressMessage('address_not_found', 'Address not found: no deliverable address matches these address lines.')] };
  }
  const countryProblem = checkCountryCode(address.countryCode);
  if (countryProblem) return { status: 'error', original, matched: null, messages: [countryProblem] };

  const normalized = normalizeAddress(address);
  if (!usesUsAddressing(normalized.countryCode)) {
    const messages = checkForeignAddress(normalized);
    return { status: hasErrors(messages) ? 'error' : 'unverified', original, matched: null, messages };
  }

  const { messages, corrected } = checkUsAddress(normalized);
  if (hasErrors(messages)) return { status: 'error', original, matched: null, messages };
  return {
    status: messages.some((m) => m.type === 'warning') ? 'warning' : 'verified',
    original,
    matched: { ...corrected, residential: residentialIndicator(corrected) },
    messages,
  };
}

function checkCountryCode(countryCode: string | null | undefined): AddressValidationMessage | null {
  const code = (countryCode ?? '').trim().toUpperCase();
  if (!code) return addressMessage('unsupported_country', 'country_code is required');
  if (code.length !== 2) {
    return addressMessage('country_invalid_length', `country_code "${countryCode}" must be a two-letter ISO 3166-1 code`);
  }
  if (!isIsoCountryCode(code)) return addressMessage('unsupported_country', `"${countryCode}" is not an ISO 3166-1 country code`);
  return null;
}

function hasErrors(messages: AddressValidationMessage[]): boolean {
  return messages.some((m) => m.type === 'error');
}
