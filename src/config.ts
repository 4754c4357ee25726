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

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  if (!/^\d+$/.test(raw)) throw new ConfigError(`${name} must be a whole number, got "${raw}"`);
  const value = Number(raw);
  if (value < min || value > max) throw new ConfigError(`${name} must be between ${min} and ${max}, got ${value}`);
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name]?.trim().toLowerCase();
  if (!raw) return fallback;
  if (['true', '1', 'yes', 'on'].includes(raw)) return true;
  if (['false', '0', 'no', 'off'].includes(raw)) return false;
  throw new ConfigError(`${name} must be true or false, got "${env[name]}"`);
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
  const adminEmail = (optional(env, 'SHIPDOCK_ADMIN_EMAIL') ?? 'admin@shipdock.local').toLowerCase();
  if (!/^[^\s@]+@[^\s@]+$/.test(adminEmail)) throw new ConfigError(`SHIPDOCK_ADMIN_EMAIL must be an email address, got "${adminEmail}"`);
  const adminPassword = optional(env, 'SHIPDOCK_ADMIN_PASSWORD');
  if (adminPassword !== null && adminPassword.length < 8) throw new ConfigError('SHIPDOCK_ADMIN_PASSWORD must be at least 8 characters');
  const smtpUrl = optional(env, 'SHIPDOCK_SMTP_URL');
  if (smtpUrl && !/^smtps?:\/\//.test(smtpUrl)) throw new ConfigError(`SHIPDOCK_SMTP_URL must start with smtp:// or smtps://, got "${smtpUrl}"`);
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
    sandbox: flag(env, 'SHIPDOCK_SANDBOX', true),
    requestLogMax: integer(env, 'SHIPDOCK_REQUEST_LOG_MAX', 1000, 0, 1_000_000),
    requestLogMaxAgeHours: integer(env, 'SHIPDOCK_REQUEST_LOG_MAX_AGE_HOURS', 168, 1, 24 * 366),
    adminEmail,
    adminPassword,
    smtpUrl,
    publicUrlConfigured: optional(env, 'SHIPDOCK_PUBLIC_URL') !== null,
    shipFrom: shipFrom(env),
  };
}
