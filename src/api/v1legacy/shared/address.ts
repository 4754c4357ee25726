// V1 Address ⇄ domain PostalAddress.
import type { PostalAddress } from '../../../domain/shipping-types.ts';
import { toOrderAddress } from '../../../domain/orders/sales-order.ts';

export interface V1Address {
  name?: string | null;
  company?: string | null;
  street1?: string | null;
  street2?: string | null;
  street3?: string | null;
  city?: string | null;
  state?: string | null;
  postalCode?: string | null;
  country?: string | null;
  phone?: string | null;
  residential?: boolean | null;
  addressVerified?: string | null;
}

const text = { type: ['string', 'null'], maxLength: 200 } as const;

export const v1AddressSchema = {
  type: 'object',
  properties: {
    name: text,
    company: text,
    street1: text,
    street2: text,
    street3: text,
    city: text,
    state: text,
    postalCode: { type: ['string', 'null'], maxLength: 20 },
    country: { type: ['string', 'null'], pattern: '^[A-Za-z]{2}$' },
    phone: { type: ['string', 'null'], maxLength: 50 },
    residential: { type: ['boolean', 'null'] },
    addressVerified: { type: ['string', 'null'] },
  },
} as const;

export function fromV1Address(a: V1Address): PostalAddress {
  return {
    name: a.name ?? '',
    phone: a.phone ?? null,
    companyName: a.company ?? null,
    addressLine1: a.street1 ?? '',
    addressLine2: a.street2 ?? null,
    addressLine3: a.street3 ?? null,
    cityLocality: a.city ?? '',
    stateProvince: a.state ?? '',
    postalCode: a.postalCode ?? '',
    countryCode: (a.country ?? 'US').toUpperCase(),
    residential: a.residential === true ? 'yes' : a.residential === false ? 'no' : 'unknown',
  };
}

export function toV1Address(a: PostalAddress, addressVerified = 'Address not yet validated'): Required<V1Address> {
  return { ...toOrderAddress(a), addressVerified };
}
