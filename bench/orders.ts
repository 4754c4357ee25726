// V1 orders at a million: GET /orders?orderStatus=awaiting_shipment&pageSize=100 over 1M orders of
// one account, p99 on one connection and req/s at 50 connections, on the embedded database and
// (with DATABASE_URL) on PostgreSQL. The orders are seeded straight through the database layer
// with the sandbox seed's bulk path (bench/seed-orders.ts), the time it takes is a row too.
// Run alone: npx tsx bench/orders.ts   (ORDERS=100000 for a quicker look)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
import pg from 'pg';
import { openDatabase } from '../src/db/index.ts';
import { seedOrders } from './seed-orders.ts';
import { cpuSeconds, engines, measure, SERVER, settleWrites, startNode, BENCH_KEYS, V1_AUTH, type BenchRow, type BenchRun, type Running } from './lib.ts';

const ORDERS = Number(process.env.ORDERS ?? 1_000_000);
const QUERY = '/orders?orderStatus=awaiting_shipment&pageSize=100';
const label = ORDERS >= 1_000_000 ? `${ORDERS / 1_000_000}M` : `${ORDERS / 1000}k`;
const engineName = (engine: 'sqlite' | 'postgres') => (engine === 'sqlite' ? 'embedded' : 'postgres') as BenchRow['engine'];

// After a 1M-order seed an idle client of the seeding pool can outlive its pool's end and receive the
// forced drop's termination (57P01) as an unhandled 'error': that one is expected here, nothing else is.
process.on('uncaughtException', (error: Error & { code?: string }) => {
  if (error.code !== '57P01') throw error;
});

/** PostgreSQL runs get a database of their own, dropped afterwards. */
async function scratchDatabase(url: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `shipdock_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const scratch = new URL(url);
  scratch.pathname = `/${name}`;
  return {
    url: scratch.toString(),
    drop: async () => {
      const client = new pg.Client({ connectionString: url });
      await client.connect();
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await client.end();
    },
  };
}

/** The page every run reads must be a real page with an exact total, or the figure means nothing. */
async function probe(url: string): Promise<number> {
  const res = await fetch(`${url}${QUERY}`, { headers: { authorization: V1_AUTH } });
  const body = (await res.json()) as { orders: unknown[]; total: number; pages: number };
  if (res.status !== 200 || body.orders.length !== 100 || body.pages !== Math.ceil(body.total / 100)) throw new Error(`probe failed: ${res.status}`);
  return body.total;
}

async function onEngine(engine: 'sqlite' | 'postgres', bareRps: number): Promise<BenchRow[]> {
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-bench-orders-'));
  const scratch = engine === 'postgres' ? await scratchDatabase(process.env.DATABASE_URL!) : null;
  const env = { ...BENCH_KEYS, SHIPDOCK_RATE_LIMIT_V1: '0', SHIPDOCK_RATE_LIMIT_V2: '0', SHIPDOCK_DATA_DIR: dataDir, DATABASE_URL: scratch?.url ?? '' };
  let server: Running | null = null;
  try {
    // The server's first start makes the account; the seed then runs with the server stopped, so
    // its time is the script's own, not shared with an idle server's checkpoints of the same file.
    await (await startNode(SERVER, env)).stop();
    const started = performance.now();
    const database = await openDatabase({ databaseUrl: scratch?.url ?? null, dataDir, poolSize: 2 });
    const seeded = await seedOrders(database.db, ORDERS, engine === 'postgres');
    await database.close();
    const seconds = (performance.now() - started) / 1000;
    await settleWrites(); // the lists are measured on the loaded database, not during its write-back
    server = await startNode(SERVER, env);
    const total = await probe(server.url);
    const url = `${server.url}${QUERY}`;
    const headers = { authorization: V1_AUTH };
    await autocannon({ url, headers, connections: 4, duration: 2 }); // warm caches and JIT
    const one = await measure('1 connection', { url, headers, connections: 1, duration: 5 });
    // The server's own CPU per request at 50 connections: on a shared machine req/s alone says little.
    const cpu = cpuSeconds(server.pid);
    const fifty = await measure('50 connections', { url, headers, connections: 50, duration: 5 });
    const cpuMs = ((cpuSeconds(server.pid) - cpu) * 1000) / Math.max(1, fifty.rps * 5);
    const figure = `V1 GET /orders?orderStatus=awaiting_shipment&pageSize=100, ${label} orders (${total.toLocaleString('en-US')} match)`;
    return [
      { figure: `seed ${seeded.toLocaleString('en-US')} orders (bench/seed-orders.ts)`, engine: engineName(engine), value: `${seconds.toFixed(1)} s`, target: '< 60 s', met: seconds < 60 },
      { figure: `${figure}, 1 connection`, engine: engineName(engine), value: `p99 ${one.p99} ms, p50 ${one.p50} ms, ${one.rps} req/s`, target: 'p99 <= 20 ms', met: one.p99 <= 20 && one.non2xx === 0 },
      {
        figure: `${figure}, 50 connections`,
        engine: engineName(engine),
        value: `${fifty.rps.toLocaleString('en-US')} req/s, p99 ${fifty.p99} ms, server CPU ${cpuMs.toFixed(2)} ms/req`,
        ofBare: `${((100 * fifty.rps) / bareRps).toFixed(1)}%`,
        target: '>= 500 req/s',
        met: fifty.rps >= 500 && fifty.non2xx === 0,
      },
    ];
  } finally {
    await server?.stop();
    // Let the seeding pool's clients finish closing: a forced drop would kill them mid-close.
    await new Promise((resolve) => setTimeout(resolve, 500));
    await scratch?.drop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The 1M-orders figures per engine (bench/run.ts collects them into the combined table). */
export async function figures(run: BenchRun): Promise<BenchRow[]> {
  const rows: BenchRow[] = [];
  for (const engine of run.engines) rows.push(...(await onEngine(engine, run.bareRps)));
  return rows;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const bare = await startNode('bench/bare-server.ts', {});
  const baseline = await measure('bare Fastify GET', { url: `${bare.url}/bare`, connections: 50, duration: 5 });
  await bare.stop();
  const rows = await figures({ engines: engines(), bareRps: baseline.rps });
  console.log(`\nbare Fastify (1 KB JSON, 50 connections): ${baseline.rps.toLocaleString('en-US')} req/s`);
  for (const r of rows) console.log(`${r.figure.padEnd(100)} ${r.engine.padEnd(9)} ${r.value.padEnd(36)} ${(r.ofBare ?? '').padStart(6)}  ${r.target.padEnd(14)} ${r.met ? 'met' : 'NOT met'}`);
}
