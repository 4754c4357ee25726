// Email verification for accounts created by sign-up: API keys wait until the address is proven.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { hashKey } from '../accounts/secrets.ts';

export const VERIFICATION_HOURS = 48;

/** A fresh one-time token for the account's current email; earlier unused ones stay valid until they expire. */
export async function createVerification(ex: Executor, accountId: number, email: string, now: string): Promise<string> {
  const token = randomBytes(24).toString('base64url');
  await ex
    .insertInto('email_verifications')
    .values({
      account_id: accountId,
      email,
      token_hash: hashKey(token),
      created_at: now,
      expires_at: new Date(Date.parse(now) + VERIFICATION_HOURS * 3_600_000).toISOString(),
      used_at: null,
    })
    .execute();
  return token;
}

/** Marks the account verified; returns its id, or null for an unknown, used or expired token. */
export async function verifyEmail(ex: Executor, token: string, now: string): Promise<number | null> {
  if (!token || token.length > 200) return null;
  const row = await ex
    .selectFrom('email_verifications')
    .select(['id', 'account_id', 'email', 'expires_at', 'used_at'])
    .where('token_hash', '=', hashKey(token))
    .executeTakeFirst();
  if (!row || row.used_at !== null || row.expires_at <= now) return null;
  const used = await ex.updateTable('email_verifications').set({ used_at: now }).where('id', '=', row.id).where('used_at', 'is', null).executeTakeFirst();
  if (Number(used.numUpdatedRows) === 0) return null;
  await ex.updateTable('accounts').set({ email_verified_at: now, modified_at: now }).where('id', '=', row.account_id).where('email', '=', row.email).execute();
  return row.account_id;
}
