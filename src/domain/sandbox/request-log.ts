// The sandbox request log: every API call of an account, with its bodies (secrets redacted),
// written after the response in batches, never in the request's transaction, and pruned as it
// goes to a count and an age per account.
import { isAscii } from 'node:buffer';
import type { Insertable } from 'kysely';
import { onPostgres, type Db, type Executor } from '../../db/index.ts';
import { everyColumn, preparedForCount } from '../../db/prepared.ts';
import type { RequestLogTable } from '../../db/schema.ts';

export type LogSurface = 'v1' | 'v2' | 'shipengine';

export interface RequestLogEntry {
  accountId: number;
  at: string;
  surface: LogSurface;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
  requestHeaders: Record<string, unknown>;
  requestBody: unknown;
  /** The response as sent (JSON text), or null for files and empty bodies. */
  responseBody: string | null;
}

export const REDACTED = '[REDACTED]';
const MAX_BODY_CHARS = 64 * 1024;

/** Keys whose values are secrets, compared without case, dashes and underscores. */
const SECRET_KEYS = new Set([
  'apikey',
  'apisecret',
  'encryptedapikey',
  'password',
  'newpassword',
  'currentpassword',
  'secret',
  'clientsecret',
  'authorization',
  'proxyauthorization',
  'cookie',
  'setcookie',
  'token',
  'accesstoken',
  'refreshtoken',
  'cardnumber',
  'creditcardnumber',
  'cvv',
  'cvc',
  'securitycode',
]);

const secretKeyCache = new Map<string, boolean>();
/** Keys repeat (the same headers and fields on every call): each is judged once, up to a bound. */
const isSecretKey = (key: string) => {
  let secret = secretKeyCache.get(key);
  if (secret === undefined) {
    const k = key.toLowerCase().replace(/[-_\s]/g, '');
    secret = SECRET_KEYS.has(k) || k.endsWith('password') || k.endsWith('apikey') || (k.includes('card') && /number|num|pan/.test(k));
    if (secretKeyCache.size >= 10_000) secretKeyCache.clear();
    secretKeyCache.set(key, secret);
  }
  return secret;
};

/** A deep copy with every secret value replaced. */
export function redact(value: unknown, depth = 0): unknown {
  if (depth > 20 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => redact(v, depth + 1));
  // Header lists such as webhook `headers: [{key: 'Authorization', value}]`.
  const pair = value as { key?: unknown; value?: unknown };
  if (typeof pair.key === 'string' && 'value' in pair && isSecretKey(pair.key)) return { ...pair, value: REDACTED };
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value as Record<string, unknown>)) out[key] = isSecretKey(key) && v !== null && v !== undefined && v !== '' ? REDACTED : redact(v, depth + 1);
  return out;
}

/** JSON text with a secret-looking property name; most responses have none, and are stored as they are. */
const MAYBE_SECRET = /"[^"]{0,60}(key|password|secret|authorization|cookie|token|card|cvv|cvc|security_?code)[^"]{0,60}"\s*:/i;
/** The words alone: a quick no for most bodies (the full pattern backtracks at every quote, 0.7 ms on a 30 KB rates response). */
const SECRET_WORD = /key|password|secret|authorization|cookie|token|card|cvv|cvc|security_?code/i;

/** JSON text of a response, redacted; other payloads are not kept. */
export function redactJsonText(text: string): string {
  const clipped = text.length > MAX_BODY_CHARS ? null : text;
  if (clipped === null) return JSON.stringify({ truncated: true, length: text.length });
  if (!SECRET_WORD.test(clipped) || !MAYBE_SECRET.test(clipped)) return clipped;
  try {
    return JSON.stringify(redact(JSON.parse(clipped)));
  } catch {
    return JSON.stringify(clipped);
  }
}

/**
 * A JSON response sent as bytes, as the log keeps a response sent as text: the text, or the
 * truncation marker with the text's length (characters never outnumber bytes, and an ASCII body has
 * one per byte, so a large page is not decoded just to be measured).
 */
export function responseBytesText(bytes: Buffer): string {
  if (bytes.length <= MAX_BODY_CHARS) return bytes.toString();
  const length = isAscii(bytes) ? bytes.length : bytes.toString().length;
  return length > MAX_BODY_CHARS ? JSON.stringify({ truncated: true, length }) : bytes.toString();
}

function bodyText(body: unknown): string | null {
  if (body === undefined || body === null) return null;
  if (Buffer.isBuffer(body)) return JSON.stringify({ binary: true, length: body.length });
  const text = JSON.stringify(redact(body));
  return text.length > MAX_BODY_CHARS ? JSON.stringify({ truncated: true, length: text.length }) : text;
}

/** One insert statement carries at most this much (a few milliseconds of the event loop); add() flushes once this much waits. */
const FLUSH_CHARS = 256 * 1024;
const FLUSH_ROWS = 100;
/** A backlog (after a stall) is written in slices of this much time, the event loop let in between. */
const YIELD_AFTER_MS = 10;

/** Multi-row inserts of at most FLUSH_CHARS of text or FLUSH_ROWS rows each. */
function insertStatements(entries: PendingRow[]): { rows: number; values: unknown[] }[] {
  const statements: { rows: number; values: unknown[] }[] = [];
  let values: unknown[] = [];
  let rows = 0;
  let chars = 0;
  for (const [i, e] of entries.entries()) {
    values.push(...e.values);
    rows++;
    chars += e.chars;
    if (chars >= FLUSH_CHARS || rows >= FLUSH_ROWS || i === entries.length - 1) {
      statements.push({ rows, values });
      values = [];
      rows = 0;
      chars = 0;
    }
  }
  return statements;
}

/**
 * The entries the log will keep: an account's newest `max` (in the order given, oldest first).
 * Older ones would be pruned right after their insert; readers prune before they read.
 */
function newestPerAccount(entries: PendingRow[], max: number): PendingRow[] {
  const seen = new Map<number, number>();
  const kept: PendingRow[] = [];
  for (let i = entries.length - 1; i >= 0; i--) {
    const count = seen.get(entries[i].accountId) ?? 0;
    seen.set(entries[i].accountId, count + 1);
    if (count < max) kept.push(entries[i]);
  }
  return kept.reverse();
}

const LOG_COLUMNS = everyColumn<Omit<Insertable<RequestLogTable>, 'id'>>({
  account_id: true, at: true, surface: true, method: true, path: true, status: true, duration_ms: true, request_id: true,
  request_headers: true, request_body: true, response_body: true,
});
/** Kysely takes ~4 us a row to build a multi-row insert, a twentieth of a GET by id: compiled once per row count. */
const insertRows = preparedForCount((ex, p, count) =>
  ex.insertInto('request_log').values(
    Array.from({ length: count }, (_, r) => Object.fromEntries(LOG_COLUMNS.map((column, c) => [column, p[r * LOG_COLUMNS.length + c]])) as Insertable<RequestLogTable>),
  ),
);

export interface RequestLogLimits {
  maxPerAccount: number;
  maxAgeHours: number;
}

/** An entry as its row's values, in LOG_COLUMNS order: text kept from the request, not its objects. */
interface PendingRow {
  accountId: number;
  values: unknown[];
  chars: number;
}

/**
 * Collects entries in memory and writes them off the request path: multi-row inserts each quarter
 * second, or as soon as 100 entries or FLUSH_CHARS of text are waiting. Pruning runs for an
 * account once a quarter of its limit has been added since the last pass, so the table holds at
 * most 1.25x the limit between passes; readers flush and prune first, so what they see is exact.
 * Age pruning runs at most once a minute.
 */
export class RequestLogWriter {
  private pending: PendingRow[] = [];
  private pendingChars = 0;
  /** A flush is chained and has not taken the pending entries yet: later ones go with it. */
  private flushQueued = false;
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> = Promise.resolve();
  private readonly sincePrune = new Map<number, number>();
  private readonly agePrunedAt = new Map<number, number>();
  /** PostgreSQL statements wait on the network, not on the event loop. */
  private readonly nonBlocking: boolean;

  constructor(
    private readonly db: Db,
    private readonly limits: RequestLogLimits,
    private readonly onError: (error: unknown) => void = () => {},
    private readonly intervalMs = 250,
  ) {
    this.nonBlocking = onPostgres(db);
  }

  add(e: RequestLogEntry): void {
    // Serialized now: a request's headers and body objects held until the flush outlived the young
    // generation, and their promotion cost more garbage collection than the serializing.
    const headers = JSON.stringify(redact(e.requestHeaders));
    const body = bodyText(e.requestBody);
    const response = e.responseBody === null ? null : redactJsonText(e.responseBody);
    const chars = headers.length + (body?.length ?? 0) + (response?.length ?? 0);
    this.pending.push({
      accountId: e.accountId,
      values: [e.accountId, e.at, e.surface, e.method, e.path, e.status, e.durationMs, e.requestId, headers, body, response],
      chars,
    });
    this.pendingChars += chars;
    if (this.flushQueued) return;
    if (this.pending.length >= FLUSH_ROWS || this.pendingChars >= FLUSH_CHARS) {
      void this.flush();
      return;
    }
    if (this.timer) return;
    this.timer = setTimeout(() => void this.flush(), this.intervalMs);
    this.timer.unref();
  }

  /** Writes what is pending; with an account, also prunes its entries to the exact bound. */
  flush(accountId?: number): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = null;
    }
    this.flushQueued = true;
    this.running = this.running
      .then(async () => {
        await this.write();
        if (accountId !== undefined) await this.prune(accountId);
      })
      .catch(this.onError);
    return this.running;
  }

  private async prune(accountId: number, force = true): Promise<void> {
    this.sincePrune.set(accountId, 0);
    const byAge = force || Date.now() - (this.agePrunedAt.get(accountId) ?? 0) > 60_000;
    if (byAge) this.agePrunedAt.set(accountId, Date.now());
    await pruneRequestLog(this.db, accountId, this.limits, new Date().toISOString(), byAge);
  }

  private async write(): Promise<void> {
    this.flushQueued = false;
    if (this.pending.length === 0) return;
    const entries = newestPerAccount(this.pending.splice(0, this.pending.length), this.limits.maxPerAccount);
    this.pendingChars = 0;
    const statements = insertStatements(entries);
    // Waiting for the connection once per statement (or yielding the event loop after each) let a
    // whole turn of a busy server in each time: under 50 connections of rates calls ~50 entries
    // came in for every 7 written, entries waited seconds, and their bodies were promoted and
    // collected as old objects. So one connection takes the statements in a row. PostgreSQL's
    // leave the event loop free; SQLite's block it, so a backlog there is written in slices of
    // YIELD_AFTER_MS with the loop (and the connection) let go in between.
    let next = 0;
    while (next < statements.length) {
      await this.db.connection().execute(async (connection) => {
        const started = performance.now();
        do {
          const { rows, values } = statements[next++];
          // One failed statement (reported) does not take the rest of the flush with it.
          await insertRows(connection, rows, values).catch(this.onError);
        } while (next < statements.length && (this.nonBlocking || performance.now() - started < YIELD_AFTER_MS));
      });
      if (next < statements.length) await new Promise((resolve) => setImmediate(resolve));
    }
    const step = Math.max(1, Math.floor(this.limits.maxPerAccount / 4));
    for (const e of entries) this.sincePrune.set(e.accountId, (this.sincePrune.get(e.accountId) ?? 0) + 1);
    for (const [accountId, added] of this.sincePrune) if (added >= step) await this.prune(accountId, false);
  }
}

/** Keeps the newest `maxPerAccount` entries younger than `maxAgeHours`. */
export async function pruneRequestLog(ex: Executor, accountId: number, limits: RequestLogLimits, now: string, byAge = true): Promise<void> {
  if (byAge) {
    const cutoff = new Date(Date.parse(now) - limits.maxAgeHours * 3600_000).toISOString();
    await ex.deleteFrom('request_log').where('account_id', '=', accountId).where('at', '<', cutoff).execute();
  }
  const boundary = await ex
    .selectFrom('request_log')
    .select('id')
    .where('account_id', '=', accountId)
    .orderBy('id', 'desc')
    .offset(limits.maxPerAccount)
    .limit(1)
    .executeTakeFirst();
  if (boundary) await ex.deleteFrom('request_log').where('account_id', '=', accountId).where('id', '<=', boundary.id).execute();
}

export interface RequestLogFilter {
  status?: number;
  /** Entries whose path starts with it (query string included). */
  path?: string;
  from?: string;
  to?: string;
  requestId?: string;
  limit: number;
}

export interface LoggedRequest {
  id: number;
  at: string;
  surface: string;
  method: string;
  path: string;
  status: number;
  durationMs: number;
  requestId: string;
  requestHeaders: unknown;
  requestBody: unknown;
  responseBody: unknown;
}

/** The account's entries, newest first. */
export async function listRequestLog(ex: Executor, accountId: number, filter: RequestLogFilter): Promise<LoggedRequest[]> {
  let query = ex.selectFrom('request_log').selectAll().where('account_id', '=', accountId);
  if (filter.status !== undefined) query = query.where('status', '=', filter.status);
  // LIKE's `_` matches any one character: a prefix filter can only grow slightly broader.
  if (filter.path) query = query.where('path', 'like', `${filter.path.replace(/%/g, '')}%`);
  if (filter.from) query = query.where('at', '>=', filter.from);
  if (filter.to) query = query.where('at', '<=', filter.to);
  if (filter.requestId) query = query.where('request_id', '=', filter.requestId);
  const rows = await query.orderBy('id', 'desc').limit(filter.limit).execute();
  const parse = (text: string | null) => (text === null ? null : (JSON.parse(text) as unknown));
  return rows.map((r) => ({
    id: r.id,
    at: r.at,
    surface: r.surface,
    method: r.method,
    path: r.path,
    status: r.status,
    durationMs: r.duration_ms,
    requestId: r.request_id,
    requestHeaders: parse(r.request_headers),
    requestBody: parse(r.request_body),
    responseBody: parse(r.response_body),
  }));
}

/** One entry of the account's log, by its row id or its request id; null when the account has none such. */
export async function findRequestLogEntry(ex: Executor, accountId: number, by: { id: number } | { requestId: string }): Promise<LoggedRequest | null> {
  if ('requestId' in by) return (await listRequestLog(ex, accountId, { requestId: by.requestId, limit: 1 }))[0] ?? null;
  const row = await ex.selectFrom('request_log').select('request_id').where('account_id', '=', accountId).where('id', '=', by.id).executeTakeFirst();
  if (!row) return null;
  const entries = await listRequestLog(ex, accountId, { requestId: row.request_id, limit: 100 });
  return entries.find((e) => e.id === by.id) ?? null;
}
