// Regressions for defects real clients hit (issue item 8): each answered a 415, a 500 or a raw Fastify body.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { CREDENTIALS, basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertErrorContract } from '../helpers/contract.ts';
import { austin, brooklyn } from '../shipping/fixtures.ts';
import { orderBody } from '../v1/fixtures.ts';
import { loadConfig } from '../../src/config.ts';

describe('HTTP contract defects', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const v1Auth = { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret) };
  const apiKey = { 'api-key': CREDENTIALS.apiKey };

  test('an empty body is accepted whatever its content type on routes that take none (axios void)', async () => {
    for (const prefix of ['/v2', '/v1']) {
      for (const type of ['application/x-www-form-urlencoded', 'application/json', 'text/plain']) {
        const res = await t.inject({ method: 'PUT', url: `${prefix}/labels/se-999999/void`, payload: '', headers: { ...apiKey, 'content-type': type } });
        assert.equal(res.statusCode, 404, `${prefix} ${type}: ${res.body}`);
        assert.match(res.json().errors[0].message, /label/i);
      }
      const tag = await t.inject({ method: 'POST', url: `${prefix}/tags/axios-${prefix.slice(1)}`, payload: '', headers: { ...apiKey, 'content-type': 'application/x-www-form-urlencoded' } });
      assert.equal(tag.statusCode, 200, tag.body);
      const removed = await t.inject({ method: 'DELETE', url: `${prefix}/tags/axios-${prefix.slice(1)}`, payload: '', headers: { ...apiKey, 'content-type': 'application/json' } });
      assert.equal(removed.statusCode, 204, removed.body);
    }
    const v1 = await t.inject({ method: 'DELETE', url: '/orders/999999', payload: '', headers: { ...v1Auth, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(v1.statusCode, 404, v1.body);
    // A body that is there and is not JSON is still refused.
    const form = await t.inject({ method: 'POST', url: '/v2/warehouses', payload: 'name=x', headers: { ...apiKey, 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(form.statusCode, 415);
  });

  test('paging is a bounded integer on every list: 1e400 and 20-digit pages are 400s', async () => {
    for (const url of ['/v2/labels', '/v1/labels', '/v2/shipments', '/v1/shipments', '/v2/users', '/v1/users']) {
      for (const query of ['page=1e400', 'page_size=1e400', 'page=99999999999999999999', 'page=-1', 'page_size=501']) {
        const res = await t.inject({ method: 'GET', url: `${url}?${query}`, headers: apiKey });
        assert.equal(res.statusCode, 400, `${url}?${query}: ${res.body}`);
        assertErrorContract(url.startsWith('/v2') ? 'v2' : 'shipengine', 400, res.json());
        assert.match(res.json().errors[0].field_name, /^page/);
      }
    }
    for (const url of ['/orders', '/shipments', '/customers', '/products', '/fulfillments']) {
      for (const query of ['page=1e400', 'pageSize=1e400', 'page=99999999999999999999']) {
        const res = await t.v1('GET', `${url}?${query}`);
        assert.equal(res.statusCode, 400, `${url}?${query}: ${res.body}`);
        assert.equal(res.json().Message, 'The request is invalid.');
      }
    }
    // Ids in V1 bodies are bounded the same way (PostgreSQL refused 1e308 with a 500).
    for (const [url, body] of [['/shipments/voidlabel', { shipmentId: 1e308 }], ['/orders/createlabelfororder', { orderId: 1e20, carrierCode: 'ups', serviceCode: 'ups_ground', packageCode: 'package', shipDate: '2026-12-08' }]] as const) {
      const res = await t.v1('POST', url, body);
      assert.equal(res.statusCode, 400, `${url}: ${res.body}`);
    }
    assert.equal((await t.v1('GET', '/shipments?orderId=99999999999999999999')).statusCode, 400);
    const users = await t.api('v2', 'GET', '/v2/users?page_size=101');
    assert.equal(users.statusCode, 400, 'users keep their smaller page size');
  });

  test('a 5,000-deep JSON body is a 400 in the surface format, not a RangeError', async () => {
    const deep = '{"a":'.repeat(5000) + '1' + '}'.repeat(5000);
    for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
      const res = await t.inject({ method: 'PUT', url: `${prefix}/connections/carriers/stamps_com/se-1/settings`, payload: deep, headers: { ...apiKey, 'content-type': 'application/json' } });
      assert.equal(res.statusCode, 400, res.body);
      assertErrorContract(surface, 400, res.json());
      assert.match(res.json().errors[0].message, /nests deeper than 64 levels/);
    }
    const v1 = await t.inject({ method: 'POST', url: '/orders/createorder', payload: '['.repeat(5000) + ']'.repeat(5000), headers: { ...v1Auth, 'content-type': 'application/json' } });
    assert.equal(v1.statusCode, 400);
    assert.match(v1.json().Message, /nests deeper/);
    // Real payloads nest far less and still parse; strings with brackets do not count.
    const fine = await t.api('v2', 'POST', '/v2/tags/%5B%7B%5B', undefined);
    assert.equal(fine.statusCode, 200, fine.body);
  });

  test('router errors answer in each surface format', async () => {
    for (const [surface, url] of [['v2', '/v2/warehouses/%FF'], ['shipengine', '/v1/warehouses/%FF'], ['v2', `/v2/warehouses/${'x'.repeat(300)}`], ['shipengine', `/v1/labels/${'x'.repeat(300)}/void`]] as const) {
      const res = await t.inject({ method: 'GET', url, headers: apiKey });
      assert.ok([400, 414].includes(res.statusCode), `${url}: ${res.statusCode}`);
      const body = res.json();
      assertErrorContract(surface, res.statusCode, body);
      assert.equal(body.errors[0].error_source, surface === 'v2' ? 'ShipStation' : 'shipengine');
      assert.doesNotMatch(res.body, /FST_ERR/);
    }
    for (const url of ['/warehouses/%FF', `/warehouses/${'9'.repeat(300)}`]) {
      const res = await t.inject({ method: 'GET', url, headers: v1Auth });
      assert.deepEqual(Object.keys(res.json()), ['Message'], res.body);
      assert.doesNotMatch(res.body, /FST_ERR/);
    }
  });
});

describe('service_code without carrier_id (the ShipEngine SDK label example)', () => {
  test('labels and rates pick the carrier offering the service, the primary first; ambiguity is a clear 400', async () => {
    const t = await startTestApp();
    try {
      const shipment = (service: string) => ({ service_code: service, ship_from: austin, ship_to: brooklyn, packages: [{ weight: { value: 2, unit: 'pound' } }] });
      for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
        const label = await t.api(surface, 'POST', `${prefix}/labels`, { shipment: shipment('usps_priority_mail') });
        assert.equal(label.statusCode, 200, label.body);
        assert.equal(label.json().carrier_id, 'se-1');
        assert.equal(label.json().carrier_code, 'stamps_com');
        assert.equal(label.json().service_code, 'usps_priority_mail');
        const rated = await t.api(surface, 'POST', `${prefix}/rates`, { shipment: shipment('ups_ground') });
        assert.equal(rated.statusCode, 200, rated.body);
        assert.equal(rated.json().carrier_id, 'se-2', 'the rated shipment names the UPS connection');
      }
      // A second UPS connection is not primary: the primary one still wins.
      const second = (await t.api('v2', 'POST', '/v2/connections/carriers/ups', { nickname: 'UPS 2' })).json().carrier_id;
      assert.equal((await t.api('v2', 'POST', '/v2/labels', { shipment: shipment('ups_ground') })).json().carrier_id, 'se-2');
      // Without the primary, the one other connection is chosen; with two, the choice is the caller's.
      assert.equal((await t.api('v2', 'DELETE', '/v2/connections/carriers/ups/se-2')).statusCode, 204);
      assert.equal((await t.api('v2', 'POST', '/v2/labels', { shipment: shipment('ups_ground') })).json().carrier_id, second);
      const third = (await t.api('v2', 'POST', '/v2/connections/carriers/ups', { nickname: 'UPS 3' })).json().carrier_id;
      const ambiguous = await t.api('v2', 'POST', '/v2/labels', { shipment: shipment('ups_ground') });
      assert.equal(ambiguous.statusCode, 400, ambiguous.body);
      assert.equal(ambiguous.json().errors[0].field_name, 'carrier_id');
      assert.match(ambiguous.json().errors[0].message, new RegExp(`more than one carrier \\(${second}, ${third}\\)`));
      const unknown = await t.api('shipengine', 'POST', '/v1/labels', { shipment: shipment('teleport_overnight') });
      assert.equal(unknown.statusCode, 400);
      assert.equal(unknown.json().errors[0].field_name, 'service_code');
      assert.match(unknown.json().errors[0].message, /no carrier .* offers service teleport_overnight/);
    } finally {
      await t.close();
    }
  });
});

describe('a fresh start has a default Ship From location (V1 docs first flow)', () => {
  test('createorder then createlabelfororder works out of the box; without a warehouse the error speaks V1', async () => {
    const t = await startTestApp({ SHIPDOCK_SHIP_FROM_CITY: 'Round Rock', SHIPDOCK_SHIP_FROM_POSTAL_CODE: '78664', SHIPDOCK_SHIP_FROM_STREET1: '221 E Main St' });
    try {
      const warehouses = (await t.v1('GET', '/warehouses')).json();
      assert.equal(warehouses.length, 1);
      assert.equal(warehouses[0].isDefault, true);
      assert.equal(warehouses[0].warehouseName, 'Default Ship From Location');
      assert.deepEqual([warehouses[0].originAddress.street1, warehouses[0].originAddress.city, warehouses[0].originAddress.postalCode], ['221 E Main St', 'Round Rock', '78664']);
      const v2 = (await t.api('v2', 'GET', '/v2/warehouses')).json().warehouses;
      assert.equal(v2[0].is_default, true);

      const order = (await t.v1('POST', '/orders/createorder', orderBody())).json();
      const label = await t.v1('POST', '/orders/createlabelfororder', { orderId: order.orderId, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', packageCode: 'package', shipDate: '2026-12-08', weight: { value: 24, units: 'ounces' } });
      assert.equal(label.statusCode, 200, label.body);
      assert.equal(label.json().warehouseId, warehouses[0].warehouseId);
      assert.match(label.json().trackingNumber, /^\d{20,22}$/);

      // An account without any warehouse (a database from before this default): V1's own words.
      await t.ctx.database.db.updateTable('warehouses').set({ deleted_at: t.ctx.clock.nowIso() }).execute();
      const second = (await t.v1('POST', '/orders/createorder', orderBody({ orderNumber: 'NO-WH', orderKey: 'no-wh' }))).json();
      const refused = await t.v1('POST', '/orders/createlabelfororder', { orderId: second.orderId, carrierCode: 'stamps_com', serviceCode: 'usps_priority_mail', packageCode: 'package', shipDate: '2026-12-08' });
      assert.equal(refused.statusCode, 400);
      const messages = refused.json().ModelState['request.advancedOptions.warehouseId'];
      assert.match(messages[0], /POST \/warehouses\/createwarehouse.*advancedOptions\.warehouseId/);
      assert.doesNotMatch(refused.body, /ship_from/);
    } finally {
      await t.close();
    }
  });

  test('the Ship From location is configurable and validated', () => {
    assert.throws(() => loadConfig({ SHIPDOCK_SHIP_FROM_COUNTRY: 'USA' }), /SHIPDOCK_SHIP_FROM_COUNTRY/);
    assert.equal(loadConfig({ SHIPDOCK_SHIP_FROM_COUNTRY: 'ca' }).shipFrom.country, 'CA');
  });
});

describe('responses fill what the input left out, as the schemas require', () => {
  test('shipments synced from V1 orders, address validation echoes and recognized shipments', async () => {
    const t = await startTestApp();
    try {
      const { shipTo } = await import('../v1/fixtures.ts');
      // ShipEngine's ship_to may go without a phone; V2's `address` requires one, so V2 gets an order with a phone.
      for (const [surface, prefix] of [['shipengine', '/v1'], ['v2', '/v2']] as const) {
        const phone = surface === 'v2' ? '555-555-5555' : null;
        const order = orderBody({ orderNumber: `NO-CARRIER-${surface}`, orderKey: `key-${surface}`, shipTo: { ...shipTo, phone }, carrierCode: null, serviceCode: null });
        assert.equal((await t.v1('POST', '/orders/createorder', order)).statusCode, 200);
        const listed = await t.api(surface, 'GET', `${prefix}/shipments?shipment_number=NO-CARRIER-${surface}`);
        const [shipment] = listed.json().shipments.filter((s: { shipment_number: string }) => s.shipment_number === `NO-CARRIER-${surface}`);
        assert.equal(shipment.carrier_id, null);
        assert.equal(shipment.ship_from.address_line1, '500 W 2nd St', 'ships from the default warehouse, not to itself');
        assert.equal(shipment.ship_from.phone, '512-555-0100');
        assert.equal(shipment.return_to.phone, '512-555-0100');
        assert.equal(shipment.ship_to.phone, phone ?? undefined, 'no empty phone');
        const one = await t.api(surface, 'GET', `${prefix}/shipments/${shipment.shipment_id}`);
        assert.equal(one.json().ship_from.name, 'Shipping Department');
        const rated = await t.api(surface, 'POST', `${prefix}/rates`, { shipment_id: shipment.shipment_id, rate_options: { carrier_ids: ['se-1'] } });
        assert.equal(rated.statusCode, 200, rated.body);
        assert.equal(rated.json().ship_from.postal_code, '78701');
        assert.ok(rated.json().rate_response.rates.length > 0);

        const validated = await t.api(surface, 'POST', `${prefix}/addresses/validate`, [{ address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', country_code: 'US' }]);
        const [result] = validated.json();
        assert.equal(result.original_address.name, null);
        assert.equal(result.original_address.postal_code, null);
        assert.equal(result.original_address.address_line1, '500 W 2nd St');
      }
      const partial = await t.api('shipengine', 'PUT', '/v1/shipments/recognize', { text: 'ship 2 lbs to 500 W 2nd St Austin TX' });
      assert.equal(partial.json().shipment.ship_to, undefined, 'an incomplete address stays in entities');
      assert.ok(partial.json().entities.some((e: { type: string }) => e.type === 'city_locality'));
      assert.deepEqual(partial.json().shipment.packages[0].weight, { value: 2, unit: 'pound' });
    } finally {
      await t.close();
    }
  });
});

test('carrier settings bodies are what the official schema allows, for every carrier that has settings', async () => {
  const t = await startTestApp();
  try {
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    for (const carrier of carriers as { carrier_id: string; carrier_code: string }[]) {
      const url = `/v1/connections/carriers/${carrier.carrier_code}/${carrier.carrier_id}/settings`;
      const res = await t.api('shipengine', 'GET', url);
      const expected = carrier.carrier_code === 'stamps_com' ? 400 : 200;
      assert.equal(res.statusCode, expected, `${url}: ${res.body}`);
      if (expected === 400) assert.equal(res.json().errors[0].error_code, 'settings_not_supported');
      else assert.equal('enable_ground_saver_service' in res.json(), false);
    }
  } finally {
    await t.close();
  }
});
