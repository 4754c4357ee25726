// Orders for dashboard tests, created the way an integration would: through the V1 API.
import assert from 'node:assert/strict';
import { findRate } from '../../src/domain/rates/shop.ts';
import type { TestApp } from '../helpers/server.ts';
import { basic } from '../helpers/server.ts';

export const address = (name: string) => ({ name, street1: '123 Atlantic Ave', city: 'Brooklyn', state: 'NY', postalCode: '11201', country: 'US', phone: '718-555-0199' });

export async function createV1Order(
  t: TestApp,
  orderNumber: string,
  options: { status?: string; name?: string; sku?: string; auth?: { key: string; secret: string }; orderDate?: string } = {},
): Promise<{ orderId: number; orderNumber: string }> {
  const body = {
    orderNumber,
    orderKey: `key-${orderNumber}`,
    orderDate: options.orderDate ?? '2026-11-20T10:00:00',
    orderStatus: options.status ?? 'awaiting_shipment',
    billTo: address(options.name ?? 'Jane Buyer'),
    shipTo: address(options.name ?? 'Jane Buyer'),
    items: [{ sku: options.sku ?? 'TSHIRT-M', name: 'T-shirt', quantity: 2, unitPrice: 15 }],
    weight: { value: 20, units: 'ounces' },
    customerNotes: 'Leave at the door',
    internalNotes: 'VIP customer',
  };
  const response = options.auth
    ? await t.app.inject({ method: 'POST', url: '/orders/createorder', payload: body, headers: { authorization: basic(options.auth.key, options.auth.secret) } })
    : await t.v1('POST', '/orders/createorder', body);
  assert.equal(response.statusCode, 200, response.body);
  return response.json();
}

/** Rating needs a ship-from: the default account gets a default warehouse. */
export async function createWarehouse(t: TestApp): Promise<void> {
  const response = await t.api('v2', 'POST', '/v2/warehouses', {
    name: 'HQ',
    origin_address: { name: 'Dock', phone: '512-555-0100', address_line1: '500 W 2nd St', city_locality: 'Austin', state_province: 'TX', postal_code: '78701', country_code: 'US' },
  });
  assert.ok(response.statusCode < 300, response.body);
}

/** The quoted rates behind a page's `rate_id` radios (a quote set is stored compactly; read it through the domain). */
export async function quotedRates(t: TestApp, rateIds: number[], accountId = 1) {
  const rates = await Promise.all(rateIds.map((id) => findRate(t.ctx.database.db, accountId, id)));
  return rates.filter((r) => r !== null).map((r) => ({ id: r.id, carrierId: r.carrierId, serviceCode: r.quote.serviceCode, totalCents: r.quote.totalCents }));
}
