// The price basis ShipStation users see: USPS through Stamps.com at commercial prices, and fees that
// are not postage outside shipping_amount, each with its rate_details line.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import { uspsZone } from '../../src/domain/rating/zones.ts';
import { FLOYD_VA, request } from './fixtures.ts';

/** The commercial Ground Advantage table read straight from the CSV, independently of the loader. */
function commercialGroundAdvantage(): Map<number, number[]> {
  const [, ...lines] = readFileSync(new URL('../../reference/domain/rates/usps_ground_advantage_commercial_2026-07.csv', import.meta.url), 'utf8').trim().split('\n');
  return new Map(lines.map((line) => {
    const [weight, ...zones] = line.split(',');
    return [Number(weight), zones.map((cell) => Math.round(Number(cell) * 100))] as const;
  }));
}

/** One destination ZIP per USPS zone 1-8 from Floyd, VA (24091), found from the zone rule itself. */
function destinationsByZone(): Map<number, string> {
  const found = new Map<number, string>();
  for (let zip3 = 10; zip3 < 1000 && found.size < 8; zip3++) {
    const zip = `${String(zip3).padStart(3, '0')}01`;
    const zone = uspsZone('24091', zip);
    if (zone !== null && zone <= 8 && !found.has(zone)) found.set(zone, zip);
  }
  if (!found.has(1)) found.set(1, '24091');
  return found;
}

const address = (postalCode: string) => ({ ...FLOYD_VA, postalCode, cityLocality: '', stateProvince: '' });

test('USPS Ground Advantage is the commercial 2026-07 cell for a grid of weights and zones', () => {
  const table = commercialGroundAdvantage();
  const zones = destinationsByZone();
  assert.equal(zones.size, 8);
  let checked = 0;
  for (const [zone, zip] of zones) {
    for (const pounds of [1, 2, 3, 5, 8, 13, 20, 35, 50, 70]) {
      const { rates } = stampsComConnector.rate(request({ shipTo: address(zip), serviceCodes: ['usps_ground_advantage'], parcels: [{ weight: { value: pounds, unit: 'pound' } }] }));
      assert.equal(rates[0].zone, zone);
      assert.equal(rates[0].shippingCents, table.get(pounds)![zone - 1], `${pounds} lb zone ${zone}`);
      assert.equal(rates[0].details[0].description, 'Postage - USPS Ground Advantage commercial 2026-07');
      checked++;
    }
  }
  assert.equal(checked, 80);
});

test('the issue example: 3 lb to zone 8 costs the commercial $15.75, not the retail $20.10', () => {
  const { rates } = stampsComConnector.rate(request({ shipFrom: { ...FLOYD_VA, postalCode: '21201' }, shipTo: address('90012'), serviceCodes: ['usps_ground_advantage'] }));
  assert.equal(rates[0].zone, 8);
  assert.equal(rates[0].shippingCents, 1575);
});

test('Priority Mail and Express are the retail cells less 13%, named so in rate_details', () => {
  const priority = stampsComConnector.rate(request({ serviceCodes: ['usps_priority_mail'], parcels: [{ weight: { value: 1, unit: 'pound' } }] })).rates[0];
  assert.equal(priority.shippingCents, Math.round(1420 * 0.87)); // 1 lb zone 6 retail $14.20
  assert.equal(priority.details[0].description, 'Postage - USPS Priority Mail commercial (retail 2025-10 less 13%)');
  const express = stampsComConnector.rate(request({ serviceCodes: ['usps_priority_mail_express'], parcels: [{ weight: { value: 1, unit: 'pound' } }] })).rates[0];
  assert.equal(express.shippingCents, Math.round(5215 * 0.87)); // 1 lb zone 6 retail $52.15
  const flat = stampsComConnector.rate(request({ serviceCodes: ['usps_priority_mail'], parcels: [{ packageCode: 'medium_flat_rate_box', weight: { value: 5, unit: 'pound' } }] })).rates[0];
  assert.equal(flat.shippingCents, 2117, 'observed 2026 commercial flat rate');
  assert.equal(flat.details[0].description, 'Flat rate postage - USPS commercial');
});

test('sub-pound Ground Advantage tiers stay below the 1 lb commercial price in every zone', () => {
  for (const [zone, zip] of destinationsByZone()) {
    const price = (ounces: number) =>
      stampsComConnector.rate(request({ shipTo: address(zip), serviceCodes: ['usps_ground_advantage'], parcels: [{ weight: { value: ounces, unit: 'ounce' } }] })).rates[0].shippingCents;
    const tiers = [3, 7, 11, 15, 16].map(price);
    for (let i = 1; i < tiers.length; i++) assert.ok(tiers[i - 1] <= tiers[i], `zone ${zone}: ${tiers.join(' ')}`);
    assert.equal(tiers[4], commercialGroundAdvantage().get(1)![zone - 1]);
  }
});

test('fee placement: nonstandard fees in other_amount, signature in confirmation_amount, insurance in insurance_amount', () => {
  const long = { weight: { value: 3, unit: 'pound' as const }, dimensions: { length: 25, width: 6, height: 6, unit: 'inch' as const } };
  const rate = stampsComConnector.rate(request({ serviceCodes: ['usps_ground_advantage'], parcels: [long] })).rates[0];
  assert.equal(rate.shippingCents, 1359, '3 lb zone 6 commercial postage only');
  assert.equal(rate.otherCents, 400);
  assert.deepEqual(rate.details.map((d) => [d.type, d.description, d.amountCents]), [
    ['shipping', 'Postage - USPS Ground Advantage commercial 2026-07', 1359],
    ['oversize', 'Nonstandard length fee (over 22 in)', 400],
  ]);
  const bulky = { weight: { value: 10, unit: 'pound' as const }, dimensions: { length: 32, width: 12, height: 12, unit: 'inch' as const } };
  const big = stampsComConnector.rate(request({ serviceCodes: ['usps_priority_mail'], parcels: [bulky] })).rates[0];
  assert.equal(big.otherCents, 1500 + 1800, 'length over 30 in plus volume over 2 cu ft');

  const options = stampsComConnector.rate(
    request({ serviceCodes: ['usps_ground_advantage'], confirmation: 'signature', parcels: [{ weight: { value: 3, unit: 'pound' }, insuredValueCents: 30000 }] }),
  ).rates[0];
  assert.equal(options.shippingCents, 1359);
  assert.equal(options.confirmationCents, 365);
  assert.equal(options.insuranceCents, 400, '$2 per $100 over the $100 included');
  assert.equal(options.otherCents, 0);
  assert.equal(options.totalCents, 1359 + 365 + 400);
  assert.equal(options.details.reduce((sum, d) => sum + d.amountCents, 0), options.totalCents);
});
