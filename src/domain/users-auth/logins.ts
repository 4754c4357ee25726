// Email and password logins of accounts: the default account's (configured or generated),
// partner-created accounts' (Partner API) and self-service sign-ups on a trial.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { createAccount, toAccount, type Account } from '../accounts/accounts.ts';
import { DEFAULT_ACCOUNT_ID } from '../accounts/bootstrap.ts';
import type { Plan } from '../accounts/plans.ts';
import { hashPassword, verifyPassword } from '../accounts/secrets.ts';
import { DomainError, invalidField } from '../errors.ts';

/** ShipStation's free trial: 30 days with the features of a plan that includes the API. */
export const TRIAL_DAYS = 30;
export const TRIAL_PLAN: Plan = 'standard';
export const PASSWORD_MIN = 8;
export const PASSWORD_MAX = 128;

export interface Login {
  account: Account;
  email: string;
  companyName: string | null;
  /** Sign-ups must prove their email before API keys can be generated. */
  verificationRequired: boolean;
  emailVerifiedAt: string | null;
  trialEndsAt: string | null;
}

const COLUMNS = ['id', 'plan', 'addons', 'active', 'partner_id', 'created_at', 'email', 'password_hash', 'company_name', 'signed_up_at', 'email_verified_at', 'trial_ends_at'] as const;

type Row = {
  id: number; plan: string; addons: string; active: number; partner_id: number | null; created_at: string;
  email: string | null; password_hash: string | null; company_name: string | null;
  signed_up_at: string | null; email_verified_at: string | null; trial_ends_at: string | null;
};

const toLogin = (row: Row): Login => ({
  account: toAccount(row),
  email: row.email ?? '',
  companyName: row.company_name,
  verificationRequired: row.signed_up_at !== null && row.email_verified_at === null,
  emailVerifiedAt: row.email_verified_at,
  trialEndsAt: row.trial_ends_at,
});

const byEmail = (ex: Executor, email: string) =>
  ex.selectFrom('accounts').select(COLUMNS).where(sql<string>`lower(email)`, '=', email.trim().toLowerCase()).executeTakeFirst();

export async function getLogin(ex: Executor, accountId: number): Promise<Login> {
  const row = await ex.selectFrom('accounts').select(COLUMNS).where('id', '=', accountId).executeTakeFirstOrThrow();
  return toLogin(row);
}

// A real hash to compare against when the email is unknown, so both answers take as long.
let decoy: Promise<string> | null = null;

/** The account an email and password open, or null; disabled accounts cannot sign in. */
export async function signIn(ex: Executor, email: string, password: string): Promise<Login | null> {
  const row = email && password ? await byEmail(ex, email) : undefined;
  if (!row?.password_hash) {
    decoy ??= hashPassword(randomBytes(12).toString('hex'));
    await verifyPassword(password || 'x', await decoy);
    return null;
  }
  if (!(await verifyPassword(password, row.password_hash)) || row.active !== 1) return null;
  return toLogin(row);
}

export function checkPassword(password: string, field = 'password'): void {
  if (password.length < PASSWORD_MIN) throw invalidField(field, `The password needs at least ${PASSWORD_MIN} characters.`);
  if (password.length > PASSWORD_MAX) throw invalidField(field, `The password can have at most ${PASSWORD_MAX} characters.`);
}

export function normalizeEmail(email: string): string {
  const value = email.trim().toLowerCase();
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(value) || value.length > 254) throw invalidField('email', 'Enter a valid email address.');
  return value;
}

export interface SignUp {
  email: string;
  passwordHash: string;
  companyName: string | null;
}

/** A new account on the trial; the caller hashes the password first (scrypt is slow, keep it out of the transaction). */
export async function signUp(ex: Executor, input: SignUp, now: string): Promise<Login> {
  if (await byEmail(ex, input.email)) {
    throw new DomainError('conflict', 'An account with this email already exists; sign in instead.', 'identifier_conflict', [
      { field: 'email', message: 'An account with this email already exists; sign in instead.' },
    ]);
  }
  const account = await createAccount(ex, { plan: TRIAL_PLAN, email: input.email, passwordHash: input.passwordHash, companyName: input.companyName }, now);
  const trialEndsAt = new Date(Date.parse(now) + TRIAL_DAYS * 86_400_000).toISOString();
  await ex.updateTable('accounts').set({ signed_up_at: now, trial_ends_at: trialEndsAt }).where('id', '=', account.id).execute();
  return getLogin(ex, account.id);
}

export async function changePassword(ex: Executor, accountId: number, current: string, next: string, now: string): Promise<void> {
  const row = await ex.selectFrom('accounts').select('password_hash').where('id', '=', accountId).executeTakeFirstOrThrow();
  if (!row.password_hash || !(await verifyPassword(current, row.password_hash))) {
    throw invalidField('current_password', 'The current password is not correct.');
  }
  checkPassword(next, 'new_password');
  await ex.updateTable('accounts').set({ password_hash: await hashPassword(next), modified_at: now }).where('id', '=', accountId).execute();
}

/**
 * The default account's login: SHIPDOCK_ADMIN_EMAIL / SHIPDOCK_ADMIN_PASSWORD when set (they win
 * at every start, as configured keys do), else a password generated once and returned to print.
 */
export async function ensureAdminLogin(ex: Executor, input: { adminEmail: string; adminPassword: string | null }, now: string): Promise<{ email: string; password: string } | null> {
  const row = await ex.selectFrom('accounts').select(['email', 'password_hash']).where('id', '=', DEFAULT_ACCOUNT_ID).executeTakeFirst();
  if (!row) return null;
  const patch: { email?: string; password_hash?: string } = {};
  let generated: string | null = null;
  if (row.email !== input.adminEmail) {
    const taken = await ex.selectFrom('accounts').select('id').where(sql<string>`lower(email)`, '=', input.adminEmail).where('id', '!=', DEFAULT_ACCOUNT_ID).executeTakeFirst();
    if (!taken && (row.email === null || input.adminEmail !== 'admin@shipdock.local')) patch.email = input.adminEmail;
  }
  if (input.adminPassword) {
    if (!row.password_hash || !(await verifyPassword(input.adminPassword, row.password_hash))) patch.password_hash = await hashPassword(input.adminPassword);
  } else if (!row.password_hash) {
    generated = randomBytes(12).toString('base64url');
    patch.password_hash = await hashPassword(generated);
  }
  if (Object.keys(patch).length > 0) await ex.updateTable('accounts').set({ ...patch, modified_at: now }).where('id', '=', DEFAULT_ACCOUNT_ID).execute();
  return generated ? { email: patch.email ?? row.email ?? input.adminEmail, password: generated } : null;
}

/** API keys wait for a verified email (sign-ups only; configured and partner accounts are trusted). */
export function requireVerifiedEmail(login: Login): void {
  if (login.verificationRequired) {
    throw new DomainError('forbidden', `Verify your email address (${login.email}) before generating API keys: open the link we sent you.`);
  }
}
