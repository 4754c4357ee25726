// Ephemeral tokens (POST /tokens/ephemeral): short-lived bearer credentials an integrator hands to
// client-side code instead of its API key. ShipEngine's spec gives them a 10-second lifetime.
// Only a digest is stored; the plain token is returned once.
import type { Executor } from '../../db/index.ts';
import { toAccount, type Account } from './accounts.ts';
import { generateKey, hashKey } from './secrets.ts';

export const EPHEMERAL_TOKEN_SECONDS = 10;
/** Tokens carry a prefix so authentication can tell them from API keys without a lookup. */
export const EPHEMERAL_PREFIX = 'eph_';

export interface EphemeralToken {
  token: string;
  expiresAt: string;
}

export async function createEphemeralToken(ex: Executor, accountId: number, now: string): Promise<EphemeralToken> {
  const token = `${EPHEMERAL_PREFIX}${generateKey(32)}`;
  const expiresAt = new Date(new Date(now).getTime() + EPHEMERAL_TOKEN_SECONDS * 1000).toISOString();
  await ex.insertInto('ephemeral_tokens').values({ account_id: accountId, token_hash: hashKey(token), created_at: now, expires_at: expiresAt }).execute();
  // Expired digests are useless; each issue sweeps the account's old ones.
  await ex.deleteFrom('ephemeral_tokens').where('account_id', '=', accountId).where('expires_at', '<=', now).execute();
  return { token, expiresAt };
}

/** The credential id an ephemeral token authenticates with (one rate-limit bucket per account). */
export const ephemeralCredentialId = (accountId: number) => `eph-account-${accountId}`;
export const isEphemeralCredential = (credentialId: string) => credentialId.startsWith('eph-');

export type EphemeralResult = { kind: 'ok'; account: Account; tokenId: number } | { kind: 'expired' } | { kind: 'unknown' };

/** The active account a token names, unless the token is unknown, expired or the account disabled. */
export async function authenticateEphemeralToken(ex: Executor, token: string, now: string): Promise<EphemeralResult> {
  const row = await ex
    .selectFrom('ephemeral_tokens as t')
    .innerJoin('accounts as a', 'a.id', 't.account_id')
    .select(['a.id', 'a.plan', 'a.addons', 'a.active', 'a.partner_id', 'a.created_at', 't.id as token_id', 't.expires_at'])
    .where('t.token_hash', '=', hashKey(token))
    .executeTakeFirst();
  if (!row || row.active !== 1) return { kind: 'unknown' };
  if (row.expires_at <= now) return { kind: 'expired' };
  return { kind: 'ok', account: toAccount(row), tokenId: row.token_id };
}
