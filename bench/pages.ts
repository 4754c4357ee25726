// Server-side render time of every dashboard page over 100k orders: median and p95 of a few
// dozen requests through app.inject with a signed-in session (target: 50 ms each).
// Run: npm run bench -- pages   (DATABASE_URL adds PostgreSQL)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { buildApp } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { bootstrap, createContext } from '../src/server.ts';
import { engines } from './lib.ts';
import { seedOrders } from './seed-orders.ts';

const ORDERS = 100_000;
const WARMUP = 5;
const RUNS = 40;
const TARGET_MS = 50;
const ADMIN = { email: 'bench@example.com', password: 'bench-password-123' };

async function signIn(app: FastifyInstance): Promise<string> {
  const login = await app.inject({ method: 'GET', url: '/app/login', headers: { accept: 'text/html' } });
  const token = /name="_csrf" value="([^"]+)"/.exec(login.body)![1];
  const jar = new Map((login.cookies as { name: string; value: string }[]).map((c) => [c.name, c.value]));
  const cookie = () => [...jar].map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('; ');
  const response = await app.inject({
    method: 'POST',
    url: '/app/login',
    headers: { accept: 'text/html', cookie: cookie(), 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ _csrf: token, ...ADMIN }).toString(),
  });
  if (response.statusCode !== 303) throw new Error(`sign-in failed: ${response.statusCode}`);
  for (const c of response.cookies as { name: string; value: string }[]) jar.set(c.name, c.value);
  return cookie();
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

for (const engine of engines()) {
  const dataDir = mkdtempSync(join(tmpdir(), 'shipdock-bench-pages-'));
  const config = loadConfig({
    SHIPDOCK_DATA_DIR: dataDir,
    SHIPDOCK_ADMIN_EMAIL: ADMIN.email,
    SHIPDOCK_ADMIN_PASSWORD: ADMIN.password,
    LOG_LEVEL: 'silent',
    DATABASE_URL: engine === 'postgres' ? process.env.DATABASE_URL! : '',
  });
  const schema = engine === 'postgres' ? `bench_pages_${process.pid}` : undefined;
  const ctx = await createContext(config, { schema });
  try {
    await bootstrap(ctx.database, config, ctx.clock);
    const started = performance.now();
    await seedOrders(ctx.database.db, ORDERS, engine === 'postgres');
    console.log(`\n[${engine}] seeded ${ORDERS.toLocaleString('en-US')} orders in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const app = await buildApp(ctx);
    await app.ready();
    const cookie = await signIn(app);
    const someOrder = await ctx.database.db.selectFrom('orders').select('id').where('account_id', '=', 1).orderBy('id', 'desc').executeTakeFirstOrThrow();
    const pages = [
      '/app',
      '/app/orders',
      '/app/orders?status=shipped',
      '/app/orders?status=awaiting_shipment&page=50',
      '/app/orders?q=Customer%2042',
      `/app/orders/${someOrder.id}`,
      '/app/shipments',
      '/app/batches',
      '/app/carriers',
      '/app/webhooks',
      '/app/sandbox',
      '/app/inventory',
      '/app/settings/api',
      '/app/settings/plan',
    ];
    console.log(`page | median ms | p95 ms | ≤ ${TARGET_MS} ms`);
    console.log('---|---:|---:|---');
    for (const url of pages) {
      const times: number[] = [];
      for (let i = 0; i < WARMUP + RUNS; i++) {
        const t0 = performance.now();
        const response = await app.inject({ method: 'GET', url, headers: { accept: 'text/html', cookie } });
        const ms = performance.now() - t0;
        if (response.statusCode !== 200) throw new Error(`${url} answered ${response.statusCode}`);
        if (i >= WARMUP) times.push(ms);
      }
      times.sort((a, b) => a - b);
      const median = percentile(times, 50);
      const p95 = percentile(times, 95);
      console.log(`${url} | ${median.toFixed(1)} | ${p95.toFixed(1)} | ${p95 <= TARGET_MS ? 'yes' : 'NO'}`);
    }
    await app.close();
  } finally {
    if (schema) await sql`DROP SCHEMA IF EXISTS ${sql.id(schema)} CASCADE`.execute(ctx.database.db);
    await ctx.database.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}
