// Fixtures shared by the manifest and pickup tests: a fixed working-day clock, warehouses, labels
// bought through the label endpoints, and a second account.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';
import { austin, brooklyn } from '../shipping/fixtures.ts';

export type Surface = 'v2' | 'shipengine';
export const SURFACES = [['v2', '/v2'], ['shipengine', '/v1']] as const;

/** Wednesday 26 May 2027: Sunday the 30th and Memorial Day (Monday the 31st) are within a week. */
export const TODAY = '2027-05-26';
export const NOW = new Date(`${TODAY}T15:00:00Z`);

export const SERVICES: Record<string, string> = { stamps_com: 'usps_priority_mail', ups: 'ups_ground', fedex: 'fedex_ground' };

export async function carrierIds(t: TestApp): Promise<Record<string, string>> {
  const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
  return Object.fromEntries(list.map((c) => [c.carrier_code, c.carrier_id]));
}

let warehouseCount = 0;

export async function createWarehouse(t: TestApp, surface: Surface, prefix: string, origin: Record<string, unknown> = austin): Promise<string> {
  const res = await t.api(surface, 'POST', `${prefix}/warehouses`, { name: `Dock ${++warehouseCount}`, origin_address: origin });
  assert.equal(res.statusCode, 200, res.body);
  return res.json().warehouse_id;
}

export interface BoughtLabel {
  label_id: string;
  tracking_number: string;
  carrier_id: string;
  service_code: string;
}

export async function buyLabel(t: TestApp, surface: Surface, prefix: string, carrierId: string, carrierCode: string, warehouseId: string | null, headers: Record<string, string> = {}): Promise<BoughtLabel> {
  const shipment = {
    carrier_id: carrierId,
    service_code: SERVICES[carrierCode],
    ship_to: brooklyn,
    ...(warehouseId ? { warehouse_id: warehouseId } : { ship_from: austin }),
    packages: [{ weight: { value: 2, unit: 'pound' }, dimensions: { length: 10, width: 8, height: 4, unit: 'inch' } }],
  };
  const res = await t.api(surface, 'POST', `${prefix}/labels`, { shipment }, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json();
}

export async function voidLabel(t: TestApp, surface: Surface, prefix: string, labelId: string): Promise<void> {
  const res = await t.api(surface, 'PUT', `${prefix}/labels/${labelId}/void`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().approved, true, res.body);
}

/** A second account's API key headers. */
export async function otherAccount(t: TestApp): Promise<Record<string, string>> {
  const account = (await partnerCall(t, 'POST', '/v1/partners/accounts', {})).json();
  return { 'api-key': account.api_key.encrypted_api_key };
}

export const download = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url: url.replace('http://shipdock.test', '') });

export function assertFieldError(res: { statusCode: number; json(): any; body: string }, status: number, field: string | null, message: RegExp) {
  assert.equal(res.statusCode, status, res.body);
  const [error] = res.json().errors;
  if (field !== null) assert.equal(error.field_name, field, res.body);
  assert.match(error.message, message);
}
