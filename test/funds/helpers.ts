// Calls and fixtures for the funded-carrier tests. Registration, auto-funding and the connections
// add_funds are not in the ShipEngine OpenAPI: their success bodies are asserted explicitly and
// their error bodies checked as the spec's error_response_body.
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { assertShipEngineError } from '../partners/helpers.ts';
import { austin, domesticShipment } from '../shipping/fixtures.ts';

export type Headers = Record<string, string>;

/** A ShipEngine call outside the spec; any error body must still be the spec's error body. */
export async function seCall(t: TestApp, method: string, url: string, payload?: unknown, headers: Headers = {}) {
  const response = await t.inject({
    method: method as InjectOptions['method'],
    url,
    payload: payload as InjectOptions['payload'],
    headers: { 'api-key': CREDENTIALS.apiKey, ...headers },
  });
  if (response.statusCode >= 400) assertShipEngineError(response.statusCode, response.json());
  return response;
}

export const stampsRegistration = (overrides: Record<string, unknown> = {}) => ({
  nickname: 'My Stamps.com account',
  email: 'john.doe@example.com',
  agree_to_carrier_terms: true,
  should_send_email: false,
  address: { ...austin, address_line2: '', company_name: 'Shipdock Inc' },
  ...overrides,
});

export const upsRegistration = (overrides: Record<string, unknown> = {}) => ({
  nickname: 'UPS from ShipStation',
  email: 'john.doe@example.com',
  address: austin,
  accepted_terms: [
    { term_type: 'ups_technology_agreement', version: '1' },
    { term_type: 'ups_prohibited_items', version: '1' },
  ],
  end_user_ip_address: '127.0.0.1',
  ...overrides,
});

const REGISTRATION_BODIES = {
  stamps_com: stampsRegistration,
  ups: upsRegistration,
  dhl_express_walleted: (o: Record<string, unknown> = {}) => ({ nickname: `dhl-${Math.random().toString(36).slice(2)}`, ...o }),
};

/** Registers a funded carrier and returns its carrier_id. */
export async function register(t: TestApp, carrier: keyof typeof REGISTRATION_BODIES, headers: Headers = {}): Promise<string> {
  const res = await seCall(t, 'POST', `/v1/registration/${carrier}`, REGISTRATION_BODIES[carrier](), headers);
  assert.equal(res.statusCode, 200, res.body);
  assert.deepEqual(Object.keys(res.json()), ['carrier_id']);
  assert.match(res.json().carrier_id, /^se-\d+$/);
  return res.json().carrier_id;
}

export async function addFunds(t: TestApp, carrierId: string, amount: number, headers: Headers = {}): Promise<number> {
  const res = await t.api('shipengine', 'PUT', `/v1/carriers/${carrierId}/add_funds`, { currency: 'usd', amount }, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().balance.amount;
}

export async function balanceOf(t: TestApp, carrierId: string, headers: Headers = {}): Promise<number> {
  const res = await t.api('shipengine', 'GET', `/v1/carriers/${carrierId}`, undefined, headers);
  assert.equal(res.statusCode, 200, res.body);
  return res.json().balance;
}

/** The same one-pound parcel every time, so every label on one service costs the same. */
export const parcel = (carrierId: string, serviceCode: string) =>
  domesticShipment({
    carrier_id: carrierId,
    service_code: serviceCode,
    packages: [{ weight: { value: 1, unit: 'pound' }, dimensions: { length: 8, width: 6, height: 4, unit: 'inch' } }],
  });

export function buyLabel(t: TestApp, carrierId: string, serviceCode: string, headers: Headers = {}) {
  return t.api('shipengine', 'POST', '/v1/labels', { shipment: parcel(carrierId, serviceCode) }, headers);
}

/** What a label on this carrier and service costs now, in cents, from the rate engine. */
export async function priceCents(t: TestApp, carrierId: string, serviceCode: string, headers: Headers = {}): Promise<number> {
  const res = await t.api('shipengine', 'POST', '/v1/rates', { shipment: parcel(carrierId, serviceCode), rate_options: { carrier_ids: [carrierId], service_codes: [serviceCode] } }, headers);
  assert.equal(res.statusCode, 200, res.body);
  const [rate] = res.json().rate_response.rates;
  assert.ok(rate, `no ${serviceCode} rate`);
  return ['shipping_amount', 'insurance_amount', 'confirmation_amount', 'other_amount'].reduce((sum, k) => sum + Math.round(rate[k].amount * 100), 0);
}

export type LedgerEntry = { amount_cents: number; kind: string; label_id: number | null };

export async function ledger(t: TestApp, carrierId: string): Promise<LedgerEntry[]> {
  const rows = await t.ctx.database.db
    .selectFrom('carrier_ledger')
    .select(['amount_cents', 'kind', 'label_id'])
    .where('carrier_id', '=', Number(carrierId.slice(3)))
    .orderBy('id')
    .execute();
  return rows.map((r) => ({ amount_cents: Number(r.amount_cents), kind: r.kind, label_id: r.label_id }));
}

export const cents = (amount: number) => Math.round(amount * 100);
