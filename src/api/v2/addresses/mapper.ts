// Address validation results in V2/ShipEngine JSON (address_validation_result).
import type { AddressValidation } from '../../../domain/addresses/index.ts';
import type { PostalAddress } from '../../../domain/shipping-types.ts';

/** Shows what the address holds: empty optional parts are null where the spec allows it, else left out. */
export function toResultAddress(a: Partial<PostalAddress>) {
  const text = (value: string | null | undefined) => (value ? value : undefined);
  return {
    name: text(a.name),
    phone: text(a.phone),
    email: a.email || null,
    company_name: a.companyName || null,
    address_line1: text(a.addressLine1),
    address_line2: a.addressLine2 || null,
    address_line3: a.addressLine3 || null,
    city_locality: text(a.cityLocality),
    state_province: text(a.stateProvince),
    postal_code: text(a.postalCode),
    country_code: text(a.countryCode),
    address_residential_indicator: a.residential ?? 'unknown',
  };
}

/** Fields an `address` requires: an echo of input that left them out says null, as the live API does. */
const REQUIRED_TEXT = ['name', 'address_line1', 'city_locality', 'state_province', 'postal_code'] as const;

export function toEchoedAddress(a: Partial<PostalAddress>) {
  const out: Record<string, unknown> = toResultAddress(a);
  for (const key of REQUIRED_TEXT) out[key] ??= null;
  out.phone ??= null;
  out.country_code ??= null;
  return out;
}

/** A recognized address is shown only once it has every field an `address` requires. */
export function isCompleteAddress(a: Partial<PostalAddress>): boolean {
  const shown = toResultAddress(a);
  return REQUIRED_TEXT.every((key) => shown[key] !== undefined);
}

export function toV2AddressValidation(v: AddressValidation) {
  return {
    status: v.status,
    original_address: toEchoedAddress(v.original),
    matched_address: v.matched ? toResultAddress(v.matched) : null,
    messages: v.messages.map((m) => ({ code: m.code, message: m.message, type: m.type, detail_code: m.detailCode })),
  };
}
