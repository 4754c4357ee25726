// Fixtures of the snapshot tests: an account filled through the public APIs, full row dumps, and
// sandbox calls with any account's key.
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { assertShipEngineError } from '../partners/helpers.ts';
import { domesticShipment } from '../shipping/fixtures.ts';
import { dumpAccount } from '../../src/domain/sandbox/snapshots.ts';

export type Headers = Record<string, string>;

/** A /sandbox call; every error must be ShipEngine's error body. */
export async function sandbox(t: TestApp, method: string, url: string, payload?: unknown, headers: Headers = { 'api-key': CREDENTIALS.apiKey }) {
  const response = await t.app.inject({ method: method as InjectOptions['method'], url, payload: payload as InjectOptions['payload'], headers });
  if (response.statusCode >= 400) assertShipEngineError(response.statusCode, response.json());
  return response;
}

export async function buyLabel(t: TestApp, headers: Headers = {}, name = 'Jane Doe') {
  const carriers = (await t.api('v2', 'GET', '/v2/carriers', undefined, headers)).json().carriers as { carrier_code: string; carrier_id: string }[];
  const ups = carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
  const res = await t.api('v2', 'POST', '/v2/labels', { shipment: domesticShipment({ carrier_id: ups, service_code: 'ups_ground', ship_to: { ...domesticShipment().ship_to, name } }) }, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json() as { label_id: string; shipment_id: string; label_download: { href: string }; tracking_number: string };
}

/** Labels (one with its rendered PDF), a webhook, a warehouse and a tag, through the V2 API. */
export async function fillAccount(t: TestApp, headers: Headers = {}, tag = 'snap') {
  const labels = [await buyLabel(t, headers), await buyLabel(t, headers, 'Lost In Transit')];
  const pdf = await t.app.inject({ method: 'GET', url: labels[0]!.label_download.href.replace('http://shipdock.test', '') });
  assert.equal(pdf.statusCode, 200);
  const hook = await t.api('v2', 'POST', '/v2/environment/webhooks', { event: 'track', url: `https://hooks.example.com/${tag}` }, headers);
  assert.ok([200, 201].includes(hook.statusCode), hook.body);
  const tagged = await t.api('v2', 'POST', `/v2/tags/${tag}`, undefined, headers);
  assert.ok([200, 201].includes(tagged.statusCode), tagged.body);
  return labels;
}

/** Every row of the account's data, plus its credentials, as plain JSON for deepEqual. */
export async function fullDump(t: TestApp, accountId: number) {
  const dump = Object.fromEntries(await dumpAccount(t.ctx.database.db, accountId));
  const db = t.ctx.database.db;
  return {
    ...dump,
    accounts: await db.selectFrom('accounts').selectAll().where('id', '=', accountId).execute(),
    api_keys: await db.selectFrom('api_keys').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
    users: await db.selectFrom('users').selectAll().where('account_id', '=', accountId).orderBy('id').execute(),
  };
}

export const rowCount = (dump: Record<string, unknown[]>) => Object.values(dump).reduce((n, rows) => n + rows.length, 0);
