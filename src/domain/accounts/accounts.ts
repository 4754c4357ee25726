import { randomUUID } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { DomainError, notFound } from '../errors.ts';
import { isPlan, type Addon, type Plan } from './plans.ts';
import { provisionBuiltInCarriers } from '../carriers/connections.ts';

export interface Account {
  id: number;
  plan: Plan;
  addons: Addon[];
  active: boolean;
  partnerId: number | null;
  createdAt: string;
}

export interface NewAccount {
  plan: Plan;
  addons?: Addon[];
  partnerId?: number | null;
  externalAccountId?: string | null;
  email?: string | null;
  passwordHash?: string | null;
  companyName?: string | null;
  firstName?: string | null;
  lastName?: string | null;
  originCountryCode?: string | null;
  userName?: string;
}

type AccountRow = { id: number; plan: string; addons: string; active: number; partner_id: number | null; created_at: string };

export function toAccount(row: AccountRow): Account {
  return {
    id: row.id,
    plan: row.plan as Plan,
    addons: JSON.parse(row.addons) as Addon[],
    active: row.active === 1,
    partnerId: row.partner_id,
    createdAt: row.created_at,
  };
}

/** Creates an account with what every ShipStation account starts with: an owner user, a manual store and carriers. */
export async function createAccount(ex: Executor, input: NewAccount, now: string): Promise<Account> {
  if (!isPlan(input.plan)) throw new DomainError('validation', `unknown plan ${input.plan}`);
  const row = await ex
    .insertInto('accounts')
    .values({
      plan: input.plan,
      addons: JSON.stringify(input.addons ?? []),
      active: 1,
      partner_id: input.partnerId ?? null,
      external_account_id: input.externalAccountId ?? null,
      email: input.email ?? null,
      password_hash: input.passwordHash ?? null,
      company_name: input.companyName ?? null,
      first_name: input.firstName ?? null,
      last_name: input.lastName ?? null,
      origin_country_code: input.originCountryCode ?? null,
      created_at: now,
      modified_at: now,
    })
    .returning(['id', 'plan', 'addons', 'active', 'partner_id', 'created_at'])
    .executeTakeFirstOrThrow();
  const ownerName = input.userName ?? ([input.firstName, input.lastName].filter(Boolean).join(' ') || 'Account Owner');
  await ex
    .insertInto('users')
    .values({
      id: randomUUID(),
      account_id: row.id,
      name: ownerName,
      username: input.email ?? `owner-${row.id}@shipdock.local`,
      email: input.email ?? `owner-${row.id}@shipdock.local`,
      status: 'active',
      created_at: now,
      last_login_at: null,
    })
    .execute();
  await ex
    .insertInto('stores')
    .values({
      account_id: row.id,
      name: 'Manual Orders',
      marketplace_id: 0,
      marketplace_name: 'ShipStation',
      active: 1,
      details: '{}',
      refresh_date: null,
      last_refresh_attempt: null,
      created_at: now,
      modified_at: now,
    })
    .execute();
  await provisionBuiltInCarriers(ex, row.id, now);
  return toAccount(row);
}

export async function getAccount(ex: Executor, id: number): Promise<Account> {
  const row = await ex
    .selectFrom('accounts')
    .select(['id', 'plan', 'addons', 'active', 'partner_id', 'created_at'])
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound('account', id);
  return toAccount(row);
}

export async function listAccounts(ex: Executor): Promise<Account[]> {
  const rows = await ex
    .selectFrom('accounts')
    .select(['id', 'plan', 'addons', 'active', 'partner_id', 'created_at'])
    .orderBy('id')
    .execute();
  return rows.map(toAccount);
}

export async function setAccountActive(ex: Executor, id: number, active: boolean, now: string): Promise<void> {
  await ex.updateTable('accounts').set({ active: active ? 1 : 0, modified_at: now }).where('id', '=', id).execute();
}
