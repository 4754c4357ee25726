import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin, brooklyn, customs, domesticShipment, toronto } from './fixtures.ts';

describe('carriers and rates', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: the four simulated carriers with services, packages and options`, async () => {
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      assert.deepEqual(carriers.map((c: { carrier_code: string }) => c.carrier_code).sort(), ['dhl_express', 'fedex', 'stamps_com', 'ups']);
      const ups = carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups');
      assert.ok(ups.services.some((s: { service_code: string }) => s.service_code === 'ups_ground'));
      assert.ok(!ups.services.some((s: { service_code: string }) => s.service_code === 'ups_ground_saver'), 'ground saver is off by default');
      for (const part of ['services', 'packages', 'options']) {
        const res = await t.api(surface, 'GET', `${prefix}/carriers/${ups.carrier_id}/${part}`);
        assert.equal(res.statusCode, 200);
        assert.ok(res.json()[part].length > 0, part);
      }
      assert.equal((await t.api(surface, 'GET', `${prefix}/carriers/se-999999`)).statusCode, 404);
    });

    test(`${surface}: rates for an inline shipment; amounts add up; stored with ids`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment() });
      assert.equal(res.statusCode, 200, res.body);
      const body = res.json();
      assert.match(body.shipment_id, /^se-\d+$/);
      const { rates, invalid_rates: invalid } = body.rate_response;
      assert.ok(rates.length >= 8, `rates: ${rates.length}`);
      for (const rate of rates) {
        const parts = ['shipping_amount', 'insurance_amount', 'confirmation_amount', 'other_amount'].reduce((sum, k) => sum + Math.round(rate[k].amount * 100), 0);
        const details = rate.rate_details.reduce((sum: number, d: { amount: { amount: number } }) => sum + Math.round(d.amount.amount * 100), 0);
        assert.equal(details, parts, `${rate.service_code} details sum to the total`);
      }
      assert.ok(invalid.some((r: { service_code: string }) => /international/.test(r.service_code)), 'international services are invalid for a domestic shipment');
      const one = await t.api(surface, 'GET', `${prefix}/rates/${rates[0].rate_id}`);
      assert.equal(one.json().shipping_amount.amount, rates[0].shipping_amount.amount);
      const again = await t.api(surface, 'GET', `${prefix}/shipments/${body.shipment_id}/rates`);
      assert.equal(again.json().rates.length, rates.length);
    });

    test(`${surface}: the issue's cases through the API: commercial USPS, fees in other_amount, business-day transit`, async () => {
      const baltimore = { ...austin, address_line1: '100 N Charles St', city_locality: 'Baltimore', state_province: 'MD', postal_code: '21201' };
      const losAngeles = { ...brooklyn, address_line1: '200 N Spring St', city_locality: 'Los Angeles', state_province: 'CA', postal_code: '90012' };
      const rated = async (serviceCodes: string[], packages: unknown[]) => {
        const res = await t.api(surface, 'POST', `${prefix}/rates`, {
          shipment: { ship_from: baltimore, ship_to: losAngeles, ship_date: '2027-01-15T12:00:00Z', packages },
          rate_options: { service_codes: serviceCodes },
        });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().rate_response.rates as Record<string, any>[];
      };
      const [ground] = await rated(['ups_ground'], [{ weight: { value: 3, unit: 'pound' } }]);
      assert.deepEqual([ground.delivery_days, ground.carrier_delivery_days, ground.estimated_delivery_date.slice(0, 10)], [5, '5', '2027-01-25']);

      const [usps] = await rated(['usps_ground_advantage'], [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 25, width: 6, height: 6, unit: 'inch' } }]);
      assert.equal(usps.zone, 8);
      assert.equal(usps.shipping_amount.amount, 15.75, 'commercial 3 lb zone 8');
      assert.equal(usps.other_amount.amount, 4, 'nonstandard length fee');
      assert.deepEqual(
        usps.rate_details.map((d: Record<string, any>) => [d.rate_detail_type, d.carrier_description, d.amount.amount]),
        [['shipping', 'Postage - USPS Ground Advantage commercial 2026-07', 15.75], ['oversize', 'Nonstandard length fee (over 22 in)', 4]],
      );
    });

    test(`${surface}: rate_options filter carriers and services; unknown carrier is a field error`, async () => {
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      const fedex = carriers.find((c: { carrier_code: string }) => c.carrier_code === 'fedex');
      const res = await t.api(surface, 'POST', `${prefix}/rates`, {
        shipment: domesticShipment(),
        rate_options: { carrier_ids: [fedex.carrier_id], service_codes: ['fedex_ground'] },
      });
      const rates = res.json().rate_response.rates;
      assert.deepEqual(rates.map((r: { service_code: string }) => r.service_code), ['fedex_ground']);
      const bad = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: domesticShipment(), rate_options: { carrier_ids: ['se-999999'] } });
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field_name, 'rate_options.carrier_ids');
    });

    test(`${surface}: international without customs is an invalid rate, with customs DHL rates`, async () => {
      const without = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: { ship_from: austin, ship_to: toronto, packages: [{ weight: { value: 2, unit: 'pound' } }] } });
      assert.equal(without.statusCode, 200, without.body);
      const messages = without.json().rate_response.invalid_rates.flatMap((r: { error_messages: string[] }) => r.error_messages).join(' ');
      assert.match(messages, /customs/i);
      const withCustoms = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: { ship_from: austin, ship_to: toronto, customs, packages: [{ weight: { value: 2, unit: 'pound' } }] } });
      const codes = withCustoms.json().rate_response.rates.map((r: { service_code: string }) => r.service_code);
      assert.ok(codes.includes('express_worldwide') || codes.some((c: string) => c.startsWith('dhl_')), codes.join());
    });

    test(`${surface}: rate estimates without a stored shipment`, async () => {
      const res = await t.api(surface, 'POST', `${prefix}/rates/estimate`, {
        from_country_code: 'US', from_postal_code: '78701', from_city_locality: 'Austin', from_state_province: 'TX',
        to_country_code: 'US', to_postal_code: '11201', to_city_locality: 'Brooklyn', to_state_province: 'NY',
        weight: { value: 20, unit: 'ounce' }, ship_date: '2026-12-01',
      });
      assert.equal(res.statusCode, 200, res.body);
      assert.ok(res.json().length > 5);
      assert.equal((await t.api(surface, 'POST', `${prefix}/rates/estimate`, { from_country_code: 'US' })).statusCode, 400);
    });
  }

  test('UPS settings: enabling Ground Saver adds the service to the carrier and its rates', async () => {
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    const ups = carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups');
    const put = await t.api('shipengine', 'PUT', `/v1/connections/carriers/ups/${ups.carrier_id}/settings`, { enable_ground_saver_service: true });
    assert.equal(put.statusCode, 204, put.body);
    const settings = await t.api('shipengine', 'GET', `/v1/connections/carriers/ups/${ups.carrier_id}/settings`);
    assert.equal(settings.statusCode, 200);
    assert.equal('enable_ground_saver_service' in settings.json(), false, 'ups_account_settings has no such property');
    const services = (await t.api('shipengine', 'GET', `/v1/carriers/${ups.carrier_id}/services`)).json().services;
    assert.ok(services.some((s: { service_code: string }) => s.service_code === 'ups_ground_saver'));
    const rates = (await t.api('shipengine', 'POST', '/v1/rates', { shipment: domesticShipment(), rate_options: { carrier_ids: [ups.carrier_id] } })).json().rate_response.rates;
    assert.ok(rates.some((r: { service_code: string }) => r.service_code === 'ups_ground_saver'));
  });

  test('connections: connect a second FedEx account, disconnect it', async () => {
    const res = await t.api('v2', 'POST', '/v2/connections/carriers/fedex', { nickname: 'Second FedEx', account_number: '123456789' });
    assert.equal(res.statusCode, 200, res.body);
    const id = res.json().carrier_id;
    const carrier = (await t.api('v2', 'GET', `/v2/carriers/${id}`)).json();
    assert.equal(carrier.nickname, 'Second FedEx');
    assert.equal(carrier.primary, false);
    assert.equal((await t.api('v2', 'DELETE', `/v2/connections/carriers/fedex/${id}`)).statusCode, 204);
    assert.equal((await t.api('v2', 'GET', `/v2/carriers/${id}`)).statusCode, 404);
    assert.equal((await t.api('v2', 'POST', '/v2/connections/carriers/pony_express', {})).statusCode, 400);
  });
});
