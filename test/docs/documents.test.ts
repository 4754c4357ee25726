import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { Validator } from '@seriousme/openapi-schema-validator';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { openApiSpec } from '../../src/api/docs/official-specs.ts';
import { fetchDocuments, operations, shape, SURFACE_IDS, type Doc } from './helpers.ts';

describe('/docs: one OpenAPI document per surface', () => {
  let t: TestApp;
  let docs: Record<string, Doc>;
  const registered: { method: string; url: string }[] = [];
  before(async () => {
    t = await startTestApp({}, undefined, {
      onRoute: (route) => {
        if (route.schema?.hide) return;
        for (const method of [route.method].flat()) if (method !== 'HEAD') registered.push({ method, url: route.url });
      },
    });
    docs = await fetchDocuments(t);
  });
  after(() => t.close());

  test('every served document is valid OpenAPI', async () => {
    for (const id of SURFACE_IDS) {
      const result = await new Validator().validate(structuredClone(docs[id]));
      assert.equal(result.valid, true, `${id}: ${JSON.stringify(result.errors)?.slice(0, 2000)}`);
      assert.equal(docs[id].openapi, '3.1.0');
      assert.equal(docs[id].servers[0].url, 'http://shipdock.test', 'Try it out calls this server');
    }
  });

  test('every registered API route is in exactly one document, with a summary and a 2xx response that says what comes back', () => {
    const where = new Map<string, string[]>();
    for (const id of SURFACE_IDS) {
      for (const { method, path, operation } of operations(docs[id])) {
        const key = shape(method, path);
        where.set(key, [...(where.get(key) ?? []), id]);
        assert.ok(operation.summary?.trim(), `${id} ${key} has no summary`);
        const success = Object.entries(operation.responses ?? {}).filter(([status]) => /^2\d\d$/.test(status));
        assert.ok(success.length, `${id} ${key} documents no 2xx response`);
        for (const [status, response] of success as [string, Doc][]) {
          assert.notEqual(response.description, 'Default Response', `${id} ${key} ${status}`);
          const resolved = response.$ref ? docs[id].components.responses[response.$ref.split('/').pop()] : response;
          if (status !== '204') assert.ok(resolved?.content && Object.values(resolved.content).every((c: any) => c.schema), `${id} ${key} ${status} has no schema`);
        }
      }
    }
    const api = registered.filter((r) => !/^\/(app|docs)(\/|$)/.test(r.url));
    assert.ok(api.length > 300, `only ${api.length} API routes registered`);
    for (const route of api) {
      const key = shape(route.method, route.url);
      assert.deepEqual(where.get(key)?.length, 1, `${key} is in ${JSON.stringify(where.get(key) ?? [])}`);
    }
    // Nothing documented that does not run.
    const running = new Set(api.map((r) => shape(r.method, r.url)));
    for (const key of where.keys()) assert.ok(running.has(key), `${key} is documented but not registered`);
    assert.equal(where.size, running.size);
  });

  test('official operations carry the official summary, description, parameters, request and response schemas', () => {
    const v2 = openApiSpec('shipstation-v2.openapi.yaml');
    const official = v2.paths['/v2/warehouses'].get;
    const served = docs.v2.paths['/v2/warehouses'].get;
    assert.equal(served.summary, official.summary);
    assert.equal(served.description, official.description);
    assert.deepEqual(served.responses['200'], official.responses['200']);
    assert.ok(docs.v2.components.schemas[served.responses['200'].content['application/json'].schema.$ref.split('/').pop()], 'referenced schema is carried');

    const se = openApiSpec('shipengine.openapi.yaml');
    const label = docs.shipengine.paths['/v1/labels'].post;
    assert.equal(label.operationId, se.paths['/v1/labels'].post.operationId);
    assert.deepEqual(label.requestBody, se.paths['/v1/labels'].post.requestBody);
    // Examples come along where the official file has them.
    assert.ok(JSON.stringify(docs.shipengine.paths['/v1/labels']).includes('example'));

    // A V2 operation the 2025 V2 file lacks takes its ShipEngine twin, with prefixed components.
    const validate = docs.v2.paths['/v2/addresses/validate'].post;
    assert.equal(validate.summary, se.paths['/v1/addresses/validate'].post.summary);
    assert.match(JSON.stringify(validate), /#\/components\/schemas\/se__/);
    for (const name of Object.keys(docs.v2.components.schemas)) assert.match(name, /^[a-zA-Z0-9._-]+$/);

    // V1: the summary from the operation list, the details and Shipdock's V1 response contract.
    const stores = docs.v1.paths['/stores'].get;
    assert.equal(stores.summary, 'List Stores');
    assert.match(stores.description, /showInactive/);
    assert.equal(stores.responses['200'].content['application/json'].schema.type, 'array');
    assert.ok(docs.v1.components.schemas.Store || docs.v1.components.schemas.StoreListItem);
    assert.equal(docs.v1.paths['/orders/{orderId}'].get.summary, 'Get Order');
  });

  test('Shipdock extensions are documented as such', () => {
    const purchase = docs.v2.paths['/v2/labels'].post;
    assert.ok(purchase.parameters.some((p: Doc) => p.name === 'Idempotency-Key' && p.in === 'header'));
    assert.match(purchase.description, /\*\*Shipdock:\*\*.*Idempotency-Key/s);
    assert.ok(docs.v1.paths['/shipments/createlabel'].post.description.includes('Idempotency-Key'));
    // Every route that honours the header documents it, official or not.
    const withHeader = SURFACE_IDS.flatMap((id) => operations(docs[id]).filter((o) => o.operation.parameters?.some((p: Doc) => p.name === 'Idempotency-Key')).map((o) => `${o.method} ${o.path}`));
    for (const op of ['post /v2/labels', 'post /v1/labels', 'post /v2/batches/{batch_id}/process/labels', 'post /v1/labels/rates/{rate_id}', 'post /shipments/createlabel', 'post /orders/createlabelfororder']) assert.ok(withHeader.includes(op), `${op} lacks Idempotency-Key`);
    // A V2 operation only the docs site lists says so.
    assert.match(docs.v2.paths['/v2/totes'].get.description, /official OpenAPI file does not describe/);
    assert.deepEqual(Object.keys(docs.sandbox.paths).filter((p) => !p.startsWith('/sandbox/')), ['/jwks']);
    assert.ok(docs.sandbox.tags.some((tag: Doc) => tag.name === 'sandbox' && /not a ShipStation API/.test(tag.description)));
  });

  test('security schemes per surface: Basic for V1, API-Key for V2 and ShipEngine, partner key with On-Behalf-Of', () => {
    assert.deepEqual(docs.v1.components.securitySchemes.basic_auth, { type: 'http', scheme: 'basic', description: docs.v1.components.securitySchemes.basic_auth.description });
    assert.deepEqual(docs.v1.security, [{ basic_auth: [] }]);
    assert.deepEqual(docs.v1.paths['/accounts/registeraccount'].post.security, [], 'registeraccount needs no credentials');

    assert.equal(docs.v2.components.securitySchemes.api_keys.name, 'API-Key');
    assert.equal(docs.v2.components.securitySchemes.api_keys.in, 'header');
    assert.deepEqual(docs.v2.security, [{ api_keys: [] }]);

    const se = docs.shipengine;
    assert.equal(se.components.securitySchemes.api_key.name, 'API-Key');
    assert.equal(se.components.securitySchemes.partner_key.name, 'API-Key');
    assert.equal(se.components.securitySchemes.on_behalf_of.name, 'On-Behalf-Of');
    assert.deepEqual(se.security, [{ api_key: [] }, { partner_key: [], on_behalf_of: [] }]);
    const partnerOps = operations(se).filter((o) => o.path.startsWith('/v1/partners/'));
    assert.equal(partnerOps.length, 9);
    for (const { operation } of partnerOps) {
      assert.deepEqual(operation.security, [{ partner_key: [] }]);
      assert.deepEqual(operation.tags, ['partners']);
    }
    assert.deepEqual(se['x-tagGroups'].map((g: Doc) => g.name), ['ShipEngine', 'Partner API']);
    assert.deepEqual(se['x-tagGroups'][1].tags, ['partners', 'registration']);
    assert.deepEqual(docs.v1['x-tagGroups'].map((g: Doc) => g.name), ['ShipStation V1 (legacy)']);
    // Download links work without credentials.
    assert.deepEqual(docs.v2.paths['/v2/downloads/{dir}/{subdir}/manifest-{file}'].get.security, []);
    assert.deepEqual(docs.sandbox.paths['/jwks'].get.security, []);
  });

  test('operation ids are unique within each document', () => {
    for (const id of SURFACE_IDS) {
      const ids = operations(docs[id]).map((o) => o.operation.operationId).filter(Boolean);
      assert.equal(new Set(ids).size, ids.length, `${id}: ${ids.filter((x, i) => ids.indexOf(x) !== i)}`);
    }
    assert.equal(docs.v2.paths['/v2/tags/{tag_name}'].post.operationId, 'create_tag_by_name');
    assert.equal(docs.v2.paths['/v2/tags'].post.operationId, 'create_tag');
    assert.equal(docs.v1.paths['/orders/createorder'].post.operationId, 'createUpdateOrder');
    assert.equal(operations(docs.v1).filter((o) => o.operation.operationId).length, 48);
  });

  test('each document has its own tags: V2 and ShipEngine no longer share operations', () => {
    for (const id of SURFACE_IDS) {
      const declared = new Set(docs[id].tags.map((tag: Doc) => tag.name));
      for (const { method, path, operation } of operations(docs[id])) for (const tag of operation.tags) assert.ok(declared.has(tag), `${id} ${method} ${path}: tag ${tag} not declared`);
    }
    assert.ok(operations(docs.v2).every((o) => o.path.startsWith('/v2/')));
    assert.ok(operations(docs.shipengine).every((o) => o.path.startsWith('/v1/')));
    assert.ok(operations(docs.v1).every((o) => !/^\/(v1|v2|sandbox)\//.test(o.path)));
  });
});
