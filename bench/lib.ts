// Shared by the bench scripts: start servers as child processes, drive them with autocannon on loopback.
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { chmodSync, existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir, cpus } from 'node:os';
import { join } from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';

export const BENCH_KEYS = {
  SHIPDOCK_V1_API_KEY: 'benchv1key',
  SHIPDOCK_V1_API_SECRET: 'benchv1secret',
  SHIPDOCK_API_KEY: 'bench-api-key',
  SHIPDOCK_PARTNER_API_KEY: 'bench-partner-key',
};
export const V1_AUTH = `Basic ${Buffer.from('benchv1key:benchv1secret').toString('base64')}`;

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

let built = false;
/** dist/ rebuilt once here when src/ is newer, not by every server the bench starts (they would race). */
async function ensureBuilt() {
  if (built) return;
  const { staleReason } = (await import('../scripts/build-freshness.mjs')) as { staleReason(): string | null };
  if (staleReason() && spawnSync(process.execPath, ['scripts/build.mjs'], { stdio: 'inherit' }).status !== 0) throw new Error('npm run build failed');
  built = true;
}

export interface Running {
  url: string;
  /** The server's process id (its CPU time: see cpuSeconds). */
  pid?: number;
  stop(): Promise<void>;
}

/** CPU time (user + system) a process has used so far, in seconds (Linux /proc; 0 elsewhere). */
export function cpuSeconds(pid: number | undefined): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1].split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0;
  }
}

export async function startNode(script: string, env: Record<string, string>, readyText = 'listening', nodeArgs: string[] = []): Promise<Running> {
  const port = await freePort();
  // Compiled JavaScript (dist/, what `npm start` runs) needs no TypeScript loader.
  const loader = script.endsWith('.js') ? [] : ['--import', 'tsx'];
  if (script.startsWith('dist/')) await ensureBuilt();
  const child: ChildProcess = spawn(process.execPath, [...nodeArgs, ...loader, script], {
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} did not start within 180 s`));
    }, 180_000);
    child.stdout!.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes(readyText)) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
  });
  return {
    url: `http://127.0.0.1:${port}`,
    pid: child.pid,
    stop: () =>
      new Promise((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** A fresh schema in DATABASE_URL, so every run starts from an empty, current database. */
export async function freshPostgresUrl(): Promise<string> {
  const schema = `bench_${Date.now()}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  const url = new URL(process.env.DATABASE_URL!);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return url.toString();
}

/** The server as `npm start` runs it: the compiled build (rebuilt first when src/ is newer). */
export const SERVER = 'dist/server.js';

/** Shipdock on the embedded database (fresh temp dir) or on DATABASE_URL (fresh schema), with limits off. */
export async function startShipdock(engine: 'sqlite' | 'postgres', extra: Record<string, string> = {}, nodeArgs: string[] = []): Promise<Running> {
  const env: Record<string, string> = { ...BENCH_KEYS, SHIPDOCK_RATE_LIMIT_V1: '0', SHIPDOCK_RATE_LIMIT_V2: '0', ...extra };
  if (engine === 'sqlite') {
    env.SHIPDOCK_DATA_DIR = mkdtempSync(join(tmpdir(), 'shipdock-bench-'));
    env.DATABASE_URL = '';
  } else {
    env.DATABASE_URL = await freshPostgresUrl();
  }
  return startNode(SERVER, env, 'listening', nodeArgs);
}

export interface Measured {
  label: string;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
  /** How long until every connection had its first answer (excluded from the figures). */
  warmupMs?: number;
}

/** Longest wait for every connection's first answer before the window opens anyway (a connection that never answers). */
const MAX_WARMUP_MS = 15_000;

/**
 * Steady-state load: the measured window (`duration` seconds) opens once every connection has had an
 * answer. Node 20's libuv accepts one connection per event-loop turn, so when a route keeps the loop
 * busy (~100 ms a turn at 50 connections x 2 ms), the last of 50 simultaneous connects waits seconds
 * to be accepted: that is connection set-up, not the route's latency, and it decided the POST p99s.
 */
export async function measure(label: string, options: autocannon.Options): Promise<Measured> {
  const connections = options.connections ?? 10;
  const seconds = Number(options.duration ?? 5);
  const answered = new Set<unknown>();
  const latencies: number[] = [];
  let windowOpen = 0;
  let windowClose = 0;
  let nonSuccess = 0;
  const started = performance.now();
  let settle!: (error: Error | null, result: autocannon.Result) => void;
  const done = new Promise<autocannon.Result>((resolve, reject) => (settle = (error, result) => (error ? reject(error) : resolve(result))));
  const instance = autocannon({ ...options, connections, duration: seconds + MAX_WARMUP_MS / 1000 + 1 }, (error, result) => settle(error, result));
  const opened = new Promise<void>((resolve) => {
    const timer = setTimeout(() => open(), MAX_WARMUP_MS);
    const open = () => {
      clearTimeout(timer);
      windowOpen = performance.now();
      setTimeout(() => {
        windowClose = performance.now();
        instance.stop();
      }, seconds * 1000);
      resolve();
    };
    instance.on('response', (client: unknown, statusCode: number, _bytes: number, responseTime: number) => {
      if (statusCode < 200 || statusCode > 299) nonSuccess++;
      if (windowClose) return;
      if (windowOpen) {
        latencies.push(responseTime);
        return;
      }
      answered.add(client);
      if (answered.size === connections) open();
    });
  });
  const result = await done;
  await opened;
  const windowMs = (windowClose || performance.now()) - windowOpen;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.max(0, Math.ceil(q * latencies.length) - 1)] ?? 0);
  return {
    label,
    rps: Math.round((latencies.length * 1000) / windowMs),
    p50: at(0.5),
    p99: at(0.99),
    non2xx: nonSuccess + result.errors,
    warmupMs: Math.round(windowOpen - started),
  };
}

export function report(title: string, rows: Measured[], baseline?: Measured) {
  console.log(`\n${title}  (${cpus().length} cores, loopback, autocannon 10 connections x 5 s)`);
  console.log(`${'endpoint'.padEnd(44)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'vs bare'.padStart(8)} non-2xx`);
  for (const r of rows) {
    const ratio = baseline ? `${((100 * r.rps) / baseline.rps).toFixed(0)}%` : '';
    console.log(`${r.label.padEnd(44)} ${String(r.rps).padStart(8)} ${String(r.p50).padStart(7)} ${String(r.p99).padStart(7)} ${ratio.padStart(8)} ${r.non2xx}`);
  }
}

export const engines = (): ('sqlite' | 'postgres')[] => (process.env.DATABASE_URL ? ['sqlite', 'postgres'] : ['sqlite']);

/**
 * One row of the table `npm run bench` prints. Every bench module exports
 * `figures(run: BenchRun): Promise<BenchRow[]>`; bench/run.ts collects them into one table.
 */
export interface BenchRow {
  /** e.g. 'GET /v2/labels/{id}', 'V1 GET /orders, 1M orders, 1 connection', 'cold start to first 200' */
  figure: string;
  engine: 'embedded' | 'postgres' | 'in process';
  /** the measurement as printed, e.g. '14,210 req/s, p99 6 ms' */
  value: string;
  /** share of the bare-Fastify ceiling measured in the same run, when the figure is a throughput */
  ofBare?: string;
  /** the issue's target, as printed, e.g. '>= 50% of bare' */
  target: string;
  met: boolean;
}

export interface BenchRun {
  engines: ('sqlite' | 'postgres')[];
  /** req/s of the bare Fastify server (1 KB JSON) at 50 connections, measured at the start of this run */
  bareRps: number;
  /** The bare server, kept running through the run for ratios measured alternately (alternatingWithBare). */
  bareUrl?: string;
}

/** The issue's load: 50 connections on loopback. Short runs keep `npm run bench` to a few minutes. */
export const LOAD = { connections: 50, duration: 3 };

/** Median (by req/s) of `runs` measurements: one slow second on a shared machine does not decide a figure. */
export async function medianOf(runs: number, once: () => Promise<Measured>): Promise<Measured> {
  const all: Measured[] = [];
  for (let i = 0; i < runs; i++) all.push(await once());
  all.sort((a, b) => a.rps - b.rps);
  const mid = all[Math.floor(all.length / 2)];
  return { ...mid, non2xx: all.reduce((n, m) => n + m.non2xx, 0) };
}

export const engineName = (engine: 'sqlite' | 'postgres'): BenchRow['engine'] => (engine === 'sqlite' ? 'embedded' : 'postgres');
export const rpsText = (m: Measured, unit = 'req/s') =>
  `${m.rps.toLocaleString('en-US')} ${unit}, p99 ${m.p99} ms${m.non2xx ? `, ${m.non2xx} non-2xx` : ''}`;
export const ofBare = (m: Measured, run: BenchRun, bareRps = run.bareRps) => `${((100 * m.rps) / bareRps).toFixed(0)}%`;

/**
 * The issue's method for a ratio: three runs of the figure alternating with three of the bare server
 * (median of each), so a machine that gets busier or quieter during the bench moves both alike.
 * Without a bare server in the run (a module run alone), the ceiling measured at the start stands.
 */
export async function alternatingWithBare(run: BenchRun, once: () => Promise<Measured>): Promise<{ m: Measured; bareRps: number }> {
  if (!run.bareUrl) return { m: await medianOf(3, once), bareRps: run.bareRps };
  const bare: Measured[] = [];
  const mine: Measured[] = [];
  for (let i = 0; i < 3; i++) {
    bare.push(await measure('bare', { url: `${run.bareUrl}/bare`, ...LOAD }));
    mine.push(await once());
  }
  const median = (all: Measured[]) => [...all].sort((a, b) => a.rps - b.rps)[1];
  return { m: { ...median(mine), non2xx: mine.reduce((n, x) => n + x.non2xx, 0) }, bareRps: median(bare).rps };
}

/** A throughput row measured against the bare ceiling: `percent` of bare is the target. */
export function ratioRow(figure: string, engine: 'sqlite' | 'postgres', m: Measured, run: BenchRun, percent: number, bareRps = run.bareRps): BenchRow {
  return {
    figure,
    engine: engineName(engine),
    value: `${rpsText(m)} (bare ${bareRps.toLocaleString('en-US')})`,
    ofBare: ofBare(m, run, bareRps),
    target: `>= ${percent}% of bare`,
    met: m.non2xx === 0 && m.rps * 100 >= percent * bareRps,
  };
}

/** A throughput row with an absolute target (and optionally a p99 bound). */
export function absoluteRow(figure: string, engine: 'sqlite' | 'postgres', m: Measured, run: BenchRun, minRps: number, unit = 'req/s', maxP99?: number): BenchRow {
  return {
    figure,
    engine: engineName(engine),
    value: rpsText(m, unit),
    ofBare: ofBare(m, run),
    target: `>= ${minRps.toLocaleString('en-US')} ${unit}${maxP99 ? `, p99 <= ${maxP99} ms` : ''}`,
    met: m.non2xx === 0 && m.rps >= minRps && (maxP99 === undefined || m.p99 <= maxP99),
  };
}

/**
 * A throwaway PostgreSQL cluster (like .ci/run) when DATABASE_URL is not set and `initdb` exists.
 * Returns null when there is no PostgreSQL on this machine.
 */
export async function throwawayPostgres(): Promise<{ url: string; stop(): void } | null> {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))) : [];
  if (versions.length === 0) return null;
  const bin = join(root, versions.sort((a, b) => Number(a) - Number(b)).at(-1)!, 'bin');
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-bench-pg-'));
  chmodSync(dir, 0o777);
  const port = await freePort();
  const asRoot = process.getuid?.() === 0;
  const sh = (command: string) => {
    const result = asRoot
      ? spawnSync('su', ['postgres', '-s', '/bin/bash', '-c', command], { stdio: 'ignore' })
      : spawnSync('bash', ['-c', command], { stdio: 'ignore' });
    return result.status === 0;
  };
  if (!sh(`'${bin}/initdb' -D '${dir}/data' -U postgres -A trust`)) return null;
  const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off`;
  if (!sh(`'${bin}/pg_ctl' -D '${dir}/data' -o '${options}' -l '${dir}/log' -w start`)) return null;
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop: () => void sh(`'${bin}/pg_ctl' -D '${dir}/data' -m immediate stop`),
  };
}

/**
 * The cluster's dirty buffers checkpointed, the kernel's dirty pages written: run before each
 * module (run.ts) and between a bulk load and its measurement (orders.ts), so no figure pays for
 * writes made before it. Measured without: the embedded 1M-order seed (3 GB written) took 36 s
 * alone and 60 s after the batch modules; PostgreSQL's cold start 1.2-1.3 s alone, 1.5 s after them.
 */
export async function settleWrites(): Promise<void> {
  if (process.env.DATABASE_URL) {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    try {
      await client.connect();
      await client.query('checkpoint');
    } catch {
      // CHECKPOINT needs a superuser (or pg_checkpoint): a user's own DATABASE_URL may not have one.
    } finally {
      await client.end().catch(() => {});
    }
  }
  spawnSync('sync');
}
