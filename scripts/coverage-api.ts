// `npm run coverage:api`: which specified operations Shipdock implements, per surface.
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { createContext } from '../src/server.ts';
import { listedOperations, openApiOperations, operationShape as shape, SHIPENGINE_EXTRA } from '../src/api/docs/official-specs.ts';

const tsv = (file: 'v1-operations.tsv' | 'v2-operations.tsv') => listedOperations(file).map((op) => `${op.method} ${op.path}`);
const openApi = openApiOperations;

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
