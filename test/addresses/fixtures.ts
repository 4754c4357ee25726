import type { PostalAddress } from '../../src/domain/shipping-types.ts';

export function usAddress(overrides: Partial<PostalAddress> = {}): PostalAddress {
  return {
    name: 'Jane Doe',
    addressLine1: '4009 Marathon Blvd',
    cityLocality: 'Austin',
    stateProvince: 'TX',
    postalCode: '78756',
    countryCode: 'US',
    residential: 'unknown',
    ...overrides,
  };
}

export function foreignAddress(countryCode: string, postalCode: string, overrides: Partial<PostalAddress> = {}): PostalAddress {
  return {
    name: 'Alex Example',
    addressLine1: '1 High Street',
    cityLocality: 'Capital City',
    stateProvince: '',
    postalCode,
    countryCode,
    residential: 'unknown',
    ...overrides,
  };
}
