// A label batch of N domestic UPS shipments processed to completed, combined PDF included, by the
// job runner in this process: wall time (buying, then the combined file), peak RSS, CPU seconds.
// Each engine runs in a child process of its own, so one run's memory does not count in the next.
// Run: npm run bench -- batches (N = 10,000; `--quick` for 2,000; `tsx bench/batches.ts 1000` for
// any N; BATCH_BENCH_PROFILE=dir writes a CPU profile of each child there). SQLite in a temp dir;
// PostgreSQL too with DATABASE_URL.
import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import pg from 'pg';
import { BENCH_KEYS, engines, type BenchRow, type BenchRun } from './lib.ts';

const FULL = 10_000;
const QUICK = 2_000;

export interface BatchResult {
  engine: 'sqlite' | 'postgres';
  n: number;
  seconds: number;
  /** buying the labels (the job's first part) and writing the combined PDF (its end) */
  buySeconds: number;
  combineSeconds: number;
  combinedMb: number;
  peakRssMb: number;
  /** peak of the main thread's JS heap, sampled */
  peakHeapMb: number;
  /** RSS sampled while buying, and while writing the combined file (the render pool's threads then run) */
  buyRssMb: number;
  combineRssMb: number;
  cpuSeconds: number;
}

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});

/** One batch in this process. */
async function runBatch(engine: 'sqlite' | 'postgres', n: number): Promise<BatchResult> {
  const [{ loadConfig }, { buildApp }, { bootstrap, createContext }, { runDueJobs }] = await Promise.all([
    import('../src/config.ts'),
    import('../src/app.ts'),
    import('../src/server.ts'),
    import('../src/jobs/runner.ts'),
  ]);
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
    const batch = await call('POST', '/v2/batches', { batch_notes: `bench ${n}` });
    for (let start = 0; start < n; start += 100) {
      const made = await call('POST', '/v2/shipments', { shipments: Array.from({ length: Math.min(100, n - start) }, (_, i) => shipment(start + i)) });
      await call('POST', `/v2/batches/${batch.batch_id}/add`, { shipment_ids: made.shipments.map((s: { shipment_id: string }) => s.shipment_id) });
    }
    let peakHeap = 0;
    const rssSamples: [number, number][] = [];
    const sampler = setInterval(() => {
      const usage = process.memoryUsage();
      peakHeap = Math.max(peakHeap, usage.heapUsed);
      rssSamples.push([Date.now(), usage.rss]);
    }, 100);
    const started = Date.now();
    const cpuBefore = process.cpuUsage();
    await call('POST', `/v2/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' });
    while ((await runDueJobs(ctx)) > 0);
    const ended = Date.now();
    clearInterval(sampler);
    const cpu = process.cpuUsage(cpuBefore);
    const done = await call('GET', `/v2/batches/${batch.batch_id}`);
    if (done.status !== 'completed' || done.completed !== n) throw new Error(`batch ended ${done.status} with ${done.completed}/${n} labels`);
    // The combined file's row is made when writing it starts: the end of buying.
    const file = await ctx.database.db.selectFrom('stored_documents').select(['created_at', 'byte_size']).where('kind', '=', 'batch_labels').executeTakeFirstOrThrow();
    const combineStarted = Date.parse(file.created_at);
    const peakOf = (from: number, to: number) => Math.max(0, ...rssSamples.filter(([at]) => at >= from && at < to).map(([, rss]) => rss)) / 2 ** 20;
    return {
      engine,
      n,
      seconds: (ended - started) / 1000,
      buySeconds: (combineStarted - started) / 1000,
      combineSeconds: (ended - combineStarted) / 1000,
      combinedMb: Number(file.byte_size) / 1e6,
      peakRssMb: process.resourceUsage().maxRSS / 1024,
      peakHeapMb: peakHeap / 2 ** 20,
      buyRssMb: peakOf(started, combineStarted),
      combineRssMb: peakOf(combineStarted, ended + 1),
      cpuSeconds: (cpu.user + cpu.system) / 1e6,
    };
  } finally {
    await app.close();
    await ctx.database.close();
  }
}

/** One batch in a child process (its own peak RSS), optionally CPU-profiled. */
export function batchInChild(engine: 'sqlite' | 'postgres', n: number): Promise<BatchResult> {
  const profile = process.env.BATCH_BENCH_PROFILE;
  const args = ['--import', 'tsx', ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []), fileURLToPath(import.meta.url), '--child', engine, String(n)];
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.once('exit', (code) => {
      const line = out.split('\n').find((l) => l.startsWith('{'));
      if (code !== 0 || !line) reject(new Error(`batch bench child (${engine}, ${n}) exited ${code}: ${out}`));
      else resolve(JSON.parse(line) as BatchResult);
    });
  });
}

const describe = (r: BatchResult) =>
  `${r.seconds.toFixed(1)} s (buy ${r.buySeconds.toFixed(1)} s + combined PDF ${r.combineSeconds.toFixed(1)} s), ${(r.n / r.seconds).toFixed(0)} labels/s, ` +
  `peak RSS ${r.peakRssMb.toFixed(0)} MB (buying ${r.buyRssMb.toFixed(0)}, combining ${r.combineRssMb.toFixed(0)}, main heap ${r.peakHeapMb.toFixed(0)} MB), CPU ${r.cpuSeconds.toFixed(1)} s all threads, PDF ${r.combinedMb.toFixed(1)} MB`;

export async function figures(run?: BenchRun): Promise<BenchRow[]> {
  const quick = process.argv.includes('--quick');
  const n = Number(process.env.BATCH_BENCH_N ?? (quick ? QUICK : FULL));
  const scale = n / FULL;
  const rows: BenchRow[] = [];
  for (const engine of run?.engines ?? engines()) {
    const r = await batchInChild(engine, n);
    // Targets are for 10,000 labels; a smaller batch is held to the same labels per second.
    const seconds = (engine === 'sqlite' ? 60 : 90) * scale;
    rows.push({
      figure: `Batch of ${n.toLocaleString('en-US')} labels + combined PDF${n === FULL ? '' : ' (target scaled from 10,000)'}`,
      engine: engine === 'sqlite' ? 'embedded' : 'postgres',
      value: describe(r),
      target: engine === 'sqlite' ? `<= ${seconds.toFixed(0)} s, <= 400 MB peak RSS` : `<= ${seconds.toFixed(0)} s`,
      met: r.seconds <= seconds && (engine !== 'sqlite' || r.peakRssMb <= 400),
    });
  }
  return rows;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const child = process.argv.indexOf('--child');
  if (child >= 0) {
    const result = await runBatch(process.argv[child + 1] as 'sqlite' | 'postgres', Number(process.argv[child + 2]));
    console.log(JSON.stringify(result));
  } else {
    const n = process.argv.slice(2).find((a) => /^\d+$/.test(a));
    if (n) process.env.BATCH_BENCH_N = n;
    for (const row of await figures()) console.log(`${row.figure} [${row.engine}]: ${row.value}  target ${row.target}  ${row.met ? 'met' : 'NOT met'}`);
  }
  process.exit(0);
}
