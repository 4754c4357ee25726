// V2/ShipEngine address ⇄ domain PostalAddress.
import type { PostalAddress, ResidentialIndicator } from '../../../domain/shipping-types.ts';

export interface V2Address {
  name?: string;
  phone?: string;
  email?: string | null;
  company_name?: string | null;
  address_line1?: string;
  address_line2?: string | null;
  address_line3?: string | null;
  city_locality?: string;
  state_province?: string;
  postal_code?: string;
  country_code?: string;
  address_residential_indicator?: ResidentialIndicator;
}

/** Request schema: as lenient as the live API (phone, residential indicator and state are optional). */
export const addressSchema = {
  type: 'object',
  required: ['address_line1', 'city_locality', 'country_code'],
  properties: {
    name: { type: 'string', maxLength: 200 },
    phone: { type: 'string', maxLength: 50 },
    email: { type: ['string', 'null'], maxLength: 200 },
    company_name: { type: ['string', 'null'], maxLength: 200 },
    address_line1: { type: 'string', minLength: 1, maxLength: 200 },
    address_line2: { type: ['string', 'null'], maxLength: 200 },
    address_line3: { type: ['string', 'null'], maxLength: 200 },
    city_locality: { type: 'string', minLength: 1, maxLength: 100 },
    state_province: { type: 'string', maxLength: 100 },
    postal_code: { type: 'string', maxLength: 20 },
    country_code: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    address_residential_indicator: { type: 'string', enum: ['yes', 'no', 'unknown'] },
  },
} as const;

export function fromV2Address(a: V2Address): PostalAddress {
  return {
    name: a.name ?? '',
    phone: a.phone ?? null,
    email: a.email ?? null,
    companyName: a.company_name ?? null,
    addressLine1: a.address_line1 ?? '',
    addressLine2: a.address_line2 ?? null,
    addressLine3: a.address_line3 ?? null,
    cityLocality: a.city_locality ?? '',
    stateProvince: a.state_province ?? '',
    postalCode: a.postal_code ?? '',
    countryCode: (a.country_code ?? '').toUpperCase(),
    residential: a.address_residential_indicator ?? 'unknown',
  };
}

/** Phone is a non-empty string when present in both specs: an address without one leaves it out. */
export function toV2Address(a: PostalAddress) {
  return {
    name: a.name,
    phone: a.phone || undefined,
    email: a.email ?? null,
    company_name: a.companyName ?? null,
    address_line1: a.addressLine1,
    address_line2: a.addressLine2 ?? null,
    address_line3: a.addressLine3 ?? null,
    city_locality: a.cityLocality,
    state_province: a.stateProvince,
    postal_code: a.postalCode,
    country_code: a.countryCode,
    address_residential_indicator: a.residential,
  };
}
