// Connector catalogs derived from carriers.json, and the registry.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { getCarrierConnector, listCarrierConnectors } from '../../src/carriers/registry.ts';
import { upsConnector } from '../../src/carriers/ups/index.ts';

const source = JSON.parse(readFileSync(new URL('../../reference/domain/carriers.json', import.meta.url), 'utf8')) as {
  carriers: Record<string, { services: { service_code: string }[]; packages: { package_code: string }[]; advanced_options: { name: string }[] }>;
};

test('the registry lists the four simulated carriers and finds them by code', () => {
  assert.deepEqual(listCarrierConnectors().map((connector) => connector.carrierCode), ['stamps_com', 'ups', 'fedex', 'dhl_express']);
  assert.equal(getCarrierConnector('ups'), upsConnector);
  assert.equal(getCarrierConnector('ontrac'), null);
});

test('catalogs list every service, package and advanced option of carriers.json', () => {
  for (const { carrierCode, catalog } of listCarrierConnectors()) {
    const carrier = source.carriers[carrierCode];
    assert.deepEqual(catalog.services.map((service) => service.serviceCode), carrier.services.map((service) => service.service_code));
    // ups__express_box_large is exposed as ups_express_box_large: package codes may not contain "__".
    assert.deepEqual(catalog.packageTypes.map((type) => type.packageCode), carrier.packages.map((type) => type.package_code.replace(/_{2,}/g, '_')));
    assert.deepEqual(catalog.advancedOptions.map((option) => option.name), carrier.advanced_options.map((option) => option.name));
  }
});

test('services only accept package codes their carrier lists', () => {
  for (const { catalog } of listCarrierConnectors()) {
    const codes = new Set(catalog.packageTypes.map((type) => type.packageCode));
    for (const service of catalog.services) {
      for (const code of service.packageCodes) assert.ok(codes.has(code), `${service.serviceCode} accepts unknown ${code}`);
    }
  }
});

test('package types carry names, dimensions and limits', () => {
  const usps = getCarrierConnector('stamps_com')!.catalog;
  const box = usps.packageTypes.find((type) => type.packageCode === 'medium_flat_rate_box');
  assert.deepEqual(box?.dimensions, { unit: 'inch', length: 11.25, width: 8.75, height: 6 });
  const fedex = getCarrierConnector('fedex')!.catalog;
  assert.equal(fedex.packageTypes.find((type) => type.packageCode === 'fedex_25kg_box')?.maxWeightLb, 55);
  assert.equal(fedex.confirmations.direct_signature, 'Direct Signature Required');
  assert.equal(getCarrierConnector('dhl_express')!.maxWeightLb('dhl_express_worldwide'), 154);
  assert.equal(getCarrierConnector('dhl_express')!.supportsMultiPackage('dhl_express_envelope'), false);
});
