// Cost of the sandbox request log on the request path: GET by id with the log off and on.
// Run: npm run bench -- request-log   (set DATABASE_URL to include PostgreSQL)
import { engines, measure, report, startShipdock, BENCH_KEYS, type Measured } from './lib.ts';

const headers = { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY };

for (const engine of engines()) {
  const rows: Measured[] = [];
  // Alternate off/on three times so drift on a shared machine hits both sides.
  for (const round of [1, 2, 3]) {
    for (const [label, env] of [
      ['log off', { SHIPDOCK_REQUEST_LOG_MAX: '0' }],
      ['log on', {}],
    ] as const) {
      const server = await startShipdock(engine, env);
      try {
        const carriers = (await (await fetch(`${server.url}/v2/carriers`, { headers })).json()) as { carriers: { carrier_id: string }[] };
        const url = `${server.url}/v2/carriers/${carriers.carriers[0].carrier_id}`;
        rows.push(await measure(`GET /v2/carriers/{id} ${label} #${round} [${engine}]`, { url, headers }));
      } finally {
        await server.stop();
      }
    }
  }
  const off = rows.filter((r) => r.label.includes('log off'));
  const on = rows.filter((r) => r.label.includes('log on'));
  const avg = (xs: typeof rows) => xs.reduce((s, r) => s + r.rps, 0) / xs.length;
  report(`Request log on ${engine}`, rows, off[0]);
  console.log(`log on / log off throughput: ${((100 * avg(on)) / avg(off)).toFixed(1)}% (cost ${(100 - (100 * avg(on)) / avg(off)).toFixed(1)}%)`);
}
