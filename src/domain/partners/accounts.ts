// Accounts a partner provisions and manages through the Partner API. Every lookup is scoped to the
// calling partner: another partner's account (or one no partner owns) does not exist for it.
import { sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { createAccount } from '../accounts/accounts.ts';
import type { Plan } from '../accounts/plans.ts';
import { createApiKey, type CreatedApiKey } from '../accounts/keys.ts';
import { hashPassword } from '../accounts/secrets.ts';
import { DomainError, notFound } from '../errors.ts';

/** Limits of the create-account body (docs: partners/accounts/create); the API schema is built from them. */
export const PARTNER_ACCOUNT_LIMITS = {
  nameMax: 24,
  companyNameMax: 50,
  externalIdMax: 128,
  emailMax: 50,
  passwordMin: 7,
  passwordMax: 128,
} as const;

/** Partner-provisioned accounts get API access, as ShipEngine accounts have. */
const PARTNER_ACCOUNT_PLAN: Plan = 'standard';
const FIRST_KEY_DESCRIPTION = 'Created with the account';

export interface PartnerAccount {
  id: number;
  externalAccountId: string | null;
  email: string | null;
  companyName: string | null;
  firstName: string | null;
  lastName: string | null;
  originCountryCode: string | null;
  active: boolean;
  createdAt: string;
  modifiedAt: string;
}

export interface PartnerAccountInput {
  externalAccountId?: string | null;
  email?: string | null;
  password?: string | null;
  companyName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  originCountryCode?: string | null;
}

export type PreparedPartnerAccount = Omit<PartnerAccountInput, 'password'> & { passwordHash: string | null };

export interface PartnerAccountFilter {
  externalAccountId?: string;
  active?: boolean;
}

export interface PartnerAccountPage {
  offset: number;
  limit: number;
  sortDir: 'asc' | 'desc';
}

const COLUMNS = [
  'id',
  'external_account_id',
  'email',
  'company_name',
  'first_name',
  'last_name',
  'origin_country_code',
  'active',
  'created_at',
  'modified_at',
] as const;

type Row = {
  id: number;
  external_account_id: string | null;
  email: string | null;
  company_name: string | null;
  first_name: string | null;
  last_name: string | null;
  origin_country_code: string | null;
  active: number;
  created_at: string;
  modified_at: string;
};

const toPartnerAccount = (row: Row): PartnerAccount => ({
  id: row.id,
  externalAccountId: row.external_account_id,
  email: row.email,
  companyName: row.company_name,
  firstName: row.first_name,
  lastName: row.last_name,
  originCountryCode: row.origin_country_code,
  active: row.active === 1,
  createdAt: row.created_at,
  modifiedAt: row.modified_at,
});

const conflict = (field: string, message: string) =>
  new DomainError('conflict', message, 'identifier_conflict', [{ field, message, code: 'identifier_conflict' }]);

const emailConflict = () => conflict('email', 'The email is already in use by another account.');
const externalIdConflict = (id: string) => conflict('external_account_id', `An account with external_account_id ${id} already exists.`);

function isUniqueViolation(error: unknown): error is Error {
  const code = (error as { code?: unknown } | null)?.code;
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE';
}

/** scrypt is slow on purpose, so the password is hashed before any transaction opens. */
export async function preparePartnerAccount(input: PartnerAccountInput): Promise<PreparedPartnerAccount> {
  const { password, ...rest } = input;
  return { ...rest, passwordHash: password ? await hashPassword(password) : null };
}

async function emailTaken(ex: Executor, email: string): Promise<boolean> {
  // Emails compare case-insensitively: Ann@x.com and ann@x.com are one login.
  const row = await ex
    .selectFrom('accounts')
    .select('id')
    .where(sql<string>`lower(email)`, '=', email.toLowerCase())
    .executeTakeFirst();
  return row !== undefined;
}

async function findByExternalId(ex: Executor, partnerId: number, externalAccountId: string): Promise<PartnerAccount | null> {
  const row = await ex
    .selectFrom('accounts')
    .select(COLUMNS)
    .where('partner_id', '=', partnerId)
    .where('external_account_id', '=', externalAccountId)
    .executeTakeFirst();
  return row ? toPartnerAccount(row) : null;
}

/** A new account of the partner with its first API key (the only time the key's value is shown). */
export async function createPartnerAccount(
  ex: Executor,
  partnerId: number,
  input: PreparedPartnerAccount,
  now: string,
): Promise<{ account: PartnerAccount; apiKey: CreatedApiKey }> {
  if (input.email && (await emailTaken(ex, input.email))) throw emailConflict();
  if (input.externalAccountId && (await findByExternalId(ex, partnerId, input.externalAccountId))) {
    throw externalIdConflict(input.externalAccountId);
  }
  let accountId: number;
  try {
    ({ id: accountId } = await createAccount(ex, { plan: PARTNER_ACCOUNT_PLAN, partnerId, ...input }, now));
  } catch (error) {
    // Two concurrent creates can both pass the checks above; the unique indexes settle it.
    if (isUniqueViolation(error) && /email/i.test(error.message)) throw emailConflict();
    if (isUniqueViolation(error) && /external/i.test(error.message)) throw externalIdConflict(input.externalAccountId ?? '');
    throw error;
  }
  const apiKey = await createApiKey(ex, { accountId }, now, { description: FIRST_KEY_DESCRIPTION });
  return { account: await getPartnerAccount(ex, partnerId, accountId), apiKey };
}

export async function getPartnerAccount(ex: Executor, partnerId: number, accountId: number): Promise<PartnerAccount> {
  const row = await ex
    .selectFrom('accounts')
    .select(COLUMNS)
    .where('id', '=', accountId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (!row) throw notFound('account', accountId);
  return toPartnerAccount(row);
}

export async function getPartnerAccountByExternalId(ex: Executor, partnerId: number, externalAccountId: string): Promise<PartnerAccount> {
  const account = await findByExternalId(ex, partnerId, externalAccountId);
  if (!account) throw notFound('account with external_account_id', externalAccountId);
  return account;
}

export async function listPartnerAccounts(
  ex: Executor,
  partnerId: number,
  filter: PartnerAccountFilter,
  page: PartnerAccountPage,
): Promise<{ accounts: PartnerAccount[]; total: number }> {
  let query = ex.selectFrom('accounts').where('partner_id', '=', partnerId);
  if (filter.externalAccountId !== undefined) query = query.where('external_account_id', '=', filter.externalAccountId);
  if (filter.active !== undefined) query = query.where('active', '=', filter.active ? 1 : 0);
  const [rows, count] = await Promise.all([
    query.select(COLUMNS).orderBy('id', page.sortDir).offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { accounts: rows.map(toPartnerAccount), total: Number(count.n) };
}

/** Disabling is reversible; while disabled, every key of the account is refused (see authenticate.ts). */
export async function setPartnerAccountActive(ex: Executor, partnerId: number, accountId: number, active: boolean, now: string): Promise<void> {
  const result = await ex
    .updateTable('accounts')
    .set({ active: active ? 1 : 0, modified_at: now })
    .where('id', '=', accountId)
    .where('partner_id', '=', partnerId)
    .executeTakeFirst();
  if (Number(result.numUpdatedRows) === 0) throw notFound('account', accountId);
}
