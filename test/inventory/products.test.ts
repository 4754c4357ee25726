import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey, createV1KeyPair } from '../../src/domain/accounts/keys.ts';
import { increment, makePlaces } from './helpers.ts';

const address = { name: 'Jane Buyer', street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' };
const order = (key: string, items: { sku: string; name: string }[]) => ({
  orderNumber: key, orderKey: key, orderDate: '2026-11-20T10:00:00', orderStatus: 'awaiting_payment', billTo: address, shipTo: address,
  items: items.map((i) => ({ ...i, quantity: 1, unitPrice: 12.5 })),
});

describe('GET /v2/products', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
    assert.equal((await t.v1('POST', '/orders/createorder', order('p-1', [{ sku: 'MUG-RED', name: 'Red mug' }, { sku: 'MUG-BLUE', name: 'Blue mug' }, { sku: 'CAP', name: 'Cap' }]))).statusCode, 200);
  });
  after(() => t.close());

  test('lists the V1 catalog with filters and paging; stock appears for add-on accounts', async () => {
    const all = (await t.api('v2', 'GET', '/v2/products')).json();
    assert.equal(all.total, 3);
    assert.equal(all.page, 1);
    assert.equal(all.products[0].price.amount, 12.5);
    const v1 = (await t.v1('GET', '/products?sku=CAP')).json().products[0];
    const cap = (await t.api('v2', 'GET', '/v2/products?sku=CAP')).json().products;
    assert.equal(cap.length, 1);
    assert.equal(cap[0].product_id, v1.productId, 'the same catalog as V1 /products');
    assert.equal((await t.api('v2', 'GET', '/v2/products?name=mug')).json().total, 2);
    const paged = (await t.api('v2', 'GET', '/v2/products?page_size=2&page=2')).json();
    assert.equal(paged.products.length, 1);
    assert.equal(paged.pages, 2);

    const { locationId } = await makePlaces(t, 'Shelf');
    await increment(t, locationId, 'MUG-RED', 6, 3);
    const red = (await t.api('v2', 'GET', '/v2/products?sku=MUG-RED')).json().products[0];
    assert.deepEqual(red.inventory, { on_hand: 6, allocated: 0, available: 6 });
    assert.equal((await t.api('v2', 'GET', '/v2/products?page_size=101')).statusCode, 400);
  });

  test('active filter: inactive products only when asked for', async () => {
    await t.ctx.database.db.updateTable('products').set({ active: 0 }).where('sku', '=', 'CAP').execute();
    assert.equal((await t.api('v2', 'GET', '/v2/products')).json().total, 2);
    const inactive = (await t.api('v2', 'GET', '/v2/products?active=false')).json();
    assert.equal(inactive.total, 1);
    assert.equal(inactive.products[0].sku, 'CAP');
    assert.equal(inactive.products[0].active, false);
  });

  test('another account sees its own catalog only, and no inventory without the add-on', async () => {
    const now = t.ctx.clock.nowIso();
    const plain = await createAccount(t.ctx.database.db, { plan: 'standard' }, now);
    const key = { 'api-key': (await createApiKey(t.ctx.database.db, { accountId: plain.id }, now)).apiKey };
    const pair = await createV1KeyPair(t.ctx.database.db, plain.id, 6, now);
    assert.equal((await t.api('v2', 'GET', '/v2/products', undefined, key)).json().total, 0);
    await t.app.inject({ method: 'POST', url: '/orders/createorder', headers: { authorization: basic(pair.apiKey, pair.apiSecret) }, payload: order('q-1', [{ sku: 'MUG-RED', name: 'Their mug' }]) });
    const theirs = (await t.api('v2', 'GET', '/v2/products', undefined, key)).json().products;
    assert.equal(theirs.length, 1);
    assert.equal(theirs[0].name, 'Their mug');
    assert.equal(theirs[0].inventory, undefined);
  });
});
