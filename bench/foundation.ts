// Authenticated GET by id against the bare-Fastify ceiling, on each database.
// Run: npm run bench -- foundation
import { alternatingWithBare, BENCH_KEYS, LOAD, measure, ratioRow, startShipdock, type BenchRow, type BenchRun } from './lib.ts';

const headers = { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY };

export async function figures(run: BenchRun): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of run.engines) {
    const server = await startShipdock(engine);
    try {
      // Bootstrap creates the default Ship From warehouse.
      const listed = (await (await fetch(`${server.url}/v2/warehouses`, { headers })).json()) as { warehouses: { warehouse_id: string }[] };
      const url = `${server.url}/v2/warehouses/${listed.warehouses[0].warehouse_id}`;
      if ((await fetch(url, { headers })).status !== 200) throw new Error(`GET ${url} is not 200`);
      const { m, bareRps } = await alternatingWithBare(run, () => measure('GET /v2/warehouses/{id}', { url, headers, ...LOAD }));
      rows.push(ratioRow('GET /v2/warehouses/{id}', engine, m, run, engine === 'sqlite' ? 50 : 30, bareRps));
    } finally {
      await server.stop();
    }
  }
  return rows;
}
