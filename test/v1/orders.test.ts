import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, CREDENTIALS, startTestApp, type TestApp } from '../helpers/server.ts';
import { formatV1Date } from '../../src/domain/time/pacific.ts';
import { orderBody } from './fixtures.ts';

describe('V1 orders', () => {
  let t: TestApp;
  let seq = 0;
  /** A fresh order (unique key and number) with the given overrides. */
  const create = async (overrides: Record<string, unknown> = {}) => {
    seq += 1;
    const response = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: `key-${seq}`, orderNumber: `N-${seq}`, ...overrides }));
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };
  /** The Pacific calendar date `offset` days from the app's now. */
  const day = (offset: number) => formatV1Date(new Date(t.ctx.clock.now().getTime() + offset * 86_400_000));
  const get = async (orderId: number) => (await t.v1('GET', `/orders/${orderId}`)).json();
  const list = async (query: string) => {
    const response = await t.v1('GET', `/orders?${query}`);
    assert.equal(response.statusCode, 200, response.body);
    return response.json();
  };

  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  test('createorder returns the full order with the computed and read-only fields', async () => {
    const order = await create({ orderId: 999, userId: 'ignored', orderTotal: 1, createDate: '2001-01-01' });
    assert.ok(order.orderId > 0 && order.orderId !== 999);
    assert.equal(order.orderTotal, 194.43, 'items 2 x 99.99 - 20.55, plus tax 5 and shipping 10');
    assert.equal(order.amountPaid, 218.73);
    assert.equal(typeof order.customerId, 'number');
    assert.equal(order.userId, null);
    assert.equal(order.externallyFulfilled, false);
    assert.equal(order.tagIds, null);
    assert.match(order.createDate, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{7}$/);
    assert.equal(order.createDate, order.modifyDate);
    assert.equal(order.orderDate, '2015-06-29T08:46:27.0000000');
    assert.equal(order.shipDate, '2015-07-02');
    assert.equal(order.items.length, 2);
    assert.ok(order.items.every((i: { orderItemId: number }) => i.orderItemId > 0));
    assert.deepEqual(order.items[0].weight, { value: 24, units: 'ounces', WeightUnits: 1 });
    assert.equal(order.items[1].productId, null, 'adjustments are not catalog products');
    assert.equal(order.shipTo.addressVerified, 'Address validated successfully');
    const stores = (await t.v1('GET', '/stores')).json();
    const manual = stores.find((s: { storeName: string }) => s.storeName === 'Manual Orders');
    assert.equal(order.advancedOptions.storeId, manual.storeId, 'defaults to the manual store');
    assert.deepEqual(
      { mergedOrSplit: order.advancedOptions.mergedOrSplit, mergedIds: order.advancedOptions.mergedIds, parentId: order.advancedOptions.parentId },
      { mergedOrSplit: false, mergedIds: [], parentId: null },
    );
    assert.deepEqual(await get(order.orderId), order);
  });

  test('an order without a weight weighs what its items weigh', async () => {
    const order = await create({ weight: null });
    assert.deepEqual(order.weight, { value: 48, units: 'ounces', WeightUnits: 1 });
  });

  test('an order without an orderKey gets a generated one', async () => {
    const order = await create({ orderKey: null });
    assert.match(order.orderKey, /^[0-9a-f-]{36}$/);
  });

  test('the same orderKey twice is one order, replaced in full', async () => {
    const first = await create({ orderKey: 'same-key' });
    const again = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'same-key', orderNumber: first.orderNumber }));
    assert.equal(again.json().orderId, first.orderId);
    assert.deepEqual(
      again.json().items.map((i: { orderItemId: number }) => i.orderItemId),
      first.items.map((i: { orderItemId: number }) => i.orderItemId),
      'identical lines keep their orderItemId',
    );
    assert.equal(again.json().createDate, first.createDate);

    const replaced = await t.v1('POST', '/orders/createorder', {
      orderKey: 'same-key',
      orderNumber: 'RENUMBERED',
      orderDate: '2015-06-30',
      orderStatus: 'awaiting_shipment',
      billTo: { name: 'Someone' },
      shipTo: { name: 'Someone', street1: '1 Main St', city: 'Austin', state: 'TX', postalCode: '78701', country: 'US' },
      items: [{ sku: 'ABC123', name: 'Test item #1', quantity: 1, unitPrice: 10 }],
    });
    const order = replaced.json();
    assert.equal(order.orderId, first.orderId);
    assert.equal(order.orderNumber, 'RENUMBERED');
    assert.equal(order.customerNotes, null, 'omitted fields are cleared, not kept');
    assert.equal(order.gift, false);
    assert.equal(order.carrierCode, null);
    assert.equal(order.items.length, 1);
    assert.equal(order.orderTotal, 10);
    const same = (await list('orderNumber=RENUMBERED')).orders;
    assert.equal(same.length, 1);
  });

  test('orderId names the order to update; an orderKey cannot change', async () => {
    const order = await create();
    const updated = await t.v1('POST', '/orders/createorder', orderBody({ orderId: order.orderId, orderKey: null, orderNumber: order.orderNumber, internalNotes: 'by id' }));
    assert.equal(updated.json().orderId, order.orderId);
    assert.equal(updated.json().internalNotes, 'by id');
    const refused = await t.v1('POST', '/orders/createorder', orderBody({ orderId: order.orderId, orderKey: 'another-key' }));
    assert.equal(refused.statusCode, 400);
    assert.ok(refused.json().ModelState['request.orderKey']);
  });

  test('only open orders can be updated; shipped and cancelled ones are refused', async () => {
    for (const status of ['awaiting_payment', 'pending_fulfillment', 'on_hold', 'awaiting_shipment']) {
      const order = await create({ orderStatus: status });
      const again = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: order.orderKey, orderNumber: order.orderNumber, orderStatus: 'awaiting_shipment' }));
      assert.equal(again.statusCode, 200, `${status} can be updated`);
    }
    for (const status of ['shipped', 'cancelled']) {
      const order = await create({ orderStatus: status });
      const refused = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: order.orderKey, orderNumber: order.orderNumber }));
      assert.equal(refused.statusCode, 400, `${status} is final`);
      assert.match(refused.json().Message, new RegExp(`is ${status} and can no longer be updated`));
      assert.equal((await get(order.orderId)).orderStatus, status);
    }
  });

  test('createorders reports each order on its own', async () => {
    const shipped = await create({ orderStatus: 'shipped' });
    const response = await t.v1('POST', '/orders/createorders', [
      orderBody({ orderKey: 'bulk-1', orderNumber: 'BULK-1' }),
      { ...orderBody({ orderKey: 'bulk-2', orderNumber: 'BULK-2' }), orderDate: undefined },
      orderBody({ orderKey: shipped.orderKey, orderNumber: shipped.orderNumber }),
      orderBody({ orderKey: 'bulk-4', orderNumber: 'BULK-4', orderDate: 'not a date' }),
      orderBody({ orderKey: 'bulk-5', orderNumber: 'BULK-5', tagIds: [987654] }),
      orderBody({ orderKey: 'bulk-1', orderNumber: 'BULK-1', internalNotes: 'updated in the same call' }),
    ]);
    assert.equal(response.statusCode, 200, response.body);
    const { hasErrors, results } = response.json();
    assert.equal(hasErrors, true);
    assert.deepEqual(
      results.map((r: { success: boolean }) => r.success),
      [true, false, false, false, false, true],
    );
    assert.equal(results[0].orderId, results[5].orderId);
    assert.match(results[1].errorMessage, /orderDate is required/);
    assert.match(results[2].errorMessage, /can no longer be updated/);
    assert.match(results[3].errorMessage, /not a valid date/);
    assert.match(results[4].errorMessage, /Tag 987654 was not found/);
    assert.deepEqual(Object.keys(results[1]).sort(), ['errorMessage', 'orderId', 'orderKey', 'orderNumber', 'success']);
    assert.equal((await get(results[0].orderId)).internalNotes, 'updated in the same call');
    assert.equal((await list('orderNumber=BULK-5')).total, 0, 'a failed order leaves nothing behind');

    const tooMany = await t.v1('POST', '/orders/createorders', Array.from({ length: 101 }, (_, i) => orderBody({ orderKey: `x-${i}` })));
    assert.equal(tooMany.statusCode, 400);
    assert.equal((await t.v1('POST', '/orders/createorders', [])).json().hasErrors, false);
  });

  test('GET /orders filters', async () => {
    const base = { orderStatus: 'awaiting_payment', storeId: undefined };
    const a = await create({
      ...base,
      orderNumber: 'FLT-Alpha-1',
      billTo: { name: 'Zelda Quartermaine' },
      shipTo: { ...orderBody().shipTo, name: 'Gift Recipient', country: 'CA' },
      orderDate: '2021-01-10 10:00:00',
      paymentDate: '2021-01-11 10:00:00',
      items: [{ sku: 'FLT-SKU-RED', name: 'Scarf', quantity: 1, unitPrice: 5, options: [{ name: 'Colour', value: 'Vermilion' }] }],
    });
    const b = await create({
      ...base,
      orderNumber: 'FLT-Beta-2',
      billTo: { name: 'Yorick Brown' },
      orderDate: '2021-02-10 10:00:00',
      paymentDate: '2021-02-11 10:00:00',
      items: [{ sku: 'FLT-SKU-BLUE', name: 'Woolly Hat', quantity: 1, unitPrice: 5 }],
    });
    const only = (body: { orders: { orderId: number }[] }) => body.orders.map((o) => o.orderId).filter((id) => id === a.orderId || id === b.orderId);

    assert.deepEqual(only(await list('customerName=quartermaine')), [a.orderId], 'bill-to name, any case');
    assert.deepEqual(only(await list('customerName=gift recip')), [a.orderId], 'ship-to name');
    assert.deepEqual(only(await list('itemKeyword=sku-blue')), [b.orderId], 'SKU');
    assert.deepEqual(only(await list('itemKeyword=woolly')), [b.orderId], 'item name');
    assert.deepEqual(only(await list('itemKeyword=vermilion')), [a.orderId], 'item options');
    assert.deepEqual(only(await list('orderNumber=flt-')), [a.orderId, b.orderId], 'order number starts with, any case');
    assert.deepEqual(only(await list('orderNumber=Alpha')), [], 'starts with, not contains');
    assert.deepEqual(only(await list('orderDateStart=2021-02-01&orderDateEnd=2021-02-28')), [b.orderId]);
    assert.deepEqual(only(await list('orderDateEnd=2021-01-10%2010:00:00')), [a.orderId], 'end is inclusive');
    assert.deepEqual(only(await list('paymentDateStart=2021-01-11%2010:00:01')), [b.orderId]);
    assert.deepEqual(only(await list('customsCountryCode=ca')), [a.orderId], 'ship-to country');
    assert.deepEqual(only(await list('orderStatus=awaiting_payment&orderNumber=FLT')), [a.orderId, b.orderId]);
    assert.deepEqual(only(await list('orderStatus=shipped&orderNumber=FLT')), []);
    assert.deepEqual(only(await list(`storeId=${a.advancedOptions.storeId}&orderNumber=FLT`)), [a.orderId, b.orderId]);
    assert.deepEqual(only(await list('storeId=999999&orderNumber=FLT')), []);

    const created = new Date((await t.ctx.database.db.selectFrom('orders').select('created_at').where('id', '=', b.orderId).executeTakeFirstOrThrow()).created_at);
    const justBefore = new Date(created.getTime() - 1).toISOString();
    assert.deepEqual(only(await list(`createDateStart=${encodeURIComponent(justBefore)}`)), [b.orderId], 'createDate range, offset honoured');
    t.ctx.clock.advance(60_000);
    await t.v1('POST', '/orders/createorder', orderBody({ ...base, orderKey: a.orderKey, orderNumber: a.orderNumber, internalNotes: 'touched' }));
    const touched = (await get(a.orderId)).modifyDate;
    assert.deepEqual(only(await list(`modifyDateStart=${encodeURIComponent(touched)}`)), [a.orderId], 'modifyDate range (Pacific, as emitted)');
    assert.deepEqual(only(await list(`modifyDateEnd=${encodeURIComponent(touched)}&orderNumber=FLT`)), [a.orderId, b.orderId]);

    const sorted = await list('orderNumber=FLT&sortBy=OrderDate&sortDir=DESC');
    assert.deepEqual(sorted.orders.map((o: { orderId: number }) => o.orderId), [b.orderId, a.orderId]);
    const byModify = await list('orderNumber=FLT&sortBy=modifydate&sortDir=asc');
    assert.deepEqual(byModify.orders.map((o: { orderId: number }) => o.orderId), [b.orderId, a.orderId], 'sortBy is case-insensitive');
  });

  test('GET /orders paging: page, pageSize 1..500 (default 100), total and pages', async () => {
    for (let i = 0; i < 5; i += 1) await create({ orderNumber: `PAGE-${i}` });
    const page2 = await list('orderNumber=PAGE-&pageSize=2&page=2');
    assert.deepEqual({ total: page2.total, page: page2.page, pages: page2.pages }, { total: 5, page: 2, pages: 3 });
    assert.deepEqual(page2.orders.map((o: { orderNumber: string }) => o.orderNumber), ['PAGE-2', 'PAGE-3'], 'ascending orderId by default');
    const beyond = await list('orderNumber=PAGE-&pageSize=2&page=9');
    assert.deepEqual([beyond.orders.length, beyond.total], [0, 5]);
    const all = await list('');
    assert.ok(all.orders.length <= 100 && all.total >= all.orders.length);
    for (const bad of ['pageSize=501', 'pageSize=0', 'page=0', 'pageSize=abc']) {
      const response = await t.v1('GET', `/orders?${bad}`);
      assert.equal(response.statusCode, 400, bad);
      assert.equal(response.json().Message, 'The request is invalid.');
    }
    assert.equal((await t.v1('GET', '/orders?pageSize=500')).statusCode, 200);
  });

  test('bad filters are 400 with ModelState', async () => {
    const bad = await t.v1('GET', '/orders?orderDateStart=yesterday&orderStatus=lost&sortBy=Price');
    assert.equal(bad.statusCode, 400);
    assert.deepEqual(Object.keys(bad.json().ModelState).sort(), ['request.orderDateStart', 'request.orderStatus', 'request.sortBy']);
  });

  test('DELETE /orders/{id} is a soft delete; re-importing the key brings it back', async () => {
    const order = await create({ orderNumber: 'DEL-1' });
    const deleted = await t.v1('DELETE', `/orders/${order.orderId}`);
    assert.deepEqual(deleted.json(), { success: true, message: 'The requested order has been deleted.' });
    assert.equal((await t.v1('GET', `/orders/${order.orderId}`)).statusCode, 404);
    assert.equal((await list('orderNumber=DEL-1')).total, 0);
    assert.equal((await t.v1('DELETE', `/orders/${order.orderId}`)).statusCode, 404);
    const row = await t.ctx.database.db.selectFrom('orders').select('active').where('id', '=', order.orderId).executeTakeFirstOrThrow();
    assert.equal(row.active, 0, 'kept in the database');
    const revived = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: order.orderKey, orderNumber: 'DEL-1' }));
    assert.equal(revived.json().orderId, order.orderId);
    assert.equal((await list('orderNumber=DEL-1')).total, 1);
  });

  test('tags: addtag, removetag, listbytag; tags must exist', async () => {
    const tag = await t.ctx.database.db.insertInto('tags').values({ account_id: 1, name: 'Backorder', color: '#800080', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow();
    const order = await create({ orderNumber: 'TAG-1' });
    const other = await create({ orderNumber: 'TAG-2', orderStatus: 'on_hold' });
    assert.deepEqual((await t.v1('POST', '/orders/addtag', { orderId: order.orderId, tagId: tag.id })).json(), { success: true, message: 'Tag added successfully.' });
    assert.equal((await t.v1('POST', '/orders/addtag', { orderId: order.orderId, tagId: tag.id })).json().success, true, 'adding twice is harmless');
    await t.v1('POST', '/orders/addtag', { orderId: other.orderId, tagId: tag.id });
    assert.deepEqual((await get(order.orderId)).tagIds, [tag.id]);

    const byTag = (await t.v1('GET', `/orders/listbytag?orderStatus=awaiting_shipment&tagId=${tag.id}`)).json();
    assert.deepEqual(byTag.orders.map((o: { orderId: number }) => o.orderId), [order.orderId]);
    assert.deepEqual([byTag.total, byTag.page, byTag.pages], [1, 1, 1]);
    assert.equal((await t.v1('GET', `/orders/listbytag?tagId=${tag.id}`)).statusCode, 400, 'orderStatus is required');
    assert.equal((await t.v1('GET', '/orders/listbytag?orderStatus=on_hold')).statusCode, 400, 'tagId is required');

    assert.equal((await t.v1('POST', '/orders/addtag', { orderId: order.orderId, tagId: 424242 })).statusCode, 404);
    assert.equal((await t.v1('POST', '/orders/addtag', { orderId: 424242, tagId: tag.id })).statusCode, 404);
    assert.deepEqual((await t.v1('POST', '/orders/removetag', { orderId: order.orderId, tagId: tag.id })).json(), { success: true, message: 'Tag removed successfully.' });
    const again = (await t.v1('POST', '/orders/removetag', { orderId: order.orderId, tagId: tag.id })).json();
    assert.equal(again.success, false);
    assert.equal((await get(order.orderId)).tagIds, null);

    const tagged = await create({ orderNumber: 'TAG-3', tagIds: [tag.id] });
    assert.deepEqual(tagged.tagIds, [tag.id]);
    const kept = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: tagged.orderKey, orderNumber: 'TAG-3', tagIds: null }));
    assert.deepEqual(kept.json().tagIds, [tag.id], 'tagIds null leaves the tags alone');
    const cleared = await t.v1('POST', '/orders/createorder', orderBody({ orderKey: tagged.orderKey, orderNumber: 'TAG-3', tagIds: [] }));
    assert.equal(cleared.json().tagIds, null);
  });

  test('assignuser / unassignuser are all or nothing', async () => {
    const users = (await t.v1('GET', '/users')).json();
    const userId = users[0].userId;
    const one = await create();
    const two = await create();
    const missing = await t.v1('POST', '/orders/assignuser', { orderIds: [one.orderId, 987654], userId });
    assert.equal(missing.statusCode, 404);
    assert.equal((await get(one.orderId)).userId, null, 'no order changed');
    const assigned = await t.v1('POST', '/orders/assignuser', { orderIds: [one.orderId, two.orderId], userId: userId.toUpperCase() });
    assert.deepEqual(assigned.json(), { success: true, message: 'User assigned successfully.' });
    assert.equal((await get(two.orderId)).userId, userId);
    const unknownUser = await t.v1('POST', '/orders/assignuser', { orderIds: [one.orderId], userId: '123456ab-ab12-3c4d-5e67-89f1abc1defa' });
    assert.equal(unknownUser.statusCode, 404);
    assert.equal((await t.v1('POST', '/orders/assignuser', { orderIds: [one.orderId], userId: 'not-a-guid' })).statusCode, 400);
    assert.equal((await t.v1('POST', '/orders/unassignuser', { orderIds: [one.orderId, 987654] })).statusCode, 404);
    assert.equal((await get(one.orderId)).userId, userId, 'no order changed');
    assert.deepEqual((await t.v1('POST', '/orders/unassignuser', { orderIds: [one.orderId, two.orderId] })).json(), { success: true, message: 'User unassigned successfully.' });
    assert.equal((await get(one.orderId)).userId, null);
  });

  test('holduntil and restorefromhold', async () => {
    const order = await create();
    const held = await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: day(20) });
    assert.deepEqual(held.json(), { success: true, message: 'Order held successfully.' });
    const onHold = await get(order.orderId);
    assert.equal(onHold.orderStatus, 'on_hold');
    assert.equal(onHold.holdUntilDate, day(20));
    const past = await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: day(-1) });
    assert.equal(past.statusCode, 400);
    assert.ok(past.json().ModelState['request.holdUntilDate']);
    assert.equal((await t.v1('POST', '/orders/holduntil', { orderId: order.orderId, holdUntilDate: 'soon' })).statusCode, 400);
    assert.deepEqual((await t.v1('POST', '/orders/restorefromhold', { orderId: order.orderId })).json(), { success: true, message: 'The requested order has been restored' });
    const restored = await get(order.orderId);
    assert.deepEqual([restored.orderStatus, restored.holdUntilDate], ['awaiting_shipment', null]);
    assert.equal((await t.v1('POST', '/orders/restorefromhold', { orderId: order.orderId })).json().success, false, 'not on hold');
    const shipped = await create({ orderStatus: 'shipped' });
    const refused = (await t.v1('POST', '/orders/holduntil', { orderId: shipped.orderId, holdUntilDate: day(30) })).json();
    assert.equal(refused.success, false);
    assert.match(refused.message, /shipped/);
  });

  test('markasshipped ships without a label and records a fulfillment', async () => {
    const order = await create({ orderStatus: 'on_hold' });
    const response = await t.v1('POST', '/orders/markasshipped', {
      orderId: order.orderId,
      carrierCode: 'usps',
      shipDate: day(1),
      trackingNumber: '9400111899223434769485',
      notifyCustomer: true,
      notifySalesChannel: true,
    });
    assert.equal(response.statusCode, 200, response.body);
    assert.deepEqual(response.json(), { orderId: order.orderId, orderNumber: order.orderNumber });
    const shipped = await get(order.orderId);
    assert.deepEqual([shipped.orderStatus, shipped.shipDate], ['shipped', day(1)]);
    const fulfillments = (await t.v1('GET', `/fulfillments?orderId=${order.orderId}`)).json().fulfillments;
    assert.equal(fulfillments.length, 1);
    assert.equal(fulfillments[0].trackingNumber, '9400111899223434769485');
    const twice = await t.v1('POST', '/orders/markasshipped', { orderId: order.orderId, carrierCode: 'usps' });
    assert.equal(twice.statusCode, 400);
    assert.match(twice.json().Message, /already been shipped/);
    const cancelled = await create({ orderStatus: 'cancelled' });
    assert.equal((await t.v1('POST', '/orders/markasshipped', { orderId: cancelled.orderId, carrierCode: 'usps' })).statusCode, 400);
    assert.equal((await t.v1('POST', '/orders/markasshipped', { orderId: 987654, carrierCode: 'usps' })).statusCode, 404);
    assert.equal((await t.v1('POST', '/orders/markasshipped', { orderId: order.orderId })).statusCode, 400, 'carrierCode is required');
  });

  test('malformed input is 400 with ModelState naming the fields', async () => {
    const missing = await t.v1('POST', '/orders/createorder', { orderNumber: 'X' });
    assert.equal(missing.statusCode, 400);
    assert.equal(missing.json().Message, 'The request is invalid.');
    for (const field of ['orderDate', 'orderStatus', 'billTo', 'shipTo']) assert.ok(missing.json().ModelState[`request.${field}`], field);

    const wrongTypes = await t.v1('POST', '/orders/createorder', orderBody({ orderStatus: 'lost', items: [{ quantity: 'many' }], shipTo: { country: 'USA' } }));
    assert.equal(wrongTypes.statusCode, 400);
    const keys = Object.keys(wrongTypes.json().ModelState);
    assert.ok(keys.includes('request.orderStatus') && keys.includes('request.items[0].quantity') && keys.includes('request.shipTo.country'), keys.join());

    const dates = await t.v1('POST', '/orders/createorder', orderBody({ orderDate: '2015-13-45', paymentDate: 'tuesday' }));
    assert.equal(dates.statusCode, 400);
    assert.deepEqual(Object.keys(dates.json().ModelState).sort(), ['request.orderDate', 'request.paymentDate']);

    const json = await t.inject({ method: 'POST', url: '/orders/createorder', payload: '{"orderNumber":', headers: { 'content-type': 'application/json', authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret) } });
    assert.equal(json.statusCode, 400);
    assert.ok(json.json().Message);
    assert.equal((await t.v1('GET', '/orders/abc')).statusCode, 400);
    assert.equal((await t.v1('GET', '/orders/99999999999')).statusCode, 400, 'ids past the row-id range are invalid, not a server error');
    assert.equal((await t.v1('GET', '/orders/987654')).statusCode, 404);
  });
});
