import type { PostalAddress } from '../shipping-types.ts';
import { canadianProvinceCode } from './canada-provinces.ts';
import { cleanAddressText, normalizeDeliveryLine, parseUnitOnlyLine } from './delivery-line.ts';
import { canonicalPostalCode } from './postal-code-formats.ts';
import { US_STATE_CODES } from './pub28-reference.ts';
import { usesUsAddressing } from './us-domestic.ts';

const US_STATE_BY_NAME = new Map([...US_STATE_CODES].map(([code, name]) => [cleanAddressText(name), code]));

/**
 * US addresses (incl. territories and military) are standardised to USPS Pub 28: uppercase,
 * abbreviated suffixes/directionals/units, a unit-only line 2 folded into line 1, ZIP5 or ZIP5-4.
 * Other countries only get whitespace tidied, a canonical postal code and (Canada) a province code,
 * because Pub 28 abbreviations do not apply to them.
 */
export function normalizeAddress(address: PostalAddress): PostalAddress {
  const countryCode = tidy(address.countryCode).toUpperCase();
  return usesUsAddressing(countryCode)
    ? normalizeUsAddress(address, countryCode)
    : normalizeForeignAddress(address, countryCode);
}

/** "tx", "Texas", "T.X." -> "TX"; anything else uppercased as typed. */
export function normalizeUsState(state: string | null | undefined): string {
  const cleaned = cleanAddressText(state);
  return US_STATE_BY_NAME.get(cleaned) ?? cleaned;
}

function normalizeUsAddress(address: PostalAddress, countryCode: string): PostalAddress {
  const line1 = normalizeDeliveryLine(address.addressLine1);
  const unitOnlyLine2 = parseUnitOnlyLine(address.addressLine2);
  const foldLine2 = unitOnlyLine2 !== null && line1.unit === null;
  const laterLines = [
    foldLine2 ? null : (unitOnlyLine2 ?? cleanAddressText(address.addressLine2)),
    cleanAddressText(address.addressLine3),
  ].filter((line): line is string => Boolean(line));

  return {
    ...address,
    name: tidy(address.name).toUpperCase(),
    companyName: tidy(address.companyName).toUpperCase() || null,
    addressLine1: [line1.street, line1.unit ?? (foldLine2 ? unitOnlyLine2 : null)].filter(Boolean).join(' '),
    addressLine2: laterLines[0] ?? null,
    addressLine3: laterLines[1] ?? null,
    cityLocality: cleanAddressText(address.cityLocality),
    stateProvince: normalizeUsState(address.stateProvince),
    postalCode: canonicalPostalCode('US', address.postalCode),
    countryCode,
  };
}

function normalizeForeignAddress(address: PostalAddress, countryCode: string): PostalAddress {
  const state = tidy(address.stateProvince);
  return {
    ...address,
    name: tidy(address.name),
    companyName: tidy(address.companyName) || null,
    addressLine1: tidy(address.addressLine1),
    addressLine2: tidy(address.addressLine2) || null,
    addressLine3: tidy(address.addressLine3) || null,
    cityLocality: tidy(address.cityLocality),
    stateProvince: countryCode === 'CA' ? (canadianProvinceCode(state) ?? state) : state,
    postalCode: canonicalPostalCode(countryCode, address.postalCode),
    countryCode,
  };
}

function tidy(value: string | null | undefined): string {
  return (value ?? '').trim().replace(/\s+/g, ' ');
}
