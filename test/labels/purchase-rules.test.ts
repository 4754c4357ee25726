import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from '../shipping/fixtures.ts';

describe('label purchase rules', () => {
  let t: TestApp;
  let ups: string;
  before(async () => {
    t = await startTestApp();
    ups = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups').carrier_id;
  });
  after(() => t.close());

  const newShipment = async () =>
    (await t.api('v2', 'POST', '/v2/rates', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground' }), rate_options: { carrier_ids: [ups] } })).json();

  test('parallel purchases for one shipment: exactly one label', async () => {
    const { shipment_id: id } = await newShipment();
    const results = await Promise.all([1, 2, 3].map(() => t.api('v2', 'POST', `/v2/labels/shipment/${id}`, {})));
    assert.deepEqual(results.map((r) => r.statusCode).sort(), [200, 400, 400]);
    const labels = (await t.api('v2', 'GET', `/v2/labels?shipment_id=${id}`)).json();
    assert.equal(labels.total, 1);
  });

  test('voiding a return label keeps the outbound label shipping its shipment', async () => {
    const { shipment_id: id } = await newShipment();
    const outbound = (await t.api('v2', 'POST', `/v2/labels/shipment/${id}`, {})).json();
    const ret = (await t.api('v2', 'POST', `/v2/labels/${outbound.label_id}/return`, {})).json();
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${ret.label_id}/void`)).json().approved, true);
    assert.equal((await t.api('v2', 'GET', `/v2/shipments/${id}`)).json().shipment_status, 'label_purchased');
    assert.equal((await t.api('v2', 'POST', `/v2/labels/shipment/${id}`, {})).statusCode, 400);
  });

  test('a rate quoted before the shipment changed cannot be bought', async () => {
    const rated = await newShipment();
    const rate = rated.rate_response.rates.find((r: { service_code: string }) => r.service_code === 'ups_ground');
    t.ctx.clock.advance(1000);
    try {
      const put = await t.api('v2', 'PUT', `/v2/shipments/${rated.shipment_id}`, domesticShipment({ carrier_id: ups, service_code: 'ups_ground', packages: [{ weight: { value: 60, unit: 'pound' } }] }));
      assert.equal(put.statusCode, 200, put.body);
      const stale = await t.api('v2', 'POST', `/v2/labels/rates/${rate.rate_id}`, {});
      assert.equal(stale.statusCode, 400);
      assert.match(stale.json().errors[0].message, /request new rates/);
    } finally {
      t.ctx.clock.advance(-1000);
    }
  });

  test('get a label by its shipment\'s external_shipment_id, on both surfaces', async () => {
    const label = (await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground', external_shipment_id: 'ext-label-1' }) })).json();
    for (const prefix of ['/v2', '/v1'] as const) {
      const res = await t.api(prefix === '/v2' ? 'v2' : 'shipengine', 'GET', `${prefix}/labels/external_shipment_id/ext-label-1`);
      assert.equal(res.statusCode, 200, res.body);
      assert.equal(res.json().label_id, label.label_id);
    }
    assert.equal((await t.api('v2', 'GET', '/v2/labels/external_shipment_id/nope')).statusCode, 404);
  });
});
