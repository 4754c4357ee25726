// How far a GET by id can get toward bare Fastify, layer by layer, in one run: bare Fastify; plus
// one prepared SQLite select; plus the request log; then Shipdock's own GET /v2/warehouses/{id},
// with its request log off and as it starts.
// Each is alternated with bare runs (median of three), so the ratios share the machine's state.
// Run: npm run bench -- ceiling
import { BENCH_KEYS, LOAD, measure, startNode, startShipdock, type Measured, type Running } from './lib.ts';

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
  for (const [label, layers] of [
    ['bare Fastify + one prepared SQLite select', 'select'],
    ['  + the request log (headers and body, 100-row inserts)', 'select,log'],
  ] as const) {
    const server = await startNode('bench/ceiling-server.ts', { LAYERS: layers });
    try {
      await alternated(label, server, '/warehouses/1');
    } finally {
      await server.stop();
    }
  }
  for (const [label, env] of [
    ['Shipdock GET /v2/warehouses/{id} (embedded), request log off', { SHIPDOCK_REQUEST_LOG_MAX: '0' }],
    ['Shipdock GET /v2/warehouses/{id} (embedded), as it starts', {}],
  ] as const) {
    const shipdock = await startShipdock('sqlite', env);
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
