// Dashboard sessions. The cookie carries a random id; the database keeps only its digest, so a
// leaked table cannot be replayed, and every server process sees the same sessions.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { hashKey } from '../accounts/secrets.ts';

export const SESSION_DAYS = 7;

export interface WebSession {
  id: number;
  accountId: number;
  expiresAt: string;
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export async function createSession(ex: Executor, accountId: number, now: string): Promise<{ token: string; session: WebSession }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = addDays(now, SESSION_DAYS);
  const row = await ex
    .insertInto('web_sessions')
    .values({ account_id: accountId, token_hash: hashKey(token), created_at: now, expires_at: expiresAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { token, session: { id: row.id, accountId, expiresAt } };
}

/** The live session of a cookie value: not expired, and its account still active. */
export async function findSession(ex: Executor, token: string, now: string): Promise<WebSession | null> {
  if (!token || token.length > 200) return null;
  const row = await ex
    .selectFrom('web_sessions as s')
    .innerJoin('accounts as a', 'a.id', 's.account_id')
    .select(['s.id', 's.account_id', 's.expires_at', 'a.active'])
    .where('s.token_hash', '=', hashKey(token))
    .executeTakeFirst();
  if (!row || row.expires_at <= now || row.active !== 1) return null;
  return { id: row.id, accountId: row.account_id, expiresAt: row.expires_at };
}

export async function deleteSession(ex: Executor, token: string): Promise<void> {
  await ex.deleteFrom('web_sessions').where('token_hash', '=', hashKey(token)).execute();
}

/** After a password change every other session of the account ends. */
export async function deleteOtherSessions(ex: Executor, accountId: number, keepId: number): Promise<void> {
  await ex.deleteFrom('web_sessions').where('account_id', '=', accountId).where('id', '!=', keepId).execute();
}

export async function sweepExpiredSessions(ex: Executor, now: string): Promise<void> {
  await ex.deleteFrom('web_sessions').where('expires_at', '<=', now).execute();
}
