import { test } from 'node:test';
import assert from 'node:assert/strict';
import { requiresCustoms, type CustomsParty } from '../../src/domain/customs/index.ts';

const at = (countryCode: string, stateProvince = '', cityLocality = ''): CustomsParty => ({ countryCode, stateProvince, cityLocality });
const austin = at('US', 'TX', 'Austin');

test('shipments within one country need no customs', () => {
  assert.equal(requiresCustoms(austin, at('US', 'NY', 'New York')), false);
  assert.equal(requiresCustoms(at('DE'), at('DE')), false);
});

test('shipments between countries need customs', () => {
  assert.equal(requiresCustoms(austin, at('CA', 'ON')), true);
  assert.equal(requiresCustoms(at('GB'), austin), true);
});

test('Puerto Rico is inside the US customs territory', () => {
  assert.equal(requiresCustoms(austin, at('PR', 'PR', 'San Juan')), false);
  assert.equal(requiresCustoms(austin, at('US', 'PR', 'San Juan')), false);
});

test('other US territories and freely associated states need customs forms', () => {
  for (const territory of ['GU', 'VI', 'AS', 'MP', 'FM', 'MH', 'PW']) {
    assert.equal(requiresCustoms(austin, at(territory, territory)), true, territory);
  }
  assert.equal(requiresCustoms(austin, at('US', 'GU', 'Hagatna')), true);
  assert.equal(requiresCustoms(at('GU', 'GU'), at('US', 'GU')), false);
});

test('APO/FPO/DPO mail needs customs forms both ways', () => {
  assert.equal(requiresCustoms(austin, at('US', 'AE', 'APO')), true);
  assert.equal(requiresCustoms(at('US', 'AP', 'FPO'), austin), true);
});
