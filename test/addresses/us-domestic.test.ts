import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isMilitaryAddress, isUsDomestic } from '../../src/domain/addresses/index.ts';

test('the US and its territories ship domestically', () => {
  for (const code of ['US', 'PR', 'GU', 'VI', 'AS', 'MP', 'us']) assert.equal(isUsDomestic(code), true, code);
  for (const code of ['CA', 'MX', 'FM', '', null]) assert.equal(isUsDomestic(code), false, String(code));
});

test('military addresses are recognised by state or city', () => {
  assert.equal(isMilitaryAddress({ countryCode: 'US', stateProvince: 'AE', cityLocality: 'APO' }), true);
  assert.equal(isMilitaryAddress({ countryCode: 'US', stateProvince: 'AP', cityLocality: '' }), true);
  assert.equal(isMilitaryAddress({ countryCode: 'US', stateProvince: 'TX', cityLocality: 'Austin' }), false);
});
