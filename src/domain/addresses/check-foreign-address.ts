// Checks for non-US addresses: what can be proved without a national address database.
import type { PostalAddress } from '../shipping-types.ts';
import { canadianProvinceCode, provincesForPostalCode } from './canada-provinces.ts';
import { checkPostalCode } from './postal-code-formats.ts';
import { addressMessage, fieldMessage, type AddressValidationMessage } from './validation-messages.ts';

/** Countries whose carriers reject an address without a state/province/region. */
const STATE_REQUIRED: ReadonlySet<string> = new Set(['CA', 'AU', 'MX', 'BR', 'IN']);

/** Expects an address already through normalizeAddress, with a valid ISO country code. */
export function checkForeignAddress(address: PostalAddress): AddressValidationMessage[] {
  const country = address.countryCode;
  const messages: AddressValidationMessage[] = [];
  if (!address.addressLine1) messages.push(addressMessage('line1_min_max_length', 'address_line1 is required'));
  if (!address.cityLocality) messages.push(fieldMessage('city_locality is required'));
  if (!address.stateProvince && STATE_REQUIRED.has(country)) {
    messages.push(fieldMessage(`state_province is required for ${country} addresses`));
  }

  const postal = checkPostalCode(country, address.postalCode);
  if (postal.kind === 'missing') {
    messages.push(addressMessage('invalid_postal_code', `postal_code is required for ${country} addresses`));
  } else if (postal.kind === 'malformed') {
    messages.push(addressMessage('invalid_postal_code', `"${address.postalCode}" is not a valid ${country} postal code`));
  }

  if (country === 'CA' && address.stateProvince) {
    messages.push(...checkCanadianProvince(address.stateProvince, postal.kind === 'valid' ? postal.postalCode : null));
  }
  return messages;
}

function checkCanadianProvince(state: string, postalCode: string | null): AddressValidationMessage[] {
  const province = canadianProvinceCode(state);
  if (!province) return [fieldMessage(`"${state}" is not a Canadian province or territory`)];
  if (postalCode && !provincesForPostalCode(postalCode).includes(province)) {
    return [addressMessage('minimum_postal_code_verification_failed', `postal code ${postalCode} is not in ${province}`)];
  }
  return [];
}
