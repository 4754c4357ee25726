// CPU profile of the running server under load: `npm run bench -- profile` profiles every hot route
// (or PROFILE=rates|labels|label|warehouse), prints the top self-time functions of each.
// Set DATABASE_URL for PostgreSQL. Profiles land in PROFILE_DIR (default a temp dir).
import { mkdtempSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BENCH_KEYS, measure, startShipdock } from './lib.ts';

const engine = process.env.DATABASE_URL ? 'postgres' : 'sqlite';
const only = process.env.PROFILE;
const headers = { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, 'content-type': 'application/json' };
const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});
const shipment = {
  ship_from: address('Dock', '500 W 2nd St', 'Austin', 'TX', '78701'),
  ship_to: { ...address('Jane', '123 Atlantic Ave', 'Brooklyn', 'NY', '11201'), address_residential_indicator: 'yes' },
  packages: [{ weight: { value: 3, unit: 'pound' }, dimensions: { length: 12, width: 10, height: 6, unit: 'inch' } }],
};

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount: number; children?: number[] }

/** Where a function's self time belongs: Shipdock's code, a package, the database engine, the socket, Node, V8. */
function layerOf(key: string): string {
  // better-sqlite3 runs SQLite inside this native call; pg's time is parsing and socket I/O.
  if (key.startsWith('executeQuery node_modules/kysely/dist/esm/dialect/sqlite')) return 'SQLite (native)';
  const pkg = /node_modules\/((@[^/]+\/)?[^/]+)/.exec(key)?.[1];
  if (pkg) return ['fastify', 'find-my-way', 'avvio', 'light-my-request', 'fast-json-stringify', 'ajv', 'secure-json-parse', 'pino'].includes(pkg) ? 'Fastify and its parts' : pkg;
  if (/ (src|dist)\//.test(key) || key.includes('/dist/') || key.includes('/src/')) return 'Shipdock';
  if (/^(writev|writeUtf8String|writeBuffer|writevGeneric|writeGeneric|createWriteWrap) /.test(key) || key.includes('stream_base_commons')) return 'socket writes';
  if (key.startsWith('(garbage collector)')) return 'GC';
  if (key.includes('async_hooks')) return 'async hooks (AsyncLocalStorage)';
  if (key.includes(' node:')) return 'Node (http, streams, events)';
  return 'V8 and other natives';
}

/** Self time by function over the load window only (the last `seconds` before the profile ends): start-up is left out. */
function top(file: string, n = 25, seconds = Number(process.env.PROFILE_SECONDS ?? 8), requests = 0) {
  const profile = JSON.parse(readFileSync(file, 'utf8')) as { nodes: Node[]; samples: number[]; timeDeltas: number[]; endTime: number; startTime: number };
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const hits = new Map<number, number>();
  let t = profile.startTime;
  const from = profile.endTime - (seconds + 0.5) * 1e6;
  profile.samples.forEach((id, i) => {
    t += profile.timeDeltas[i];
    if (t >= from) hits.set(id, (hits.get(id) ?? 0) + 1);
  });
  const self = new Map<string, number>();
  let total = 0;
  for (const [id, count] of hits) {
    const node = byId.get(id)!;
    const url = node.callFrame.url.replace(/^file:\/\/.*?\/(src|node_modules)\//, '$1/');
    const key = `${node.callFrame.functionName || '(anonymous)'} ${url}:${node.callFrame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + count);
    total += count;
  }
  const idle = self.get('(idle) :0') ?? 0;
  const layers = new Map<string, number>();
  for (const [key, count] of self) {
    if (key.startsWith('(idle)')) continue;
    const layer = layerOf(key);
    layers.set(layer, (layers.get(layer) ?? 0) + count);
  }
  const interval = (profile.endTime - profile.startTime) / profile.samples.length / 1000;
  const busyMs = (total - idle) * interval;
  console.log(`  main thread busy ${busyMs.toFixed(0)} ms of ${(total * interval).toFixed(0)} ms${requests ? `: ${(busyMs / requests).toFixed(2)} ms CPU per request` : ''}`);
  console.log(`  by layer: ${[...layers].filter(([, n]) => n * 200 >= total - idle).sort((a, b) => b[1] - a[1]).map(([layer, n]) => `${layer} ${((100 * n) / (total - idle)).toFixed(0)}%`).join(', ')}`);
  for (const [key, hits] of [...self].filter(([k]) => !k.startsWith('(idle)')).sort((a, b) => b[1] - a[1]).slice(0, n)) {
    console.log(`  ${((100 * hits) / (total - idle)).toFixed(1).padStart(5)}%  ${key}`);
  }
}

if (process.env.PROFILE_FILE) top(process.env.PROFILE_FILE, 40, Number(process.env.PROFILE_SECONDS ?? 8), Number(process.env.PROFILE_REQUESTS ?? 0));
else for (const route of ['warehouse', 'label', 'rates', 'labels'].filter((r) => !only || only === r)) {
  const dir = process.env.PROFILE_DIR ?? mkdtempSync(join(tmpdir(), `shipdock-prof-${route}-`));
  const server = await startShipdock(engine, {}, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const carriers = (await (await fetch(`${server.url}/v2/carriers`, { headers })).json()) as { carriers: { carrier_id: string; carrier_code: string }[] };
  const ups = carriers.carriers.find((c) => c.carrier_code === 'ups')!.carrier_id;
  const labelBody = JSON.stringify({ shipment: { carrier_id: ups, service_code: 'ups_ground', ...shipment } });
  let options;
  if (route === 'warehouse') {
    const listed = (await (await fetch(`${server.url}/v2/warehouses`, { headers })).json()) as { warehouses: { warehouse_id: string }[] };
    options = { url: `${server.url}/v2/warehouses/${listed.warehouses[0].warehouse_id}`, headers };
  } else if (route === 'label') {
    const bought = (await (await fetch(`${server.url}/v2/labels`, { method: 'POST', headers, body: labelBody })).json()) as { label_id: string };
    options = { url: `${server.url}/v2/labels/${bought.label_id}`, headers };
  } else if (route === 'rates') {
    options = { url: `${server.url}/v2/rates`, method: 'POST' as const, headers, body: JSON.stringify({ shipment }) };
  } else {
    options = { url: `${server.url}/v2/labels`, method: 'POST' as const, headers, body: labelBody };
  }
  const m = await measure(route, { ...options, connections: 50, duration: Number(process.env.PROFILE_SECONDS ?? 8) });
  const requests = m.rps * Number(process.env.PROFILE_SECONDS ?? 8);
  await server.stop();
  console.log(`\n${route} [${engine}]: ${m.rps} req/s, p99 ${m.p99} ms, non-2xx ${m.non2xx}  (${dir})`);
  // The main thread's profile is the biggest (tsx's loader thread writes one too).
  const file = readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => ({ f, size: statSync(join(dir, f)).size }))
    .sort((a, b) => b.size - a.size)[0]?.f;
  if (file) top(join(dir, file), 25, Number(process.env.PROFILE_SECONDS ?? 8), requests);
}
