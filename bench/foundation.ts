// Authenticated V2 and V1 GETs against a bare Fastify endpoint, on each database.
// Run: npm run bench -- foundation   (set DATABASE_URL to include PostgreSQL)
import { engines, measure, report, startNode, startShipdock, V1_AUTH, BENCH_KEYS } from './lib.ts';

const bare = await startNode('bench/bare-server.ts', {});
const baseline = await measure('bare Fastify GET', { url: `${bare.url}/bare` });
await bare.stop();

for (const engine of engines()) {
  const server = await startShipdock(engine);
  try {
    const rows = [
      await measure(`GET /v2/warehouses (API-Key) [${engine}]`, { url: `${server.url}/v2/warehouses`, headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY } }),
      await measure(`GET /warehouses (V1 Basic) [${engine}]`, { url: `${server.url}/warehouses`, headers: { authorization: V1_AUTH } }),
    ];
    report(`Foundation on ${engine}`, [baseline, ...rows], baseline);
  } finally {
    await server.stop();
  }
}
