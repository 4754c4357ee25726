import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { orderBody } from './fixtures.ts';

describe('V1 stores', () => {
  let t: TestApp;
  let storeId: number;
  before(async () => {
    t = await startTestApp();
    storeId = (await t.v1('GET', '/stores')).json()[0].storeId;
  });
  after(() => t.close());

  test('every account has its Manual Orders store; GET one adds statusMappings', async () => {
    const listed = (await t.v1('GET', '/stores')).json();
    assert.equal(listed.length, 1);
    assert.deepEqual([listed[0].storeName, listed[0].marketplaceId, listed[0].marketplaceName, listed[0].active], ['Manual Orders', 0, 'ShipStation', true]);
    assert.equal('statusMappings' in listed[0], false);
    const store = (await t.v1('GET', `/stores/${storeId}`)).json();
    assert.deepEqual(store.statusMappings, [
      { orderStatus: 'awaiting_payment', statusKey: 'Pending' },
      { orderStatus: 'awaiting_shipment', statusKey: 'Processing' },
      { orderStatus: 'shipped', statusKey: 'Completed' },
      { orderStatus: 'cancelled', statusKey: 'Cancelled' },
      { orderStatus: 'on_hold', statusKey: 'On-hold' },
    ]);
    assert.match(store.createDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    assert.equal((await t.v1('GET', '/stores/987654')).statusCode, 404);
    assert.equal((await t.v1('GET', '/stores?marketplaceId=36')).json().length, 0);
  });

  test('PUT /stores/{id} replaces the settings and returns the store', async () => {
    const response = await t.v1('PUT', `/stores/${storeId}`, {
      storeId,
      storeName: 'Direct Sales',
      marketplaceId: 36,
      companyName: 'Shipdock Inc',
      phone: '512-555-0100',
      publicEmail: 'orders@shipdock.test',
      website: 'https://shipdock.test',
      autoRefresh: true,
      statusMappings: [{ orderStatus: 'awaiting_shipment', statusKey: 'Paid' }],
    });
    assert.equal(response.statusCode, 200, response.body);
    const store = response.json();
    assert.deepEqual(
      [store.storeName, store.marketplaceId, store.companyName, store.publicEmail, store.autoRefresh, store.statusMappings],
      ['Direct Sales', 0, 'Shipdock Inc', 'orders@shipdock.test', true, [{ orderStatus: 'awaiting_shipment', statusKey: 'Paid' }]],
    );
    assert.deepEqual((await t.v1('GET', `/stores/${storeId}`)).json(), store);
    assert.equal((await t.v1('PUT', `/stores/${storeId}`, { companyName: 'x' })).statusCode, 400, 'storeName is required');
    assert.equal((await t.v1('PUT', `/stores/${storeId}`, { storeName: 'x', statusMappings: [{ orderStatus: 'lost', statusKey: 'x' }] })).statusCode, 400);
  });

  test('deactivate and reactivate; orders cannot go to an inactive store', async () => {
    assert.deepEqual((await t.v1('POST', '/stores/deactivate', { storeId: String(storeId) })).json(), { success: true, message: 'The requested store has been deactivated.' });
    assert.equal((await t.v1('POST', '/stores/deactivate', { storeId })).json().success, false);
    assert.equal((await t.v1('GET', '/stores')).json().length, 0);
    assert.equal((await t.v1('GET', '/stores?showInactive=true')).json()[0].active, false);
    const refused = await t.v1('POST', '/orders/createorder', orderBody());
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().ModelState['request.advancedOptions.storeId']);
    assert.deepEqual((await t.v1('POST', '/stores/reactivate', { storeId })).json(), { success: true, message: 'The requested store has been reactivated.' });
    assert.equal((await t.v1('POST', '/stores/reactivate', { storeId })).json().success, false);
    assert.equal((await t.v1('POST', '/orders/createorder', orderBody())).statusCode, 200);
    assert.equal((await t.v1('POST', '/stores/deactivate', { storeId: 987654 })).statusCode, 404);
  });

  test('refreshstore records the attempt; getrefreshstatus reports it', async () => {
    const initiated = await t.v1('POST', `/stores/refreshstore?storeId=${storeId}&refreshDate=2026-01-05%2015:05:02`, { storeId, refreshDate: '2026-01-05 15:05:02' });
    assert.deepEqual(initiated.json(), { success: true, message: `A store refresh has been initiated for Store ID ${storeId}` });
    const status = (await t.v1('GET', `/stores/getrefreshstatus?storeId=${storeId}`)).json();
    assert.deepEqual([status.storeId, status.refreshStatusId, status.refreshStatus, status.refreshDate], [storeId, 1, 'Idle', '2026-01-05T15:05:02.0000000']);
    assert.match(status.lastRefreshAttempt, /^\d{4}-\d{2}-\d{2}T/);
    const all = (await t.v1('POST', '/stores/refreshstore', {})).json();
    assert.equal(all.success, true);
    assert.equal((await t.v1('GET', '/stores/getrefreshstatus')).statusCode, 400, 'storeId is required');
    assert.equal((await t.v1('POST', '/stores/refreshstore?refreshDate=yesterday', {})).statusCode, 400);
  });

  test('GET /stores/marketplaces', async () => {
    assert.deepEqual((await t.v1('GET', '/stores/marketplaces')).json(), [
      { name: 'ShipStation', marketplaceId: 0, canRefresh: false, supportsCustomMappings: false, supportsCustomStatuses: false, canConfirmShipments: false },
      { name: 'Amazon', marketplaceId: 2, canRefresh: true, supportsCustomMappings: false, supportsCustomStatuses: false, canConfirmShipments: true },
      { name: 'eBay', marketplaceId: 3, canRefresh: true, supportsCustomMappings: false, supportsCustomStatuses: false, canConfirmShipments: true },
      { name: 'Shopify', marketplaceId: 26, canRefresh: true, supportsCustomMappings: true, supportsCustomStatuses: true, canConfirmShipments: true },
    ]);
  });
});

describe('POST /accounts/registeraccount (partners only)', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const register = (body: Record<string, unknown>, partner?: string) =>
    t.inject({ method: 'POST', url: '/accounts/registeraccount', payload: body, headers: partner ? { 'x-partner': partner } : {} });
  const applicant = {
    firstName: 'Grace',
    lastName: 'Hopper',
    email: 'Grace@Example.com',
    password: 'cobol-1959',
    shippingOriginCountryCode: 'US',
    companyName: 'Hopper Freight',
    addr1: '500 W 2nd St',
    city: 'Austin',
    state: 'TX',
    zip: '78701',
    countryCode: 'US',
    phone: '512-555-0100',
  };

  test('needs a partner key in x-partner, not Basic credentials or an account key', async () => {
    assert.equal((await register(applicant)).statusCode, 401);
    assert.equal((await register(applicant, 'not-a-key')).statusCode, 401);
    assert.equal((await register(applicant, CREDENTIALS.apiKey)).statusCode, 401, 'an account key is not a partner key');
    const basicOnly = await t.inject({ method: 'POST', url: '/accounts/registeraccount', payload: applicant, headers: { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret) } });
    assert.equal(basicOnly.statusCode, 401);
  });

  test('creates an account owned by the partner, with a working V1 key pair', async () => {
    const response = await register(applicant, CREDENTIALS.partnerKey);
    assert.equal(response.statusCode, 200, response.body);
    const body = response.json();
    assert.equal(body.success, true);
    assert.equal(typeof body.message, 'string');
    assert.match(body.apiKey, /^[0-9a-f]{32}$/);
    assert.match(body.apiSecret, /^[0-9a-f]{32}$/);
    const account = await t.ctx.database.db.selectFrom('accounts').selectAll().where('id', '=', body.sellerId).executeTakeFirstOrThrow();
    assert.deepEqual([account.partner_id, account.email, account.first_name, account.origin_country_code], [1, 'grace@example.com', 'Grace', 'US']);
    assert.notEqual(account.password_hash, applicant.password);

    const auth = { authorization: basic(body.apiKey, body.apiSecret) };
    const stores = await t.inject({ method: 'GET', url: '/stores', headers: auth });
    assert.equal(stores.statusCode, 200);
    assert.equal(stores.json()[0].storeName, 'Manual Orders');
    const warehouses = (await t.inject({ method: 'GET', url: '/warehouses', headers: auth })).json();
    assert.equal(warehouses[0].originAddress.street1, '500 W 2nd St', 'the company address is the first ship-from location');
    const orders = (await t.inject({ method: 'GET', url: '/orders', headers: auth })).json();
    assert.equal(orders.total, 0, 'a new account sees none of the other accounts\' orders');
  });

  test('an email already in use is refused with success:false', async () => {
    const again = await register({ ...applicant, email: 'grace@example.COM' }, CREDENTIALS.partnerKey);
    assert.equal(again.statusCode, 200);
    assert.deepEqual({ ...again.json<Record<string, unknown>>(), message: undefined }, { message: undefined, sellerId: null, success: false, apiKey: null, apiSecret: null });
  });

  test('missing fields are 400 with ModelState', async () => {
    const response = await register({ firstName: 'A' }, CREDENTIALS.partnerKey);
    assert.equal(response.statusCode, 400);
    for (const field of ['lastName', 'email', 'password']) assert.ok(response.json().ModelState[`request.${field}`], field);
  });
});
