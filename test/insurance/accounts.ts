// A second account (made through the Partner API) for the isolation checks of the extras tests.
import assert from 'node:assert/strict';
import type { TestApp } from '../helpers/server.ts';
import { partnerCall } from '../partners/helpers.ts';

export async function otherAccountKey(t: TestApp): Promise<Record<string, string>> {
  const res = await partnerCall(t, 'POST', '/v1/partners/accounts', {});
  assert.equal(res.statusCode, 200, res.body);
  return { 'api-key': res.json().api_key.encrypted_api_key };
}

export const SURFACES = [
  { surface: 'v2' as const, prefix: '/v2' },
  { surface: 'shipengine' as const, prefix: '/v1' },
];
