// A label batch of N domestic shipments processed to completed, combined PDF included, by the
// job runner in this process: labels per second and peak RSS. Run: npm run bench -- batches
// (N = 10,000; `BATCH_BENCH_N=1000 npm run bench -- batches` or `tsx bench/batches.ts 1000` for fewer). SQLite in a temp dir; PostgreSQL too with DATABASE_URL.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { bootstrap, createContext } from '../src/server.ts';
import { runDueJobs } from '../src/jobs/runner.ts';
import { BENCH_KEYS, engines } from './lib.ts';

const N = Number(process.env.BATCH_BENCH_N ?? process.argv[2] ?? 10_000);

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});

async function run(engine: 'sqlite' | 'postgres') {
  let schema: string | undefined;
  if (engine === 'postgres') {
    schema = `bench_${Date.now()}`;
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    await client.query(`CREATE SCHEMA "${schema}"`);
    await client.end();
  }
  const config = loadConfig({
    ...BENCH_KEYS,
    SHIPDOCK_DATA_DIR: mkdtempSync(join(tmpdir(), 'shipdock-bench-')),
    SHIPDOCK_RATE_LIMIT_V1: '0',
    SHIPDOCK_RATE_LIMIT_V2: '0',
    LOG_LEVEL: 'silent',
    DATABASE_URL: engine === 'postgres' ? process.env.DATABASE_URL! : '',
  });
  const ctx = await createContext(config, { schema });
  await bootstrap(ctx.database, config, ctx.clock);
  const app = await buildApp(ctx);
  await app.ready();
  const call = async (method: 'GET' | 'POST', url: string, payload?: unknown) => {
    const res = await app.inject({ method, url, payload: payload as object, headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY } });
    if (res.statusCode >= 300) throw new Error(`${method} ${url}: ${res.statusCode} ${res.body}`);
    return res.statusCode === 204 ? null : res.json();
  };
  try {
    const ups = (await call('GET', '/v2/carriers')).carriers.find((c: { carrier_code: string }) => c.carrier_code === 'ups').carrier_id;
    const shipment = (i: number) => ({
      carrier_id: ups,
      service_code: 'ups_ground',
      ship_from: address('Dock', '500 W 2nd St', 'Austin', 'TX', '78701'),
      ship_to: address(`Buyer ${i}`, '123 Atlantic Ave', 'Brooklyn', 'NY', '11201'),
      packages: [{ weight: { value: 1 + (i % 20), unit: 'pound' } }],
    });
    const batch = await call('POST', '/v2/batches', { batch_notes: `bench ${N}` });
    for (let start = 0; start < N; start += 100) {
      const made = await call('POST', '/v2/shipments', { shipments: Array.from({ length: Math.min(100, N - start) }, (_, i) => shipment(start + i)) });
      await call('POST', `/v2/batches/${batch.batch_id}/add`, { shipment_ids: made.shipments.map((s: { shipment_id: string }) => s.shipment_id) });
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    await call('POST', `/v2/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' });
    while ((await runDueJobs(ctx)) > 0);
    const seconds = (performance.now() - started) / 1000;
    const cpu = process.cpuUsage(cpuBefore);
    const done = await call('GET', `/v2/batches/${batch.batch_id}`);
    if (done.status !== 'completed' || done.completed !== N) throw new Error(`batch ended ${done.status} with ${done.completed}/${N} labels`);
    const pdf = await app.inject({ method: 'GET', url: done.label_download.href.replace(config.publicUrl, '') });
    console.log(
      `batch of ${N} [${engine}]: ${seconds.toFixed(1)} s, ${(N / seconds).toFixed(0)} labels/s, combined PDF ${(pdf.rawPayload.length / 1e6).toFixed(1)} MB, ` +
        `peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MB, CPU ${((cpu.user + cpu.system) / 1e6).toFixed(1)} s (all threads; compare with the wall time on a busy machine)`,
    );
  } finally {
    await app.close();
    await ctx.database.close();
  }
}

for (const engine of engines()) await run(engine);
