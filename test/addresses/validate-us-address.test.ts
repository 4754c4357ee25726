import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { validateAddress } from '../../src/domain/addresses/index.ts';
import { usAddress } from './fixtures.ts';

describe('validateAddress: US', () => {
  test('a consistent address is verified and comes back standardised', () => {
    const input = usAddress({ addressLine1: '500 South Buena Vista Street', cityLocality: 'Burbank', stateProvince: 'CA', postalCode: '91521' });
    const result = validateAddress(input);
    assert.equal(result.status, 'verified');
    assert.deepEqual(result.messages, []);
    assert.deepEqual(result.original, input);
    assert.equal(result.matched?.addressLine1, '500 S BUENA VISTA ST');
    assert.equal(result.matched?.cityLocality, 'BURBANK');
    assert.equal(result.matched?.name, 'JANE DOE');
  });

  test('ZIP+4 written without a hyphen is formatted ZIP5-4', () => {
    const result = validateAddress(usAddress({ postalCode: '787561234' }));
    assert.equal(result.status, 'verified');
    assert.equal(result.matched?.postalCode, '78756-1234');
  });

  test('an unknown ZIP is an error with no matched address', () => {
    const result = validateAddress(usAddress({ postalCode: '00000' }));
    assert.equal(result.status, 'error');
    assert.equal(result.matched, null);
    assert.deepEqual(
      result.messages.map((m) => [m.code, m.type, m.detailCode]),
      [['r1001', 'error', 'invalid_postal_code']],
    );
  });

  test('a malformed ZIP is an error', () => {
    const result = validateAddress(usAddress({ postalCode: '7875' }));
    assert.equal(result.status, 'error');
    assert.equal(result.messages[0].detailCode, 'invalid_postal_code');
  });

  test('a state that does not own the ZIP is an error', () => {
    const result = validateAddress(usAddress({ stateProvince: 'CA' }));
    assert.equal(result.status, 'error');
    assert.equal(result.matched, null);
    assert.equal(result.messages[0].code, 'a1002');
    assert.equal(result.messages[0].detailCode, 'minimum_postal_code_verification_failed');
    assert.match(result.messages[0].message, /78756 is in TX, not CA/);
  });

  test('a full state name is accepted as its code', () => {
    const result = validateAddress(usAddress({ stateProvince: 'Texas' }));
    assert.equal(result.status, 'verified');
    assert.equal(result.matched?.stateProvince, 'TX');
  });

  test('a city the ZIP does not list is a warning and the directory city is matched', () => {
    const result = validateAddress(usAddress({ cityLocality: 'Austin', postalCode: '78652' }));
    assert.equal(result.status, 'warning');
    assert.equal(result.matched?.cityLocality, 'MANCHACA');
    assert.deepEqual(
      result.messages.map((m) => [m.code, m.type, m.detailCode]),
      [['a1003', 'warning', 'city_locality_changed_or_added']],
    );
  });

  test('spelling variants of a city are not a mismatch', () => {
    assert.equal(validateAddress(usAddress({ cityLocality: 'Saint Louis', stateProvince: 'MO', postalCode: '63101' })).status, 'verified');
    assert.equal(validateAddress(usAddress({ cityLocality: 'St. Thomas', stateProvince: 'VI', postalCode: '00802' })).status, 'verified');
  });

  test('missing city and state are filled from the ZIP with warnings', () => {
    const result = validateAddress(usAddress({ cityLocality: '', stateProvince: '' }));
    assert.equal(result.status, 'warning');
    assert.equal(result.matched?.cityLocality, 'AUSTIN');
    assert.equal(result.matched?.stateProvince, 'TX');
    assert.deepEqual(result.messages.map((m) => m.detailCode).sort(), ['city_locality_changed_or_added', 'state_province_changed_or_added']);
  });

  test('missing address_line1 and postal code are errors', () => {
    const result = validateAddress(usAddress({ addressLine1: ' ', postalCode: '' }));
    assert.equal(result.status, 'error');
    assert.deepEqual(result.messages.map((m) => m.detailCode), ['line1_min_max_length', 'invalid_postal_code']);
  });

  test('territories validate against their own ZIPs, as a country or as a state', () => {
    assert.equal(validateAddress(usAddress({ cityLocality: 'San Juan', stateProvince: 'PR', postalCode: '00901', countryCode: 'PR' })).status, 'verified');
    assert.equal(validateAddress(usAddress({ cityLocality: 'San Juan', stateProvince: 'PR', postalCode: '00901', countryCode: 'US' })).status, 'verified');
    const wrongTerritory = validateAddress(usAddress({ cityLocality: 'Hagatna', stateProvince: '', postalCode: '96910', countryCode: 'PR' }));
    assert.equal(wrongTerritory.status, 'error');
  });

  test('military FPO addresses keep their city', () => {
    const result = validateAddress(usAddress({ addressLine1: 'PSC 1234 Box 5678', cityLocality: 'FPO', stateProvince: 'AE', postalCode: '09001' }));
    assert.equal(result.status, 'verified');
    assert.equal(result.matched?.cityLocality, 'FPO');
    assert.equal(result.matched?.addressLine1, 'PSC 1234 BOX 5678');
  });
});

describe('validateAddress: residential indicator', () => {
  const residential = (overrides: Parameters<typeof usAddress>[0]) => validateAddress(usAddress(overrides)).matched?.residential;

  test('a company name means commercial', () => {
    assert.equal(residential({ companyName: 'Acme Corp' }), 'no');
  });

  test('office-type units mean commercial', () => {
    assert.equal(residential({ addressLine1: '4009 Marathon Blvd Suite 200' }), 'no');
    assert.equal(residential({ addressLine2: 'Floor 3' }), 'no');
  });

  // 4009 Marathon Blvd (the fixture default) is a listed commercial address, so these use a plain street.
  const home = { addressLine1: '1201 W 38th St', postalCode: '78705' };
  test('dwelling units, rural routes and subdivision suffixes mean residential', () => {
    assert.equal(residential({ ...home, addressLine2: 'Apartment 4' }), 'yes');
    assert.equal(residential({ ...home, addressLine1: '1201 W 38th St Lot 12' }), 'yes');
    assert.equal(residential({ ...home, addressLine1: '7 Oak Hollow Ct' }), 'yes');
    assert.equal(residential({ ...home, addressLine1: 'RR 2 Box 7' }), 'yes');
  });

  test('weak evidence is unknown, as with the live API; listed commercial addresses and PO Boxes are not residential', () => {
    assert.equal(residential(home), 'unknown');
    assert.equal(residential({ ...home, addressLine1: '1201 W 38th St Unit 12' }), 'unknown', 'UNIT is used by homes and offices alike');
    assert.equal(residential({}), 'no', '4009 Marathon Blvd, 78756 is listed commercial');
    assert.equal(residential({ addressLine1: '350 Fifth Avenue', cityLocality: 'New York', stateProvince: 'NY', postalCode: '10118' }), 'no', 'Empire State Building');
    assert.equal(residential({ ...home, addressLine1: 'PO Box 12' }), 'no');
  });

  test('a yes/no given by the caller wins', () => {
    assert.equal(residential({ companyName: 'Acme Corp', residential: 'yes' }), 'yes');
    assert.equal(residential({ residential: 'no' }), 'no');
  });
});
