import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment, toronto, austin } from './fixtures.ts';

type Json = Record<string, any>;

describe('bulk rates', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: rates stored shipments by id; each rate response is read back per shipment`, async () => {
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      const fedex = carriers.find((c: Json) => c.carrier_code === 'fedex').carrier_id;
      const created = await t.api(surface, 'POST', `${prefix}/shipments`, { shipments: [domesticShipment(), domesticShipment({ packages: [{ weight: { value: 12, unit: 'pound' } }] })] });
      const ids = created.json().shipments.map((s: Json) => s.shipment_id);

      const res = await t.api(surface, 'POST', `${prefix}/rates/bulk`, { shipment_ids: ids, rate_options: { carrier_ids: [fedex] } });
      assert.equal(res.statusCode, 200, res.body);
      const bulk = res.json();
      assert.deepEqual(bulk.map((r: Json) => r.shipment_id), ids);
      for (const entry of bulk) {
        assert.equal(entry.status, 'completed');
        assert.deepEqual(entry.errors, []);
        const stored = (await t.api(surface, 'GET', `${prefix}/shipments/${entry.shipment_id}/rates`)).json();
        assert.equal(stored.rate_request_id, entry.rate_request_id);
        assert.ok(stored.rates.length > 0);
        assert.ok(stored.rates.every((r: Json) => r.carrier_id === fedex), 'rate_options apply');
      }
    });

    test(`${surface}: rates inline shipments, storing them first`, async () => {
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      // ShipEngine's stored `shipment` requires a carrier and service, so these name one.
      const ups = { carrier_id: carriers.find((c: Json) => c.carrier_code === 'ups').carrier_id, service_code: 'ups_ground' };
      const res = await t.api(surface, 'POST', `${prefix}/rates/bulk`, {
        shipments: [domesticShipment(ups), { ...ups, ship_from: austin, ship_to: toronto, packages: [{ weight: { value: 1, unit: 'pound' } }] }],
        rate_options: { service_codes: ['ups_ground', 'ups_standard_international'] },
      });
      assert.equal(res.statusCode, 200, res.body);
      const [domestic, international] = res.json();
      assert.equal(domestic.status, 'completed');
      const stored = (await t.api(surface, 'GET', `${prefix}/shipments/${domestic.shipment_id}/rates`)).json();
      assert.deepEqual(stored.rates.map((r: Json) => r.service_code), ['ups_ground']);
      // Without customs the international service is invalid, so no rate comes back for it.
      assert.equal(international.status, 'error');
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments/${international.shipment_id}`)).statusCode, 200);
    });

    test(`${surface}: bad requests`, async () => {
      const post = (body: unknown) => t.api(surface, 'POST', `${prefix}/rates/bulk`, body);
      const neither = await post({ rate_options: {} });
      assert.equal(neither.statusCode, 400);
      assert.equal(neither.json().errors[0].field_name, 'shipment_ids');
      assert.equal((await post({ shipment_ids: ['se-1'], shipments: [domesticShipment()] })).statusCode, 400);
      assert.equal((await post({ shipment_ids: ['se-999999'] })).statusCode, 404);
      assert.equal((await post({ shipment_ids: ['se-99999999999'] })).statusCode, 404);
      assert.equal((await post({ shipment_ids: ['nope'] })).statusCode, 400);
      const badShipment = await post({ shipments: [domesticShipment(), domesticShipment({ carrier_id: 'se-999999' })] });
      assert.equal(badShipment.statusCode, 400);
      assert.equal(badShipment.json().errors[0].field_name, 'shipments[1].carrier_id');
      const badCarrier = await post({ shipments: [domesticShipment()], rate_options: { carrier_ids: ['se-999999'] } });
      assert.equal(badCarrier.json().errors[0].field_name, 'rate_options.carrier_ids');
    });
  }
});
