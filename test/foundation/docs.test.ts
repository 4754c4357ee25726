import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/server.ts';

test('/docs serves the OpenAPI of what Shipdock implements, without credentials', async () => {
  const t = await startTestApp();
  try {
    const page = await t.inject({ method: 'GET', url: '/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    // One document per surface (test/docs covers them in depth).
    const doc = async (surface: string) => (await t.inject({ method: 'GET', url: `/docs/openapi/${surface}.json` })).json();
    const v2 = await doc('v2');
    assert.match(v2.openapi, /^3\./);
    assert.ok(v2.paths['/v2/warehouses']?.post, 'V2 create warehouse is documented');
    assert.ok((await doc('shipengine')).paths['/v1/tags']?.get, 'ShipEngine tags are documented');
    assert.ok((await doc('v1')).paths['/warehouses/createwarehouse']?.post, 'V1 create warehouse is documented');
    assert.ok(v2.paths['/v2/warehouses']?.post.requestBody, 'request schemas are included');
  } finally {
    await t.close();
  }
});
