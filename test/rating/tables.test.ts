// Exact table cells, read by hand from reference/domain/rates/*.csv.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lookupPrice } from '../../src/domain/rating/rate-table.ts';
import { DHL_EXPORT_TABLES, FEDEX_EXPRESS_TABLES, FEDEX_GROUND_TABLE, USPS_FLAT_RATES, USPS_TABLES } from '../../src/domain/rating/tables.ts';
import { exportPrice } from '../../src/domain/rating/export-pricing.ts';
import { fedexConnector } from '../../src/carriers/fedex/index.ts';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import { upsConnector } from '../../src/carriers/ups/index.ts';
import { AUSTIN_TX, CUSTOMS, NEW_YORK_NY, request, TORONTO_CA } from './fixtures.ts';

test('Priority Mail 3 lb zone 5 is $16.85 and 5 lb zone 6 is $25.45', () => {
  assert.equal(lookupPrice(USPS_TABLES.priorityMail, 3, '5')?.cents, 1685);
  assert.equal(lookupPrice(USPS_TABLES.priorityMail, 5, '6')?.cents, 2545);
});

test('Priority Mail zone 9 is priced as zone 8 (the transcribed zone 9 column is doubtful)', () => {
  assert.equal(lookupPrice(USPS_TABLES.priorityMail, 3, '9')?.cents, 2485);
});

test('weights round UP to the next row, never interpolate', () => {
  assert.equal(lookupPrice(USPS_TABLES.priorityMail, 2.01, '5')?.cents, 1685);
  assert.equal(lookupPrice(FEDEX_GROUND_TABLE, 9.2, '4')?.cents, 1759);
});

test('Ground Advantage retail ounce tiers: 5 oz uses the 8 oz row, 15.99 oz its own row', () => {
  assert.equal(lookupPrice(USPS_TABLES.groundAdvantageRetail, 5 / 16, '1')?.cents, 750);
  assert.equal(lookupPrice(USPS_TABLES.groundAdvantageRetail, 15.99 / 16, '8')?.cents, 1245);
  assert.equal(lookupPrice(USPS_TABLES.groundAdvantageRetail, 4 / 16, '3')?.cents, 735);
});

test('Priority Mail Express has a 0.5 lb row; commercial Ground Advantage starts at 1 lb', () => {
  assert.equal(lookupPrice(USPS_TABLES.priorityMailExpress, 0.4, '4')?.cents, 3520);
  assert.equal(lookupPrice(USPS_TABLES.groundAdvantageCommercial, 0.4, '1')?.cents, 761);
});

test('FedEx Ground 10 lb zone 4 is $17.59 and 40 lb zone 8 is $72.13', () => {
  assert.equal(lookupPrice(FEDEX_GROUND_TABLE, 10, '4')?.cents, 1759);
  assert.equal(lookupPrice(FEDEX_GROUND_TABLE, 40, '8')?.cents, 7213);
});

test('FedEx Express: Priority Overnight 7 lb zone 6, envelope rows, and an estimated (*) cell', () => {
  assert.equal(lookupPrice(FEDEX_EXPRESS_TABLES.get('fedex_priority_overnight')!.weights, 7, '6')?.cents, 15353);
  assert.equal(FEDEX_EXPRESS_TABLES.get('fedex_priority_overnight')!.envelope.prices.get('2'), 3471);
  assert.equal(FEDEX_EXPRESS_TABLES.get('fedex_2day_am')!.envelope.prices.get('5'), 3562);
});

test('DHL export: non-documents 1 lb zone A, documents 2 lb zone B, per-pound above 150 lb', () => {
  assert.equal(lookupPrice(DHL_EXPORT_TABLES.nonDocuments, 1, 'A')?.cents, 11138);
  assert.equal(exportPrice('B', 1.5, { documents: true, envelope: false })?.cents, 8505);
  assert.equal(exportPrice('A', 150, { documents: false, envelope: false })?.cents, 116228);
  // 152 lb in zone A: 152 x $8.03.
  assert.deepEqual(exportPrice('A', 151.2, { documents: false, envelope: false }), { cents: 152 * 803, billedWeightLb: 152, kind: 'non_documents' });
  // Documents above 4 lb fall back to the non-document rows.
  assert.equal(exportPrice('A', 7, { documents: true, envelope: false })?.cents, 17012);
});

test('USPS flat rate ignores weight and zone', () => {
  assert.equal(USPS_FLAT_RATES.priorityMail.get('medium_flat_rate_box'), 2117);
  const near = stampsComConnector.rate(request({ shipTo: NEW_YORK_NY, serviceCodes: ['usps_priority_mail'], parcels: [{ packageCode: 'medium_flat_rate_box', weight: { value: 1, unit: 'pound' } }] }));
  const far = stampsComConnector.rate(request({ shipTo: AUSTIN_TX, serviceCodes: ['usps_priority_mail'], parcels: [{ packageCode: 'medium_flat_rate_box', weight: { value: 20, unit: 'pound' } }] }));
  assert.equal(near.rates[0].totalCents, 2117);
  assert.equal(far.rates[0].totalCents, 2117);
});

test('a Priority Mail quote is the commercial price: the retail cell (3 lb, zone 6 = $19.45) less 13%', () => {
  const { rates } = stampsComConnector.rate(request({ serviceCodes: ['usps_priority_mail'] }));
  assert.equal(rates[0].zone, 6);
  assert.equal(rates[0].shippingCents, 1692);
  assert.match(rates[0].details[0].description, /commercial \(retail 2025-10 less 13%\)/);
  assert.equal(rates[0].billableWeightLb, 3);
});

test('FedEx Ground quote base is the table cell (3 lb, zone 6 = $16.58); UPS Ground is the same cell +2 %', () => {
  const fedex = fedexConnector.rate(request({ serviceCodes: ['fedex_ground'] })).rates[0];
  assert.deepEqual(fedex.details[0], { type: 'shipping', description: 'Base rate', amountCents: 1658 });
  const ups = upsConnector.rate(request({ serviceCodes: ['ups_ground'] })).rates[0];
  assert.equal(ups.details[0].amountCents, Math.round(1658 * 1.02));
});

test('UPS, FedEx and USPS international services are a fixed share of the DHL export price for the zone', () => {
  const toCanada = request({ shipTo: TORONTO_CA, customs: CUSTOMS });
  const base = (connector: typeof fedexConnector, code: string) => connector.rate({ ...toCanada, serviceCodes: [code] }).rates[0].details[0].amountCents;
  // DHL Express Worldwide, 3 lb non-documents, zone A (Canada) = $137.04
  assert.equal(base(fedexConnector, 'fedex_international_priority'), Math.round(13704 * 0.97));
  assert.equal(base(upsConnector, 'ups_worldwide_express'), Math.round(13704 * 1.02));
  assert.equal(base(stampsComConnector, 'usps_priority_mail_international'), Math.round(13704 * 0.42));
});
