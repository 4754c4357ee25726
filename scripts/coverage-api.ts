// `npm run coverage:api`: which specified operations Shipdock implements, per surface.
//   -- --missing   also list the operations not implemented
//   -- --readme    rewrite the table between the coverage markers in README.md
//   -- --check     exit 1 when README.md's table is not what --readme would write (test/readme)
import { readFileSync, writeFileSync } from 'node:fs';
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

const surfaces: { name: string; base: string; source: string; ops: string[] }[] = [
  { name: 'ShipStation V1', base: '`/`', source: '`v1-operations.tsv` (the V1 documentation)', ops: tsv('v1-operations.tsv') },
  { name: 'ShipStation V2', base: '`/v2`', source: '`v2-operations.tsv` (the V2 documentation)', ops: tsv('v2-operations.tsv') },
  {
    name: 'ShipEngine',
    base: '`/v1`',
    source: '`shipengine.openapi.yaml` + the Partner API and other documented extras',
    ops: [...openApi('shipengine.openapi.yaml'), ...SHIPENGINE_EXTRA],
  },
];
const report = surfaces.map((surface) => {
  const unique = [...new Set(surface.ops)];
  return { ...surface, unique, done: unique.filter((op) => implemented.has(shape(op))) };
});
await app.close();
await ctx.database.close();

const percent = (done: number, all: number) => `${Math.round((100 * done) / all)}%`;

/** `POST /v2/labels/{label_id}/void` belongs to `labels`; V1's `/orders/createorder` to `orders`. */
const resource = (op: string) => op.split(' ')[1].replace(/^\/v[12]\//, '/').split('/')[1];

/** The README table: one row per surface, its resources with their counts (`done/all` when partial). */
function readmeTable(): string {
  const rows = report.map(({ name, base, source, unique, done }) => {
    const groups = new Map<string, { all: number; done: number }>();
    for (const op of unique) {
      const group = groups.get(resource(op)) ?? { all: 0, done: 0 };
      group.all += 1;
      if (done.includes(op)) group.done += 1;
      groups.set(resource(op), group);
    }
    const byResource = [...groups]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([key, g]) => (g.done === g.all ? `${key} ${g.all}` : `${key} ${g.done}/${g.all}`))
      .join(', ');
    return `| ${name} | ${base} | **${done.length} / ${unique.length}** (${percent(done.length, unique.length)}) | ${byResource} | ${source} |`;
  });
  const missing = report.flatMap(({ name, unique, done }) => unique.filter((op) => !done.includes(op)).map((op) => `- ${name}: \`${op}\``));
  return [
    '| Surface | Base path | Operations implemented | By resource (operations) | Specified by (`reference/specs`) |',
    '|---|---|---|---|---|',
    ...rows,
    ...(missing.length ? ['', 'Not implemented yet:', '', ...missing] : []),
  ].join('\n');
}

const BEGIN = '<!-- coverage:api begin: generated by `npm run coverage:api -- --readme`, do not edit -->';
const END = '<!-- coverage:api end -->';
const readmeUrl = new URL('../README.md', import.meta.url);

if (process.argv.includes('--readme') || process.argv.includes('--check')) {
  const readme = readFileSync(readmeUrl, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) {
    console.error(`README.md has no coverage markers (${BEGIN} … ${END})`);
    process.exit(1);
  }
  const updated = `${readme.slice(0, start)}${BEGIN}\n${readmeTable()}\n${readme.slice(end)}`;
  if (process.argv.includes('--check')) {
    if (updated !== readme) {
      console.error('README.md\'s coverage table is stale: run `npm run coverage:api -- --readme`. It should read:');
      console.error(readmeTable());
      process.exit(1);
    }
    console.log('README.md coverage table is up to date');
  } else {
    writeFileSync(readmeUrl, updated);
    console.log('README.md coverage table written');
  }
} else {
  const verbose = process.argv.includes('--missing');
  for (const { name, unique, done } of report) {
    const label = name === 'ShipEngine' ? 'ShipEngine /v1' : name;
    console.log(`${label.padEnd(16)} ${String(done.length).padStart(3)} / ${unique.length} operations (${percent(done.length, unique.length)})`);
    if (verbose) for (const op of unique.filter((o) => !done.includes(o))) console.log(`    missing ${op}`);
  }
}
