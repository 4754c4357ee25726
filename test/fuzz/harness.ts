// Schema-driven fuzzing: every route the app registers, fed malformed ids, query values and bodies.
// Deterministic (seeded PRNG), so a failure replays; the checks are surface-wide invariants:
// no 5xx, errors in the surface's own format, no stack trace or SQL in any body.
import assert from 'node:assert/strict';
import type { InjectOptions, LightMyRequestResponse, RouteOptions } from 'fastify';
import { CREDENTIALS, basic, startTestApp, type TestApp } from '../helpers/server.ts';
import { assertErrorContract } from '../helpers/contract.ts';

export type FuzzSurface = 'v1' | 'v2' | 'shipengine';

export interface FuzzRoute {
  method: string;
  url: string;
  surface: FuzzSurface;
  body?: Record<string, any>;
  query?: Record<string, any>;
  partner: boolean;
}

/** mulberry32: a tiny seeded PRNG, enough to pick cases reproducibly. */
export function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)] };
}

export const surfaceOf = (url: string): FuzzSurface | null => {
  // The dashboard answers HTML (test/web covers its errors).
  if (url.startsWith('/docs') || url === '/app' || url.startsWith('/app/')) return null;
  if (url.startsWith('/v2/') || url === '/v2') return 'v2';
  // The sandbox controls take the API key and answer in ShipEngine's error dialect.
  if (url.startsWith('/v1/') || url === '/v1' || url.startsWith('/sandbox/')) return 'shipengine';
  return 'v1';
};

export async function startFuzzApp(surface: FuzzSurface): Promise<{ t: TestApp; routes: FuzzRoute[] }> {
  const routes: FuzzRoute[] = [];
  const seen = new Set<string>();
  const onRoute = (route: RouteOptions) => {
    const s = surfaceOf(route.url);
    if (s !== surface) return;
    for (const method of [route.method].flat()) {
      if (method === 'HEAD' || method === 'OPTIONS') continue;
      const key = `${method} ${route.url}`.toLowerCase().replace(/\/$/, '');
      if (seen.has(key)) continue;
      seen.add(key);
      const schema = (route.schema ?? {}) as { body?: any; querystring?: any };
      routes.push({ method, url: route.url, surface: s, body: schema.body, query: schema.querystring, partner: Boolean((route.config as any)?.partner) });
    }
  };
  const t = await startTestApp({}, undefined, { onRoute });
  return { t, routes };
}

// ---- inputs -------------------------------------------------------------------------------------

export function deepJson(depth: number): string {
  return '{"a":'.repeat(depth) + '1' + '}'.repeat(depth);
}

export const BAD_IDS = ['0', '-1', 'abc', '1.5', '1e400', '99999999999999999999', 'se-0', 'se-99999999999999999999', '%FF', '%E0%A4%A', 'x'.repeat(150), 'null', '%20'];
export const BAD_QUERY_VALUES = ['1e400', '-1', '99999999999999999999', '0', '1.5', 'zz', '', 'null', 'true', '%FF', 'x'.repeat(3000)];
const WRONG_TYPES: unknown[] = [123, -1, 1e308, 'str', '', true, null, [], {}, [1, 'a'], { nested: { x: 1 } }, 'x'.repeat(20_000)];

/** A well-formed id that names nothing: requests get as far as the handler without touching real rows. */
export function missingId(surface: FuzzSurface, param: string): string {
  if (/carrier_name|carrier_code|^name$/i.test(param)) return 'ups';
  if (/external/i.test(param)) return 'no-such-external-id';
  if (surface === 'v1') return '999999';
  if (/tag_name|^tag$/i.test(param)) return 'no-such-tag';
  if (/code$/i.test(param)) return 'zz';
  return 'se-999999';
}

/** An id that exists on a fresh start (first carrier, account, warehouse...), so bodies reach the handler. */
export function existingId(surface: FuzzSurface, param: string): string {
  if (/carrier_name|carrier_code|^name$/i.test(param)) return 'stamps_com';
  return surface === 'v1' ? '1' : 'se-1';
}

export function fillPath(route: FuzzRoute, value?: string, existing = false): string {
  return route.url.replace(/:([A-Za-z_]+)/g, (_, name: string) => value ?? (existing ? existingId : missingId)(route.surface, name));
}

export interface Case {
  label: string;
  options: InjectOptions;
}

function headersFor(route: FuzzRoute, extra: Record<string, string> = {}): Record<string, string> {
  if (route.surface === 'v1') return { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret), ...extra };
  return { 'api-key': route.partner ? CREDENTIALS.partnerKey : CREDENTIALS.apiKey, ...extra };
}

const takesBody = (m: string) => m === 'POST' || m === 'PUT' || m === 'PATCH' || m === 'DELETE';

export function casesFor(route: FuzzRoute, seed: number): Case[] {
  const rng = prng(seed);
  const cases: Case[] = [];
  const json = { 'content-type': 'application/json' };
  const add = (label: string, url: string, extra: Partial<InjectOptions> & { headers?: Record<string, string> } = {}) =>
    cases.push({ label, options: { method: route.method as InjectOptions['method'], url, ...extra, headers: headersFor(route, extra.headers) } });
  const base = fillPath(route);
  const hasParams = route.url.includes(':');
  const minimalBody = route.body ? '{}' : undefined;

  // Malformed ids in every path parameter at once.
  if (hasParams) for (const id of BAD_IDS) add(`id ${id.slice(0, 20)}`, fillPath(route, id), minimalBody ? { payload: minimalBody, headers: json } : {});
  // Router-level trouble: bad percent-encoding anywhere in the path.
  add('bad percent-encoding', `${base}%FF`);

  // Query values: paging everywhere, then each declared query property with hostile values.
  const queryProps = Object.keys(route.query?.properties ?? {});
  const paging = ['page', 'page_size', 'pageSize'];
  for (const name of [...new Set([...paging, ...queryProps])]) {
    const values = paging.includes(name) ? ['1e400', '99999999999999999999', '-1', 'zz'] : [rng.pick(BAD_QUERY_VALUES), rng.pick(BAD_QUERY_VALUES), '1e400'];
    for (const v of values) add(`query ${name}=${v.slice(0, 20)}`, `${base}?${name}=${encodeURIComponent(v)}`, minimalBody ? { payload: minimalBody, headers: json } : {});
    add(`query ${name} twice`, `${base}?${name}=1&${name}=2`);
  }

  if (!takesBody(route.method)) return cases;
  if (!route.body) {
    // No body expected: an empty body is fine whatever its content type (axios sends form-urlencoded).
    for (const type of ['application/x-www-form-urlencoded', 'application/json', 'text/plain', 'application/octet-stream']) {
      add(`empty body as ${type}`, base, { payload: '', headers: { 'content-type': type } });
    }
  }
  // Hostile bodies go to rows that exist (never on deletes or partner routes: those could lock the fuzzer out).
  const target = route.method === 'DELETE' || route.partner ? base : fillPath(route, undefined, true);
  const raw: [string, string, string][] = [
    ['null', 'null', 'application/json'],
    ['array', '[]', 'application/json'],
    ['string', '"str"', 'application/json'],
    ['number', '1e400', 'application/json'],
    ['deep nesting', deepJson(5000), 'application/json'],
    ['deep array', '['.repeat(5000) + ']'.repeat(5000), 'application/json'],
    ['truncated', '{"a": [1, 2', 'application/json'],
    ['empty json', '', 'application/json'],
    ['text/plain', 'hello', 'text/plain'],
    ['xml', '<a/>', 'application/xml'],
    ['form', 'a=b&c=d', 'application/x-www-form-urlencoded'],
    ['huge string', JSON.stringify({ x: 'x'.repeat(200_000) }), 'application/json'],
    ['json with charset', '{}', 'application/json; charset=utf-8'],
  ];
  for (const [label, payload, type] of raw) add(`body ${label}`, target, { payload, headers: { 'content-type': type } });

  // Wrong types in each declared property (top level and one level down).
  const props = Object.entries<any>(route.body?.properties ?? {});
  for (const [name, schema] of props) {
    for (let i = 0; i < 2; i++) {
      const value = rng.pick(WRONG_TYPES);
      add(`body ${name}=${JSON.stringify(value)?.slice(0, 20)}`, target, { payload: JSON.stringify({ [name]: value }), headers: json });
    }
    const inner = Object.keys(schema?.properties ?? schema?.items?.properties ?? {});
    for (const child of inner.slice(0, 8)) {
      const value = rng.pick(WRONG_TYPES);
      const nested = schema?.type === 'array' ? [{ [child]: value }] : { [child]: value };
      add(`body ${name}.${child}=${JSON.stringify(value)?.slice(0, 20)}`, target, { payload: JSON.stringify({ [name]: nested }), headers: json });
    }
  }
  if (route.body?.type === 'array' || route.body?.items) {
    add('body array of junk', target, { payload: JSON.stringify([null, 1, 'x', [], { a: deepJson(3) }]), headers: json });
  }
  return cases;
}

// ---- checks -------------------------------------------------------------------------------------

const LEAKS: [RegExp, string][] = [
  [/\bat [^\s]+ \(?[^\s]*\.(ts|js|mjs):\d+/, 'stack trace'],
  [/node_modules|\/src\/|file:\/\//, 'source path'],
  [/\b(SELECT|INSERT INTO|DELETE FROM)\b.+\b(FROM|VALUES|WHERE)\b/i, 'SQL text'],
  [/SQLITE_|SqliteError|syntax error at or near|relation "|violates .* constraint/i, 'database error'],
  [/RangeError|TypeError|ReferenceError|Maximum call stack/, 'JS error'],
];

export function checkResponse(route: FuzzRoute, label: string, res: LightMyRequestResponse) {
  const where = `${route.method} ${route.url} [${label}] → ${res.statusCode}: ${res.body.slice(0, 400)}`;
  assert.ok(res.statusCode < 500, `5xx: ${where}`);
  for (const [pattern, what] of LEAKS) assert.doesNotMatch(res.body, pattern, `${what} in body: ${where}`);
  if (res.statusCode < 400) return;
  assert.match(String(res.headers['content-type'] ?? ''), /application\/json/, `error not JSON: ${where}`);
  let body: any;
  try {
    body = res.json();
  } catch {
    assert.fail(`error body is not JSON: ${where}`);
  }
  if (route.surface === 'v1') {
    assert.ok(body && typeof body === 'object' && !Array.isArray(body), `V1 error not an object: ${where}`);
    assert.equal(typeof body.Message, 'string', `V1 error without Message: ${where}`);
    const allowed = ['Message', 'ModelState', 'ExceptionMessage', 'ExceptionType', 'StackTrace'];
    for (const key of Object.keys(body)) assert.ok(allowed.includes(key), `V1 error has ${key}: ${where}`);
    if ('StackTrace' in body) assert.equal(body.StackTrace, null, where);
  } else {
    try {
      assertErrorContract(route.surface, res.statusCode, body);
    } catch (error) {
      assert.fail(`${(error as Error).message}\n${where}`);
    }
    assert.ok(body.errors.length > 0, `no errors: ${where}`);
  }
  if (label.startsWith('empty body as')) {
    // No body expected: whatever the content type of an empty body, it is not what the call fails on.
    assert.notEqual(res.statusCode, 415, `empty body refused: ${where}`);
    assert.doesNotMatch(res.body, /body|content.type/i, `empty body refused: ${where}`);
  }
}

/** Runs every case of every route; returns failures (at most `limit`) instead of stopping at the first. */
export async function fuzz(t: TestApp, routes: FuzzRoute[], seed: number, limit = 1000): Promise<string[]> {
  const failures: string[] = [];
  let index = 0;
  for (const route of routes) {
    index += 1;
    const cases = casesFor(route, seed * 1000 + index);
    for (const { label, options } of cases) {
      let res: LightMyRequestResponse;
      try {
        res = await t.app.inject(options);
        checkResponse(route, label, res);
      } catch (error) {
        failures.push((error as Error).message.split('\n').slice(0, 4).join('\n'));
        if (failures.length >= limit) return failures;
      }
    }
  }
  return failures;
}
