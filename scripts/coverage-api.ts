// `npm run coverage:api`: which specified operations Shipdock implements, per surface.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/server.ts';

const spec = (file: string) => new URL(`../reference/specs/${file}`, import.meta.url);

function tsv(file: string): string[] {
  const [, ...rows] = readFileSync(spec(file), 'utf8').trim().split('\n');
  return rows.map((row) => {
    const [, method, path] = row.split('\t');
    return `${method} ${path.split('?')[0].replace(/\s.*$/, '')}`;
  });
}

function openApi(file: string): string[] {
  const doc = parse(readFileSync(spec(file), 'utf8'), { maxAliasCount: -1 }) as { paths: Record<string, object> };
  return Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.keys(item)
      .filter((m) => ['get', 'post', 'put', 'patch', 'delete'].includes(m))
      .map((m) => `${m.toUpperCase()} ${path}`),
  );
}

// ShipEngine operations documented outside its OpenAPI file (shared/specs/partner-and-shipengine.md).
const SHIPENGINE_EXTRA = [
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

/** `/v2/warehouses/{warehouse_id}` and `/v2/warehouses/:warehouse_id` compare equal. */
const shape = (op: string) => op.replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}').toLowerCase();

const implemented = new Set<string>();
const config = loadConfig({ ...process.env, SHIPDOCK_DATA_DIR: ':memory:', DATABASE_URL: '', LOG_LEVEL: 'silent' });
const ctx = await createContext(config);
const app = await buildApp(ctx, {
  logger: false,
  onRoute: ({ method, url }) => {
    for (const m of Array.isArray(method) ? method : [method]) implemented.add(shape(`${m} ${url}`));
  },
});
await app.ready();

const surfaces: [string, string[]][] = [
  ['ShipStation V1', tsv('v1-operations.tsv')],
  ['ShipStation V2', tsv('v2-operations.tsv')],
  ['ShipEngine /v1', [...openApi('shipengine.openapi.yaml'), ...SHIPENGINE_EXTRA]],
];
const verbose = process.argv.includes('--missing');
for (const [name, ops] of surfaces) {
  const unique = [...new Set(ops)];
  const done = unique.filter((op) => implemented.has(shape(op)));
  console.log(`${name.padEnd(16)} ${String(done.length).padStart(3)} / ${unique.length} operations (${Math.round((100 * done.length) / unique.length)}%)`);
  if (verbose) for (const op of unique.filter((o) => !implemented.has(shape(o)))) console.log(`    missing ${op}`);
}
await app.close();
await ctx.database.close();
