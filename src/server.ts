// Entry point: `npm start`.
import { sql } from 'kysely';
import { loadConfig, ConfigError, type Config } from './config.ts';
import { openDatabase, type Database } from './db/index.ts';
import { Clock } from './domain/clock.ts';
import { ensureDefaultAccount, type GeneratedCredentials } from './domain/accounts/bootstrap.ts';
import { ensureAdminLogin } from './domain/users-auth/logins.ts';
import { DatabaseRateLimiter, MemoryRateLimiter } from './domain/limits/rate-limiter.ts';
import { buildApp } from './app.ts';
import { startJobRunner } from './jobs/runner.ts';
import { registerJobHandlers } from './job-handlers.ts';
import type { AppContext } from './api/common/context.ts';

/** Several processes may start at once on one PostgreSQL: the advisory lock lets one bootstrap at a time. */
export async function bootstrap(database: Database, config: Config, clock: Clock): Promise<Bootstrapped> {
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
  const database = await openDatabase({ databaseUrl: config.databaseUrl, dataDir: config.dataDir, schema: options.schema });
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

async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`shipdock: configuration error: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const ctx = await createContext(config);
  printCredentials(await bootstrap(ctx.database, config, ctx.clock));
  const app = await buildApp(ctx);
  // Webhook deliveries and hold releases; several processes on one PostgreSQL share the queue.
  const jobs = startJobRunner(ctx, { onError: (error) => app.log.error({ err: error }, 'job runner failed') });
  const shutdown = async () => {
    await app.close();
    await jobs.stop();
    await ctx.database.close();
    process.exit(0);
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
  await app.listen({ port: config.port, host: config.host });
  console.log(`Shipdock listening on ${config.publicUrl} (${ctx.database.engine}); API docs at ${config.publicUrl}/docs; dashboard at ${config.publicUrl}/app`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
