import { test } from 'node:test';
import assert from 'node:assert/strict';
import { englishCountryNames, isIsoCountryCode } from '../../src/domain/addresses/countries.ts';

test('the 249 officially assigned ISO 3166-1 codes, case and space tolerant', () => {
  const letters = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
  let valid = 0;
  for (const a of letters) for (const b of letters) valid += Number(isIsoCountryCode(a + b));
  assert.equal(valid, 249);
  assert.equal(isIsoCountryCode(' us '), true);
  assert.equal(isIsoCountryCode('XK'), false, 'Kosovo is user-assigned, not ISO');
  assert.equal(isIsoCountryCode('UK'), false);
  assert.equal(isIsoCountryCode(null), false);
});

test('English names only, official name first', () => {
  const names = englishCountryNames();
  assert.equal(names.get('US')![0], 'United States of America');
  assert.ok(names.get('KR')!.includes('South Korea'));
});
