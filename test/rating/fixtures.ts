// Shared addresses and a request builder for the rating tests.
import type { RateRequest } from '../../src/carriers/types.ts';
import type { PostalAddress } from '../../src/domain/shipping-types.ts';

/** Floyd, VA: ZIP3 240, the origin of the real USPS zone chart in the reference data. */
export const FLOYD_VA: PostalAddress = {
  name: 'Shipping Dept',
  addressLine1: '120 W Main St',
  cityLocality: 'Floyd',
  stateProvince: 'VA',
  postalCode: '24091',
  countryCode: 'US',
  residential: 'no',
};

/** Austin, TX 78701: USPS zone 6 and UPS/FedEx zone 6 from Floyd; not a delivery-area ZIP. */
export const AUSTIN_TX: PostalAddress = {
  name: 'Jane Doe',
  addressLine1: '100 Congress Ave',
  cityLocality: 'Austin',
  stateProvince: 'TX',
  postalCode: '78701',
  countryCode: 'US',
  residential: 'no',
};

/** New York 10001: zone 4 from Floyd. */
export const NEW_YORK_NY: PostalAddress = { ...AUSTIN_TX, cityLocality: 'New York', stateProvince: 'NY', postalCode: '10001', addressLine1: '350 5th Ave' };

export const TORONTO_CA: PostalAddress = {
  name: 'Jean Roy',
  addressLine1: '290 Bremner Blvd',
  cityLocality: 'Toronto',
  stateProvince: 'ON',
  postalCode: 'M5V 3L9',
  countryCode: 'CA',
  residential: 'no',
};

export const CUSTOMS = { contents: 'merchandise', nonDelivery: 'return_to_sender', items: [{ description: 'T-shirt', quantity: 1, valueCents: 2000 }] };

/** A Wednesday. */
export const WEDNESDAY = '2026-03-04';

export function request(overrides: Partial<RateRequest> = {}): RateRequest {
  return {
    shipFrom: FLOYD_VA,
    shipTo: AUSTIN_TX,
    parcels: [{ weight: { value: 3, unit: 'pound' } }],
    shipDate: WEDNESDAY,
    confirmation: 'none',
    ...overrides,
  };
}
