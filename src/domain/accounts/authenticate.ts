// Resolves presented credentials to the account (or partner) they belong to.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { toAccount, type Account } from './accounts.ts';
import { hashKey } from './secrets.ts';

export type Principal =
  /** `clockOffsetMs`: the account's sandbox clock, loaded with it (key expiry follows it too). */
  | { kind: 'account'; account: Account; credentialId: string; clockOffsetMs: number }
  | { kind: 'partner'; partnerId: number; credentialId: string };

const ACCOUNT_COLUMNS = ['a.id', 'a.plan', 'a.addons', 'a.active', 'a.partner_id', 'a.created_at'] as const;

/** `now` on the account's sandbox clock. */
const onClock = (now: string, offset: number | string | null) => (offset ? new Date(Date.parse(now) + Number(offset)).toISOString() : now);

/** A V1 key pair: valid, not deleted, not expired, account active. */
export async function authenticateV1(ex: Executor, apiKey: string, apiSecret: string, now: string): Promise<Principal | null> {
  const row = await ex
    .selectFrom('v1_key_pairs as k')
    .innerJoin('accounts as a', 'a.id', 'k.account_id')
    .leftJoin('account_clocks as c', 'c.account_id', 'a.id')
    .select([...ACCOUNT_COLUMNS, 'k.id as key_id', 'k.secret_hash', 'k.expires_at', 'c.offset_ms'])
    .where('k.key_hash', '=', hashKey(apiKey))
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
  if (!row || row.secret_hash !== hashKey(apiSecret) || row.expires_at <= onClock(now, row.offset_ms) || row.active !== 1) return null;
  return { kind: 'account', account: toAccount(row), credentialId: `v1-${row.key_id}`, clockOffsetMs: Number(row.offset_ms ?? 0) };
}

/** A V2/ShipEngine account key or a partner key. */
export async function authenticateApiKey(ex: Executor, apiKey: string, now: string): Promise<Principal | null> {
  const row = await ex
    .selectFrom('api_keys as k')
    .leftJoin('accounts as a', 'a.id', 'k.account_id')
    .leftJoin('partners as p', 'p.id', 'k.partner_id')
    .leftJoin('account_clocks as c', 'c.account_id', 'a.id')
    .select([...ACCOUNT_COLUMNS, 'k.id as key_id', 'k.partner_id as key_partner_id', 'k.expires_at', 'p.active as partner_active', 'c.offset_ms'])
    .where('k.key_hash', '=', hashKey(apiKey))
    .where('k.deleted_at', 'is', null)
    .executeTakeFirst();
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
