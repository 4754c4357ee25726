import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';

type Json = Record<string, any>;

const getRates = (overrides: Json = {}) => ({
  carrierCode: 'fedex',
  fromPostalCode: '78701',
  fromCity: 'Austin',
  fromState: 'TX',
  toCountry: 'US',
  toPostalCode: '11201',
  toCity: 'Brooklyn',
  toState: 'NY',
  weight: { value: 20, units: 'ounces' },
  dimensions: { length: 10, width: 8, height: 4, units: 'inches' },
  confirmation: 'signature',
  residential: true,
  ...overrides,
});

describe('V1 carriers and getrates', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('GET /carriers lists every connection in the V1 shape', async () => {
    const res = await t.v1('GET', '/carriers');
    assert.equal(res.statusCode, 200, res.body);
    const carriers = res.json();
    assert.deepEqual(carriers.map((c: Json) => c.code).sort(), ['dhl_express', 'fedex', 'stamps_com', 'ups']);
    const v2 = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers;
    const fedex = carriers.find((c: Json) => c.code === 'fedex');
    assert.deepEqual(Object.keys(fedex), ['name', 'code', 'accountNumber', 'requiresFundedAccount', 'balance', 'nickname', 'shippingProviderId', 'primary']);
    assert.equal(`se-${fedex.shippingProviderId}`, v2.find((c: Json) => c.carrier_code === 'fedex').carrier_id, 'shippingProviderId is the carrier row id');
    assert.deepEqual([fedex.name, fedex.primary, fedex.balance, fedex.requiresFundedAccount], ['FedEx', true, 0, false]);
  });

  test('getcarrier, listservices and listpackages by carrierCode', async () => {
    const ups = await t.v1('GET', '/carriers/getcarrier?carrierCode=ups');
    assert.equal(ups.statusCode, 200, ups.body);
    assert.equal(ups.json().code, 'ups');
    const services = (await t.v1('GET', '/carriers/listservices?carrierCode=ups')).json();
    assert.deepEqual(services.find((s: Json) => s.code === 'ups_ground'), { carrierCode: 'ups', code: 'ups_ground', name: 'UPS® Ground', domestic: true, international: false });
    assert.ok(!services.some((s: Json) => s.code === 'ups_ground_saver'), 'Ground Saver only once enabled');
    const packages = (await t.v1('GET', '/carriers/listpackages?carrierCode=stamps_com')).json();
    assert.ok(packages.some((p: Json) => p.code === 'flat_rate_envelope' && p.carrierCode === 'stamps_com'));

    const missing = await t.v1('GET', '/carriers/getcarrier');
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().ModelState['request.carrierCode']);
    for (const path of ['getcarrier', 'listservices', 'listpackages']) {
      const unknown = await t.v1('GET', `/carriers/${path}?carrierCode=pony_express`);
      assert.equal(unknown.statusCode, 404, path);
      assert.match(unknown.json().Message, /pony_express/);
    }
  });

  test('POST /shipments/getrates prices with the same engine as V2', async () => {
    const res = await t.v1('POST', '/shipments/getrates', getRates());
    assert.equal(res.statusCode, 200, res.body);
    const rates = res.json();
    assert.ok(rates.length >= 4, `${rates.length} FedEx rates`);
    for (const rate of rates) {
      assert.deepEqual(Object.keys(rate), ['serviceName', 'serviceCode', 'shipmentCost', 'otherCost']);
      assert.ok(rate.otherCost > 0, 'the signature is an other cost');
    }
    const v2 = (
      await t.api('v2', 'POST', '/v2/rates/estimate', {
        carrier_ids: [(await t.api('v2', 'GET', '/v2/carriers')).json().carriers.find((c: Json) => c.carrier_code === 'fedex').carrier_id],
        from_country_code: 'US', from_postal_code: '78701', from_city_locality: 'Austin', from_state_province: 'TX',
        to_country_code: 'US', to_postal_code: '11201', to_city_locality: 'Brooklyn', to_state_province: 'NY',
        weight: { value: 20, unit: 'ounce' }, dimensions: { length: 10, width: 8, height: 4, unit: 'inch' },
        confirmation: 'signature', address_residential_indicator: 'yes',
      })
    ).json();
    for (const rate of rates) {
      const twin = v2.find((r: Json) => r.service_code === rate.serviceCode);
      assert.ok(twin, rate.serviceCode);
      assert.equal(rate.shipmentCost, twin.shipping_amount.amount);
      assert.equal(Math.round(rate.otherCost * 100), Math.round((twin.confirmation_amount.amount + twin.insurance_amount.amount + twin.other_amount.amount) * 100));
      assert.equal(rate.serviceName, twin.service_type);
    }
  });

  test('getrates: service, package, metric units and a warehouse origin', async () => {
    const ground = (await t.v1('POST', '/shipments/getrates', getRates({ carrierCode: 'ups', serviceCode: 'ups_ground' }))).json();
    assert.deepEqual(ground.map((r: Json) => r.serviceCode), ['ups_ground']);
    const metric = await t.v1('POST', '/shipments/getrates', getRates({ weight: { value: 567, units: 'grams' }, dimensions: { length: 25, width: 20, height: 10, units: 'centimeters' } }));
    assert.equal(metric.statusCode, 200, metric.body);
    assert.ok(metric.json().length > 0);
    const flat = (await t.v1('POST', '/shipments/getrates', getRates({ carrierCode: 'stamps_com', packageCode: 'flat_rate_envelope', dimensions: null }))).json();
    assert.ok(flat.some((r: Json) => r.serviceCode === 'usps_priority_mail'), JSON.stringify(flat));

    const warehouse = await t.api('v2', 'POST', '/v2/warehouses', {
      name: 'Manhattan',
      origin_address: { name: 'Dock', phone: '212-555-0100', address_line1: '350 5th Ave', city_locality: 'New York', state_province: 'NY', postal_code: '10118', country_code: 'US' },
    });
    const warehouseId = Number(warehouse.json().warehouse_id.slice(3));
    const nearby = (await t.v1('POST', '/shipments/getrates', getRates({ carrierCode: 'ups', serviceCode: 'ups_ground', fromWarehouseId: warehouseId }))).json();
    assert.notEqual(nearby[0].shipmentCost, ground[0].shipmentCost, 'the warehouse is the origin');
  });

  test('getrates: a missing or unknown carrierCode is a ModelState 400', async () => {
    const unknown = await t.v1('POST', '/shipments/getrates', getRates({ carrierCode: 'pony_express' }));
    assert.equal(unknown.statusCode, 400);
    assert.deepEqual(Object.keys(unknown.json().ModelState), ['request.carrierCode']);
    const { carrierCode: _omitted, ...withoutCarrier } = getRates();
    const missing = await t.v1('POST', '/shipments/getrates', withoutCarrier);
    assert.equal(missing.statusCode, 400);
    assert.ok(missing.json().ModelState['request.carrierCode']);
    const badUnits = await t.v1('POST', '/shipments/getrates', getRates({ weight: { value: 1, units: 'stones' } }));
    assert.equal(badUnits.statusCode, 400);
    assert.ok(badUnits.json().ModelState['request.weight.units']);
    const bigWarehouse = await t.v1('POST', '/shipments/getrates', getRates({ fromWarehouseId: 99999999999 }));
    assert.equal(bigWarehouse.statusCode, 400);
    const noWarehouse = await t.v1('POST', '/shipments/getrates', getRates({ fromWarehouseId: 999999 }));
    assert.equal(noWarehouse.statusCode, 400);
    assert.ok(noWarehouse.json().ModelState['request.fromWarehouseId']);
  });
});
