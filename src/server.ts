// Entry point: `npm start` runs the compiled copy, `node dist/server.js`. Start order: the build is
// current, the configuration is valid and the port is free, all before anything else is printed or
// loaded; then the database, the generated credentials, the app, the job runner and the banner.
// The application modules are imported only then (dynamically), so a stale build is never linked
// and a configuration error answers in a few milliseconds.
import { createServer } from 'node:net';
import { hostname } from 'node:os';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Config } from './config.ts';
import type { Database } from './db/index.ts';
import type { Clock } from './domain/clock.ts';
import type { GeneratedCredentials } from './domain/accounts/bootstrap.ts';
import type { AppContext } from './api/common/context.ts';
import type { JobRunner } from './jobs/runner.ts';

/** Several processes may start at once on one PostgreSQL: the advisory lock lets one bootstrap at a time. */
export async function bootstrap(database: Database, config: Config, clock: Clock): Promise<Bootstrapped> {
  const [{ sql }, { ensureDefaultAccount }, { ensureAdminLogin }] = await Promise.all([
    import('kysely'),
    import('./domain/accounts/bootstrap.ts'),
    import('./domain/users-auth/logins.ts'),
  ]);
  return database.db.transaction().execute(async (tx) => {
    if (database.engine === 'postgres') await sql`SELECT pg_advisory_xact_lock(421337)`.execute(tx);
    const generated = await ensureDefaultAccount(tx, config, clock.nowIso());
    const dashboardLogin = await ensureAdminLogin(tx, config, clock.nowIso());
    return dashboardLogin ? { ...generated, dashboardLogin } : generated;
  });
}

/** Plus the dashboard sign-in of the default account when its password was generated on this start. */
export type Bootstrapped = GeneratedCredentials & { dashboardLogin?: { email: string; password: string } };

export async function createContext(config: Config, options: { schema?: string } = {}): Promise<AppContext> {
  const [{ openDatabase }, { Clock }, { registerJobHandlers }, { DatabaseRateLimiter, MemoryRateLimiter }, { keepHeapTight }] = await Promise.all([
    import('./db/index.ts'),
    import('./domain/clock.ts'),
    import('./job-handlers.ts'),
    import('./domain/limits/rate-limiter.ts'),
    import('./heap-growth.ts'),
  ]);
  keepHeapTight();
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: options.schema, backgroundCheckpoints: true });
  const clock = new Clock();
  registerJobHandlers();
  const rateLimiter = database.engine === 'postgres' ? new DatabaseRateLimiter(database.db) : new MemoryRateLimiter();
  return { config, database, clock, rateLimiter };
}

function printCredentials(generated: Bootstrapped) {
  const lines = [
    generated.dashboardLogin && `  Dashboard sign-in (/app): ${generated.dashboardLogin.email} / ${generated.dashboardLogin.password}`,
    generated.v1ApiKey && `  V1 API key:      ${generated.v1ApiKey}\n  V1 API secret:   ${generated.v1ApiSecret}`,
    generated.apiKey && `  API key (V2 and ShipEngine): ${generated.apiKey}`,
    generated.partnerApiKey && `  Partner API key: ${generated.partnerApiKey}`,
  ].filter(Boolean);
  if (lines.length === 0) return;
  console.log(`\nShipdock generated credentials for the default account (shown once; only their hashes are stored):\n${lines.join('\n')}\n`);
}

/** Exit code 2 with one line on stderr: a start-up problem the user can fix (configuration, port). */
function refuse(message: string): never {
  process.stderr.write(`shipdock: ${message}\n`);
  process.exit(2);
}

const PORT_PROBLEMS: Record<string, (where: string) => string> = {
  EADDRINUSE: (where) => `port already in use: ${where} (another server is listening there; set PORT to another port)`,
  EACCES: (where) => `no permission to listen on ${where} (ports below 1024 need privileges; set PORT)`,
  EADDRNOTAVAIL: (where) => `cannot listen on ${where}: HOST is not an address of this machine`,
};

function portProblem(error: unknown, config: Config): string | null {
  const code = (error as NodeJS.ErrnoException).code ?? '';
  const where = `${config.host.includes(':') ? `[${config.host}]` : config.host}:${config.port}`;
  return PORT_PROBLEMS[code]?.(where) ?? null;
}

/** Checks the port is free before bootstrap prints credentials (binding it, then letting it go). */
function checkPortFree(config: Config): Promise<unknown> {
  if (config.port === 0) return Promise.resolve(null);
  return new Promise((done) => {
    const probe = createServer();
    probe.once('error', (error) => done(error));
    probe.listen({ port: config.port, host: config.host, exclusive: true }, () => probe.close(() => done(null)));
  });
}

/** Where the data lives, without any password. */
export function describeDatabase(config: Config): string {
  if (!config.databaseUrl) {
    return config.dataDir === ':memory:' ? 'embedded SQLite, in memory (nothing is kept)' : `embedded SQLite at ${resolve(config.dataDir, 'shipdock.sqlite')}`;
  }
  const url = new URL(config.databaseUrl);
  const database = decodeURIComponent(url.pathname.replace(/^\//, '')) || url.username || 'postgres';
  return `PostgreSQL database "${database}" on ${url.hostname || 'localhost'}:${url.port || 5432}${url.username ? ` as ${decodeURIComponent(url.username)}` : ''}`;
}

export function surfacesUp(config: Config): string[] {
  return ['ShipStation V1 at /', 'ShipStation V2 at /v2', 'ShipEngine at /v1', ...(config.sandbox ? ['sandbox controls at /sandbox'] : [])];
}

/**
 * Start and stop lines: printed whatever LOG_LEVEL says (they are how a user and a supervisor see
 * the server come up and go down), as text on a terminal and as a JSON log line otherwise.
 */
function announcer(pretty: boolean) {
  return (message: string, facts: Record<string, unknown> = {}, details: string[] = []) => {
    if (pretty) console.log([message, ...details.map((line) => `  ${line}`)].join('\n'));
    else console.log(JSON.stringify({ level: 30, time: new Date().toISOString(), pid: process.pid, hostname: hostname(), msg: message, ...facts }));
  };
}

function banner(announce: ReturnType<typeof announcer>, config: Config, listening: string, startedMs: number) {
  const base = config.publicUrlConfigured ? config.publicUrl : listening;
  const facts = {
    listening,
    database: describeDatabase(config),
    surfaces: surfacesUp(config),
    dashboard: `${base}/app`,
    docs: `${base}/docs`,
    startMs: Math.round(startedMs),
  };
  announce(`Shipdock listening on ${listening} (started in ${(startedMs / 1000).toFixed(1)} s)`, facts, [
    `Database:  ${facts.database}`,
    `Surfaces:  ${facts.surfaces.join(', ')}`,
    `Dashboard: ${facts.dashboard}`,
    `API docs:  ${facts.docs}`,
    'Ctrl-C stops the server (requests and jobs in progress finish first).',
  ]);
}

/** Longest wait for requests and jobs in progress before a shutdown gives up on them. */
const DRAIN_LIMIT_MS = 30_000;

function stopOnSignals(app: FastifyInstance, jobs: JobRunner, database: Database, announce: ReturnType<typeof announcer>) {
  let stopping = false;
  const stop = async (reason: string) => {
    if (stopping) {
      announce(`${reason} again: exiting without waiting`);
      process.exit(1);
    }
    stopping = true;
    announce(`${reason}: stopping; requests and jobs in progress finish first`);
    const limit = setTimeout(() => {
      announce(`requests or jobs still running after ${DRAIN_LIMIT_MS / 1000} s; exiting`);
      process.exit(1);
    }, DRAIN_LIMIT_MS);
    limit.unref();
    try {
      await app.close(); // stops accepting, lets in-flight requests answer
      await jobs.stop(); // lets the job in progress finish, claims no new one
      await database.close();
      announce('Shipdock stopped');
      process.exitCode = 0;
    } catch (error) {
      app.log.error({ err: error }, 'error while stopping');
      process.exitCode = 1;
    }
    // Whatever the logger buffered reaches stdout before the process ends.
    process.stdout.write('', () => process.exit());
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  // Under `npm start` the parent is npm's `sh -c`, which passes a SIGTERM sent to npm on to no one
  // and dies: once that parent is gone, stop as if signalled instead of running on orphaned.
  if (process.env.npm_lifecycle_event) {
    const parent = process.ppid;
    const watch = setInterval(() => {
      if (process.ppid !== parent) {
        clearInterval(watch);
        void stop('npm start ended');
      }
    }, 250);
    watch.unref();
  }
}

async function main() {
  // dist/ is what runs; rebuild it first when src/ changed since the last build.
  if (import.meta.url.includes('/dist/')) {
    const { ensureFreshBuild } = await import('../scripts/build-freshness.mjs');
    await ensureFreshBuild();
  }
  const { loadConfig, ConfigError } = await import('./config.ts');
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) refuse(`configuration error: ${error.message}`);
    throw error;
  }
  const portError = await checkPortFree(config);
  if (portError) refuse(portProblem(portError, config) ?? `cannot listen on ${config.host}:${config.port}: ${(portError as Error).message}`);

  const pretty = Boolean(process.stdout.isTTY);
  const ctx = await createContext(config);
  printCredentials(await bootstrap(ctx.database, config, ctx.clock));
  const [{ buildApp }, { startJobRunner }] = await Promise.all([import('./app.ts'), import('./jobs/runner.ts')]);
  const app = await buildApp(ctx, { prettyLogs: pretty });
  let listening: string;
  const level = app.log.level;
  app.log.level = 'silent'; // Fastify's own "Server listening" line: the banner says it
  try {
    listening = await app.listen({ port: config.port, host: config.host });
  } catch (error) {
    const problem = portProblem(error, config);
    if (problem) refuse(problem);
    throw error;
  } finally {
    app.log.level = level;
  }
  // Webhook deliveries, hold releases, batches; several processes on one PostgreSQL share the queue.
  const jobs = startJobRunner(ctx, { onError: (error) => app.log.error({ err: error }, 'job runner failed') });
  const announce = announcer(pretty);
  stopOnSignals(app, jobs, ctx.database, announce);
  banner(announce, config, listening, performance.now()); // since the process started
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
