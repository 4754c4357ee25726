// Units, dimensional weight and billable weight per carrier rule.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { billableWeight, DIM_RULES, dimensionalWeightLb, NONRECTANGULAR_VOLUME_FACTOR } from '../../src/domain/rating/billable-weight.ts';
import { boxInInches, weightInPounds } from '../../src/domain/rating/units.ts';
import { fedexConnector } from '../../src/carriers/fedex/index.ts';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import { request } from './fixtures.ts';

test('weights convert to pounds without float noise', () => {
  assert.equal(weightInPounds({ value: 16, unit: 'ounce' }), 1);
  assert.equal(weightInPounds({ value: 0.45359237, unit: 'kilogram' }), 1);
  assert.equal(weightInPounds({ value: 453.59237, unit: 'gram' }), 1);
});

test('boxes are in inches, longest side first', () => {
  assert.deepEqual(boxInInches({ length: 10, width: 30, height: 20, unit: 'inch' }), { length: 30, width: 20, height: 10 });
  assert.deepEqual(boxInInches({ length: 25.4, width: 50.8, height: 2.54, unit: 'centimeter' }), { length: 20, width: 10, height: 1 });
});

test('UPS/FedEx: divisor 139 after rounding each side to the nearest inch (.5 up)', () => {
  // 12.5 x 10.4 x 8.5 -> 13 x 10 x 9 = 1170 in3 / 139 = 8.4 -> 9 lb
  assert.equal(dimensionalWeightLb({ length: 12.5, width: 10.4, height: 8.5 }, DIM_RULES.fedex), 9);
  assert.deepEqual(billableWeight(3.2, { length: 12, width: 10, height: 8 }, DIM_RULES.ups), { weightLb: 7, dimensional: true });
  assert.deepEqual(billableWeight(12, { length: 12, width: 10, height: 8 }, DIM_RULES.ups), { weightLb: 12, dimensional: false });
});

test('USPS: divisor 166 only above one cubic foot; cylinders use 0.785 of the volume', () => {
  assert.equal(dimensionalWeightLb({ length: 12, width: 12, height: 12 }, DIM_RULES.usps), 0);
  // 13 x 13 x 13 = 2197 in3 / 166 = 13.2 -> 14 lb
  assert.equal(dimensionalWeightLb({ length: 13, width: 13, height: 13 }, DIM_RULES.usps), 14);
  // 20 x 10 x 10 x 0.785 = 1570 in3: under the threshold
  assert.equal(dimensionalWeightLb({ length: 20, width: 10, height: 10 }, DIM_RULES.usps, NONRECTANGULAR_VOLUME_FACTOR), 0);
});

test('a FedEx Ground quote is billed at the dimensional weight', () => {
  const { rates } = fedexConnector.rate(
    request({ serviceCodes: ['fedex_ground'], parcels: [{ weight: { value: 2, unit: 'pound' }, dimensions: { length: 20, width: 14, height: 12, unit: 'inch' } }] }),
  );
  // 3360 in3 / 139 = 24.2 -> 25 lb; FedEx Ground 25 lb zone 6 = $36.07
  assert.equal(rates[0].billableWeightLb, 25);
  assert.equal(rates[0].details[0].amountCents, 3607);
});

test('USPS Ground Advantage bills small parcels by ounce tier and large ones by dimensional weight', () => {
  const light = stampsComConnector.rate(request({ serviceCodes: ['usps_ground_advantage'], parcels: [{ weight: { value: 5, unit: 'ounce' } }] }));
  assert.equal(light.rates[0].billableWeightLb, 0.5);
  assert.equal(light.rates[0].shippingCents, 749); // 8 oz tier, zone 6: retail $8.55 x commercial/retail at 1 lb ($9.63 / $11.00)
  const bulky = stampsComConnector.rate(
    request({ serviceCodes: ['usps_ground_advantage'], parcels: [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 13, width: 13, height: 13, unit: 'inch' } }] }),
  );
  assert.equal(bulky.rates[0].billableWeightLb, 14);
  assert.equal(bulky.rates[0].shippingCents, 2414); // 14 lb row, zone 6, commercial 2026-07
});
