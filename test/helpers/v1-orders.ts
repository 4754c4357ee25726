// V1 orders for tests that need a few: the account's Ship From warehouse, `createorder` in the
// documentation's shape, and the V2 shipment behind an order.
import assert from 'node:assert/strict';
import type { TestApp } from './server.ts';

export const v1Address = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' });

/** The warehouse labels for V1 orders ship from. */
export async function addWarehouse(t: TestApp): Promise<void> {
  const res = await t.api('v2', 'POST', '/v2/warehouses', {
    name: 'HQ',
    origin_address: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
  });
  assert.equal(res.statusCode, 200, res.body);
}

/** An awaiting_shipment order of two T-shirts; `overrides` replace any field. */
export async function createV1Order(t: TestApp, orderNumber: string, overrides: Record<string, unknown> = {}): Promise<{ orderId: number }> {
  const res = await t.v1('POST', '/orders/createorder', {
    orderNumber,
    orderKey: `key-${orderNumber}`,
    orderDate: '2026-11-20T10:00:00',
    orderStatus: 'awaiting_shipment',
    billTo: v1Address('Jane Buyer'),
    shipTo: v1Address('Jane Buyer'),
    items: [{ sku: 'TSHIRT-M', name: 'T-shirt', quantity: 2, unitPrice: 15 }],
    weight: { value: 20, units: 'ounces' },
    ...overrides,
  });
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { orderId: number };
}

/** The id of the V2 shipment synced from a V1 order. */
export async function shipmentOfOrder(t: TestApp, orderId: number): Promise<number> {
  return (await t.ctx.database.db.selectFrom('shipments').select('id').where('order_id', '=', orderId).executeTakeFirstOrThrow()).id;
}
