// Calls to V2 operations that neither OpenAPI file describes: success bodies are checked by
// explicit assertions, error bodies against the V2 error_response_body.
import assert from 'node:assert/strict';
import type { InjectOptions } from 'fastify';
import { assertContract } from '../helpers/contract.ts';
import { CREDENTIALS, type TestApp } from '../helpers/server.ts';

export async function v2Call(t: TestApp, method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) {
  const response = await t.app.inject({
    method: method as InjectOptions['method'],
    url,
    payload: payload as InjectOptions['payload'],
    headers: { 'api-key': CREDENTIALS.apiKey, ...headers },
  });
  if (response.statusCode >= 400) assertContract('v2', 'GET', '/v2/warehouses', response.statusCode, response.json());
  return response;
}

export function assertError(response: { statusCode: number; body: string; json(): any }, status: number, field?: string) {
  assert.equal(response.statusCode, status, response.body);
  if (field) assert.ok(response.json().errors.some((e: { field_name?: string }) => e.field_name === field), response.body);
}

/** A tiny but real PDF. */
export const TINY_PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n' +
    '3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 72 72]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n',
  'latin1',
);
