// How far a GET by id can get toward bare Fastify, layer by layer, in one run: bare Fastify plus
// 10 and 20 us of plain CPU work (what any work costs in the ratio: the kernel's loopback write
// grows too when the server is slower); plus one prepared SQLite select; plus the request log; then
// Shipdock's own GET /v2/warehouses/{id}, with its request log off and as it starts. With
// DATABASE_URL set, also bare Fastify plus one prepared PostgreSQL select, and Shipdock on it.
// Each is alternated with bare runs (median of three), so the ratios share the machine's state.
// Run: npm run bench -- ceiling
import { BENCH_KEYS, freshPostgresUrl, LOAD, measure, startNode, startShipdock, type Measured, type Running } from './lib.ts';

const rows: { label: string; m: Measured; bare: number }[] = [];
const bare = await startNode('bench/bare-server.ts', {});
const median = (all: Measured[]) => [...all].sort((a, b) => a.rps - b.rps)[1];

async function alternated(label: string, server: Running, path: string, headers: Record<string, string> = {}) {
  const mine: Measured[] = [];
  const bares: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    bares.push(await measure('bare', { url: `${bare.url}/bare`, ...LOAD }));
    mine.push(await measure(label, { url: `${server.url}${path}`, headers, ...LOAD }));
  }
  rows.push({ label, m: median(mine), bare: median(bares).rps });
}

try {
  const postgres = Boolean(process.env.DATABASE_URL);
  const ceilings: [string, string][] = [
    ['bare Fastify + 10 us of CPU work', 'work:10'],
    ['bare Fastify + 20 us of CPU work', 'work:20'],
    ['bare Fastify + one prepared SQLite select', 'select'],
    ['  + the request log (headers and body, 100-row inserts)', 'select,log'],
  ];
  if (postgres) ceilings.push(['bare Fastify + one prepared PostgreSQL select (pool of 10)', 'pg']);
  for (const [label, layers] of ceilings) {
    const env: Record<string, string> = { LAYERS: layers };
    if (layers === 'pg') env.DATABASE_URL = await freshPostgresUrl();
    const server = await startNode('bench/ceiling-server.ts', env);
    try {
      await alternated(label, server, '/warehouses/1');
    } finally {
      await server.stop();
    }
  }
  const shipdocks: [string, 'sqlite' | 'postgres', Record<string, string>][] = [
    ['Shipdock GET /v2/warehouses/{id} (embedded), request log off', 'sqlite', { SHIPDOCK_REQUEST_LOG_MAX: '0' }],
    ['Shipdock GET /v2/warehouses/{id} (embedded), as it starts', 'sqlite', {}],
  ];
  if (postgres) shipdocks.push(['Shipdock GET /v2/warehouses/{id} (PostgreSQL), as it starts', 'postgres', {}]);
  for (const [label, engine, env] of shipdocks) {
    const shipdock = await startShipdock(engine, env);
    try {
      const headers = { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY };
      const listed = (await (await fetch(`${shipdock.url}/v2/warehouses`, { headers })).json()) as { warehouses: { warehouse_id: string }[] };
      await alternated(label, shipdock, `/v2/warehouses/${listed.warehouses[0].warehouse_id}`, headers);
    } finally {
      await shipdock.stop();
    }
  }
} finally {
  await bare.stop();
}

const width = Math.max(...rows.map((r) => r.label.length));
console.log(`\n${'layer'.padEnd(width)} | req/s   | bare    | % of bare | p99`);
for (const { label, m, bare: b } of rows) {
  console.log(`${label.padEnd(width)} | ${String(m.rps).padStart(7)} | ${String(b).padStart(7)} | ${`${((100 * m.rps) / b).toFixed(0)}%`.padStart(9)} | ${m.p99} ms${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}`);
}
