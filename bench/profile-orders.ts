// CPU profile of V1 GET /orders?orderStatus=awaiting_shipment&pageSize=100 under load (issue 11).
// Seeds ORDERS orders once into KEEP_DIR (embedded) or a scratch schema (DATABASE_URL), then runs the
// server with --cpu-prof at CONNECTIONS connections and prints the top self-time functions
// (through bench/profile.ts's reader) and the CPU ms per request.
//   ORDERS=100000 KEEP_DIR=/tmp/orders-100k npx tsx bench/profile-orders.ts
import { existsSync, mkdirSync, mkdtempSync, readdirSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase } from '../src/db/index.ts';
import { seedOrders } from './seed-orders.ts';
import { BENCH_KEYS, cpuSeconds, measure, startNode, V1_AUTH } from './lib.ts';

const ORDERS = Number(process.env.ORDERS ?? 100_000);
const CONNECTIONS = Number(process.env.CONNECTIONS ?? 50);
const SECONDS = Number(process.env.PROFILE_SECONDS ?? 8);
const QUERY = process.env.QUERY ?? '/orders?orderStatus=awaiting_shipment&pageSize=100';
const dataDir = process.env.KEEP_DIR ?? mkdtempSync(join(tmpdir(), 'shipdock-prof-orders-'));
const databaseUrl = process.env.DATABASE_URL ?? '';
const env = { ...BENCH_KEYS, SHIPDOCK_RATE_LIMIT_V1: '0', SHIPDOCK_RATE_LIMIT_V2: '0', SHIPDOCK_DATA_DIR: dataDir, DATABASE_URL: databaseUrl };

const marker = join(dataDir, `seeded-${ORDERS}`);
if (!existsSync(marker)) {
  const server = await startNode('src/server.ts', env);
  const database = await openDatabase({ databaseUrl: databaseUrl || null, dataDir, poolSize: 2 });
  const started = performance.now();
  await seedOrders(database.db, ORDERS, Boolean(databaseUrl));
  console.log(`seeded ${ORDERS} in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  await database.close();
  await server.stop();
  mkdirSync(marker, { recursive: true });
}
const profDir = mkdtempSync(join(tmpdir(), 'shipdock-prof-orders-cpu-'));
const server = await startNode('src/server.ts', env, 'listening', ['--cpu-prof', `--cpu-prof-dir=${profDir}`]);
const url = `${server.url}${QUERY}`;
const headers = { authorization: V1_AUTH };
await measure('warm', { url, headers, connections: 4, duration: 2 });
const cpu0 = cpuSeconds(server.pid);
const m = await measure('load', { url, headers, connections: CONNECTIONS, duration: SECONDS });
const cpuMs = ((cpuSeconds(server.pid) - cpu0) * 1000) / (m.rps * SECONDS);
await server.stop();
console.log(`${QUERY} [${databaseUrl ? 'postgres' : 'sqlite'}] ${CONNECTIONS} connections: ${m.rps} req/s, p50 ${m.p50} ms, p99 ${m.p99} ms, non-2xx ${m.non2xx}; server process CPU ${cpuMs.toFixed(2)} ms per request (all threads, profiler included); load ${loadavg()[0].toFixed(1)}`);
const file = readdirSync(profDir).filter((f) => f.endsWith('.cpuprofile')).map((f) => ({ f, size: statSync(join(profDir, f)).size })).sort((a, b) => b.size - a.size)[0].f;
spawnSync(process.execPath, ['--import', 'tsx', 'bench/profile.ts'], {
  stdio: 'inherit',
  env: { ...process.env, PROFILE_FILE: join(profDir, file), PROFILE_SECONDS: String(SECONDS), PROFILE_REQUESTS: String(m.rps * SECONDS) },
});
