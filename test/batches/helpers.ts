// Fixtures of the batch tests: carriers by code, shipments made in bulk, batches processed by the job runner.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/server.ts';
import { customs, domesticShipment, toronto } from '../shipping/fixtures.ts';
import { runDueJobs } from '../../src/jobs/runner.ts';
import { register } from '../funds/helpers.ts';

export type Surface = 'v2' | 'shipengine';
export const SURFACES = [['v2', '/v2'], ['shipengine', '/v1']] as const;

export async function carrierIds(t: TestApp): Promise<Record<string, string>> {
  const list = (await t.api('v2', 'GET', '/v2/carriers')).json().carriers as { carrier_id: string; carrier_code: string }[];
  return Object.fromEntries(list.map((c) => [c.carrier_code, c.carrier_id]));
}

/** Creates shipments in one bulk call; returns their ids in order. */
export async function createShipments(t: TestApp, shipments: unknown[]): Promise<string[]> {
  const ids: string[] = [];
  for (let start = 0; start < shipments.length; start += 100) {
    const res = await t.api('v2', 'POST', '/v2/shipments', { shipments: shipments.slice(start, start + 100) });
    assert.equal(res.statusCode, 200, res.body);
    ids.push(...res.json().shipments.map((s: { shipment_id: string }) => s.shipment_id));
  }
  return ids;
}

export const upsGround = (carriers: Record<string, string>, overrides: Record<string, unknown> = {}) =>
  domesticShipment({ carrier_id: carriers.ups, service_code: 'ups_ground', ...overrides });

/**
 * Three shipments that cannot be labelled, each for another reason: over UPS Ground's weight
 * limit, international without customs, and a funded carrier without funds.
 */
export async function badShipments(t: TestApp, carriers: Record<string, string>) {
  const broke = await register(t, 'stamps_com');
  return [
    upsGround(carriers, { external_shipment_id: 'too-heavy', packages: [{ weight: { value: 400, unit: 'pound' } }] }),
    upsGround(carriers, { external_shipment_id: 'no-customs', service_code: 'ups_worldwide_saver', ship_to: toronto }),
    domesticShipment({ external_shipment_id: 'no-funds', carrier_id: broke, service_code: 'usps_priority_mail' }),
  ];
}

export const international = (carriers: Record<string, string>) =>
  upsGround(carriers, { service_code: 'ups_worldwide_saver', ship_to: toronto, customs });

/** Runs the job runner until no job is due (the batch job continues itself in new jobs). */
export async function drainJobs(t: TestApp): Promise<number> {
  return runDueJobs(t.ctx);
}

export const download = (t: TestApp, url: string) => t.app.inject({ method: 'GET', url: url.replace('http://shipdock.test', '') });
