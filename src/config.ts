// Environment configuration, validated once at start so a typo fails loudly instead of half-working.

/** The default account's Ship From location, created at first start (V1 flows need one). */
export interface ShipFromConfig {
  warehouseName: string;
  name: string;
  company: string | null;
  phone: string;
  street1: string;
  city: string;
  state: string;
  postalCode: string;
  country: string;
}

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
  shipFrom: ShipFromConfig;
}

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function optional(env: NodeJS.ProcessEnv, name: string): string | null {
  const raw = env[name]?.trim();
  return raw ? raw : null;
}

function shipFrom(env: NodeJS.ProcessEnv): ShipFromConfig {
  const value = (name: string, fallback: string) => optional(env, `SHIPDOCK_SHIP_FROM_${name}`) ?? fallback;
  const country = value('COUNTRY', 'US').toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) throw new ConfigError(`SHIPDOCK_SHIP_FROM_COUNTRY must be a two-letter country code, got "${country}"`);
  return {
    warehouseName: value('WAREHOUSE_NAME', 'Default Ship From Location'),
    name: value('NAME', 'Shipping Department'),
    company: value('COMPANY', 'Shipdock'),
    phone: value('PHONE', '512-555-0100'),
    street1: value('STREET1', '500 W 2nd St'),
    city: value('CITY', 'Austin'),
    state: value('STATE', 'TX'),
    postalCode: value('POSTAL_CODE', '78701'),
    country,
  };
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 8080, 0, 65535);
  const host = optional(env, 'HOST') ?? '127.0.0.1';
  const databaseUrl = optional(env, 'DATABASE_URL');
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new ConfigError(`DATABASE_URL must start with postgres:// or postgresql://, got "${databaseUrl}"`);
  }
  const v1ApiKey = optional(env, 'SHIPDOCK_V1_API_KEY');
  const v1ApiSecret = optional(env, 'SHIPDOCK_V1_API_SECRET');
  if ((v1ApiKey === null) !== (v1ApiSecret === null)) {
    throw new ConfigError('SHIPDOCK_V1_API_KEY and SHIPDOCK_V1_API_SECRET must be set together');
  }
  const publicUrl = (optional(env, 'SHIPDOCK_PUBLIC_URL') ?? `http://${host.includes(':') ? `[${host}]` : host}:${port}`).replace(/\/+$/, '');
  try {
    new URL(publicUrl);
  } catch {
    throw new ConfigError(`SHIPDOCK_PUBLIC_URL must be an absolute URL, got "${publicUrl}"`);
  }
  return {
    port,
    host,
    databaseUrl,
    dataDir: optional(env, 'SHIPDOCK_DATA_DIR') ?? './data',
    v1ApiKey,
    v1ApiSecret,
    apiKey: optional(env, 'SHIPDOCK_API_KEY'),
    partnerApiKey: optional(env, 'SHIPDOCK_PARTNER_API_KEY'),
    rateLimitV1: integer(env, 'SHIPDOCK_RATE_LIMIT_V1', 40, 0, 1_000_000),
    rateLimitV2: integer(env, 'SHIPDOCK_RATE_LIMIT_V2', 200, 0, 1_000_000),
    publicUrl,
    bodyLimitBytes: integer(env, 'SHIPDOCK_BODY_LIMIT_BYTES', 5 * 1024 * 1024, 1024, 100 * 1024 * 1024),
    logLevel: optional(env, 'LOG_LEVEL') ?? 'info',
    shipFrom: shipFrom(env),
  };
}
