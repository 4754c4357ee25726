// Shared by the inventory tests: places, stock moves and level reads through the V2 API.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/server.ts';

export async function makePlaces(t: TestApp, name = 'Main', headers: Record<string, string> = {}) {
  const w = await t.api('v2', 'POST', '/v2/inventory_warehouses', { name }, headers);
  assert.equal(w.statusCode, 200, w.body);
  const l = await t.api('v2', 'POST', '/v2/inventory_locations', { name: `${name} A-1`, inventory_warehouse_id: w.json().inventory_warehouse_id }, headers);
  assert.equal(l.statusCode, 200, l.body);
  return { warehouseId: w.json().inventory_warehouse_id as string, locationId: l.json().inventory_location_id as string };
}

export async function move(t: TestApp, body: Record<string, unknown>, headers: Record<string, string> = {}) {
  return t.api('v2', 'POST', '/v2/inventory', body, headers);
}

export async function increment(t: TestApp, locationId: string, sku: string, quantity: number, cost?: number) {
  const res = await move(t, { transaction_type: 'increment', inventory_location_id: locationId, sku, quantity, ...(cost !== undefined ? { cost: { amount: cost, currency: 'usd' } } : {}) });
  assert.equal(res.statusCode, 204, res.body);
}

export interface LevelRow {
  sku: string;
  on_hand: number;
  allocated: number;
  available: number;
  average_cost: { amount: number; currency: string };
  inventory_warehouse_id: string;
  inventory_location_id?: string;
}

export async function level(t: TestApp, sku: string, locationId: string, headers: Record<string, string> = {}): Promise<LevelRow | undefined> {
  const res = await t.api('v2', 'GET', `/v2/inventory?sku=${encodeURIComponent(sku)}&inventory_location_id=${locationId}`, undefined, headers);
  assert.equal(res.statusCode, 200, res.body);
  return (res.json().inventory as LevelRow[])[0];
}

/** The ledger sums for a SKU, to check levels never drift from the transactions. */
export async function ledgerSum(t: TestApp, sku: string) {
  const row = await t.ctx.database.db
    .selectFrom('inventory_transactions')
    .select((eb) => [eb.fn.sum<number>('on_hand_delta').as('on_hand'), eb.fn.sum<number>('allocated_delta').as('allocated'), eb.fn.countAll<number>().as('n')])
    .where('sku', '=', sku)
    .executeTakeFirstOrThrow();
  return { onHand: Number(row.on_hand ?? 0), allocated: Number(row.allocated ?? 0), entries: Number(row.n) };
}

/** For V2 operations the saved OpenAPI files do not have (shapes from the docs). */
export async function call(t: TestApp, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  return t.app.inject({ method: method as 'GET', url, payload: payload as object, headers: { 'api-key': 'TEST_api_key_for_shipdock_tests', ...headers } });
}
