// Services that cannot carry a shipment come back as invalid rates with a reason, never as exceptions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { dhlExpressConnector } from '../../src/carriers/dhl_express/index.ts';
import { fedexConnector } from '../../src/carriers/fedex/index.ts';
import { stampsComConnector } from '../../src/carriers/stamps_com/index.ts';
import type { CarrierConnector, RateRequest } from '../../src/carriers/types.ts';
import { upsConnector } from '../../src/carriers/ups/index.ts';
import { AUSTIN_TX, CUSTOMS, request, TORONTO_CA } from './fixtures.ts';

function messagesFor(connector: CarrierConnector, serviceCode: string, overrides: Partial<RateRequest>): string[] {
  const result = connector.rate(request({ serviceCodes: [serviceCode], ...overrides }));
  assert.equal(result.rates.length, 0, `${serviceCode} was rated`);
  const invalid = result.invalidRates.find((rate) => rate.serviceCode === serviceCode);
  assert.ok(invalid, `${serviceCode} missing from invalid rates`);
  return invalid.messages;
}

test('over the maximum weight', () => {
  const [message] = messagesFor(stampsComConnector, 'usps_priority_mail', { parcels: [{ weight: { value: 71, unit: 'pound' } }] });
  assert.equal(message, 'Weight 71 lb exceeds the 70 lb maximum for USPS Priority Mail');
  assert.match(messagesFor(upsConnector, 'ups_ground', { parcels: [{ weight: { value: 151, unit: 'pound' } }] })[0], /150 lb maximum/);
  assert.match(messagesFor(fedexConnector, 'fedex_ground', { parcels: [{ weight: { value: 200, unit: 'pound' } }] })[0], /150 lb maximum/);
});

test('international without customs', () => {
  assert.deepEqual(messagesFor(dhlExpressConnector, 'dhl_express_worldwide', { shipTo: TORONTO_CA }), ['Customs information is required for international shipments']);
  assert.deepEqual(messagesFor(stampsComConnector, 'usps_priority_mail_international', { shipTo: TORONTO_CA }), ['Customs information is required for international shipments']);
});

test('domestic-only service abroad, international service at home', () => {
  assert.deepEqual(messagesFor(upsConnector, 'ups_ground', { shipTo: TORONTO_CA, customs: CUSTOMS }), ['UPS® Ground is a domestic service and cannot ship to CA']);
  assert.deepEqual(messagesFor(fedexConnector, 'fedex_international_priority', {}), ['FedEx International Priority® is an international service and cannot ship within US']);
  assert.match(messagesFor(dhlExpressConnector, 'dhl_express_worldwide', {})[0], /cannot ship within US/);
});

test('package type not allowed for the service or route', () => {
  const envelope = { parcels: [{ packageCode: 'fedex_envelope', weight: { value: 4, unit: 'ounce' as const } }] };
  assert.deepEqual(messagesFor(fedexConnector, 'fedex_ground', envelope), ['FedEx® Envelope cannot be shipped with FedEx Ground®']);
  const tenKgBox = { parcels: [{ packageCode: 'fedex_10kg_box', weight: { value: 5, unit: 'pound' as const } }] };
  assert.deepEqual(messagesFor(fedexConnector, 'fedex_priority_overnight', tenKgBox), ['FedEx® 10kg Box cannot be shipped with FedEx Priority Overnight®']);
  assert.match(messagesFor(upsConnector, 'ups_ground', { parcels: [{ packageCode: 'fedex_pak', weight: { value: 1, unit: 'pound' } }] })[0], /not offered by UPS/);
  assert.match(messagesFor(stampsComConnector, 'usps_ground_advantage', { parcels: [{ packageCode: 'medium_flat_rate_box', weight: { value: 1, unit: 'pound' } }] })[0], /cannot be shipped/);
});

test('too large for the carrier, or for the First-Class Mail piece', () => {
  const huge = { parcels: [{ weight: { value: 30, unit: 'pound' as const }, dimensions: { length: 110, width: 10, height: 10, unit: 'inch' as const } }] };
  assert.match(messagesFor(upsConnector, 'ups_ground', huge)[0], /108 in maximum/);
  assert.match(messagesFor(stampsComConnector, 'usps_priority_mail_express', { parcels: [{ weight: { value: 5, unit: 'pound' }, dimensions: { length: 40, width: 25, height: 10, unit: 'inch' } }] })[0], /110 in exceeds the 108 in maximum/);
  const letter = { parcels: [{ packageCode: 'letter', weight: { value: 4, unit: 'ounce' as const } }] };
  assert.match(messagesFor(stampsComConnector, 'usps_first_class_mail', letter)[0], /Too heavy/);
});

test('UPS Ground Saver is only offered when enabled for the account', () => {
  assert.ok(!upsConnector.rate(request()).rates.some((rate) => rate.serviceCode === 'ups_ground_saver'));
  assert.ok(!upsConnector.rate(request()).invalidRates.some((rate) => rate.serviceCode === 'ups_ground_saver'));
  assert.deepEqual(messagesFor(upsConnector, 'ups_ground_saver', {}), ['UPS Ground Saver is not enabled for this account']);
  const enabled = upsConnector.rate(request({ settings: { groundSaverEnabled: true }, shipTo: { ...AUSTIN_TX, residential: 'yes' } }));
  const saver = enabled.rates.find((rate) => rate.serviceCode === 'ups_ground_saver');
  const ground = enabled.rates.find((rate) => rate.serviceCode === 'ups_ground');
  assert.ok(saver && ground);
  assert.ok(saver.totalCents < ground.totalCents, 'Ground Saver has no residential surcharge');
  assert.ok(saver.deliveryDays! >= ground.deliveryDays!);
});

test('multi-package: USPS refuses, UPS rates each parcel and sums', () => {
  const two = { parcels: [{ weight: { value: 3, unit: 'pound' as const } }, { weight: { value: 10, unit: 'pound' as const } }] };
  assert.deepEqual(messagesFor(stampsComConnector, 'usps_priority_mail', two), ['USPS Priority Mail does not support multi-package shipments']);
  const both = upsConnector.rate(request({ serviceCodes: ['ups_ground'], ...two })).rates[0];
  const first = upsConnector.rate(request({ serviceCodes: ['ups_ground'], parcels: [two.parcels[0]] })).rates[0];
  const second = upsConnector.rate(request({ serviceCodes: ['ups_ground'], parcels: [two.parcels[1]] })).rates[0];
  assert.equal(both.billableWeightLb, 13);
  assert.equal(both.details.find((line) => line.type === 'shipping')!.amountCents, first.details[0].amountCents + second.details[0].amountCents);
  assert.ok(Math.abs(both.totalCents - (first.totalCents + second.totalCents)) <= 1, 'fuel is rounded per parcel');
  assert.equal(upsConnector.supportsMultiPackage('ups_ground'), true);
  assert.equal(stampsComConnector.supportsMultiPackage('usps_priority_mail'), false);
  assert.equal(fedexConnector.maxWeightLb('fedex_ground'), 150);
});

test('unknown service codes, unoffered confirmations and unrated services are reported', () => {
  assert.deepEqual(messagesFor(upsConnector, 'ups_teleport', {}), ["Unknown service 'ups_teleport' for UPS"]);
  assert.match(messagesFor(dhlExpressConnector, 'dhl_express_worldwide', { shipTo: TORONTO_CA, customs: CUSTOMS, confirmation: 'delivery' })[0], /does not offer the 'delivery'/);
  assert.match(messagesFor(fedexConnector, 'fedex_1_day_freight', {})[0], /freight/);
  assert.match(messagesFor(stampsComConnector, 'usps_media_mail', {})[0], /not part of the simulator rate data/);
  assert.match(messagesFor(dhlExpressConnector, 'dhl_express_worldwide_documents', { shipTo: TORONTO_CA, customs: CUSTOMS })[0], /only carries documents/);
  assert.match(messagesFor(fedexConnector, 'fedex_home_delivery', {})[0], /residential/);
});

test('without a service filter every listed service is either rated or explained', () => {
  const result = fedexConnector.rate(request({ shipTo: { ...AUSTIN_TX, residential: 'yes' } }));
  const rated = new Set(result.rates.map((rate) => rate.serviceCode));
  assert.ok(rated.has('fedex_ground') && rated.has('fedex_home_delivery') && rated.has('fedex_first_overnight'));
  assert.ok(result.invalidRates.every((rate) => rate.messages.length > 0));
  assert.ok(!result.invalidRates.some((rate) => rate.serviceCode.endsWith('freight')), 'unrated services are skipped unless asked for');
});
