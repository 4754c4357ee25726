import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { createAccount } from '../../src/domain/accounts/accounts.ts';
import { createV1KeyPair } from '../../src/domain/accounts/keys.ts';
import { increment, ledgerSum, level } from './helpers.ts';

const address = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' });

describe('stock follows orders across V1 and V2', () => {
  let t: TestApp;
  let locationId: string;
  let n = 0;
  before(async () => {
    t = await startTestApp();
    // Orders ship from the account's default warehouse (the default account gets one at bootstrap).
    const warehouses = (await t.api('v2', 'GET', '/v2/warehouses')).json().warehouses as { warehouse_id: string; is_default: boolean }[];
    const shipping = warehouses.find((w) => w.is_default)!.warehouse_id;
    // A first inventory warehouse the orders must NOT use: the rule picks the one linked to the order's warehouse.
    const decoy = (await t.api('v2', 'POST', '/v2/inventory_warehouses', { name: 'Decoy' })).json().inventory_warehouse_id;
    await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Decoy bin', inventory_warehouse_id: decoy });
    const w = (await t.api('v2', 'POST', '/v2/inventory_warehouses', { name: 'HQ stock', warehouse_id: shipping })).json();
    assert.equal(w.warehouse_id, shipping);
    await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Overflow', inventory_warehouse_id: w.inventory_warehouse_id });
    locationId = (await t.api('v2', 'POST', '/v2/inventory_locations', { name: 'Pick face', inventory_warehouse_id: w.inventory_warehouse_id })).json().inventory_location_id;
    const set = await t.api('v2', 'PUT', `/v2/inventory_warehouses/${w.inventory_warehouse_id}`, { default_inventory_location_id: locationId });
    assert.equal(set.statusCode, 204, set.body);
    await increment(t, locationId, 'TSHIRT-M', 20, 5);
  });
  after(() => t.close());

  const createOrder = async (quantity = 2, status = 'awaiting_shipment') => {
    n += 1;
    const res = await t.v1('POST', '/orders/createorder', {
      orderNumber: `A-${n}`,
      orderKey: `alloc-${n}`,
      orderDate: '2026-11-20T10:00:00',
      orderStatus: status,
      billTo: address('Jane Buyer'),
      shipTo: address('Jane Buyer'),
      items: [
        { sku: 'TSHIRT-M', name: 'T-shirt', quantity, unitPrice: 15 },
        { sku: 'UNTRACKED', name: 'Sticker', quantity: 1, unitPrice: 1 },
      ],
      weight: { value: 20, units: 'ounces' },
    });
    assert.equal(res.statusCode, 200, res.body);
    return res.json() as { orderId: number };
  };
  const stock = async () => {
    const l = (await level(t, 'TSHIRT-M', locationId))!;
    return { onHand: l.on_hand, allocated: l.allocated, available: l.available };
  };
  const consistent = async () => {
    const l = await stock();
    const sums = await ledgerSum(t, 'TSHIRT-M');
    assert.equal(sums.onHand, l.onHand, 'on hand equals the ledger');
    assert.equal(sums.allocated, l.allocated, 'allocated equals the ledger');
  };

  test('awaiting_shipment allocates at the linked warehouse\'s default location; a V1 label ships it', async () => {
    const order = await createOrder(3);
    assert.deepEqual(await stock(), { onHand: 20, allocated: 3, available: 17 });
    assert.equal((await t.api('v2', 'GET', '/v2/inventory?sku=UNTRACKED')).json().total, 0, 'untracked SKUs are left alone');
    const label = await t.v1('POST', '/orders/createlabelfororder', { orderId: order.orderId, carrierCode: 'ups', serviceCode: 'ups_ground', packageCode: 'package', shipDate: '2026-11-23' });
    assert.equal(label.statusCode, 200, label.body);
    assert.deepEqual(await stock(), { onHand: 17, allocated: 0, available: 17 });
    await consistent();
  });

  test('updating the order\'s quantity re-allocates; cancelling it releases', async () => {
    const order = await createOrder(2);
    assert.equal((await stock()).allocated, 2);
    const again = await t.v1('POST', '/orders/createorder', {
      orderNumber: `A-${n}`, orderKey: `alloc-${n}`, orderDate: '2026-11-20T10:00:00', orderStatus: 'awaiting_shipment',
      billTo: address('Jane Buyer'), shipTo: address('Jane Buyer'), items: [{ sku: 'TSHIRT-M', name: 'T-shirt', quantity: 5, unitPrice: 15 }],
    });
    assert.equal(again.statusCode, 200);
    assert.equal((await stock()).allocated, 5);
    const cancel = await t.v1('POST', '/orders/createorder', {
      orderNumber: `A-${n}`, orderKey: `alloc-${n}`, orderDate: '2026-11-20T10:00:00', orderStatus: 'cancelled',
      billTo: address('Jane Buyer'), shipTo: address('Jane Buyer'), items: [{ sku: 'TSHIRT-M', name: 'T-shirt', quantity: 5, unitPrice: 15 }],
    });
    assert.equal(cancel.statusCode, 200);
    assert.deepEqual(await stock(), { onHand: 17, allocated: 0, available: 17 });
    assert.equal(order.orderId > 0, true);
    await consistent();
  });

  test('a V2 label on the order\'s shipment takes the stock; voiding it puts it back and re-allocates', async () => {
    const order = await createOrder(4);
    const row = await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', order.orderId).executeTakeFirstOrThrow();
    const carriers = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
    const fedex = carriers.find((c) => c.carrier_code === 'fedex')!.carrier_id;
    await t.ctx.database.db.transaction().execute(async (tx) => {
      const { getShipment, updateShipmentBody } = await import('../../src/domain/shipments/store.ts');
      const s = await getShipment(tx, 1, row.id);
      await updateShipmentBody(tx, 1, row.id, { ...s, carrierId: Number(fedex.slice(3)), serviceCode: 'fedex_ground' }, t.ctx.clock.nowIso());
    });
    const label = await t.api('v2', 'POST', `/v2/labels/shipment/se-${row.id}`, {});
    assert.equal(label.statusCode, 200, label.body);
    assert.deepEqual(await stock(), { onHand: 13, allocated: 0, available: 13 });
    assert.equal((await t.api('v2', 'PUT', `/v2/labels/${label.json().label_id}/void`)).json().approved, true);
    assert.deepEqual(await stock(), { onHand: 17, allocated: 4, available: 13 });
    // Cancelling the shipment on V2 cancels the order and releases its allocation.
    assert.equal((await t.api('v2', 'PUT', `/v2/shipments/se-${row.id}/cancel`)).statusCode, 204);
    assert.deepEqual(await stock(), { onHand: 17, allocated: 0, available: 17 });
    await consistent();
  });

  test('V1 markasshipped takes the stock; holds release and restore re-allocates; deleting releases', async () => {
    const shipped = await createOrder(1);
    const marked = await t.v1('POST', '/orders/markasshipped', { orderId: shipped.orderId, carrierCode: 'usps', trackingNumber: '9400100000000000000000' });
    assert.equal(marked.statusCode, 200, marked.body);
    assert.deepEqual(await stock(), { onHand: 16, allocated: 0, available: 16 });

    const held = await createOrder(2);
    assert.equal((await stock()).allocated, 2);
    const hold = await t.v1('POST', '/orders/holduntil', { orderId: held.orderId, holdUntilDate: '2099-01-01' });
    assert.equal(hold.statusCode, 200, hold.body);
    assert.equal((await stock()).allocated, 0);
    // The hold-release job (as the runner calls it) allocates again.
    const row = await t.ctx.database.db.selectFrom('orders').select('hold_until_at').where('id', '=', held.orderId).executeTakeFirstOrThrow();
    const { releaseHold } = await import('../../src/domain/orders/actions.ts');
    const released = await t.ctx.database.db.transaction().execute((tx) => releaseHold(tx, 1, { orderId: held.orderId, holdUntil: row.hold_until_at! }, t.ctx.clock.nowIso()));
    assert.equal(released, true);
    assert.equal((await stock()).allocated, 2);
    await t.v1('POST', '/orders/holduntil', { orderId: held.orderId, holdUntilDate: '2099-01-02' });
    assert.equal((await stock()).allocated, 0);
    assert.equal((await t.v1('POST', '/orders/restorefromhold', { orderId: held.orderId })).statusCode, 200);
    assert.equal((await stock()).allocated, 2);
    assert.equal((await t.v1('DELETE', `/orders/${held.orderId}`)).statusCode, 200);
    assert.deepEqual(await stock(), { onHand: 16, allocated: 0, available: 16 });

    const pending = await createOrder(2, 'awaiting_payment');
    assert.equal((await stock()).allocated, 0, 'unpaid orders hold nothing');
    assert.ok(pending.orderId);
    await consistent();
  });

  test('20 orders created concurrently each allocate: allocated is exact and equals the ledger', async () => {
    const before = await stock();
    await Promise.all(Array.from({ length: 20 }, () => createOrder(1)));
    const after = await stock();
    assert.equal(after.allocated, before.allocated + 20);
    assert.equal(after.onHand, before.onHand);
    await consistent();
  });

  test('orders of an account without the add-on never touch inventory', async () => {
    const now = t.ctx.clock.nowIso();
    const plain = await createAccount(t.ctx.database.db, { plan: 'standard' }, now);
    const pair = await createV1KeyPair(t.ctx.database.db, plain.id, 6, now);
    const before = await ledgerSum(t, 'TSHIRT-M');
    const res = await t.app.inject({
      method: 'POST',
      url: '/orders/createorder',
      headers: { authorization: basic(pair.apiKey, pair.apiSecret) },
      payload: { orderNumber: 'P-1', orderKey: 'plain-1', orderDate: '2026-11-20T10:00:00', orderStatus: 'awaiting_shipment', billTo: address('X'), shipTo: address('X'), items: [{ sku: 'TSHIRT-M', name: 'T', quantity: 9, unitPrice: 1 }] },
    });
    assert.equal(res.statusCode, 200, res.body);
    assert.deepEqual(await ledgerSum(t, 'TSHIRT-M'), before);
    const rows = await t.ctx.database.db.selectFrom('inventory_order_stock').selectAll().where('account_id', '=', plain.id).execute();
    assert.equal(rows.length, 0);
  });
});
