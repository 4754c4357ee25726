// Addresses and shipments used across the shipping tests.
export const austin = {
  name: 'Dock Manager',
  phone: '512-555-0100',
  company_name: 'Shipdock Inc',
  address_line1: '500 W 2nd St',
  city_locality: 'Austin',
  state_province: 'TX',
  postal_code: '78701',
  country_code: 'US',
  address_residential_indicator: 'no',
};

export const brooklyn = {
  name: 'Jane Buyer',
  phone: '718-555-0199',
  address_line1: '123 Atlantic Ave',
  city_locality: 'Brooklyn',
  state_province: 'NY',
  postal_code: '11201',
  country_code: 'US',
  address_residential_indicator: 'yes',
};

export const toronto = {
  name: 'Olivia Reader',
  phone: '+1 416-555-0123',
  address_line1: '100 Queen St W',
  city_locality: 'Toronto',
  state_province: 'ON',
  postal_code: 'M5H 2N2',
  country_code: 'CA',
  address_residential_indicator: 'yes',
};

export const customs = {
  contents: 'merchandise',
  non_delivery: 'return_to_sender',
  customs_items: [
    { description: 'Cotton T-shirt', quantity: 2, value: { currency: 'usd', amount: 15 }, harmonized_tariff_code: '6109.10', country_of_origin: 'US' },
  ],
};

export const domesticShipment = (overrides: Record<string, unknown> = {}) => ({
  ship_to: brooklyn,
  ship_from: austin,
  packages: [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 10, width: 8, height: 4, unit: 'inch' } }],
  ...overrides,
});
