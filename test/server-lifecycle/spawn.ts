// Starts the real compiled server (`node dist/server.js`, as `npm start` does) in a child process.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { ensureFreshBuild } from '../../scripts/build-freshness.mjs';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const API_KEY = 'lifecycle-api-key';

let built: Promise<boolean> | null = null;
/** Builds dist/ once per test process when it is missing or older than src/. */
export const ensureBuilt = () => (built ??= ensureFreshBuild());

export async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

export interface Spawned {
  child: ChildProcess;
  port: number;
  url: string;
  stdout(): string;
  stderr(): string;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Waits until stdout contains a line matching `pattern`, and returns that line. */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  stop(): Promise<number | null>;
}

export function spawnProcess(command: string, args: string[], env: Record<string, string>, port: number): Spawned {
  const child = spawn(command, args, { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  const waiters: Array<() => void> = [];
  child.stdout!.on('data', (chunk: Buffer) => {
    out += chunk.toString();
    for (const wake of waiters.splice(0)) wake();
  });
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => {
    for (const wake of waiters.splice(0)) wake();
    resolve(code);
  }));
  let exitCode: number | null | undefined;
  void exited.then((code) => (exitCode = code));
  const spawned: Spawned = {
    child,
    port,
    url: `http://127.0.0.1:${port}`,
    stdout: () => out,
    stderr: () => err,
    exited,
    async waitForLine(pattern, timeoutMs = 120_000) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const line = out.split('\n').find((l) => pattern.test(l));
        if (line !== undefined) return line;
        if (exitCode !== undefined) throw new Error(`exited (${exitCode}) before ${pattern}; stdout:\n${out}\nstderr:\n${err}`);
        if (Date.now() > deadline) throw new Error(`no line ${pattern} in ${timeoutMs} ms; stdout:\n${out}\nstderr:\n${err}`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, 200);
          waiters.push(() => (clearTimeout(timer), resolve()));
        });
      }
    },
    async stop() {
      if (exitCode === undefined) child.kill('SIGTERM');
      return exited;
    },
  };
  return spawned;
}

/** A fresh, empty database for one server: a temp directory, or a schema in DATABASE_URL. */
export async function freshDatabase(): Promise<{ env: Record<string, string>; cleanup(): Promise<void> }> {
  if (!process.env.DATABASE_URL) {
    const dir = mkdtempSync(join(tmpdir(), 'shipdock-lifecycle-'));
    return { env: { DATABASE_URL: '', SHIPDOCK_DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }
  // t_ prefix: scripts/run-tests.mjs drops these schemas before the next run.
  const schema = `t_life_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
  await client.connect();
  await client.query(`CREATE SCHEMA "${schema}"`);
  await client.end();
  const url = new URL(process.env.DATABASE_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  return { env: { DATABASE_URL: url.toString() }, cleanup: async () => {} };
}

/** `node dist/server.js` on a free port and a fresh database; stdout is a pipe (so logs are JSON). */
export async function startServer(env: Record<string, string> = {}): Promise<Spawned & { cleanup(): Promise<void> }> {
  await ensureBuilt();
  const port = await freePort();
  const database = await freshDatabase();
  const spawned = spawnProcess(process.execPath, ['dist/server.js'], { SHIPDOCK_API_KEY: API_KEY, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'info', ...database.env, ...env }, port);
  return { ...spawned, cleanup: database.cleanup };
}

export const jsonLines = (text: string) =>
  text
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
