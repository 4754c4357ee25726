import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { fetchDocuments, tryItOut, type Doc } from './helpers.ts';

const ajv = new (Ajv2020 as unknown as typeof Ajv2020.default)({ strict: false, allErrors: true });
(addFormats as unknown as typeof addFormats.default)(ajv);
for (const format of ['int32', 'int64', 'double', 'float', 'decimal', 'binary', 'byte']) ajv.addFormat(format, true);

/** The body matches the schema the document gives for this operation and status. */
function assertDocumented(doc: Doc, method: string, path: string, status: number, body: unknown) {
  const response = doc.paths[path][method.toLowerCase()].responses[String(status)];
  assert.ok(response, `${method} ${path} documents no ${status}`);
  const schema = response.content['application/json'].schema;
  const validate = ajv.compile({ ...schema, components: doc.components });
  assert.ok(validate(body), `${method} ${path} ${status}: ${JSON.stringify(validate.errors?.slice(0, 5))}\n${JSON.stringify(body).slice(0, 800)}`);
}

describe('/docs "Try it out": requests built from a document reach Shipdock and succeed', () => {
  let t: TestApp;
  let docs: Record<string, Doc>;
  before(async () => {
    t = await startTestApp();
    docs = await fetchDocuments(t);
  });
  after(() => t.close());

  // API surfaces also go through the suite's contract checker; the sandbox has no official contract.
  const send = (doc: Doc, method: string, path: string, options: Parameters<typeof tryItOut>[3] = {}) =>
    (doc === docs.sandbox ? t.app.inject.bind(t.app) : t.inject)(tryItOut(doc, method, path, options));

  test('ShipStation V2 with the API-Key scheme', async () => {
    const list = await send(docs.v2, 'GET', '/v2/warehouses');
    assert.equal(list.statusCode, 200, list.body);
    const warehouses = list.json().warehouses;
    assert.ok(warehouses.length >= 1, 'the default Ship From warehouse');
    const one = await send(docs.v2, 'GET', '/v2/warehouses/{warehouse_id}', { params: { warehouse_id: warehouses[0].warehouse_id } });
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(one.json().warehouse_id, warehouses[0].warehouse_id);
    const carriers = await send(docs.v2, 'GET', '/v2/carriers');
    assert.equal(carriers.statusCode, 200, carriers.body);
    assert.ok(carriers.json().carriers.length > 0);
    // The same request without the scheme's header is what an unauthorized user sees.
    const anonymous = tryItOut(docs.v2, 'GET', '/v2/warehouses');
    delete (anonymous.headers as Record<string, string>)['api-key'];
    assert.equal((await t.inject(anonymous)).statusCode, 401);
  });

  test('ShipStation V1 with HTTP Basic', async () => {
    const stores = await send(docs.v1, 'GET', '/stores');
    assert.equal(stores.statusCode, 200, stores.body);
    assert.ok(Array.isArray(stores.json()));
    assertDocumented(docs.v1, 'GET', '/stores', 200, stores.json());
    const warehouses = await send(docs.v1, 'GET', '/warehouses');
    assert.equal(warehouses.statusCode, 200, warehouses.body);
    assertDocumented(docs.v1, 'GET', '/warehouses', 200, warehouses.json());
    const warehouseId = String(warehouses.json()[0].warehouseId);
    const one = await send(docs.v1, 'GET', '/warehouses/{warehouseId}', { params: { warehouseId } });
    assert.equal(one.statusCode, 200, one.body);
    assert.equal(String(one.json().warehouseId), warehouseId);
  });

  test('ShipEngine with API-Key, the Partner API with the partner key, then On-Behalf-Of', async () => {
    const carriers = await send(docs.shipengine, 'GET', '/v1/carriers');
    assert.equal(carriers.statusCode, 200, carriers.body);

    const created = await send(docs.shipengine, 'POST', '/v1/partners/accounts', { body: { external_account_id: 'docs-try-it-out', origin_country_code: 'US' } });
    assert.equal(created.statusCode, 200, created.body);
    assertDocumented(docs.shipengine, 'POST', '/v1/partners/accounts', 200, created.json());
    const accountId = String(created.json().account_id);

    const list = await send(docs.shipengine, 'GET', '/v1/partners/accounts');
    assert.equal(list.statusCode, 200, list.body);
    assertDocumented(docs.shipengine, 'GET', '/v1/partners/accounts', 200, list.json());
    assert.ok(list.json().accounts.some((a: Doc) => String(a.account_id) === accountId));

    const keys = await send(docs.shipengine, 'GET', '/v1/partners/accounts/{account_id}/api_keys', { params: { account_id: accountId } });
    assert.equal(keys.statusCode, 200, keys.body);
    assertDocumented(docs.shipengine, 'GET', '/v1/partners/accounts/{account_id}/api_keys', 200, keys.json());

    const onBehalf = await send(docs.shipengine, 'GET', '/v1/warehouses', { schemes: ['partner_key', 'on_behalf_of'], onBehalfOf: accountId });
    assert.equal(onBehalf.statusCode, 200, onBehalf.body);
    assert.ok(Array.isArray(onBehalf.json().warehouses));
    // The partner key alone is refused outside the Partner API, as the document's security says.
    const partnerOnly = tryItOut(docs.shipengine, 'GET', '/v1/warehouses', { schemes: ['partner_key', 'on_behalf_of'] });
    delete (partnerOnly.headers as Record<string, string>)['on-behalf-of'];
    assert.equal((await t.inject(partnerOnly)).statusCode, 403);
  });

  test('the sandbox and the JWKS', async () => {
    const clock = await send(docs.sandbox, 'GET', '/sandbox/clock');
    assert.equal(clock.statusCode, 200, clock.body);
    assertDocumented(docs.sandbox, 'GET', '/sandbox/clock', 200, clock.json());
    const magic = await send(docs.sandbox, 'GET', '/sandbox/magic-values');
    assert.equal(magic.statusCode, 200, magic.body);
    assertDocumented(docs.sandbox, 'GET', '/sandbox/magic-values', 200, magic.json());
    const jwks = await send(docs.sandbox, 'GET', '/jwks');
    assert.equal(jwks.statusCode, 200, jwks.body);
    assert.equal(jwks.json().keys[0].alg, 'RS256');
    assertDocumented(docs.sandbox, 'GET', '/jwks', 200, jwks.json());
    const reset = await send(docs.sandbox, 'POST', '/sandbox/reset');
    assert.equal(reset.statusCode, 200, reset.body);
    assertDocumented(docs.sandbox, 'POST', '/sandbox/reset', 200, reset.json());
  });
});
