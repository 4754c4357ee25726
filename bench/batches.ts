// A label batch of N domestic UPS shipments processed to completed, combined PDF included, by the
// server as `npm start` runs it (dist/, its own job runner): wall time (buying, then the combined
// file), the server's peak RSS (VmHWM) and CPU seconds, all threads. Each engine gets a fresh server.
// Run: npm run bench -- batches (N = 10,000; `--quick` for 2,000; `tsx bench/batches.ts 1000` for
// any N; BATCH_BENCH_PROFILE=dir writes a CPU profile of the server there). SQLite in a temp dir;
// PostgreSQL too with DATABASE_URL.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { BENCH_KEYS, cpuSeconds, engines, startShipdock, type BenchRow, type BenchRun } from './lib.ts';

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
  /** the server's peak RSS over its life (VmHWM) */
  peakRssMb: number;
  /** RSS sampled while buying, and while writing the combined file (the render pool's threads then run) */
  buyRssMb: number;
  combineRssMb: number;
  cpuSeconds: number;
}

const address = (name: string, line1: string, city: string, state: string, zip: string) => ({
  name, phone: '512-555-0100', address_line1: line1, city_locality: city, state_province: state, postal_code: zip, country_code: 'US',
});

/** A figure of /proc/<pid>/status in MB (Linux; 0 elsewhere). */
function statusMb(pid: number | undefined, field: 'VmRSS' | 'VmHWM'): number {
  try {
    const kb = new RegExp(`^${field}:\\s+(\\d+) kB`, 'm').exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1];
    return Number(kb ?? 0) / 1024;
  } catch {
    return 0;
  }
}

async function runBatch(engine: 'sqlite' | 'postgres', n: number): Promise<BatchResult> {
  const profile = process.env.BATCH_BENCH_PROFILE;
  const server = await startShipdock(engine, {}, profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []);
  const call = async (method: 'GET' | 'POST', path: string, payload?: unknown) => {
    const res = await fetch(`${server.url}${path}`, {
      method,
      headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY, ...(payload ? { 'content-type': 'application/json' } : {}) },
      body: payload ? JSON.stringify(payload) : undefined,
    });
    if (res.status >= 300) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.status === 204 ? null : res.json();
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
    const rssSamples: [number, number][] = [];
    const sampler = setInterval(() => rssSamples.push([Date.now(), statusMb(server.pid, 'VmRSS')]), 100);
    const started = Date.now();
    const cpuBefore = cpuSeconds(server.pid);
    await call('POST', `/v2/batches/${batch.batch_id}/process/labels`, { label_format: 'pdf', label_layout: '4x6' });
    let done;
    // The server's job runner does the work; the batch reports completed once the combined file is written.
    while (['queued', 'processing', 'notifying'].includes((done = await call('GET', `/v2/batches/${batch.batch_id}`)).status)) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const ended = Date.now();
    clearInterval(sampler);
    const cpu = cpuSeconds(server.pid) - cpuBefore;
    const peakRssMb = statusMb(server.pid, 'VmHWM');
    if (done.status !== 'completed' || done.completed !== n) throw new Error(`batch ended ${done.status} with ${done.completed}/${n} labels`);
    const file = await fetch(`${server.url}${new URL(done.label_download.href).pathname}`, { headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY } });
    const combinedBytes = (await file.arrayBuffer()).byteLength;
    // The batch's processed_at is stamped when buying ends and the combined file starts.
    const combineStarted = Date.parse(done.processed_at);
    const peakOf = (from: number, to: number) => Math.max(0, ...rssSamples.filter(([at]) => at >= from && at < to).map(([, rss]) => rss));
    return {
      engine,
      n,
      seconds: (ended - started) / 1000,
      buySeconds: (combineStarted - started) / 1000,
      combineSeconds: (ended - combineStarted) / 1000,
      combinedMb: combinedBytes / 1e6,
      peakRssMb,
      buyRssMb: peakOf(started, combineStarted),
      combineRssMb: peakOf(combineStarted, ended + 1),
      cpuSeconds: cpu,
    };
  } finally {
    await server.stop();
  }
}

const describe = (r: BatchResult) =>
  `${r.seconds.toFixed(1)} s (buy ${r.buySeconds.toFixed(1)} s + combined PDF ${r.combineSeconds.toFixed(1)} s), ${(r.n / r.seconds).toFixed(0)} labels/s, ` +
  `peak RSS ${r.peakRssMb.toFixed(0)} MB (buying ${r.buyRssMb.toFixed(0)}, combining ${r.combineRssMb.toFixed(0)}), CPU ${r.cpuSeconds.toFixed(1)} s all threads, PDF ${r.combinedMb.toFixed(1)} MB`;

export async function figures(run?: BenchRun): Promise<BenchRow[]> {
  const quick = process.argv.includes('--quick');
  const n = Number(process.env.BATCH_BENCH_N ?? (quick ? QUICK : FULL));
  const scale = n / FULL;
  const rows: BenchRow[] = [];
  for (const engine of run?.engines ?? engines()) {
    const r = await runBatch(engine, n);
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
  const n = process.argv.slice(2).find((a) => /^\d+$/.test(a));
  if (n) process.env.BATCH_BENCH_N = n;
  for (const row of await figures()) console.log(`${row.figure} [${row.engine}]: ${row.value}  target ${row.target}  ${row.met ? 'met' : 'NOT met'}`);
  process.exit(0);
}
