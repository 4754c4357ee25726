// Each surcharge and option fee, with amounts from surcharges.json, and the bucket/detail arithmetic.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { deliveryAreaTier } from '../../src/domain/rating/delivery-area.ts';
import { dhlExpressConnector } from '../../src/carriers/dhl_express/index.ts';
import { fedexConnector } from '../../src/carriers/fedex/index.ts';
import { listCarrierConnectors } from '../../src/carriers/registry.ts';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import type { CarrierConnector, RateQuote, RateRequest } from '../../src/carriers/types.ts';
import { upsConnector } from '../../src/carriers/ups/index.ts';
import { AUSTIN_TX, CUSTOMS, request, TORONTO_CA } from './fixtures.ts';

function quote(connector: CarrierConnector, serviceCode: string, overrides: Partial<RateRequest> = {}): RateQuote {
  const result = connector.rate(request({ serviceCodes: [serviceCode], ...overrides }));
  assert.equal(result.invalidRates.length, 0, JSON.stringify(result.invalidRates));
  return result.rates[0];
}

function detail(rate: RateQuote, description: string): number | undefined {
  return rate.details.find((line) => line.description.startsWith(description))?.amountCents;
}

const RESIDENTIAL_AUSTIN = { ...AUSTIN_TX, residential: 'yes' as const };
const parcel = (pounds: number, length?: number, width?: number, height?: number) => ({
  weight: { value: pounds, unit: 'pound' as const },
  dimensions: length ? { length, width: width!, height: height!, unit: 'inch' as const } : null,
});

test('residential surcharge for UPS/FedEx only, and fuel on base + residential', () => {
  const fedex = quote(fedexConnector, 'fedex_ground', { shipTo: RESIDENTIAL_AUSTIN });
  assert.equal(detail(fedex, 'Base rate'), 1658);
  assert.equal(detail(fedex, 'Residential surcharge'), 595);
  assert.equal(detail(fedex, 'Fuel surcharge'), Math.round((1658 + 595) * 0.185));
  assert.equal(fedex.shippingCents, 1658 + 595 + 417);
  assert.equal(detail(quote(upsConnector, 'ups_next_day_air', { shipTo: RESIDENTIAL_AUSTIN }), 'Residential surcharge'), 655);
  assert.equal(detail(quote(upsConnector, 'ups_ground', { shipTo: AUSTIN_TX }), 'Residential surcharge'), undefined);
  const usps = quote(stampsComConnector, 'usps_priority_mail', { shipTo: RESIDENTIAL_AUSTIN });
  assert.equal(usps.details.length, 1);
  assert.equal(usps.shippingCents, 1692); // commercial: retail $19.45 less 13%
});

test('delivery area surcharge hits a stable ~9 % of ZIPs, by tier', () => {
  let hits = 0;
  for (let zip = 10000; zip < 99500; zip += 1) if (deliveryAreaTier(String(zip)) !== null) hits += 1;
  const share = hits / (99500 - 10000);
  assert.ok(share > 0.08 && share < 0.1, `share ${share}`);
  const at = (postalCode: string, residential: 'yes' | 'no') => quote(fedexConnector, 'fedex_ground', { shipTo: { ...AUSTIN_TX, postalCode, residential } });
  assert.equal(detail(at('78704', 'no'), 'Delivery area surcharge'), 420);
  assert.equal(detail(at('78704', 'yes'), 'Delivery area surcharge'), 660);
  assert.equal(detail(at('78758', 'no'), 'Delivery area surcharge - extended'), 550);
  assert.equal(detail(at('99501', 'no'), 'Delivery area surcharge - Alaska'), 4300);
  assert.equal(detail(at('78701', 'no'), 'Delivery area surcharge'), undefined);
  assert.equal(detail(quote(stampsComConnector, 'usps_ground_advantage', { shipTo: { ...AUSTIN_TX, postalCode: '78704' } }), 'Delivery area'), undefined);
});

test('additional handling: dimension (40 lb minimum billable), weight, oversize (90 lb minimum)', () => {
  const long = quote(fedexConnector, 'fedex_ground', { parcels: [parcel(10, 49, 12, 6)] });
  assert.equal(detail(long, 'Additional handling - dimensions'), 3600);
  assert.equal(long.billableWeightLb, 40);
  assert.equal(detail(long, 'Base rate'), 5316);
  const heavy = quote(upsConnector, 'ups_ground', { parcels: [parcel(60, 12, 12, 12)] });
  assert.equal(detail(heavy, 'Additional handling - weight'), 5275);
  assert.equal(detail(heavy, 'Additional handling - dimensions'), undefined);
  const oversize = quote(fedexConnector, 'fedex_ground', { parcels: [parcel(20, 100, 10, 10)] });
  assert.equal(detail(oversize, 'Oversize charge'), 23833);
  assert.equal(detail(oversize, 'Additional handling'), undefined);
  assert.equal(oversize.billableWeightLb, 90);
  assert.equal(detail(oversize, 'Base rate'), 9145);
});

test('USPS nonstandard length and volume fees', () => {
  assert.equal(detail(quote(stampsComConnector, 'usps_priority_mail', { parcels: [parcel(3, 24, 6, 4)] }), 'Nonstandard length fee (over 22 in)'), 400);
  assert.equal(detail(quote(stampsComConnector, 'usps_priority_mail', { parcels: [parcel(3, 32, 6, 4)] }), 'Nonstandard length fee (over 30 in)'), 1500);
  const cube = quote(stampsComConnector, 'usps_ground_advantage', { parcels: [parcel(3, 16, 16, 16)] });
  assert.equal(detail(cube, 'Nonstandard volume fee'), 1800);
  assert.equal(detail(cube, 'Nonstandard length'), undefined);
});

test('Saturday delivery: charged when the estimate lands on Saturday, otherwise a warning', () => {
  const friday = quote(fedexConnector, 'fedex_priority_overnight', { shipDate: '2026-03-06', saturdayDelivery: true });
  assert.equal(friday.estimatedDeliveryDate, '2026-03-07');
  assert.equal(detail(friday, 'Saturday delivery'), 1600);
  assert.equal(friday.otherCents, 1600);
  assert.equal(detail(friday, 'Fuel surcharge'), Math.round((detail(friday, 'Base rate')! + 1600) * 0.21));
  const wednesday = quote(fedexConnector, 'fedex_priority_overnight', { saturdayDelivery: true });
  assert.equal(detail(wednesday, 'Saturday delivery'), undefined);
  assert.match(wednesday.warnings[0], /not a Saturday/);
  assert.match(quote(upsConnector, 'ups_ground', { saturdayDelivery: true }).warnings[0], /not available/);
});

test('signature and adult signature confirmation fees per carrier', () => {
  const cases: [CarrierConnector, string, RateRequest['confirmation'], number][] = [
    [stampsComConnector, 'usps_priority_mail', 'signature', 365],
    [stampsComConnector, 'usps_priority_mail', 'adult_signature', 850],
    [upsConnector, 'ups_ground', 'signature', 695],
    [upsConnector, 'ups_ground', 'adult_signature', 850],
    [fedexConnector, 'fedex_ground', 'signature', 705],
    [fedexConnector, 'fedex_ground', 'direct_signature', 770],
    [fedexConnector, 'fedex_ground', 'adult_signature', 905],
    [fedexConnector, 'fedex_ground', 'delivery', 0],
  ];
  for (const [connector, service, confirmation, cents] of cases) {
    const rate = quote(connector, service, { confirmation });
    assert.equal(rate.confirmationCents, cents, `${service} ${confirmation}`);
  }
  const dhl = quote(dhlExpressConnector, 'dhl_express_worldwide', { shipTo: TORONTO_CA, customs: CUSTOMS, confirmation: 'adult_signature' });
  assert.equal(dhl.confirmationCents, 865);
});

test('insurance and declared value per $100', () => {
  const insured = (cents: number) => ({ parcels: [{ weight: { value: 3, unit: 'pound' as const }, insuredValueCents: cents }] });
  // USPS: $100 included, then $2.00 per $100 or part
  assert.equal(quote(stampsComConnector, 'usps_priority_mail', insured(25_000)).insuranceCents, 400);
  assert.equal(quote(stampsComConnector, 'usps_priority_mail', insured(10_000)).insuranceCents, 0);
  // FedEx: free to $100, $4.50 to $300, +$1.50 per $100 above
  assert.equal(quote(fedexConnector, 'fedex_ground', insured(25_000)).insuranceCents, 450);
  assert.equal(quote(fedexConnector, 'fedex_ground', insured(50_000)).insuranceCents, 750);
  // UPS: $1.55 per $100 of value, $4.65 minimum
  assert.equal(quote(upsConnector, 'ups_ground', insured(25_000)).insuranceCents, 465);
  assert.equal(quote(upsConnector, 'ups_ground', insured(100_000)).insuranceCents, 1550);
  // DHL: $1.35 per $100
  assert.equal(quote(dhlExpressConnector, 'dhl_express_worldwide', { ...insured(25_000), shipTo: TORONTO_CA, customs: CUSTOMS }).insuranceCents, 405);
});

test('fuel: UPS/FedEx ground 18.5 %, air 21 %, DHL 25 %, never USPS', () => {
  const air = quote(upsConnector, 'ups_2nd_day_air');
  assert.equal(detail(air, 'Fuel surcharge (21%)'), Math.round(detail(air, 'Base rate')! * 0.21));
  const dhl = quote(dhlExpressConnector, 'dhl_express_12_00', { shipTo: TORONTO_CA, customs: CUSTOMS });
  assert.equal(detail(dhl, 'Base rate'), 13704); // 3 lb zone A
  assert.equal(detail(dhl, 'Time definite delivery by 12:00'), 630);
  assert.equal(detail(dhl, 'Fuel surcharge (25%)'), Math.round((13704 + 630) * 0.25));
  for (const service of ['usps_ground_advantage', 'usps_priority_mail', 'usps_priority_mail_express']) {
    assert.ok(quote(stampsComConnector, service).details.every((line) => line.type !== 'fuel_charge'));
  }
});

test('every quote: buckets and detail lines both sum to the total, details use ShipEngine types', () => {
  const detailTypes = new Set(['uncategorized', 'shipping', 'insurance', 'confirmation', 'discount', 'fuel_charge', 'additional_fees', 'tariff', 'tax', 'delivery', 'handling', 'special_goods', 'pickup', 'location_fee', 'oversize', 'returns', 'notifications', 'tip', 'duties_and_taxes', 'brokerage_fee', 'admin_fee', 'adjustment']);
  const requests: RateRequest[] = [
    request({ shipTo: { ...RESIDENTIAL_AUSTIN, postalCode: '78758' }, confirmation: 'signature', parcels: [{ ...parcel(55, 50, 20, 10), insuredValueCents: 80_000 }], shipDate: '2026-03-05', saturdayDelivery: true }),
    request({ shipTo: TORONTO_CA, customs: CUSTOMS, confirmation: 'signature', parcels: [{ ...parcel(12, 30, 20, 10), insuredValueCents: 30_000 }] }),
  ];
  let checked = 0;
  for (const connector of listCarrierConnectors()) {
    for (const rateRequest of requests) {
      for (const rate of connector.rate(rateRequest).rates) {
        const bucketSum = rate.shippingCents + rate.insuranceCents + rate.confirmationCents + rate.otherCents;
        assert.equal(bucketSum, rate.totalCents, rate.serviceCode);
        assert.equal(rate.details.reduce((sum, line) => sum + line.amountCents, 0), rate.totalCents, rate.serviceCode);
        assert.ok(rate.details.every((line) => detailTypes.has(line.type) && Number.isInteger(line.amountCents)));
        checked += 1;
      }
    }
  }
  assert.ok(checked > 20);
});

test('residential surcharge: the request indicator first, then the address evidence; unknown is rated commercial', () => {
  const surcharge = (shipTo: typeof AUSTIN_TX) => detail(quote(upsConnector, 'ups_ground', { shipTo }), 'Residential surcharge');
  const unknown = { ...AUSTIN_TX, residential: 'unknown' as const, companyName: null };
  assert.ok(surcharge(RESIDENTIAL_AUSTIN)! > 0);
  assert.equal(surcharge({ ...unknown, addressLine2: 'Apt 4' }), surcharge(RESIDENTIAL_AUSTIN), 'an apartment is residential');
  assert.equal(surcharge(unknown), undefined, 'a bare street address is no evidence');
  assert.equal(surcharge({ ...unknown, addressLine1: '350 5th Ave', postalCode: '10118', cityLocality: 'New York', stateProvince: 'NY' }), undefined, 'Empire State Building');
  assert.equal(surcharge({ ...unknown, addressLine2: 'Apt 4', residential: 'no' }), undefined, 'the request says commercial');
  assert.equal(surcharge({ ...unknown, companyName: 'Acme', residential: 'yes' }), surcharge(RESIDENTIAL_AUSTIN), 'the request says residential');
});
