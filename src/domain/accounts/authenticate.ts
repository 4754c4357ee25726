// Resolves presented credentials to the account (or partner) they belong to.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { onTableWrite } from '../../db/write-watch.ts';
import { toAccount, type Account } from './accounts.ts';
import { hashKey } from './secrets.ts';

export type Principal =
  /** `clockOffsetMs`: the account's sandbox clock, loaded with it (key expiry follows it too). */
  | { kind: 'account'; account: Account; credentialId: string; clockOffsetMs: number }
  | { kind: 'partner'; partnerId: number; credentialId: string };

const ACCOUNT_COLUMNS = ['a.id', 'a.plan', 'a.addons', 'a.active', 'a.partner_id', 'a.created_at'] as const;

/** `now` on the account's sandbox clock. */
const onClock = (now: string, offset: number | string | null) => (offset ? new Date(Date.parse(now) + Number(offset)).toISOString() : now);

/**
 * Verified-key cache: the key's row (with its account, partner and clock) for a few seconds, keyed
 * by the presented credentials, so a request neither hashes nor reads. Expiry is still judged per
 * request on the account's clock. Any write to the tables the row comes from drops the whole cache
 * in this process; another process's writes (the CLI, a second server on PostgreSQL) show within the TTL.
 */
export const AUTH_CACHE_TTL_MS = 5_000;
const AUTH_CACHE_MAX = 1_000;
const AUTH_TABLES = ['api_keys', 'v1_key_pairs', 'accounts', 'partners', 'account_clocks'] as const;
/** Per database handle: two apps in one process (tests) present the same key strings. */
let caches = new WeakMap<Executor, Map<string, { until: number; row: unknown }>>();
/** Bumped on every write: a read that overlapped a write is not cached. */
let generation = 0;
onTableWrite(AUTH_TABLES, () => {
  generation++;
  caches = new WeakMap();
});

async function cachedRow<Row>(ex: Executor, key: string, read: () => Promise<Row | undefined>): Promise<Row | undefined> {
  if (ex.isTransaction) return read();
  let verified = caches.get(ex);
  if (!verified) caches.set(ex, (verified = new Map()));
  const hit = verified.get(key);
  const nowMs = Date.now();
  if (hit && hit.until > nowMs) return hit.row as Row | undefined;
  const before = generation;
  const row = await read();
  // Only reads outside a transaction are shared (inside one they may see uncommitted rows).
  if (before === generation) {
    if (verified.size >= AUTH_CACHE_MAX) verified.delete(verified.keys().next().value!);
    verified.set(key, { until: nowMs + AUTH_CACHE_TTL_MS, row });
  }
  return row;
}

/** A V1 key pair: valid, not deleted, not expired, account active. */
export async function authenticateV1(ex: Executor, apiKey: string, apiSecret: string, now: string): Promise<Principal | null> {
  const row = await cachedRow(ex, `v1\u0000${apiKey}\u0000${apiSecret}`, () => ex
    .selectFrom('v1_key_pairs as k')
    .innerJoin('accounts as a', 'a.id', 'k.account_id')
    .leftJoin('account_clocks as c', 'c.account_id', 'a.id')
    .select([...ACCOUNT_COLUMNS, 'k.id as key_id', 'k.secret_hash', 'k.expires_at', 'c.offset_ms'])
    .where('k.key_hash', '=', hashKey(apiKey))
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst());
  if (!row || row.secret_hash !== hashKey(apiSecret) || row.expires_at <= onClock(now, row.offset_ms) || row.active !== 1) return null;
  return { kind: 'account', account: toAccount(row), credentialId: `v1-${row.key_id}`, clockOffsetMs: Number(row.offset_ms ?? 0) };
}

/** A V2/ShipEngine account key or a partner key. */
export async function authenticateApiKey(ex: Executor, apiKey: string, now: string): Promise<Principal | null> {
  const row = await cachedRow(ex, `key\u0000${apiKey}`, () => ex
    .selectFrom('api_keys as k')
    .leftJoin('accounts as a', 'a.id', 'k.account_id')
    .leftJoin('partners as p', 'p.id', 'k.partner_id')
    .leftJoin('account_clocks as c', 'c.account_id', 'a.id')
    .select([...ACCOUNT_COLUMNS, 'k.id as key_id', 'k.partner_id as key_partner_id', 'k.expires_at', 'p.active as partner_active', 'c.offset_ms'])
    .where('k.key_hash', '=', hashKey(apiKey))
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst());
  if (!row || (row.expires_at !== null && row.expires_at <= onClock(now, row.offset_ms))) return null;
  const credentialId = `key-${row.key_id}`;
  if (row.key_partner_id !== null) {
    return row.partner_active === 1 ? { kind: 'partner', partnerId: row.key_partner_id, credentialId } : null;
  }
  if (row.id === null || row.active !== 1) return null;
  return { kind: 'account', account: toAccount(row as Parameters<typeof toAccount>[0]), credentialId, clockOffsetMs: Number(row.offset_ms ?? 0) };
}

/**
 * On-Behalf-Of: a partner acts as one of the accounts it owns, named by account id (`242822`, or
 * `se-242822` as in the docs' example) or by one of its API keys. A disabled account is refused.
 */
export async function resolveOnBehalfOf(ex: Executor, partnerId: number, target: string, now: string): Promise<Account | null> {
  const idMatch = /^(?:se-)?(\d{1,15})$/.exec(target);
  const byId = idMatch ? Number(idMatch[1]) : null;
  if (byId !== null) {
    if (byId > MAX_ROW_ID) return null;
    const row = await ex
      .selectFrom('accounts as a')
      .select([...ACCOUNT_COLUMNS])
      .where('a.id', '=', byId)
      .where('a.partner_id', '=', partnerId)
      .executeTakeFirst();
    return row && row.active === 1 ? toAccount(row) : null;
  }
  const principal = await authenticateApiKey(ex, target, now);
  if (principal?.kind !== 'account' || principal.account.partnerId !== partnerId) return null;
  return principal.account;
}
