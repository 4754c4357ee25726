import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { brooklyn, toronto } from './fixtures.ts';

type Json = Record<string, any>;

const MARGIE = "I have a 4oz package that's 5x10x14in, and I need to ship it to Margie McMiller at 3800 North Lamar suite 200 in austin, tx 78652. Please send it via USPS first class and require an adult signature. It also needs to be insured for $400.";

describe('address validation and recognition', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: POST /addresses/validate answers one result per address, in order`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/addresses/validate`, [
        { ...brooklyn, address_line1: '123 atlantic avenue', city_locality: 'brooklyn' },
        { ...brooklyn, city_locality: 'Queens' },
        { ...brooklyn, postal_code: '99999' },
        toronto,
        { ...brooklyn, country_code: 'XX' },
      ]);
      assert.equal(res.statusCode, 200, res.body);
      const [verified, corrected, badZip, foreign, badCountry] = res.json();
      assert.equal(verified.status, 'verified');
      assert.equal(verified.original_address.address_line1, '123 atlantic avenue', 'the original is what was sent');
      assert.equal(verified.matched_address.address_line1, '123 ATLANTIC AVE');
      assert.deepEqual(verified.messages, []);

      assert.equal(corrected.status, 'warning');
      assert.equal(corrected.matched_address.city_locality, 'BROOKLYN');
      assert.deepEqual(corrected.messages.map((m: Json) => [m.code, m.detail_code]), [['a1003', 'city_locality_changed_or_added']]);

      assert.equal(badZip.status, 'error');
      assert.equal(badZip.matched_address, null);
      assert.ok(badZip.messages.every((m: Json) => m.type === 'error'));
      assert.equal(foreign.status, 'unverified');
      assert.equal(badCountry.status, 'error');
      assert.equal(badCountry.messages[0].detail_code, 'unsupported_country');
    });

    test(`${surface}: addresses without a street number are errors; residential follows evidence`, async () => {
      const us = (line1: string, city: string, state: string, zip: string, extra: Json = {}) => ({
        name: 'Front Desk', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US', ...extra,
      });
      const res = await t.api(surface, 'POST', `${prefix}/addresses/validate`, [
        us('Pennsylvania Ave NW', 'Washington', 'DC', '20500'),
        us('Fifth Avenue', 'New York', 'NY', '10118'),
        us('Colfax Ave', 'Denver', 'CO', '80203'),
        us('350 Fifth Avenue', 'New York', 'NY', '10118'),
        us('12 Oak Hollow Ct', 'Austin', 'TX', '78705', { address_line2: 'Apt 3' }),
        us('1201 W 38th St', 'Austin', 'TX', '78705'),
        us('PO Box 110001', 'Juneau', 'AK', '99811'),
      ]);
      assert.equal(res.statusCode, 200, res.body);
      const results = res.json() as Json[];
      for (const missing of results.slice(0, 3)) {
        assert.equal(missing.status, 'error');
        assert.equal(missing.matched_address, null);
        assert.deepEqual(missing.messages.map((m: Json) => [m.code, m.type, m.detail_code, m.message]), [['a1002', 'error', 'missing_house_number', 'a street number is required']]);
      }
      const [, , , empireState, apartment, plain, poBox] = results;
      assert.equal(empireState.status, 'verified');
      assert.equal(empireState.matched_address.address_residential_indicator, 'no');
      assert.equal(apartment.matched_address.address_residential_indicator, 'yes');
      assert.equal(plain.matched_address.address_residential_indicator, 'unknown');
      assert.equal(poBox.status, 'verified');
      assert.equal(poBox.matched_address.address_residential_indicator, 'no');
      assert.deepEqual(poBox.messages.map((m: Json) => [m.code, m.type, m.message]), [['a1000', 'info', 'PO Box address']]);
    });

    test(`${surface}: validate takes a list of addresses`, async () => {
      for (const body of [[], {}, ['an address'], [{ ...brooklyn, address_residential_indicator: 'maybe' }]]) {
        const res = await t.api(surface, 'POST', `${prefix}/addresses/validate`, body);
        assert.equal(res.statusCode, 400, JSON.stringify(body));
      }
      const missingLine = await t.api(surface, 'POST', `${prefix}/addresses/validate`, [{ ...toronto, postal_code: 'nope' }]);
      assert.equal(missingLine.statusCode, 200);
      assert.equal(missingLine.json()[0].status, 'error', 'a wrong part is a validation result, not a refused request');
    });
  }

  test('shipengine: PUT /addresses/recognize parses free text; known values win', async () => {
    const text = 'Margie McMiller at 3800 North Lamar suite 200 in austin, tx.  The zip code there is 78652.';
    const res = await t.api('shipengine', 'PUT', '/v1/addresses/recognize', { text, address: { country_code: 'US', address_residential_indicator: 'yes' } });
    assert.equal(res.statusCode, 200, res.body);
    const { score, address, entities } = res.json();
    assert.ok(score >= 0.8, String(score));
    assert.deepEqual(
      [address.name, address.address_line1, address.address_line2, address.city_locality, address.state_province, address.postal_code, address.country_code, address.address_residential_indicator],
      ['Margie McMiller', '3800 North Lamar', 'Suite 200', 'Austin', 'TX', '78652', 'US', 'yes'],
    );
    const person = entities.find((e: Json) => e.type === 'person');
    assert.deepEqual([person.start_index, person.end_index, person.text], [0, 14, 'Margie McMiller']);
    assert.equal((await t.api('shipengine', 'PUT', '/v1/addresses/recognize', { text: '' })).statusCode, 400);
    assert.equal((await t.inject({ method: 'PUT', url: '/v2/addresses/recognize', headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' }, payload: { text } })).statusCode, 404, 'ShipEngine only');
  });

  test('shipengine: PUT /shipments/recognize finds the address, package, service and options', async () => {
    const res = await t.api('shipengine', 'PUT', '/v1/shipments/recognize', { text: MARGIE });
    assert.equal(res.statusCode, 200, res.body);
    const { score, shipment, entities } = res.json();
    assert.ok(score > 0.8, String(score));
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    assert.equal(shipment.carrier_id, carriers.find((c: Json) => c.carrier_code === 'stamps_com').carrier_id);
    assert.equal(shipment.service_code, 'usps_first_class_mail');
    assert.equal(shipment.confirmation, 'adult_signature');
    assert.equal(shipment.ship_to.name, 'Margie McMiller');
    assert.equal(shipment.ship_to.postal_code, '78652');
    assert.deepEqual(shipment.packages, [
      { weight: { value: 4, unit: 'ounce' }, dimensions: { length: 5, width: 10, height: 14, unit: 'inch' }, insured_value: { currency: 'usd', amount: 400 } },
    ]);
    for (const entity of entities) assert.equal(MARGIE.slice(entity.start_index, entity.end_index + 1), entity.text, entity.type);
    assert.deepEqual(
      entities.map((e: Json) => e.type).filter((type: string) => !['number', 'address_line'].includes(type)),
      ['weight', 'dimensions', 'person', 'city_locality', 'state_province', 'postal_code', 'carrier', 'service', 'delivery_confirmation', 'insured_value'],
    );

    const known = await t.api('shipengine', 'PUT', '/v1/shipments/recognize', { text: 'Send 2 lbs via UPS ground', shipment: { ship_to: brooklyn, service_code: 'ups_2nd_day_air' } });
    assert.equal(known.statusCode, 200, known.body);
    assert.equal(known.json().shipment.service_code, 'ups_2nd_day_air', 'a known value wins');
    assert.equal(known.json().shipment.ship_to.name, 'Jane Buyer');
    assert.equal((await t.api('shipengine', 'PUT', '/v1/shipments/recognize', {})).statusCode, 400);
  });
});
