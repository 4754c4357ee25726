import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { checkPostalCode, validateAddress } from '../../src/domain/addresses/index.ts';
import { foreignAddress } from './fixtures.ts';

describe('validateAddress: other countries', () => {
  test('well-formed addresses are unverified, since nothing can be proved', () => {
    const cases = [
      foreignAddress('CA', 'R3T 4Y1', { stateProvince: 'MB', cityLocality: 'Winnipeg' }),
      foreignAddress('GB', 'SW1A 1AA', { cityLocality: 'London' }),
      foreignAddress('DE', '10115', { cityLocality: 'Berlin' }),
      foreignAddress('JP', '100-0001', { cityLocality: 'Tokyo' }),
      foreignAddress('AU', '2000', { stateProvince: 'NSW', cityLocality: 'Sydney' }),
      foreignAddress('NL', '1012 JS', { cityLocality: 'Amsterdam' }),
    ];
    for (const address of cases) {
      const result = validateAddress(address);
      assert.equal(result.status, 'unverified', `${address.countryCode} ${address.postalCode}`);
      assert.equal(result.matched, null);
      assert.deepEqual(result.messages, []);
    }
  });

  test('malformed postal codes are errors', () => {
    for (const [country, code] of [['CA', '12345'], ['GB', '90210'], ['DE', '1011'], ['JP', '1000001X'], ['BR', 'ABC']]) {
      const result = validateAddress(foreignAddress(country, code, { stateProvince: country === 'CA' ? 'ON' : 'SP' }));
      assert.equal(result.status, 'error', `${country} ${code}`);
      assert.equal(result.messages[0].detailCode, 'invalid_postal_code');
    }
  });

  test('postal codes are recognised in their usual spellings', () => {
    assert.deepEqual(checkPostalCode('GB', 'sw1a1aa'), { kind: 'valid', postalCode: 'SW1A 1AA' });
    assert.deepEqual(checkPostalCode('JP', '1000001'), { kind: 'valid', postalCode: '100-0001' });
    assert.deepEqual(checkPostalCode('BR', '01310100'), { kind: 'valid', postalCode: '01310-100' });
    assert.deepEqual(checkPostalCode('PL', '00-950'), { kind: 'valid', postalCode: '00-950' });
  });

  test('countries without postal codes need none', () => {
    assert.equal(validateAddress(foreignAddress('HK', '', { cityLocality: 'Kowloon' })).status, 'unverified');
    assert.equal(validateAddress(foreignAddress('AE', '', { cityLocality: 'Dubai' })).status, 'unverified');
  });

  test('a missing postal code is an error where one is required', () => {
    const result = validateAddress(foreignAddress('DE', ''));
    assert.equal(result.status, 'error');
    assert.equal(result.messages[0].detailCode, 'invalid_postal_code');
  });

  test('required fields are enforced per country', () => {
    const noState = validateAddress(foreignAddress('CA', 'K1A 0B1', { cityLocality: 'Ottawa' }));
    assert.equal(noState.status, 'error');
    assert.match(noState.messages[0].message, /state_province is required/);
    const noCity = validateAddress(foreignAddress('FR', '75001', { cityLocality: '' }));
    assert.equal(noCity.status, 'error');
  });

  test('a Canadian postal code must belong to the province', () => {
    const result = validateAddress(foreignAddress('CA', 'K1A 0B1', { stateProvince: 'BC', cityLocality: 'Ottawa' }));
    assert.equal(result.status, 'error');
    assert.equal(result.messages[0].detailCode, 'minimum_postal_code_verification_failed');
  });

  test('country codes must be real ISO 3166-1 alpha-2 codes', () => {
    const unknown = validateAddress(foreignAddress('XX', '12345'));
    assert.equal(unknown.status, 'error');
    assert.deepEqual([unknown.messages[0].code, unknown.messages[0].detailCode], ['a1001', 'unsupported_country']);

    const tooLong = validateAddress(foreignAddress('USA', '78756'));
    assert.equal(tooLong.messages[0].detailCode, 'country_invalid_length');

    assert.equal(validateAddress(foreignAddress('', '78756')).messages[0].detailCode, 'unsupported_country');
  });
});
