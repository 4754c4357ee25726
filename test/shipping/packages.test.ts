import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';

describe('custom package types', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  for (const [surface, prefix] of [['v2', '/v2'], ['shipengine', '/v1']] as const) {
    test(`${surface}: create, list, get, replace and delete`, async () => {
      const code = `${surface}_mailer_box`;
      const created = await t.api(surface, 'POST', `${prefix}/packages`, {
        package_code: code,
        name: 'Mailer box',
        description: 'Our branded mailer',
        dimensions: { length: 12, width: 9, height: 3 },
      });
      assert.equal(created.statusCode, 200, created.body);
      const box = created.json();
      assert.match(box.package_id, /^se-\d+$/);
      assert.deepEqual(box.dimensions, { length: 12, width: 9, height: 3, unit: 'inch' });

      const { packages } = (await t.api(surface, 'GET', `${prefix}/packages`)).json();
      assert.ok(packages.some((p: { package_id: string }) => p.package_id === box.package_id));
      assert.deepEqual((await t.api(surface, 'GET', `${prefix}/packages/${box.package_id}`)).json(), box);

      const replaced = await t.api(surface, 'PUT', `${prefix}/packages/${box.package_id}`, { package_code: code, name: 'Mailer box v2', description: null });
      assert.equal(replaced.statusCode, 204, replaced.body);
      const after = (await t.api(surface, 'GET', `${prefix}/packages/${box.package_id}`)).json();
      assert.deepEqual([after.name, after.description, after.dimensions], ['Mailer box v2', null, undefined]);

      assert.equal((await t.api(surface, 'DELETE', `${prefix}/packages/${box.package_id}`)).statusCode, 204);
      assert.equal((await t.api(surface, 'GET', `${prefix}/packages/${box.package_id}`)).statusCode, 404);
      assert.equal((await t.api(surface, 'DELETE', `${prefix}/packages/${box.package_id}`)).statusCode, 404);
    });

    test(`${surface}: codes are unique per account and never a carrier's`, async () => {
      const post = (body: unknown) => t.api(surface, 'POST', `${prefix}/packages`, body);
      const code = `${surface}_tube`;
      assert.equal((await post({ package_code: code, name: 'Tube' })).statusCode, 200);
      const duplicate = await post({ package_code: code, name: 'Another tube' });
      assert.equal(duplicate.statusCode, 409);
      assert.equal(duplicate.json().errors[0].field_name, 'package_code');
      const carriers = await post({ package_code: 'fedex_pak', name: 'Pak' });
      assert.equal(carriers.statusCode, 400);
      assert.match(carriers.json().errors[0].message, /carrier package code/);
      assert.equal((await post({ package_code: 'package', name: 'Package' })).statusCode, 400);

      const other = (await post({ package_code: `${surface}_crate`, name: 'Crate' })).json();
      const clash = await t.api(surface, 'PUT', `${prefix}/packages/${other.package_id}`, { package_code: code, name: 'Crate' });
      assert.equal(clash.statusCode, 409, 'renaming onto another custom code');
    });

    test(`${surface}: bad input`, async () => {
      const post = (body: unknown) => t.api(surface, 'POST', `${prefix}/packages`, body);
      for (const body of [{}, { package_code: 'Bad Code', name: 'x' }, { package_code: 'ok_code', name: '' }, { package_code: 'ok_code', name: 'x', dimensions: { length: 1 } }]) {
        assert.equal((await post(body)).statusCode, 400, JSON.stringify(body));
      }
      assert.equal((await t.api(surface, 'GET', `${prefix}/packages/se-99999999999`)).statusCode, 404);
      assert.equal((await t.api(surface, 'PUT', `${prefix}/packages/se-99999999999`, { package_code: 'x', name: 'x' })).statusCode, 404);
      assert.equal((await t.api(surface, 'GET', `${prefix}/packages/box`)).statusCode, 400);
    });
  }
});
