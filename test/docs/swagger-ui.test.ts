import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { loadedSpecFiles } from '../../src/api/docs/official-specs.ts';

describe('/docs: Swagger UI over the surfaces', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('nothing is read or built at start: the specs load on the first document request', async () => {
    assert.deepEqual(loadedSpecFiles(), []);
    const page = await t.app.inject({ method: 'GET', url: '/docs/' });
    assert.equal(page.statusCode, 200);
    assert.deepEqual(loadedSpecFiles(), [], 'the UI page alone builds nothing');
    await t.app.inject({ method: 'GET', url: '/docs/openapi/sandbox.json' });
    assert.ok(loadedSpecFiles().includes('shipengine.openapi.yaml'));
  });

  test('the page loads and its initializer lists every surface with its document', async () => {
    const page = await t.app.inject({ method: 'GET', url: '/docs' });
    assert.equal(page.statusCode, 200);
    assert.match(String(page.headers['content-type']), /text\/html/);
    assert.match(page.body, /swagger-ui/);

    const init = await t.app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    assert.equal(init.statusCode, 200);
    const expected = [
      ['ShipStation V2', '/docs/openapi/v2.json'],
      ['ShipEngine /v1 + Partner API', '/docs/openapi/shipengine.json'],
      ['ShipStation V1 (legacy)', '/docs/openapi/v1.json'],
      ['Shipdock sandbox & extensions', '/docs/openapi/sandbox.json'],
    ];
    for (const [name, url] of expected) {
      assert.ok(init.body.includes(JSON.stringify(name).slice(1, -1)), `initializer lacks ${name}`);
      assert.ok(init.body.includes(url), `initializer lacks ${url}`);
      const doc = await t.app.inject({ method: 'GET', url });
      assert.equal(doc.statusCode, 200, url);
      assert.match(String(doc.headers['content-type']), /application\/json/);
      assert.ok(Object.keys(doc.json().paths).length > 0);
    }
    assert.match(init.body, /"urls\.primaryName":\s*"ShipStation V2"/);

    // The single document of earlier versions is now the first surface's.
    const legacy = await t.app.inject({ method: 'GET', url: '/docs/json' });
    assert.equal(legacy.statusCode, 200);
    assert.ok(legacy.json().paths['/v2/warehouses']);
    assert.equal(legacy.json().paths['/v1/warehouses'], undefined);
  });

  test('an unknown document is a 404 that names the real ones', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/docs/openapi/v3.json' });
    assert.equal(response.statusCode, 404);
    assert.match(response.json().message, /\/docs\/openapi\/v2\.json/);
  });

  test('the documents are built once, on first request, and served from memory after', async () => {
    const first = await t.app.inject({ method: 'GET', url: '/docs/openapi/shipengine.json' });
    const second = await t.app.inject({ method: 'GET', url: '/docs/openapi/shipengine.json' });
    assert.equal(first.body, second.body);
  });
});
