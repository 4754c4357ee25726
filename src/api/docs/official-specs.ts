// The official API descriptions Shipdock implements (reference/specs), read once on first use:
// the served /docs documents and `npm run coverage:api` both match routes against them.
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { parse } from 'yaml';

export type Json = Record<string, any>;
export const HTTP_METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

const specFile = (file: string) => new URL(`../../../reference/specs/${file}`, import.meta.url);
const read = (file: string) => readFileSync(specFile(file), 'utf8');

/** `GET /v2/warehouses/{warehouse_id}` and `get /v2/warehouses/:warehouse_id` compare equal. */
export const operationShape = (op: string) => op.replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}').toLowerCase();

const cache = new Map<string, unknown>();
function once<T>(key: string, load: () => T): T {
  if (!cache.has(key)) cache.set(key, load());
  return cache.get(key) as T;
}

/** The files read so far (none until the first /docs document is asked for). */
export const loadedSpecFiles = (): string[] => [...cache.keys()];

export type OpenApiFile = 'shipstation-v2.openapi.yaml' | 'shipengine.openapi.yaml';

// Parsing the two YAML files takes seconds; their JSON takes milliseconds. The JSON is cached by
// content hash, so an edited YAML file is parsed again and a stale copy is never read.
const cacheDir = new URL('../../../node_modules/.cache/shipdock/', import.meta.url);

function parseYamlCached(file: string): Json {
  const source = read(file);
  const cached = new URL(`${file}.${createHash('sha256').update(source).digest('hex').slice(0, 16)}.json`, cacheDir);
  try {
    return JSON.parse(readFileSync(cached, 'utf8')) as Json;
  } catch {
    const parsed = parse(source, { maxAliasCount: -1 }) as Json;
    try {
      mkdirSync(cacheDir, { recursive: true });
      const temporary = new URL(`${cached.pathname}.${process.pid}.tmp`, cached);
      writeFileSync(temporary, JSON.stringify(parsed));
      renameSync(temporary, cached);
    } catch {
      // A read-only install parses every time; nothing else changes.
    }
    return parsed;
  }
}

/** A parsed official OpenAPI file. Callers must not mutate it (clone what you change). */
export const openApiSpec = (file: OpenApiFile): Json => once(file, () => parseYamlCached(file));

/** `METHOD /path` of every operation of an official OpenAPI file. */
export function openApiOperations(file: OpenApiFile): string[] {
  return Object.entries(openApiSpec(file).paths as Json).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => (HTTP_METHODS as readonly string[]).includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

export interface ListedOperation {
  method: string;
  path: string;
  operationId?: string;
  summary: string;
}

/** The operation lists of V1 and V2 (reference/specs/*-operations.tsv, written from the official docs). */
export function listedOperations(file: 'v1-operations.tsv' | 'v2-operations.tsv'): ListedOperation[] {
  return once(file, () => {
    const [header, ...rows] = read(file).trim().split('\n');
    const columns = header.split('\t');
    return rows.map((row) => {
      const cells = row.split('\t');
      const cell = (name: string) => cells[columns.indexOf(name)];
      return {
        method: cell('method'),
        path: cell('path').split('?')[0].replace(/\s.*$/, ''),
        operationId: columns.includes('operationId') ? cell('operationId') : undefined,
        summary: cell('summary'),
      };
    });
  });
}

/** Shipdock's V1 response contract: `{ $defs, operations: { 'GET /stores': { '200': schema } } }`. */
export const v1Responses = (): Json => once('v1-responses.json', () => JSON.parse(read('v1-responses.json')) as Json);

/** V1 operation details ("11. `GET /orders/{orderId}` → `Order`."), keyed by `METHOD /path`. */
export function v1OperationDetails(): Map<string, string> {
  return once('v1-operations.md', () => {
    const details = new Map<string, string>();
    const text = read('v1-operations.md');
    const section = text.slice(text.indexOf('## Operation details'), text.indexOf('## Verification status'));
    for (const line of section.split('\n')) {
      const match = /^\d+\.\s+`(GET|POST|PUT|DELETE)\s+([^`?\s]+)[^`]*`\s*(.*)$/.exec(line);
      if (match) details.set(`${match[1]} ${match[2]}`, match[3].replace(/^(—|→)\s*/, ''));
    }
    return details;
  });
}

/** ShipEngine operations documented outside its OpenAPI file (shared/specs/partner-and-shipengine.md). */
export const SHIPENGINE_EXTRA = [
  'POST /v1/partners/accounts',
  'GET /v1/partners/accounts',
  'GET /v1/partners/accounts/{account_id}',
  'GET /v1/partners/accounts/external_account_id/{external_account_id}',
  'PUT /v1/partners/accounts/{account_id}/disable',
  'PUT /v1/partners/accounts/{account_id}/enable',
  'POST /v1/partners/accounts/{account_id}/api_keys',
  'GET /v1/partners/accounts/{account_id}/api_keys',
  'DELETE /v1/partners/accounts/{account_id}/api_keys/{api_key_id}',
  'POST /v1/registration/stamps_com',
  'POST /v1/registration/ups',
  'POST /v1/registration/dhl_express_walleted',
  'GET /v1/carriers/{carrier_id}/auto_funding',
  'POST /v1/carriers/{carrier_id}/auto_funding',
  'GET /v1/rate_shoppers',
  'GET /v1/rate_shoppers/{rate_shopper_id}',
];
