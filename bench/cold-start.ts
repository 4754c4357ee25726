// Cold start and idle memory of the compiled server, as `npm start` runs it (`node dist/server.js`):
// spawn → first 200 on GET /v2/warehouses, on a fresh database each time (migrations included),
// and the resident memory 2 s later. A bare Fastify server started the same way gives the floor.
// Run alone: npx tsx bench/cold-start.ts   (set DATABASE_URL to add PostgreSQL)
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { ensureFreshBuild } from '../scripts/build-freshness.mjs';
import { BENCH_KEYS, engines, freePort, freshPostgresUrl, type BenchRow, type BenchRun } from './lib.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = 3;
const IDLE_MS = 2000;
const TARGET_START_MS = 1500;
const TARGET_RSS_MB = 150;

const BARE = `import Fastify from 'fastify';
const app = Fastify();
app.get('/v2/warehouses', async () => ({ warehouses: [] }));
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });`;

interface Start {
  ms: number;
  /** CPU the process used until its first 200 (user + system), when /proc tells. */
  cpuMs: number | null;
  rssMb: number;
}

/** Linux /proc: CPU ticks (1/100 s) and resident set of a process. */
function cpuMsOf(pid: number): number | null {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) * 10;
  } catch {
    return null;
  }
}

function rssMbOf(pid: number, fallback: number): number {
  try {
    return Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))![1]) / 1024;
  } catch {
    return fallback;
  }
}

async function coldStart(args: string[], env: Record<string, string>): Promise<Start> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  let exited = false;
  child.once('exit', () => (exited = true));
  try {
    for (;;) {
      if (exited) throw new Error(`${args.join(' ')} exited before answering`);
      if (performance.now() - started > 60_000) throw new Error(`${args.join(' ')} did not answer in 60 s`);
      const ok = await fetch(`http://127.0.0.1:${port}/v2/warehouses`, { headers: { 'api-key': BENCH_KEYS.SHIPDOCK_API_KEY } }).then(
        (response) => response.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((resolve) => setTimeout(resolve, 5));
    }
    const ms = performance.now() - started;
    const cpuMs = cpuMsOf(child.pid!);
    await new Promise((resolve) => setTimeout(resolve, IDLE_MS));
    return { ms, cpuMs, rssMb: rssMbOf(child.pid!, Number.NaN) };
  } finally {
    if (!exited) {
      const gone = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await gone;
    }
  }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function summary(starts: Start[]) {
  const cpu = starts.map((s) => s.cpuMs).filter((v): v is number => v !== null);
  return { ms: median(starts.map((s) => s.ms)), cpuMs: cpu.length ? median(cpu) : null, rssMb: median(starts.map((s) => s.rssMb)) };
}

async function shipdockEnv(engine: 'sqlite' | 'postgres'): Promise<{ env: Record<string, string>; cleanup: () => void }> {
  if (engine === 'postgres') return { env: { ...BENCH_KEYS, DATABASE_URL: await freshPostgresUrl() }, cleanup: () => {} };
  const dir = mkdtempSync(join(tmpdir(), 'shipdock-cold-'));
  return { env: { ...BENCH_KEYS, DATABASE_URL: '', SHIPDOCK_DATA_DIR: dir }, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

export async function figures(run: BenchRun): Promise<BenchRow[]> {
  await ensureFreshBuild();
  const rows: BenchRow[] = [];
  for (const engine of run.engines) {
    const bare: Start[] = [];
    const shipdock: Start[] = [];
    // Alternating, so a burst of load on the machine hits both alike.
    for (let i = 0; i < RUNS; i++) {
      bare.push(await coldStart(['--input-type=module', '-e', BARE], {}));
      const { env, cleanup } = await shipdockEnv(engine);
      try {
        shipdock.push(await coldStart(['dist/server.js'], env));
      } finally {
        cleanup();
      }
    }
    const s = summary(shipdock);
    const b = summary(bare);
    const cpu = s.cpuMs === null ? '' : `, CPU ${(s.cpuMs / 1000).toFixed(2)} s`;
    const bareCpu = b.cpuMs === null ? '' : `, CPU ${(b.cpuMs / 1000).toFixed(2)} s`;
    const name = engine === 'sqlite' ? 'embedded' : 'postgres';
    rows.push({
      figure: 'cold start to first 200 (GET /v2/warehouses, fresh database)',
      engine: name,
      value: `${(s.ms / 1000).toFixed(2)} s${cpu} (bare Fastify ${(b.ms / 1000).toFixed(2)} s${bareCpu})`,
      target: `<= ${TARGET_START_MS / 1000} s`,
      met: s.ms <= TARGET_START_MS,
    });
    rows.push({
      figure: `idle RSS of the server (${IDLE_MS / 1000} s after the first 200)`,
      engine: name,
      value: `${Math.round(s.rssMb)} MB (bare Fastify ${Math.round(b.rssMb)} MB)`,
      target: `<= ${TARGET_RSS_MB} MB`,
      met: s.rssMb <= TARGET_RSS_MB,
    });
  }
  return rows;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const rows = await figures({ engines: engines(), bareRps: 0 });
  console.log(`\nCold start (median of ${RUNS}, node dist/server.js)`);
  for (const row of rows) console.log(`${row.figure.padEnd(64)} ${row.engine.padEnd(9)} ${row.value.padEnd(58)} ${row.target.padEnd(9)} ${row.met ? 'met' : 'NOT met'}`);
}
