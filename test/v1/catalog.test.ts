import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { orderBody, shipTo } from './fixtures.ts';

describe('customers, products and fulfillments come from orders', () => {
  let t: TestApp;
  let tagId: number;
  before(async () => {
    t = await startTestApp();
    tagId = (await t.ctx.database.db.insertInto('tags').values({ account_id: 1, name: 'VIP', color: '#00FF00', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow()).id;
  });
  after(() => t.close());

  const order = async (key: string, overrides: Record<string, unknown> = {}) => {
    const response = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: key, orderNumber: key, ...overrides }));
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  const ok = async (url: string) => {
    const response = await t.v1('GET', url);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  test('customers are matched by email, any case, and follow their latest order', async () => {
    const first = await order('c-1', { customerEmail: 'Ann@Example.com', customerUsername: 'ann-shop' });
    const second = await order('c-2', {
      customerEmail: 'ann@example.COM',
      customerUsername: 'ann-shop',
      shipTo: { ...shipTo, name: 'Ann Lee', street1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', postalCode: '95014' },
    });
    assert.equal(second.customerId, first.customerId);
    const customer = await ok(`/customers/${first.customerId}`);
    assert.deepEqual(
      [customer.name, customer.street1, customer.city, customer.state, customer.postalCode, customer.countryCode, customer.email],
      ['Ann Lee', '1 Infinite Loop', 'Cupertino', 'CA', '95014', 'US', 'Ann@Example.com'],
    );
    t.ctx.clock.advance(60_000);
    await order('c-2b', { customerEmail: 'ANN@example.com', customerUsername: 'ann-shop', shipTo: { ...shipTo, name: 'Ann Lee', street1: '1 Infinite Loop', city: 'Cupertino', state: 'CA', postalCode: '95014' } });
    assert.equal((await ok(`/customers/${first.customerId}`)).modifyDate, customer.modifyDate, 'the same address again changes nothing');
    assert.equal(customer.marketplaceUsernames.length, 1);
    assert.deepEqual(
      [customer.marketplaceUsernames[0].username, customer.marketplaceUsernames[0].marketplaceId, customer.marketplaceUsernames[0].marketplace, customer.marketplaceUsernames[0].customerId],
      ['ann-shop', 0, 'ShipStation', first.customerId],
    );
    assert.match(customer.createDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    assert.equal((await order('c-3', { customerEmail: null })).customerId, null, 'no email, no customer');
    assert.equal((await t.v1('GET', '/customers/987654')).statusCode, 404);
  });

  test('GET /customers filters, sorting and paging', async () => {
    const bob = await order('c-4', { customerEmail: 'bob@example.com', shipTo: { ...shipTo, name: 'Bob', state: 'TX', country: 'US' } });
    const cleo = await order('c-5', { customerEmail: 'cleo@example.ca', shipTo: { ...shipTo, name: 'Cleo', state: 'ON', country: 'CA' }, tagIds: [tagId] });
    const ids = (body: { customers: { customerId: number }[] }) => body.customers.map((c) => c.customerId);
    assert.deepEqual(ids(await ok('/customers?stateCode=tx')), [bob.customerId]);
    assert.deepEqual(ids(await ok('/customers?countryCode=CA')), [cleo.customerId]);
    assert.deepEqual(ids(await ok(`/customers?tagId=${tagId}`)), [cleo.customerId], 'tagged through its orders');
    const cleoCustomer = await ok(`/customers/${cleo.customerId}`);
    assert.deepEqual(cleoCustomer.tags, [{ tagId, name: 'VIP' }]);
    assert.ok(ids(await ok('/customers?marketplaceId=0')).includes((await ok('/customers?stateCode=CA')).customers[0].customerId), 'customers with a username there');
    assert.equal((await ok('/customers?marketplaceId=36')).total, 0);
    const byName = await ok('/customers?sortBy=Name&sortDir=DESC&pageSize=2');
    assert.deepEqual(byName.customers.map((c: { name: string }) => c.name), ['Cleo', 'Bob']);
    assert.deepEqual([byName.total, byName.page, byName.pages], [3, 1, 2]);
    assert.equal((await t.v1('GET', '/customers?sortBy=Age')).statusCode, 400);
    assert.equal((await t.v1('GET', '/customers?pageSize=501')).statusCode, 400);
  });

  test('products are created from order items by SKU, once', async () => {
    const first = await order('p-1', {
      items: [
        { sku: 'MUG-RED', name: 'Red Mug', quantity: 2, unitPrice: 12.5, weight: { value: 1, units: 'pounds' }, imageUrl: 'https://img.example/mug.png', warehouseLocation: 'A1', upc: '0001' },
        { sku: 'COUPON', name: 'Coupon', quantity: 1, unitPrice: -5, adjustment: true },
        { name: 'No SKU', quantity: 1, unitPrice: 1 },
      ],
    });
    const again = await order('p-2', { items: [{ sku: 'MUG-RED', name: 'Renamed Mug', quantity: 1, unitPrice: 99 }] });
    const productId = first.items[0].productId;
    assert.equal(again.items[0].productId, productId);
    assert.deepEqual([first.items[1].productId, first.items[2].productId], [null, null]);
    const product = await ok(`/products/${productId}`);
    assert.deepEqual(
      [product.sku, product.name, product.price, product.weightOz, product.warehouseLocation, product.active, product.productCategory, product.tags],
      ['MUG-RED', 'Red Mug', 12.5, 16, 'A1', true, null, null],
      'the catalog keeps the first sighting; later orders do not rewrite it',
    );
    assert.equal('upc' in product, false, 'a single product has no upc/thumbnailURL');
    const listed = (await ok('/products?sku=mug-red')).products[0];
    assert.deepEqual([listed.productId, listed.upc, listed.thumbnailURL], [productId, '0001', 'https://img.example/mug.png']);
    const named = await order('p-3', { items: [{ productId, sku: 'OTHER', name: 'x', quantity: 1, unitPrice: 1 }] });
    assert.equal(named.items[0].productId, productId, 'an item naming a product keeps it');
  });

  test('PUT /products/{id} replaces the product; GET /products filters', async () => {
    const created = await order('p-4', { items: [{ sku: 'HAT-1', name: 'Hat', quantity: 1, unitPrice: 20 }] });
    const productId = created.items[0].productId;
    const put = await t.v1('PUT', `/products/${productId}`, {
      productId,
      sku: 'HAT-1',
      name: 'Woollen Hat',
      price: 22.5,
      defaultCost: 8,
      length: 10,
      width: 8,
      height: 4,
      weightOz: 6,
      productCategory: { name: 'Apparel' },
      productType: 'Seasonal',
      defaultCarrierCode: 'usps',
      defaultConfirmation: 'delivery',
      customsValue: 15,
      customsCountryCode: 'cn',
      noCustoms: false,
      tags: [{ tagId, name: 'VIP' }],
    });
    assert.deepEqual(put.json(), { success: true, message: 'The requested product has been updated' });
    const product = await ok(`/products/${productId}`);
    assert.equal(product.name, 'Woollen Hat');
    assert.deepEqual([product.price, product.defaultCost, product.customsValue, product.customsCountryCode], [22.5, 8, 15, 'CN']);
    assert.equal(product.productCategory.name, 'Apparel');
    assert.equal(product.productType, 'Seasonal');
    assert.deepEqual(product.tags, [{ tagId, name: 'VIP' }]);
    assert.equal(product.fulfillmentSku, null);

    const categoryId = product.productCategory.categoryId;
    const typeId = (await t.ctx.database.db.selectFrom('product_types').select('id').where('name', '=', 'Seasonal').executeTakeFirstOrThrow()).id;
    const skus = async (query: string) => (await ok(`/products?${query}`)).products.map((p: { sku: string }) => p.sku);
    assert.deepEqual(await skus(`productCategoryId=${categoryId}`), ['HAT-1']);
    assert.deepEqual(await skus(`productTypeId=${typeId}`), ['HAT-1']);
    assert.deepEqual(await skus(`tagId=${tagId}`), ['HAT-1']);
    assert.deepEqual(await skus('name=woollen'), ['HAT-1']);
    const createdAt = (await t.ctx.database.db.selectFrom('products').select('created_at').where('id', '=', productId).executeTakeFirstOrThrow()).created_at;
    assert.deepEqual(await skus(`startDate=${encodeURIComponent(createdAt)}&endDate=${encodeURIComponent(createdAt)}`), ['HAT-1']);
    assert.deepEqual(await skus('sortBy=SKU&sortDir=DESC&pageSize=2'), ['MUG-RED', 'HAT-1']);

    // Full replace: what the body leaves out is cleared; `active: false` retires the product.
    await t.v1('PUT', `/products/${productId}`, { sku: 'HAT-1', name: 'Hat', active: false });
    const replaced = await ok(`/products/${productId}`);
    assert.deepEqual([replaced.price, replaced.productCategory, replaced.tags, replaced.active], [null, null, null, false]);
    assert.deepEqual(await skus('sku=HAT-1'), [], 'inactive products are hidden');
    assert.deepEqual(await skus('sku=HAT-1&showInactive=True'), ['HAT-1']);

    assert.equal((await t.v1('PUT', `/products/${productId}`, { sku: 'MUG-RED' })).statusCode, 409, 'SKUs stay unique');
    assert.equal((await t.v1('PUT', `/products/${productId}`, { tags: [{ tagId: 987654 }] })).statusCode, 400);
    assert.equal((await t.v1('PUT', '/products/987654', { sku: 'X' })).statusCode, 404);
    assert.equal((await t.v1('PUT', `/products/${productId}`, { price: 'free' })).statusCode, 400);
    assert.equal((await t.v1('GET', '/products?startDate=someday')).statusCode, 400);
  });

  test('GET /fulfillments filters, sorting and paging', async () => {
    const a = await order('f-1', { shipTo: { ...shipTo, name: 'Dana Scully' } });
    const b = await order('f-2', { shipTo: { ...shipTo, name: 'Fox Mulder' } });
    await t.v1('POST', '/orders/markasshipped', { orderId: a.orderId, carrierCode: 'fedex', shipDate: '2026-02-01', trackingNumber: 'TRK-A' });
    t.ctx.clock.advance(1000);
    await t.v1('POST', '/orders/markasshipped', { orderId: b.orderId, carrierCode: 'ups', shipDate: '2026-01-15 23:30:00', trackingNumber: 'TRK-B' });
    const all = await ok('/fulfillments');
    assert.equal(all.total, 2);
    const fa = all.fulfillments[0];
    assert.deepEqual(
      [fa.orderId, fa.orderNumber, fa.trackingNumber, fa.carrierCode, fa.shipDate, fa.customerEmail, fa.voided, fa.shipTo.name],
      [a.orderId, 'f-1', 'TRK-A', 'fedex', '2026-02-01T00:00:00.0000000', 'headhoncho@whitehouse.gov', false, 'Dana Scully'],
    );
    assert.equal(typeof fa.userId, 'string');
    const orderIds = async (query: string) => (await ok(`/fulfillments?${query}`)).fulfillments.map((f: { orderId: number }) => f.orderId);
    assert.deepEqual(await orderIds(`fulfillmentId=${fa.fulfillmentId}`), [a.orderId]);
    assert.deepEqual(await orderIds(`orderId=${b.orderId}`), [b.orderId]);
    assert.deepEqual(await orderIds('orderNumber=f-2'), [b.orderId]);
    assert.deepEqual(await orderIds('trackingNumber=TRK-A'), [a.orderId]);
    assert.deepEqual(await orderIds('recipientName=mulder'), [b.orderId]);
    assert.deepEqual(await orderIds('shipDateStart=2026-01-20'), [a.orderId]);
    assert.deepEqual(await orderIds('shipDateEnd=2026-01-15'), [b.orderId]);
    assert.deepEqual(await orderIds('sortBy=ShipDate'), [b.orderId, a.orderId]);
    assert.deepEqual(await orderIds('sortDir=DESC'), [b.orderId, a.orderId], 'by createDate by default');
    const created = (await ok(`/fulfillments?fulfillmentId=${fa.fulfillmentId}`)).fulfillments[0].createDate;
    assert.deepEqual(await orderIds(`createDateEnd=${encodeURIComponent(created)}`), [a.orderId]);
    const paged = await ok('/fulfillments?pageSize=1&page=2');
    assert.deepEqual([paged.fulfillments.length, paged.total, paged.pages], [1, 2, 2]);
    assert.equal((await t.v1('GET', '/fulfillments?sortBy=Carrier')).statusCode, 400);
  });
});
