import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp } from '../helpers/server.ts';

test('/docs serves the OpenAPI of what Shipdock implements, without credentials', async () => {
  const t = await startTestApp();
  try {
    const page = await t.inject({ method: 'GET', url: '/docs/' });
    assert.equal(page.statusCode, 200);
    assert.match(page.headers['content-type'] as string, /text\/html/);
    const doc = (await t.inject({ method: 'GET', url: '/docs/json' })).json();
    assert.match(doc.openapi, /^3\./);
    assert.ok(doc.paths['/v2/warehouses']?.post, 'V2 create warehouse is documented');
    assert.ok(doc.paths['/v1/tags']?.get, 'ShipEngine tags are documented');
    assert.ok(doc.paths['/warehouses/createwarehouse']?.post, 'V1 create warehouse is documented');
    assert.ok(doc.paths['/v2/warehouses']?.post.requestBody, 'request schemas are included');
  } finally {
    await t.close();
  }
});
