import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { austin } from '../shipping/fixtures.ts';

const origin = austin;

describe('first endpoints on every surface', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: warehouses CRUD with the default-warehouse rule`, async () => {
      const first = await t.api(surface, 'POST', `${prefix}/warehouses`, { name: `${surface} HQ`, origin_address: origin });
      assert.equal(first.statusCode, 200, first.body);
      const second = await t.api(surface, 'POST', `${prefix}/warehouses`, {
        name: `${surface} Annex`,
        origin_address: { ...origin, address_line1: '600 W 2nd St' },
        is_default: false,
      });
      const id = second.json().warehouse_id;
      assert.match(id, /^se-\d+$/);
      assert.deepEqual(second.json().return_address, second.json().origin_address, 'return address defaults to origin');

      const got = await t.api(surface, 'GET', `${prefix}/warehouses/${id}`);
      assert.equal(got.json().name, `${surface} Annex`);
      const updated = await t.api(surface, 'PUT', `${prefix}/warehouses/${id}`, { name: 'Renamed', origin_address: origin, is_default: true });
      assert.equal(updated.statusCode, 204);
      const list = (await t.api(surface, 'GET', `${prefix}/warehouses`)).json().warehouses;
      const defaults = list.filter((w: { is_default: boolean }) => w.is_default);
      assert.equal(defaults.length, 1);
      assert.equal(defaults[0].warehouse_id, id);

      const refused = await t.api(surface, 'DELETE', `${prefix}/warehouses/${id}`);
      assert.equal(refused.statusCode, 400);
      assert.equal(refused.json().errors[0].error_code, 'default_warehouse_cannot_be_deleted');
      const other = list.find((w: { warehouse_id: string }) => w.warehouse_id !== id).warehouse_id;
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/warehouses/${other}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/warehouses/${other}`)).statusCode, 404);
    });

    test(`${surface}: tags create, list, rename, delete`, async () => {
      const name = `${surface}-Fragile`;
      const created = await t.api(surface, 'POST', `${prefix}/tags/${name}`);
      assert.equal(created.statusCode, 200, created.body);
      assert.equal(created.json().name, name);
      assert.equal((await t.api(surface, 'POST', `${prefix}/tags`, { name: `${surface}-Rush` })).statusCode, 200);
      assert.equal((await t.api(surface, 'POST', `${prefix}/tags/${name}`)).statusCode, 409);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/tags/${name}/${name}-2`)).statusCode, 204);
      const names = (await t.api(surface, 'GET', `${prefix}/tags`)).json().tags.map((x: { name: string }) => x.name);
      assert.ok(names.includes(`${name}-2`) && !names.includes(name));
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/tags/${name}-2`)).statusCode, 204);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/tags/${name}-2`)).statusCode, 404);
    });
  }

  test('V2 users: paging links are absolute and keep the filters', async () => {
    const { db } = t.ctx.database;
    for (let i = 0; i < 4; i++) {
      await db
        .insertInto('users')
        .values({ id: `00000000-0000-4000-8000-00000000000${i}`, account_id: 1, name: `Packer ${i}`, username: `packer${i}`, email: `p${i}@example.com`, status: 'active', created_at: `2026-01-0${i + 1}T00:00:00.000Z`, last_login_at: null })
        .execute();
    }
    const res = await t.api('v2', 'GET', '/v2/users?status=active&page=2&page_size=2');
    assert.equal(res.statusCode, 200);
    const body = res.json();
    assert.equal(body.total, 5);
    assert.equal(body.pages, 3);
    assert.equal(body.users.length, 2);
    assert.equal(body.links.first.href, 'http://shipdock.test/v2/users?status=active&page=1&page_size=2');
    assert.equal(body.links.last.href, 'http://shipdock.test/v2/users?status=active&page=3&page_size=2');
    assert.equal(body.links.prev.href, 'http://shipdock.test/v2/users?status=active&page=1&page_size=2');
    assert.equal(body.links.next.href, 'http://shipdock.test/v2/users?status=active&page=3&page_size=2');
    const last = (await t.api('v2', 'GET', '/v2/users?page=3&page_size=2')).json();
    assert.deepEqual(last.links.next, {});
    assert.equal((await t.api('v2', 'GET', '/v2/users?page_size=0')).statusCode, 400);
  });

  test('V1: users, listtags, stores and warehouses in camelCase with Pacific timestamps', async () => {
    const users = (await t.v1('GET', '/users')).json();
    assert.ok(users.length >= 1);
    assert.deepEqual(Object.keys(users[0]).sort(), ['name', 'userId', 'userName']);

    await t.api('v2', 'POST', '/v2/tags/Backorder');
    const tags = (await t.v1('GET', '/accounts/listtags')).json();
    const backorder = tags.find((x: { name: string }) => x.name === 'Backorder');
    assert.match(backorder.color, /^#[0-9A-F]{6}$/);
    assert.equal(typeof backorder.tagId, 'number');

    const stores = (await t.v1('GET', '/stores')).json();
    assert.equal(stores[0].storeName, 'Manual Orders');
    assert.match(stores[0].createDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);

    const created = await t.v1('POST', '/warehouses/createwarehouse', {
      warehouseName: 'West Coast',
      originAddress: { name: 'Ops', street1: '1 Market St', city: 'San Francisco', state: 'CA', postalCode: '94105', country: 'US', phone: '415-555-0100', residential: false },
    });
    assert.equal(created.statusCode, 200, created.body);
    const warehouse = created.json();
    assert.equal(typeof warehouse.warehouseId, 'number');
    assert.equal(warehouse.returnAddress.street1, '1 Market St');
    const fetched = (await t.v1('GET', `/warehouses/${warehouse.warehouseId}`)).json();
    assert.deepEqual(fetched, warehouse);
    // The same row is se-<id> on V2.
    const v2 = await t.api('v2', 'GET', `/v2/warehouses/se-${warehouse.warehouseId}`);
    assert.equal(v2.json().name, 'West Coast');
    const put = await t.v1('PUT', `/warehouses/${warehouse.warehouseId}`, { ...warehouse, warehouseName: 'West' });
    assert.equal(put.json().warehouseName, 'West');
    const list = (await t.v1('GET', '/warehouses')).json();
    const nonDefault = list.find((w: { isDefault: boolean }) => !w.isDefault);
    const deleted = await t.v1('DELETE', `/warehouses/${nonDefault.warehouseId}`);
    assert.deepEqual(deleted.json(), { success: true, message: 'The requested warehouse has been deleted.' });
    assert.equal((await t.v1('GET', '/warehouses/abc')).statusCode, 400);
  });
});
