// Shipsurance (ShipEngine /v1 only): an account connects its policy, prepays a balance, and every
// label shipped with `insurance_provider: shipsurance` pays its premium from that balance in the
// purchase transaction; a void gives the premium back. The balance follows the funded-carrier
// ledger rules (src/domain/carriers/ledger.ts), locked on the connection row.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { checkAmount, checkCurrency } from '../carriers/funds.ts';
import { assertCovers, refundDue } from '../carriers/ledger.ts';
import { DomainError } from '../errors.ts';
import type { Cents } from '../shipping-types.ts';

const PROVIDER = 'shipsurance';

/**
 * Premium per $100 of declared value (or part of $100), per package, from Shipsurance's published
 * ShipEngine rates (help.shipengine.com, "Shipsurance"): USPS domestic $1.09, other domestic
 * services $0.99, international $1.39. (FedEx Ground Economy is also $1.09; Shipdock's FedEx has
 * no such service.)
 */
export const SHIPSURANCE_RATES_PER_100 = { uspsDomestic: 109, domestic: 99, international: 139 } as const;

export interface Connection {
  id: number;
  accountId: number;
  email: string;
  policyId: string;
}

const notConnected = () =>
  new DomainError('business_rules', 'No Shipsurance account is connected; connect one with POST /v1/connections/insurance/shipsurance first.', 'invalid_status');

async function findConnection(ex: Executor, accountId: number): Promise<Connection | null> {
  const row = await ex
    .selectFrom('insurance_connections')
    .select(['id', 'account_id', 'email', 'policy_id'])
    .where('account_id', '=', accountId)
    .where('provider', '=', PROVIDER)
    .executeTakeFirst();
  return row ? { id: row.id, accountId: row.account_id, email: row.email, policyId: row.policy_id } : null;
}

async function requireConnection(ex: Executor, accountId: number): Promise<Connection> {
  const connection = await findConnection(ex, accountId);
  if (!connection) throw notConnected();
  return connection;
}

/** Connects (or re-connects, replacing the policy details of) the account's Shipsurance account. */
export async function connectShipsurance(ex: Executor, accountId: number, input: { email: string; policyId: string }, now: string): Promise<void> {
  const existing = await findConnection(ex, accountId);
  if (existing) {
    await ex.updateTable('insurance_connections').set({ email: input.email, policy_id: input.policyId }).where('id', '=', existing.id).execute();
    return;
  }
  await ex
    .insertInto('insurance_connections')
    .values({ account_id: accountId, provider: PROVIDER, email: input.email, policy_id: input.policyId, created_at: now })
    .execute();
}

/** Disconnects; the prepaid balance stays in the ledger and is there again on reconnecting. */
export async function disconnectShipsurance(ex: Executor, accountId: number): Promise<void> {
  const connection = await requireConnection(ex, accountId);
  await ex.deleteFrom('insurance_connections').where('id', '=', connection.id).execute();
}

async function balanceOf(ex: Executor, accountId: number): Promise<Cents> {
  const row = await ex
    .selectFrom('insurance_ledger')
    .select((eb) => eb.fn.sum<number>('amount_cents').as('balance'))
    .where('account_id', '=', accountId)
    .where('provider', '=', PROVIDER)
    .executeTakeFirst();
  return Number(row?.balance ?? 0);
}

export async function shipsuranceBalance(ex: Executor, accountId: number): Promise<Cents> {
  await requireConnection(ex, accountId);
  return balanceOf(ex, accountId);
}

/** ShipEngine sets no minimum beyond one cent; the most one deposit adds is the carriers' maximum. */
export async function addShipsuranceFunds(ex: Executor, accountId: number, deposit: { currency: string; amountCents: Cents }, now: string): Promise<Cents> {
  checkCurrency('currency', deposit.currency);
  checkAmount('amount', deposit.amountCents, 1);
  const connection = await requireConnection(ex, accountId);
  await lockRow(ex, 'insurance_connections', connection.id);
  await ex
    .insertInto('insurance_ledger')
    .values({ account_id: accountId, provider: PROVIDER, amount_cents: deposit.amountCents, kind: 'deposit', label_id: null, created_at: now })
    .execute();
  return balanceOf(ex, accountId);
}

export interface InsuredShipment {
  carrierFamily: string | null;
  international: boolean;
  insuredValuesCents: Cents[];
}

/** The premium of one label: per package, each started $100 of declared value at the route's rate. */
export function shipsurancePremium(shipment: InsuredShipment): Cents {
  const rate = shipment.international
    ? SHIPSURANCE_RATES_PER_100.international
    : shipment.carrierFamily === 'usps'
      ? SHIPSURANCE_RATES_PER_100.uspsDomestic
      : SHIPSURANCE_RATES_PER_100.domestic;
  return shipment.insuredValuesCents.reduce((sum, value) => sum + Math.ceil(Math.max(0, value) / 10_000) * rate, 0);
}

/** Checked before the label exists, so a label is never made that could not be insured. */
export async function assertCanInsure(ex: Executor, accountId: number): Promise<void> {
  await requireConnection(ex, accountId);
}

/** Charges a label's premium in the purchase transaction; never overdraws the balance. */
export async function chargePremium(ex: Executor, accountId: number, premiumCents: Cents, labelId: number, now: string): Promise<void> {
  if (premiumCents <= 0) return;
  const connection = await requireConnection(ex, accountId);
  await lockRow(ex, 'insurance_connections', connection.id);
  assertCovers(await balanceOf(ex, accountId), premiumCents, 'Shipsurance insurance', 'this label\'s insurance premium');
  await ex
    .insertInto('insurance_ledger')
    .values({ account_id: accountId, provider: PROVIDER, amount_cents: -premiumCents, kind: 'premium', label_id: labelId, created_at: now })
    .execute();
}

/** Gives back the premium a voided label paid, once (even after a disconnect). */
export async function refundPremium(ex: Executor, accountId: number, labelId: number, now: string): Promise<void> {
  const due = await refundDue(ex, 'insurance_ledger', labelId);
  if (due === 0) return;
  await ex
    .insertInto('insurance_ledger')
    .values({ account_id: accountId, provider: PROVIDER, amount_cents: due, kind: 'refund', label_id: labelId, created_at: now })
    .execute();
}
