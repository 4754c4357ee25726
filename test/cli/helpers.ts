// A scratch database for CLI tests on either engine: a temporary data directory (SQLite), or a fresh
// schema reached through the connection string's search_path (PostgreSQL; the runner drops t_* schemas).
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { runCli } from '../../src/cli.ts';

export interface CliRun {
  code: number;
  out: string;
  err: string;
}

export interface CliScratch {
  env: Record<string, string>;
  run(...args: string[]): Promise<CliRun>;
  /** `--json` output, parsed (fails the test on a non-zero exit). */
  json<T = unknown>(...args: string[]): Promise<T>;
  close(): Promise<void>;
}

export async function cliScratch(): Promise<CliScratch> {
  let env: Record<string, string>;
  let cleanup: () => Promise<void>;
  const url = process.env.DATABASE_URL;
  if (url) {
    const schema = `t_${randomBytes(6).toString('hex')}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE SCHEMA "${schema}"`);
    await admin.end();
    env = cliEnvFor({ schema }, '');
    cleanup = async () => {};
  } else {
    const dir = mkdtempSync(join(tmpdir(), 'shipdock-cli-'));
    env = { SHIPDOCK_DATA_DIR: dir, DATABASE_URL: '' };
    cleanup = async () => rmSync(dir, { recursive: true, force: true });
  }
  const run = async (...args: string[]): Promise<CliRun> => {
    const out: string[] = [];
    const err: string[] = [];
    const code = await runCli(args, env, (l) => out.push(l), (l) => err.push(l));
    return { code, out: out.join('\n'), err: err.join('\n') };
  };
  return {
    env,
    run,
    async json<T>(...args: string[]) {
      const result = await run(...args, '--json');
      if (result.code !== 0) throw new Error(`shipdock ${args.join(' ')} exited ${result.code}: ${result.err}`);
      return JSON.parse(result.out) as T;
    },
    close: cleanup,
  };
}

/** The CLI environment for a test app's database: its PostgreSQL schema, or the data directory it was started on. */
export function cliEnvFor(app: { schema?: string }, dataDir: string): Record<string, string> {
  const url = process.env.DATABASE_URL;
  if (!url) return { SHIPDOCK_DATA_DIR: dataDir, DATABASE_URL: '' };
  const scoped = new URL(url);
  scoped.searchParams.set('options', `-c search_path=${app.schema}`);
  return { DATABASE_URL: scoped.toString() };
}
