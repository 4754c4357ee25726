import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { setShipmentStatus } from '../../src/domain/shipments/store.ts';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin, brooklyn, domesticShipment, toronto } from './fixtures.ts';

type Json = Record<string, any>;

for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
  describe(`${surface}: shipments`, () => {
    let t: TestApp;
    let ups: string;
    let fedex: string;
    // ShipEngine's `shipment` requires carrier_id and service_code, so every shipment here names them.
    const shipment = (overrides: Json = {}) => domesticShipment({ carrier_id: ups, service_code: 'ups_ground', ...overrides });
    const create = async (...shipments: Json[]) => {
      const res = await t.api(surface, 'POST', `${prefix}/shipments`, { shipments });
      assert.equal(res.statusCode, 200, res.body);
      return res.json() as { has_errors: boolean; shipments: Json[] };
    };
    const get = (id: string) => t.api(surface, 'GET', `${prefix}/shipments/${id}`);
    const list = async (query = '') => {
      const res = await t.api(surface, 'GET', `${prefix}/shipments${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };
    const markLabelPurchased = (id: string) =>
      setShipmentStatus(t.ctx.database.db, 1, Number(id.slice(3)), 'label_purchased', t.ctx.clock.nowIso());

    before(async () => {
      t = await startTestApp();
      const { carriers } = (await t.api(surface, 'GET', `${prefix}/carriers`)).json();
      ups = carriers.find((c: Json) => c.carrier_code === 'ups').carrier_id;
      fedex = carriers.find((c: Json) => c.carrier_code === 'fedex').carrier_id;
    });
    after(() => t.close());

    test('creates several shipments at once; get by id and by external id', async () => {
      const body = await create(
        shipment({ external_shipment_id: `${surface}-a`, shipment_number: 'SN-1', items: [{ name: 'Mug', sku: 'MUG-1', quantity: 2 }] }),
        shipment({ external_shipment_id: `${surface}-b`, carrier_id: fedex, service_code: 'fedex_ground' }),
      );
      assert.equal(body.has_errors, false);
      assert.equal(body.shipments.length, 2);
      const [a, b] = body.shipments;
      assert.match(a.shipment_id, /^se-\d+$/);
      assert.equal(a.shipment_status, 'pending');
      assert.deepEqual(a.errors, []);
      assert.equal(a.address_validation, undefined, 'no validation was asked for');
      assert.equal(b.carrier_id, fedex);

      const one = await get(a.shipment_id);
      assert.equal(one.statusCode, 200, one.body);
      assert.equal(one.json().shipment_number, 'SN-1');
      assert.equal(one.json().items[0].sku, 'MUG-1');
      const byExternal = await t.api(surface, 'GET', `${prefix}/shipments/external_shipment_id/${surface}-b`);
      assert.equal(byExternal.json().shipment_id, b.shipment_id);
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments/external_shipment_id/nope`)).statusCode, 404);
    });

    test('validate_address: an address that fails is a per-item error; validate_and_clean stores the standardised address', async () => {
      const badZip = { ...brooklyn, postal_code: '99999' };
      const body = await create(
        shipment({ ship_to: badZip, validate_address: 'validate_only' }),
        shipment({ ship_to: { ...brooklyn, address_line1: '123 atlantic avenue', city_locality: 'brooklyn' }, validate_address: 'validate_and_clean' }),
        shipment({ validate_address: 'no_validation' }),
      );
      assert.equal(body.has_errors, true);
      const [failed, cleaned, plain] = body.shipments;
      assert.ok(failed.errors.length > 0, 'the failed address is reported');
      assert.equal(failed.address_validation.status, 'error');
      assert.equal(failed.ship_to.postal_code, '99999', 'a failed address is stored as sent');
      assert.equal((await get(failed.shipment_id)).statusCode, 200, 'the shipment is still stored');

      assert.deepEqual(cleaned.errors, []);
      assert.equal(cleaned.address_validation.status, 'verified');
      assert.equal(cleaned.ship_to.address_line1, '123 ATLANTIC AVE');
      assert.equal((await get(cleaned.shipment_id)).json().ship_to.city_locality, 'BROOKLYN');
      assert.equal(plain.address_validation, undefined);
    });

    test('create_sales_order puts a V1 order behind the shipment', async () => {
      const [withOrder, without] = (
        await create(shipment({ create_sales_order: true, external_order_id: `${surface}-order-1` }), shipment())
      ).shipments;
      const orderIdOf = async (id: string) =>
        (await t.ctx.database.db.selectFrom('shipments').select('order_id').where('id', '=', Number(id.slice(3))).executeTakeFirstOrThrow()).order_id;
      const orderId = await orderIdOf(withOrder.shipment_id);
      assert.ok(orderId, 'the shipment is linked to its order');
      assert.equal(await orderIdOf(without.shipment_id), null);
      assert.deepEqual((await list(`?sales_order_id=se-${orderId}`)).shipments.map((s: Json) => s.shipment_id), [withOrder.shipment_id]);
      const again = await t.api(surface, 'POST', `${prefix}/shipments`, { shipments: [shipment({ create_sales_order: true, external_order_id: `${surface}-order-1` })] });
      assert.equal(again.statusCode, 409, again.body);
      assert.equal(again.json().errors[0].field_name, 'shipments[0].external_order_id');
    });

    test('a shipment the account cannot store fails the whole request with shipments[i] field errors', async () => {
      const before = (await list()).total;
      const res = await t.api(surface, 'POST', `${prefix}/shipments`, {
        shipments: [shipment(), shipment({ carrier_id: 'se-999999' }), shipment({ tags: [{ name: 'no-such-tag' }] })],
      });
      assert.equal(res.statusCode, 400, res.body);
      const fields = res.json().errors.map((e: Json) => e.field_name);
      assert.deepEqual(fields, ['shipments[1].carrier_id', 'shipments[2]']);
      assert.equal((await list()).total, before, 'nothing was stored');

      await create(shipment({ external_shipment_id: `${surface}-dup` }));
      const dup = await t.api(surface, 'POST', `${prefix}/shipments`, { shipments: [shipment({ external_shipment_id: `${surface}-dup` })] });
      assert.equal(dup.statusCode, 409, dup.body);
      assert.equal(dup.json().errors[0].field_name, 'shipments[0].external_shipment_id');
    });

    test('bad input is a 400 in the surface format', async () => {
      for (const payload of [{}, { shipments: [] }, { shipments: [{ ship_to: brooklyn }] }, { shipments: [shipment({ packages: [{ weight: { value: -1, unit: 'pound' } }] })] }]) {
        const res = await t.api(surface, 'POST', `${prefix}/shipments`, payload);
        assert.equal(res.statusCode, 400, JSON.stringify(payload));
        assert.equal(res.json().errors[0].error_source, surface === 'v2' ? 'ShipStation' : 'shipengine');
      }
      assert.equal((await get('se-2147483648')).statusCode, 404, 'past the row range is unknown, not a database error');
      assert.equal((await get('se-999999999999999')).statusCode, 404);
      assert.equal((await get('bogus')).statusCode, 400);
      const bigWarehouse = await t.api(surface, 'POST', `${prefix}/shipments`, { shipments: [shipment({ warehouse_id: 'se-99999999999' })] });
      assert.equal(bigWarehouse.statusCode, 400, bigWarehouse.body);
      assert.equal(bigWarehouse.json().errors[0].field_name, 'shipments[0].warehouse_id');
    });

    test('PUT replaces a pending shipment; refused once a label is bought or it is cancelled', async () => {
      const [created] = (await create(shipment({ external_shipment_id: `${surface}-put` }))).shipments;
      const put = await t.api(surface, 'PUT', `${prefix}/shipments/${created.shipment_id}`, {
        ...shipment({ carrier_id: fedex, service_code: 'fedex_2day', confirmation: 'signature', ship_to: toronto, customs: undefined }),
        validate_address: 'validate_only',
      });
      assert.equal(put.statusCode, 200, put.body);
      const updated = put.json();
      assert.equal(updated.service_code, 'fedex_2day');
      assert.equal(updated.confirmation, 'signature');
      assert.equal(updated.ship_to.country_code, 'CA');
      assert.equal(updated.external_shipment_id, `${surface}-put`, 'an omitted external id is kept');
      assert.equal(updated.address_validation.status, 'unverified', 'foreign addresses can only be disproved');
      assert.ok(updated.modified_at >= created.modified_at);

      const plain = await t.api(surface, 'PUT', `${prefix}/shipments/${created.shipment_id}`, shipment());
      assert.equal(plain.json().address_validation.status, 'unverified', 'without validation the address is unverified');

      await markLabelPurchased(created.shipment_id);
      const refused = await t.api(surface, 'PUT', `${prefix}/shipments/${created.shipment_id}`, shipment());
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].error_type, 'business_rules');
      assert.equal(refused.json().errors[0].error_code, 'invalid_status');
      assert.match(refused.json().errors[0].message, /void the label/);

      const [other] = (await create(shipment())).shipments;
      const conflict = await t.api(surface, 'PUT', `${prefix}/shipments/${other.shipment_id}`, shipment({ external_shipment_id: `${surface}-put` }));
      assert.equal(conflict.statusCode, 409);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/shipments/se-999999`, shipment())).statusCode, 404);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/shipments/${other.shipment_id}`, { ship_to: brooklyn })).statusCode, 400);
    });

    test('cancel: 204 once; not twice, not after a label', async () => {
      const [a, b] = (await create(shipment(), shipment())).shipments;
      const cancel = (id: string) => t.api(surface, 'PUT', `${prefix}/shipments/${id}/cancel`);
      assert.equal((await cancel(a.shipment_id)).statusCode, 204);
      assert.equal((await get(a.shipment_id)).json().shipment_status, 'cancelled');
      const again = await cancel(a.shipment_id);
      assert.equal(again.statusCode, 400);
      assert.match(again.json().errors[0].message, /cancelled/);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/shipments/${a.shipment_id}`, shipment())).statusCode, 400, 'a cancelled shipment cannot be updated');

      await markLabelPurchased(b.shipment_id);
      const afterLabel = await cancel(b.shipment_id);
      assert.equal(afterLabel.statusCode, 400);
      assert.equal(afterLabel.json().errors[0].error_code, 'invalid_status');
      assert.equal((await cancel('se-999999')).statusCode, 404);
    });

    test('errors: what stands between a shipment and its label', async () => {
      const [clean, international] = (
        await create(shipment(), shipment({ ship_to: toronto, carrier_id: fedex, service_code: 'fedex_international_priority' }))
      ).shipments;
      const errorsOf = async (id: string) => {
        const res = await t.inject({ method: 'GET', url: `${prefix}/shipments/${id}/errors`, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests' } });
        assert.equal(res.statusCode, 200, res.body);
        return res.json().errors as Json[];
      };
      assert.deepEqual(await errorsOf(clean.shipment_id), []);
      const problems = await errorsOf(international.shipment_id);
      assert.deepEqual(problems.map((e) => [e.field_name, e.error_code]), [['customs', 'customs_items_required']]);
      assert.equal(problems[0].error_source, surface === 'v2' ? 'ShipStation' : 'shipengine');
    });
  });
}

describe('shipment lists: filters, sorting and paging links', () => {
  let t: TestApp;
  let ups: string;
  const ids: Record<string, string> = {};

  before(async () => {
    t = await startTestApp();
    const { carriers } = (await t.api('shipengine', 'GET', '/v1/carriers')).json();
    ups = carriers.find((c: Json) => c.carrier_code === 'ups').carrier_id;
    await t.api('v2', 'POST', '/v2/tags', { name: 'gift' });
    const base = { carrier_id: ups, service_code: 'ups_ground' };
    const specs: [string, Json][] = [
      ['first', { ...base, external_shipment_id: 'ext-first', shipment_number: 'N-1', tags: [{ name: 'gift' }] }],
      ['second', { ...base, ship_to: { ...brooklyn, name: 'Zoë Quartz' }, items: [{ name: 'Blue Kettle', sku: 'KET-9', sales_order_id: 'so-77' }] }],
      ['third', { ...base, ship_to: austin }],
    ];
    for (const [name, spec] of specs) {
      t.ctx.clock.advance(60_000); // distinct created_at per shipment
      const res = await t.api('v2', 'POST', '/v2/shipments', { shipments: [domesticShipment(spec)] });
      ids[name] = res.json().shipments[0].shipment_id;
    }
    await t.api('v2', 'PUT', `/v2/shipments/${ids.third}/cancel`);
  });
  after(() => t.close());

  const names = (body: Json) => body.shipments.map((s: Json) => Object.entries(ids).find(([, id]) => id === s.shipment_id)![0]);

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    const list = async (query: string) => {
      const res = await t.api(surface, 'GET', `${prefix}/shipments${query}`);
      assert.equal(res.statusCode, 200, res.body);
      return res.json();
    };

    test(`${surface}: newest first by default; sort_by and sort_dir`, async () => {
      assert.deepEqual(names(await list('')), ['third', 'second', 'first']);
      assert.deepEqual(names(await list('?sort_dir=asc')), ['first', 'second', 'third']);
      assert.deepEqual(names(await list('?sort_by=modified_at&sort_dir=desc')), ['third', 'second', 'first'], 'cancelling modified the third');
    });

    test(`${surface}: filters`, async () => {
      const only = async (query: string) => names(await list(query));
      assert.deepEqual(await only('?shipment_status=cancelled'), ['third']);
      assert.deepEqual(await only('?shipment_status=pending&sort_dir=asc'), ['first', 'second']);
      assert.deepEqual(await only('?tag=gift'), ['first']);
      assert.deepEqual(await only('?tag=unknown'), []);
      assert.deepEqual(await only('?external_shipment_id=ext-first'), ['first']);
      assert.deepEqual(await only('?shipment_number=N-1'), ['first']);
      assert.deepEqual(await only('?ship_to_name=zoë'), ['second']);
      assert.deepEqual(await only('?ship_to_name=50%25'), [], 'LIKE wildcards are literal');
      assert.deepEqual(await only('?item_keyword=kettle'), ['second']);
      assert.deepEqual(await only('?item_keyword=ket-9'), ['second']);
      assert.deepEqual(await only('?sales_order_id=so-77'), ['second']);
      assert.deepEqual(await only('?batch_id=se-1'), [], 'no batches exist yet');
      const second = (await t.api(surface, 'GET', `${prefix}/shipments/${ids.second}`)).json();
      assert.deepEqual(await only(`?created_at_start=${second.created_at}&sort_dir=asc`), ['second', 'third']);
      assert.deepEqual(await only(`?created_at_end=${encodeURIComponent(second.created_at)}&sort_dir=asc`), ['first', 'second']);
      assert.deepEqual(await only(`?modified_at_start=2000-01-01T00:00:00Z&modified_at_end=2000-01-02T00:00:00Z`), []);
      const bad = await t.api(surface, 'GET', `${prefix}/shipments?created_at_start=2024-13-45T99:00:00Z`);
      assert.equal(bad.statusCode, 400);
      assert.equal(bad.json().errors[0].field_name, 'created_at_start');
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments?shipment_status=lost`)).statusCode, 400);
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments?page=1000000000000000000000`)).statusCode, 400);
      assert.equal((await t.api(surface, 'GET', `${prefix}/shipments?page_size=501`)).statusCode, 400);
    });

    test(`${surface}: pages and links keep the filters`, async () => {
      const page1 = await list('?page_size=2&shipment_status=pending&sort_dir=asc');
      assert.equal(page1.total, 2);
      assert.equal(page1.pages, 1);
      const all = await list('?page_size=2');
      assert.deepEqual([all.total, all.pages, all.page, all.shipments.length], [3, 2, 1, 2]);
      const link = (href: string) => {
        const url = new URL(href);
        return { path: `${url.origin}${url.pathname}`, ...Object.fromEntries(url.searchParams) };
      };
      assert.deepEqual(link(all.links.first.href), { path: `http://shipdock.test${prefix}/shipments`, page: '1', page_size: '2' });
      assert.deepEqual(link(all.links.next.href), { path: `http://shipdock.test${prefix}/shipments`, page: '2', page_size: '2' });
      assert.deepEqual(all.links.prev, {});
      const last = await list('?page_size=2&page=2&tag=gift');
      assert.equal(last.total, 1);
      assert.equal(last.shipments.length, 0, 'past the last page is an empty page');
      assert.deepEqual(link(last.links.last.href), { path: `http://shipdock.test${prefix}/shipments`, page: '1', page_size: '2', tag: 'gift' });
      const empty = await list('?tag=unknown');
      assert.deepEqual([empty.total, empty.pages], [0, 1]);
    });
  }
});
