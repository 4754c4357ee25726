// Partner API calls for tests. The partner operations are not in the ShipEngine OpenAPI, so their
// success bodies are checked by explicit assertions; their error bodies are ShipEngine's
// error_response_body, which assertShipEngineError checks against the spec.
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';
import { assertContract } from '../helpers/contract.ts';
import { createApiKey } from '../../src/domain/accounts/keys.ts';

export const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/;

export function partnerCall(t: TestApp, method: string, url: string, payload?: unknown, key = CREDENTIALS.partnerKey) {
  return t.inject({
    method: method as InjectOptions['method'],
    url,
    payload: payload as InjectOptions['payload'],
    headers: { 'api-key': key },
  });
}

/** Any ShipEngine operation will do: every 4xx/5xx body is the spec's error_response_body. */
export function assertShipEngineError(status: number, body: unknown) {
  assertContract('shipengine', 'GET', '/v1/warehouses', status, body);
}

export function assertErrorFields(response: { statusCode: number; json(): any }, status: number, fields: string[]) {
  assert.equal(response.statusCode, status, JSON.stringify(response.json()));
  assertShipEngineError(status, response.json());
  const named = response.json().errors.map((e: { field_name?: string }) => e.field_name).sort();
  assert.deepEqual(named, [...fields].sort());
}

/** A second partner, made directly in the database as an operator would. */
export async function createPartner(t: TestApp, name: string): Promise<{ partnerId: number; key: string }> {
  const now = t.ctx.clock.nowIso();
  const db = t.ctx.database.db;
  const row = await db.insertInto('partners').values({ name, active: 1, created_at: now }).returning('id').executeTakeFirstOrThrow();
  const key = await createApiKey(db, { partnerId: row.id }, now, { description: name });
  return { partnerId: row.id, key: key.apiKey };
}
