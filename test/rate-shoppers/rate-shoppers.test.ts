// GET /rate_shoppers is in neither OpenAPI file (docs reference only): bodies asserted explicitly.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertContract } from '../helpers/contract.ts';
import { SURFACES } from '../insurance/accounts.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

describe('rate shoppers', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const call = async (surface: 'v2' | 'shipengine', url: string) => {
    const res = await t.app.inject({ method: 'GET' as InjectOptions['method'], url, headers: { 'api-key': CREDENTIALS.apiKey } });
    // Errors still take the surface's error body (checked against an operation that has one).
    if (res.statusCode >= 400) assertContract(surface, 'GET', surface === 'v2' ? '/v2/warehouses' : '/v1/warehouses', res.statusCode, res.json());
    return res;
  };

  for (const { surface, prefix } of SURFACES) {
    test(`${surface}: the three defaults, each over every service of the account's carriers`, async () => {
      const res = await call(surface, `${prefix}/rate_shoppers`);
      assert.equal(res.statusCode, 200, res.body);
      const shoppers = res.json().rate_shoppers;
      assert.deepEqual(shoppers.map((s: any) => [s.rate_shopper_id, s.name, s.transit_time.max_days]), [
        ['cheapest', 'Cheapest', null],
        ['fastest', 'Fastest', null],
        ['best_value', 'Best Value', 4],
      ]);
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      const expected = carriers.flatMap((c: any) => c.services.map((s: any) => `${c.carrier_id}/${s.service_code}`)).sort();
      for (const shopper of shoppers) {
        assert.deepEqual(shopper.services.map((s: any) => `${s.carrier_id}/${s.service_code}`).sort(), expected);
      }
      assert.deepEqual((await call(surface, `${prefix}/rate_shoppers?type=custom`)).json(), { rate_shoppers: [] });
    });

    test(`${surface}: get by strategy name; a custom id that does not exist is 404`, async () => {
      const res = await call(surface, `${prefix}/rate_shoppers/best_value`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().rate_shopper_id, 'best_value');
      assert.equal(res.json().transit_time.max_days, 4);
      const missing = await call(surface, `${prefix}/rate_shoppers/6f1c9d0e-8d2a-4c8b-9a53-0d6b1c2e3f40`);
      assert.equal(missing.statusCode, 404);
      assert.equal(missing.json().errors[0].error_code, 'invalid_identifier');
    });

    test(`${surface}: the label bought through a shopper uses one of the shopper's services`, async () => {
      const { services } = (await call(surface, `${prefix}/rate_shoppers/cheapest`)).json();
      const label = await t.api(surface, 'POST', `${prefix}/labels/rate_shopper_id/cheapest`, { shipment: domesticShipment() });
      assert.equal(label.statusCode, 200, label.body);
      assert.ok(services.some((s: any) => s.carrier_id === label.json().carrier_id && s.service_code === label.json().service_code));
    });
  }
});
