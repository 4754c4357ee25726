import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { domesticShipment } from './fixtures.ts';

type Json = Record<string, any>;

describe('shipment tags', () => {
  let t: TestApp;
  let ups: string;
  const newShipment = async () => {
    const res = await t.api('v2', 'POST', '/v2/shipments', { shipments: [domesticShipment({ carrier_id: ups, service_code: 'ups_ground' })] });
    return res.json().shipments[0].shipment_id as string;
  };

  before(async () => {
    t = await startTestApp();
    ups = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers.find((c: Json) => c.carrier_code === 'ups').carrier_id;
    for (const name of ['fragile', 'gift', 'rush hour']) await t.api('v2', 'POST', '/v2/tags', { name });
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: add, list and remove tags; the tag must exist`, async () => {
      const id = await newShipment();
      const tagsOf = async () => (await t.api(surface, 'GET', `${prefix}/shipments/${id}/tags`)).json().tags;
      assert.deepEqual(await tagsOf(), []);

      const added = await t.api(surface, 'POST', `${prefix}/shipments/${id}/tags/gift`);
      assert.equal(added.statusCode, 200, added.body);
      // V2 answers with the shipment and the tag; ShipEngine with the shipment's tags.
      assert.deepEqual(added.json(), surface === 'v2' ? { shipment_id: id, tag: { name: 'gift' } } : { tags: ['gift'] });
      await t.api(surface, 'POST', `${prefix}/shipments/${id}/tags/rush%20hour`);
      await t.api(surface, 'POST', `${prefix}/shipments/${id}/tags/gift`);
      assert.deepEqual(await tagsOf(), ['gift', 'rush hour'], 'tagging twice keeps one');
      assert.deepEqual((await t.api(surface, 'GET', `${prefix}/shipments/${id}`)).json().tags, [{ name: 'gift' }, { name: 'rush hour' }]);

      const unknown = await t.api(surface, 'POST', `${prefix}/shipments/${id}/tags/never-made`);
      assert.equal(unknown.statusCode, 404);
      assert.match(unknown.json().errors[0].message, /POST \/tags/);
      assert.equal((await t.api(surface, 'POST', `${prefix}/shipments/se-999999/tags/gift`)).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments/se-3000000000/tags`)).statusCode, 404);

      assert.equal((await t.api(surface, 'DELETE', `${prefix}/shipments/${id}/tags/gift`)).statusCode, 204);
      assert.deepEqual(await tagsOf(), ['rush hour']);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/shipments/${id}/tags/gift`)).statusCode, 404, 'the shipment no longer carries it');
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/shipments/${id}/tags/never-made`)).statusCode, 404);
    });
  }

  test('shipengine: PUT /shipments/tags sets the tags of several shipments', async () => {
    const [a, b] = [await newShipment(), await newShipment()];
    await t.api('shipengine', 'POST', `/v1/shipments/${a}/tags/gift`);
    const res = await t.api('shipengine', 'PUT', '/v1/shipments/tags', {
      shipments_tags: [
        { shipment_id: a, tags: ['fragile'] },
        { shipment_id: b, tags: ['fragile', 'rush hour'] },
      ],
    });
    assert.equal(res.statusCode, 204, res.body);
    assert.deepEqual((await t.api('shipengine', 'GET', `/v1/shipments/${a}/tags`)).json().tags, ['fragile']);
    assert.deepEqual((await t.api('shipengine', 'GET', `/v1/shipments/${b}/tags`)).json().tags, ['fragile', 'rush hour']);
    const filtered = (await t.api('shipengine', 'GET', '/v1/shipments?tag=fragile&sort_dir=asc')).json().shipments.map((s: Json) => s.shipment_id);
    assert.deepEqual(filtered, [a, b]);

    const unknownTag = await t.api('shipengine', 'PUT', '/v1/shipments/tags', { shipments_tags: [{ shipment_id: a, tags: ['gift', 'never-made'] }] });
    assert.equal(unknownTag.statusCode, 404);
    assert.deepEqual((await t.api('shipengine', 'GET', `/v1/shipments/${a}/tags`)).json().tags, ['fragile'], 'nothing changed');
    assert.equal((await t.api('shipengine', 'PUT', '/v1/shipments/tags', { shipments_tags: [{ shipment_id: 'se-999999', tags: [] }] })).statusCode, 404);
    assert.equal((await t.api('shipengine', 'PUT', '/v1/shipments/tags', { shipments_tags: [{ tags: [] }] })).statusCode, 400);
    // ShipStation V2 has no bulk tag endpoint: the path reads as a shipment id and is refused.
    assert.equal((await t.inject({ method: 'PUT', url: '/v2/shipments/tags', headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' }, payload: {} })).statusCode, 400);
  });
});
