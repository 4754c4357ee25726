// Starts a Shipdock app on a fresh database: in-memory SQLite, or (when DATABASE_URL is set)
// its own schema in that PostgreSQL (scripts/run-tests.mjs drops them before the next run).
import { randomBytes } from 'node:crypto';
import type { FastifyInstance, InjectOptions, LightMyRequestResponse } from 'fastify';
import { loadConfig } from '../../src/config.ts';
import { buildApp, type BuildOptions } from '../../src/app.ts';
import { bootstrap, createContext } from '../../src/server.ts';
import type { AppContext } from '../../src/api/common/context.ts';
import { assertResponse, surfaceOfUrl, type ContractSurface } from './contract.ts';

export const CREDENTIALS = {
  v1Key: 'testv1key0000000000000000000000',
  v1Secret: 'testv1secret00000000000000000000',
  apiKey: 'TEST_api_key_for_shipdock_tests',
  partnerKey: 'TEST_partner_key_for_shipdock_tests',
};

export const basic = (key: string, secret: string) => `Basic ${Buffer.from(`${key}:${secret}`).toString('base64')}`;

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  schema?: string;
  /** Any request (own headers, raw payloads); the response is checked against its surface's contract. */
  inject(options: InjectOptions): Promise<LightMyRequestResponse>;
  /** V1 call with the default key pair; the body is checked against reference/specs/v1-responses.json. */
  v1(method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  /** V2 or ShipEngine call with the default API key; the body is checked against the official spec. */
  api(surface: ContractSurface, method: string, url: string, payload?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export const usingPostgres = () => Boolean(process.env.DATABASE_URL);

export async function startTestApp(
  env: Record<string, string> = {},
  reuse?: { schema?: string; dataDir?: string },
  build: BuildOptions = {},
): Promise<TestApp> {
  const schema = usingPostgres() ? (reuse?.schema ?? `t_${randomBytes(6).toString('hex')}`) : undefined;
  const config = loadConfig({
    SHIPDOCK_DATA_DIR: reuse?.dataDir ?? ':memory:',
    SHIPDOCK_V1_API_KEY: CREDENTIALS.v1Key,
    SHIPDOCK_V1_API_SECRET: CREDENTIALS.v1Secret,
    SHIPDOCK_API_KEY: CREDENTIALS.apiKey,
    SHIPDOCK_PARTNER_API_KEY: CREDENTIALS.partnerKey,
    SHIPDOCK_PUBLIC_URL: 'http://shipdock.test',
    SHIPDOCK_RATE_LIMIT_V1: '0',
    SHIPDOCK_RATE_LIMIT_V2: '0',
    LOG_LEVEL: 'silent',
    ...(process.env.DATABASE_URL ? { DATABASE_URL: process.env.DATABASE_URL } : {}),
    ...env,
  });
  const ctx = await createContext(config, { schema });
  await bootstrap(ctx.database, config, ctx.clock);
  const app = await buildApp(ctx, build);
  await app.ready();

  /** Every response a test sees goes through the contract checker of its surface. */
  const checked = async (surface: ContractSurface | 'v1', options: InjectOptions) => {
    const response = await app.inject(options);
    const url = String(options.url ?? '/');
    assertResponse(surface, String(options.method ?? 'GET'), url, response.statusCode, response.headers['content-type']?.toString(), response.body);
    return response;
  };
  return {
    app,
    ctx,
    schema,
    inject: (options) => checked(surfaceOfUrl(String(options.url ?? '/')), options),
    v1: (method, url, payload, headers = {}) =>
      checked('v1', {
        method: method as InjectOptions['method'],
        url,
        payload: payload as InjectOptions['payload'],
        headers: { authorization: basic(CREDENTIALS.v1Key, CREDENTIALS.v1Secret), ...headers },
      }),
    api: (surface, method, url, payload, headers = {}) =>
      checked(surface, {
        method: method as InjectOptions['method'],
        url,
        payload: payload as InjectOptions['payload'],
        headers: { 'api-key': CREDENTIALS.apiKey, ...headers },
      }),
    close: async () => {
      await app.close();
      await ctx.database.close();
    },
  };
}
