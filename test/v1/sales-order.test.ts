import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { startTestApp, type TestApp } from '../helpers/server.ts';
import { markOrderShipped } from '../../src/domain/orders/actions.ts';
import { createOrderFromShipment } from '../../src/domain/orders/sales-order.ts';
import { findShipmentByOrder, insertShipment } from '../../src/domain/shipments/store.ts';
import type { ShipmentBody } from '../../src/domain/shipments/types.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { localPath, orderBody, startReceiver } from './fixtures.ts';

describe('one sales order across V1 and V2', () => {
  let t: TestApp;
  before(async () => {
    t = await startTestApp();
  });
  after(() => t.close());

  const shipmentOf = async (orderId: number) => {
    const shipment = await findShipmentByOrder(t.ctx.database.db, 1, orderId);
    assert.ok(shipment, 'the order has a shipment');
    return shipment;
  };
  const shipmentCount = async (orderId: number) =>
    Number((await t.ctx.database.db.selectFrom('shipments').select((eb) => eb.fn.countAll().as('n')).where('order_id', '=', orderId).executeTakeFirstOrThrow()).n);

  test('creating a V1 order creates its pending V2 shipment', async () => {
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-1', orderNumber: 'SO-1' }))).json();
    const shipment = await shipmentOf(order.orderId);
    assert.equal(shipment.status, 'pending');
    assert.equal(shipment.shipmentNumber, 'SO-1');
    assert.equal(shipment.externalOrderId, 'so-1');
    assert.equal(shipment.externalShipmentId, null);
    const fedex = await t.ctx.database.db.selectFrom('carriers').select('id').where('account_id', '=', 1).where('carrier_code', '=', 'fedex').executeTakeFirst();
    assert.equal(shipment.carrierId, fedex?.id ?? null, 'carrierCode resolves to the connected carrier');
    assert.equal(shipment.serviceCode, 'fedex_2day');
    assert.equal(shipment.shipDate, '2015-07-02');
    assert.equal(shipment.confirmation, 'delivery');
    assert.deepEqual(
      { name: shipment.shipTo.name, line1: shipment.shipTo.addressLine1, city: shipment.shipTo.cityLocality, email: shipment.shipTo.email, residential: shipment.shipTo.residential },
      { name: 'The President', line1: '1600 Pennsylvania Ave', city: 'Washington', email: 'headhoncho@whitehouse.gov', residential: 'no' },
    );
    assert.deepEqual(shipment.packages[0].weight, { value: 25, unit: 'ounce' });
    assert.deepEqual(shipment.packages[0].dimensions, { length: 7, width: 5, height: 6, unit: 'inch' });
    assert.equal(shipment.packages[0].insuredValueCents, 20000);
    assert.equal(shipment.insuranceProvider, 'carrier');
    assert.deepEqual(
      shipment.items.map((i) => [i.sku, i.quantity, i.salesOrderId, i.salesOrderItemId, i.externalOrderItemId]),
      order.items.map((i: { sku: string; quantity: number; orderItemId: number; lineItemKey: string | null }) => [i.sku, i.quantity, String(order.orderId), String(i.orderItemId), i.lineItemKey]),
    );
    assert.equal(shipment.advancedOptions.custom_field1, 'Custom data that you can add to an order.');
  });

  test('updates flow into the same shipment; tags follow; cancelling cancels it', async () => {
    const tag = await t.ctx.database.db.insertInto('tags').values({ account_id: 1, name: 'Rush', color: '#FF0000', created_at: t.ctx.clock.nowIso() }).returning('id').executeTakeFirstOrThrow();
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-2', orderNumber: 'SO-2' }))).json();
    const before = await shipmentOf(order.orderId);
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-2', orderNumber: 'SO-2B', serviceCode: 'fedex_ground', shipTo: { ...orderBody().shipTo, city: 'Arlington', state: 'VA', postalCode: '22202' } }));
    await t.v1('POST', '/orders/addtag', { orderId: order.orderId, tagId: tag.id });
    const after = await shipmentOf(order.orderId);
    assert.equal(after.id, before.id);
    assert.equal(await shipmentCount(order.orderId), 1);
    assert.deepEqual([after.serviceCode, after.shipTo.cityLocality, after.shipmentNumber], ['fedex_ground', 'Arlington', 'SO-2B']);
    assert.deepEqual(after.tags, ['Rush']);

    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-2', orderNumber: 'SO-2B', orderStatus: 'cancelled' }));
    assert.equal((await shipmentOf(order.orderId)).status, 'cancelled');
  });

  test('deleting an order cancels its pending shipment', async () => {
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-3', orderNumber: 'SO-3' }))).json();
    await t.v1('DELETE', `/orders/${order.orderId}`);
    assert.equal((await shipmentOf(order.orderId)).status, 'cancelled');
  });

  test('a shipment past pending (label bought) is not rewritten by order updates', async () => {
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-4', orderNumber: 'SO-4' }))).json();
    const shipment = await shipmentOf(order.orderId);
    await t.ctx.database.db.updateTable('shipments').set({ status: 'label_purchased' }).where('id', '=', shipment.id).execute();
    await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-4', orderNumber: 'SO-4', serviceCode: 'fedex_ground' }));
    const kept = await shipmentOf(order.orderId);
    assert.deepEqual([kept.status, kept.serviceCode], ['label_purchased', 'fedex_2day']);
  });

  test('createOrderFromShipment: a V2 shipment with create_sales_order gets its V1 order', async () => {
    const receiver = await startReceiver();
    try {
      await t.v1('POST', '/webhooks/subscribe', { target_url: receiver.url, event: 'ORDER_NOTIFY' });
      const body: ShipmentBody = {
        carrierId: null,
        serviceCode: 'usps_priority_mail',
        shipDate: '2026-03-02',
        shipTo: { name: 'Amanda Miller', phone: '555-555-5555', email: 'amanda@example.com', addressLine1: '525 S Winchester Blvd', cityLocality: 'San Jose', stateProvince: 'CA', postalCode: '95128', countryCode: 'US', residential: 'yes' },
        shipFrom: null,
        warehouseId: null,
        returnTo: null,
        confirmation: 'signature',
        customs: null,
        advancedOptions: { contains_alcohol: true, custom_field1: 'from V2' },
        insuranceProvider: 'none',
        packages: [
          { packageCode: 'package', weight: { value: 1.5, unit: 'pound' }, dimensions: { length: 10, width: 8, height: 4, unit: 'inch' }, insuredValueCents: 0, labelMessages: { reference1: null, reference2: null, reference3: null }, externalPackageId: null, contentDescription: null },
        ],
        items: [{ name: 'Mug', sku: 'MUG-1', quantity: 3, salesOrderId: null, salesOrderItemId: null, externalOrderId: null, externalOrderItemId: 'line-9', asin: null, orderSourceCode: null }],
        taxIdentifiers: [],
        externalOrderId: 'v2-sale-1',
        orderSourceCode: null,
        isReturn: false,
        comparisonRateType: null,
      };
      const { db } = t.ctx.database;
      const order = await db.transaction().execute(async (tx) => {
        const shipment = await insertShipment(tx, 1, { body, shipmentNumber: 'V2-1001' }, t.ctx.clock.nowIso());
        return createOrderFromShipment(tx, 1, shipment, t.ctx.clock.nowIso());
      });
      assert.equal(await shipmentCount(order.id), 1, 'the V2 shipment is the order\'s shipment; no second one');
      const v1 = (await t.v1('GET', `/orders/${order.id}`)).json();
      assert.deepEqual(
        [v1.orderNumber, v1.orderKey, v1.orderStatus, v1.serviceCode, v1.confirmation, v1.customerEmail, v1.shipTo.city, v1.shipTo.residential],
        ['V2-1001', 'v2-sale-1', 'awaiting_shipment', 'usps_priority_mail', 'signature', 'amanda@example.com', 'San Jose', true],
      );
      assert.deepEqual(v1.weight, { value: 24, units: 'ounces', WeightUnits: 1 });
      assert.deepEqual(v1.dimensions, { length: 10, width: 8, height: 4, units: 'inches' });
      assert.deepEqual([v1.items[0].sku, v1.items[0].quantity, v1.items[0].lineItemKey], ['MUG-1', 3, 'line-9']);
      assert.deepEqual([v1.advancedOptions.containsAlcohol, v1.advancedOptions.customField1], [true, 'from V2']);

      await runDueJobs(t.ctx);
      const announced = receiver.deliveries.find((d) => d.body.resource_type === 'ORDER_NOTIFY');
      assert.ok(announced, 'a sales order from V2 is a new order like any other');
      assert.deepEqual((await t.v1('GET', localPath(announced.body.resource_url))).json().orders.map((o: { orderId: number }) => o.orderId), [order.id]);

      await assert.rejects(
        db.transaction().execute(async (tx) => createOrderFromShipment(tx, 1, await insertShipment(tx, 1, { body }, t.ctx.clock.nowIso()))),
        /already exists/,
        'an external_order_id names one sales order',
      );
    } finally {
      await receiver.close();
    }
  });

  test('markOrderShipped: the label engine ships the order', async () => {
    const order = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-5', orderNumber: 'SO-5', orderStatus: 'on_hold' }))).json();
    await t.ctx.database.db.transaction().execute((tx) =>
      markOrderShipped(tx, 1, order.orderId, { carrierCode: 'ups', serviceCode: 'ups_ground', trackingNumber: '1Z999AA10123456784', shipDate: '2026-03-03', labelId: 5 }, t.ctx.clock.nowIso()),
    );
    const shipped = (await t.v1('GET', `/orders/${order.orderId}`)).json();
    assert.deepEqual([shipped.orderStatus, shipped.carrierCode, shipped.serviceCode, shipped.shipDate, shipped.holdUntilDate], ['shipped', 'ups', 'ups_ground', '2026-03-03', null]);
    assert.equal((await t.v1('GET', `/fulfillments?orderId=${order.orderId}`)).json().total, 0, 'a label is a shipment, not a fulfillment');
    const cancelled = (await t.v1('POST', '/orders/createorder', orderBody({ orderKey: 'so-6', orderNumber: 'SO-6', orderStatus: 'cancelled' }))).json();
    await assert.rejects(
      t.ctx.database.db.transaction().execute((tx) => markOrderShipped(tx, 1, cancelled.orderId, { carrierCode: 'ups', serviceCode: 'ups_ground', trackingNumber: 'x', shipDate: '2026-03-03' })),
      /cancelled/,
    );
  });
});
