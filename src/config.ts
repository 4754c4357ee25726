// Environment configuration, validated once at start (before anything is printed or listened) so a
// typo fails loudly instead of half-working. The rules are one JSON schema checked by env-schema;
// the few that a schema cannot say (an absolute URL, key and secret set together) follow it.
import envSchema from 'env-schema';
import type { ShipFromConfig } from './domain/accounts/bootstrap.ts';

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | null;
  dataDir: string;
  v1ApiKey: string | null;
  v1ApiSecret: string | null;
  apiKey: string | null;
  partnerApiKey: string | null;
  rateLimitV1: number;
  rateLimitV2: number;
  publicUrl: string;
  bodyLimitBytes: number;
  logLevel: string;
  /** The /sandbox controls (test clock, reset); SHIPDOCK_SANDBOX=false turns them off. */
  sandbox: boolean;
  /** Sandbox request log: entries kept per account, and their maximum age in hours (0: no log). */
  requestLogMax: number;
  requestLogMaxAgeHours: number;
  /** Dashboard sign-in of the default account; a password is generated at first start when unset. */
  adminEmail: string;
  adminPassword: string | null;
  /** Outgoing mail (verification links); unset: mail goes to the log and, in sandbox, the outbox page. */
  smtpUrl: string | null;
  /** Whether SHIPDOCK_PUBLIC_URL was given: mailed links then use it instead of the request's host. */
  publicUrlConfigured: boolean;
  shipFrom: ShipFromConfig;
}

export class ConfigError extends Error {}

export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
const FLAGS = ['true', '1', 'yes', 'on', 'false', '0', 'no', 'off'];

const integer = (fallback: number, minimum: number, maximum: number) => ({ type: 'integer' as const, default: fallback, minimum, maximum });
const text = (fallback?: string) => ({ type: 'string', ...(fallback === undefined ? {} : { default: fallback }) });
const pattern = (regex: string) => ({ type: 'string', pattern: regex });

const SCHEMA = {
  type: 'object',
  properties: {
    PORT: integer(8080, 0, 65535),
    HOST: text('127.0.0.1'),
    DATABASE_URL: pattern('^postgres(ql)?://'),
    SHIPDOCK_DATA_DIR: text('./data'),
    SHIPDOCK_V1_API_KEY: text(),
    SHIPDOCK_V1_API_SECRET: text(),
    SHIPDOCK_API_KEY: text(),
    SHIPDOCK_PARTNER_API_KEY: text(),
    SHIPDOCK_RATE_LIMIT_V1: integer(40, 0, 1_000_000),
    SHIPDOCK_RATE_LIMIT_V2: integer(200, 0, 1_000_000),
    SHIPDOCK_PUBLIC_URL: pattern('^[A-Za-z][A-Za-z0-9+.-]*://[^/?#\\s]+'),
    SHIPDOCK_BODY_LIMIT_BYTES: integer(5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    LOG_LEVEL: { type: 'string', enum: LOG_LEVELS, default: 'info' },
    SHIPDOCK_SANDBOX: { type: 'string', enum: FLAGS, default: 'true' },
    SHIPDOCK_REQUEST_LOG_MAX: integer(1000, 0, 1_000_000),
    SHIPDOCK_REQUEST_LOG_MAX_AGE_HOURS: integer(168, 1, 24 * 366),
    SHIPDOCK_ADMIN_EMAIL: { ...pattern('^[^\\s@]+@[^\\s@]+$'), default: 'admin@shipdock.local' },
    SHIPDOCK_ADMIN_PASSWORD: { type: 'string', minLength: 8 },
    SHIPDOCK_SMTP_URL: pattern('^smtps?://'),
    SHIPDOCK_SHIP_FROM_WAREHOUSE_NAME: text('Default Ship From Location'),
    SHIPDOCK_SHIP_FROM_NAME: text('Shipping Department'),
    SHIPDOCK_SHIP_FROM_COMPANY: text('Shipdock'),
    SHIPDOCK_SHIP_FROM_PHONE: text('512-555-0100'),
    SHIPDOCK_SHIP_FROM_STREET1: text('500 W 2nd St'),
    SHIPDOCK_SHIP_FROM_CITY: text('Austin'),
    SHIPDOCK_SHIP_FROM_STATE: text('TX'),
    SHIPDOCK_SHIP_FROM_POSTAL_CODE: text('78701'),
    SHIPDOCK_SHIP_FROM_COUNTRY: pattern('^[A-Z]{2}$'),
  },
  dependencies: {
    SHIPDOCK_V1_API_KEY: ['SHIPDOCK_V1_API_SECRET'],
    SHIPDOCK_V1_API_SECRET: ['SHIPDOCK_V1_API_KEY'],
  },
} as const;

type Name = keyof typeof SCHEMA.properties;
type PropertySchema = { type: string; minimum?: number; maximum?: number; minLength?: number; enum?: readonly string[] };

/** What a pattern or enum means, for the error message. */
const RULES: Partial<Record<Name, string>> = {
  DATABASE_URL: 'must start with postgres:// or postgresql://',
  SHIPDOCK_PUBLIC_URL: 'must be an absolute URL',
  SHIPDOCK_SANDBOX: 'must be true or false',
  SHIPDOCK_ADMIN_EMAIL: 'must be an email address',
  SHIPDOCK_SMTP_URL: 'must start with smtp:// or smtps://',
  SHIPDOCK_SHIP_FROM_COUNTRY: 'must be a two-letter country code',
};

/** Values never echoed in an error message (they are credentials or may carry one). */
const SECRET = /KEY|SECRET|PASSWORD/;
const URL_WITH_CREDENTIALS = /^(DATABASE_URL|SHIPDOCK_SMTP_URL)$/;

function shown(name: string, value: string): string {
  if (SECRET.test(name)) return '';
  const safe = URL_WITH_CREDENTIALS.test(name) ? value.replace(/\/\/[^/@]*@/, '//***@') : value;
  return `, got "${safe}"`;
}

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
}

function describe(error: SchemaError, data: Record<string, string>): string {
  if (error.keyword === 'dependencies') return 'SHIPDOCK_V1_API_KEY and SHIPDOCK_V1_API_SECRET must be set together';
  const name = error.instancePath.replace(/^\//, '') as Name;
  const property = SCHEMA.properties[name] as PropertySchema;
  const raw = data[name] ?? '';
  switch (error.keyword) {
    case 'type':
      return `${name} must be a whole number${shown(name, raw)}`;
    case 'minimum':
    case 'maximum':
      return `${name} must be between ${property.minimum} and ${property.maximum}${shown(name, raw)}`;
    case 'minLength':
      return `${name} must be at least ${property.minLength} characters`;
    case 'enum':
      return `${name} ${RULES[name] ?? `must be one of ${property.enum!.join(', ')}`}${shown(name, raw)}`;
    default:
      return `${name} ${RULES[name] ?? 'is not valid'}${shown(name, raw)}`;
  }
}

/** The variables the schema knows, trimmed; empty counts as unset (as `VAR= npm start` means). */
function environment(env: NodeJS.ProcessEnv): Record<string, string> {
  const data: Record<string, string> = {};
  for (const name of Object.keys(SCHEMA.properties)) {
    const value = env[name]?.trim();
    if (value) data[name] = value;
  }
  if (data.LOG_LEVEL) data.LOG_LEVEL = data.LOG_LEVEL.toLowerCase();
  if (data.SHIPDOCK_SANDBOX) data.SHIPDOCK_SANDBOX = data.SHIPDOCK_SANDBOX.toLowerCase();
  if (data.SHIPDOCK_SHIP_FROM_COUNTRY) data.SHIPDOCK_SHIP_FROM_COUNTRY = data.SHIPDOCK_SHIP_FROM_COUNTRY.toUpperCase();
  if (data.SHIPDOCK_ADMIN_EMAIL) data.SHIPDOCK_ADMIN_EMAIL = data.SHIPDOCK_ADMIN_EMAIL.toLowerCase();
  return data;
}

// One object for every call: Ajv compiles it once (env-schema sets additionalProperties on it).
const SCHEMA_OBJECT = structuredClone(SCHEMA) as object;

type Values = { [K in Name]: (typeof SCHEMA.properties)[K] extends { type: 'integer' } ? number : string | undefined };

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const data = environment(env);
  let v: Values;
  try {
    v = envSchema({ schema: SCHEMA_OBJECT, data: { ...data }, env: false }) as unknown as Values;
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!errors) throw error;
    throw new ConfigError([...new Set(errors.map((e) => describe(e, data)))].join('; '));
  }
  const host = v.HOST!;
  const publicUrl = (v.SHIPDOCK_PUBLIC_URL ?? `http://${host.includes(':') ? `[${host}]` : host}:${v.PORT}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`SHIPDOCK_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    port: v.PORT,
    host,
    databaseUrl: v.DATABASE_URL ?? null,
    dataDir: v.SHIPDOCK_DATA_DIR!,
    v1ApiKey: v.SHIPDOCK_V1_API_KEY ?? null,
    v1ApiSecret: v.SHIPDOCK_V1_API_SECRET ?? null,
    apiKey: v.SHIPDOCK_API_KEY ?? null,
    partnerApiKey: v.SHIPDOCK_PARTNER_API_KEY ?? null,
    rateLimitV1: v.SHIPDOCK_RATE_LIMIT_V1,
    rateLimitV2: v.SHIPDOCK_RATE_LIMIT_V2,
    publicUrl,
    bodyLimitBytes: v.SHIPDOCK_BODY_LIMIT_BYTES,
    logLevel: v.LOG_LEVEL!,
    sandbox: ['true', '1', 'yes', 'on'].includes(v.SHIPDOCK_SANDBOX!),
    requestLogMax: v.SHIPDOCK_REQUEST_LOG_MAX,
    requestLogMaxAgeHours: v.SHIPDOCK_REQUEST_LOG_MAX_AGE_HOURS,
    adminEmail: v.SHIPDOCK_ADMIN_EMAIL!,
    adminPassword: v.SHIPDOCK_ADMIN_PASSWORD ?? null,
    smtpUrl: v.SHIPDOCK_SMTP_URL ?? null,
    publicUrlConfigured: v.SHIPDOCK_PUBLIC_URL !== undefined,
    shipFrom: {
      warehouseName: v.SHIPDOCK_SHIP_FROM_WAREHOUSE_NAME!,
      name: v.SHIPDOCK_SHIP_FROM_NAME!,
      company: v.SHIPDOCK_SHIP_FROM_COMPANY!,
      phone: v.SHIPDOCK_SHIP_FROM_PHONE!,
      street1: v.SHIPDOCK_SHIP_FROM_STREET1!,
      city: v.SHIPDOCK_SHIP_FROM_CITY!,
      state: v.SHIPDOCK_SHIP_FROM_STATE!,
      postalCode: v.SHIPDOCK_SHIP_FROM_POSTAL_CODE!,
      country: v.SHIPDOCK_SHIP_FROM_COUNTRY ?? 'US',
    },
  };
}
