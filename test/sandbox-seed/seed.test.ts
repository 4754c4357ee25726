// POST /sandbox/seed: realistic, deterministic data visible through every surface, tenants apart.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createApiKey, createV1KeyPair } from '../../src/domain/accounts/keys.ts';
import { isValidTrackingNumber } from '../../src/domain/tracking/index.ts';
import { ORDER_STATUSES } from '../../src/domain/orders/types.ts';

let t: TestApp;
let other: { id: number; apiKey: string; v1: string };
before(async () => {
  t = await startTestApp();
  other = await t.ctx.database.db.transaction().execute(async (tx) => {
    const account = await createAccount(tx, { plan: 'standard', addons: [] }, '2026-01-01T00:00:00.000Z');
    const key = await createApiKey(tx, { accountId: account.id }, '2026-01-01T00:00:00.000Z', {});
    const pair = await createV1KeyPair(tx, account.id, 12, '2026-01-01T00:00:00.000Z');
    return { id: account.id, apiKey: key.apiKey, v1: basic(pair.apiKey, pair.apiSecret) };
  });
});
after(() => t.close());

// The sandbox is a Shipdock extension: no official contract to check its bodies against.
const seed = (body: unknown, apiKey?: string) => t.app.inject({ method: 'POST', url: '/sandbox/seed', payload: body as object, headers: { 'api-key': apiKey ?? 'TEST_api_key_for_shipdock_tests' } });

/** Every page of V1 GET /orders (as the other account when given its authorization). */
async function allOrders(authorization?: string) {
  const orders: Record<string, any>[] = [];
  for (let page = 1; ; page++) {
    const res = await t.v1('GET', `/orders?pageSize=500&page=${page}`, undefined, authorization ? { authorization } : {});
    assert.equal(res.statusCode, 200, res.body);
    const body = res.json();
    orders.push(...body.orders);
    if (page >= body.pages) return orders;
  }
}

/** What must be identical across accounts seeded alike: everything but ids and id-derived values. */
function digest(orders: Record<string, any>[], storeNames: Map<number, string>) {
  const rows = orders.map((o) => ({
    key: o.orderKey,
    number: o.orderNumber,
    status: o.orderStatus,
    dates: [o.orderDate, o.createDate, o.paymentDate, o.shipByDate, o.shipDate, o.holdUntilDate],
    money: [o.orderTotal, o.amountPaid, o.taxAmount, o.shippingAmount],
    customer: [o.customerEmail, o.customerUsername, o.shipTo, o.billTo],
    items: o.items.map((i: any) => [i.sku, i.name, i.quantity, i.unitPrice, i.lineItemKey]),
    shipping: [o.carrierCode, o.serviceCode, o.requestedShippingService, o.weight],
    store: storeNames.get(o.advancedOptions.storeId),
  }));
  return createHash('sha256').update(JSON.stringify(rows)).digest('hex');
}

describe('POST /sandbox/seed', () => {
  let summary: Record<string, any>;
  test('seeds orders in every status, each with its shipment, some shipped with labels', async () => {
    const balances = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers.map((c: any) => [c.carrier_id, c.balance?.amount]);
    const res = await seed({ orders: 400, seed: 42 });
    assert.equal(res.statusCode, 200, res.body);
    summary = res.json();
    assert.equal(summary.orders, 400);
    assert.equal(summary.shipments, 400);
    assert.equal(summary.stores, 4);
    for (const status of ORDER_STATUSES) assert.ok(summary.orders_by_status[status] > 0, `${status}: ${summary.orders_by_status[status]}`);
    assert.equal(Object.values<number>(summary.orders_by_status).reduce((a, b) => a + b, 0), 400);
    assert.equal(summary.labels, 29);

    for (const status of ORDER_STATUSES) {
      const listed = (await t.v1('GET', `/orders?orderStatus=${status}&pageSize=1`)).json();
      assert.equal(listed.total, summary.orders_by_status[status], status);
    }
    const orders = await allOrders();
    assert.equal(orders.length, 400);
    const dates = orders.map((o) => Date.parse(o.orderDate)).sort((a, b) => a - b);
    assert.ok(dates.at(-1)! - dates[0] > 40 * 86_400_000, 'dates spread over weeks');
    assert.ok(orders.every((o) => o.items.length >= 1 && o.items.every((i: any) => /^[A-Z]{3,4}-[A-Z]{3}-[A-Z]{3}-\d{3}$/.test(i.sku))));
    assert.ok(orders.filter((o) => o.orderStatus === 'on_hold').every((o) => o.holdUntilDate), 'holds have an end');

    const shipments = (await t.api('v2', 'GET', '/v2/shipments?page_size=1')).json();
    assert.equal(shipments.total, 400);
    const cancelled = (await t.api('v2', 'GET', '/v2/shipments?shipment_status=cancelled&page_size=1')).json();
    assert.equal(cancelled.total, summary.orders_by_status.cancelled);

    // Labels: real rows, valid carrier tracking numbers, tracking in several states, nothing charged.
    const labels = (await t.api('v2', 'GET', '/v2/labels?page_size=100')).json();
    assert.equal(labels.total, 29);
    const states = new Set<string>();
    for (const label of labels.labels) {
      assert.ok(isValidTrackingNumber(label.carrier_code, label.tracking_number), `${label.carrier_code} ${label.tracking_number}`);
      assert.equal(label.status, 'completed');
      states.add((await t.api('v2', 'GET', `/v2/labels/${label.label_id}/track`)).json().status_code);
    }
    assert.ok(states.size >= 3, `tracking states: ${[...states]}`);
    const shipped = orders.filter((o) => o.orderStatus === 'shipped');
    const withLabels = new Set(labels.labels.map((l: any) => l.tracking_number));
    assert.equal(shipped.length, summary.orders_by_status.shipped);
    assert.equal((await t.api('v2', 'GET', '/v2/carriers')).json().carriers.map((c: any) => [c.carrier_id, c.balance?.amount]).toString(), balances.toString());
    assert.equal(withLabels.size, 29);

    const products = (await t.v1('GET', '/products?pageSize=1')).json();
    assert.equal(products.total, summary.products);
    const stores = (await t.v1('GET', '/stores')).json();
    assert.deepEqual(stores.map((s: any) => s.marketplaceName).sort(), ['Amazon', 'ShipStation', 'Shopify', 'eBay']);
    const customers = (await t.v1('GET', '/customers?pageSize=1')).json();
    assert.equal(customers.total, summary.customers);
  });

  test('the same seed on another empty account gives the same data; tenants stay apart', async () => {
    const res = await seed({ orders: 400, seed: 42 }, other.apiKey);
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(res.json(), summary);
    const storeNames = async (authorization?: string) => {
      const stores = (await t.v1('GET', '/stores', undefined, authorization ? { authorization } : {})).json();
      return new Map<number, string>(stores.map((s: any) => [s.storeId, s.storeName]));
    };
    const mine = await allOrders();
    const theirs = await allOrders(other.v1);
    assert.equal(mine.length, 400, 'the first account did not gain orders');
    assert.equal(theirs.length, 400);
    assert.equal(digest(theirs, await storeNames(other.v1)), digest(mine, await storeNames()));
    const myIds = new Set(mine.map((o) => o.orderId));
    assert.ok(theirs.every((o) => !myIds.has(o.orderId)));
  });

  test('another seed gives other data; the same seed twice is refused', async () => {
    const again = await seed({ orders: 10, seed: 42 });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().errors[0].error_type, 'validation');
    assert.match(again.json().errors[0].message, /already holds the orders of seed 42/);
    const res = await seed({ orders: 50, seed: 7 });
    assert.equal(res.statusCode, 200, res.body);
    assert.equal((await t.v1('GET', '/orders?pageSize=1')).json().total, 450);
  });

  test('bad input is a 400 in the ShipEngine format', async () => {
    for (const body of [{}, { orders: 0 }, { orders: 100_001 }, { orders: 'many' }, { orders: 1.5 }, { orders: 5, seed: -1 }, { orders: 5, seed: 2 ** 31 }, { orders: 5, colour: 'red' }, []]) {
      const res = await seed(body);
      assert.equal(res.statusCode, 400, `${JSON.stringify(body)} -> ${res.statusCode} ${res.body}`);
      const error = res.json();
      assert.equal(typeof error.request_id, 'string');
      assert.equal(error.errors[0].error_source, 'shipengine');
      assert.equal(error.errors[0].error_type, 'validation');
    }
    const unauthenticated = await t.app.inject({ method: 'POST', url: '/sandbox/seed', payload: { orders: 1 } });
    assert.equal(unauthenticated.statusCode, 401);
  });
});
