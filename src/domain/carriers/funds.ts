// Adding funds to a funded carrier's prepaid balance: one credit entry in the carrier ledger.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { DomainError, invalidField } from '../errors.ts';
import type { Cents } from '../shipping-types.ts';
import { carrierBalance } from './balances.ts';
import { getCarrier, listCarriers, type CarrierConnection } from './connections.ts';
import { carrierAnswersTo } from './walleted.ts';

/** Balances are US dollars, the one currency Shipdock's simulated carriers charge in. */
export const FUNDS_CURRENCY = 'usd';
/** ShipStation V1 documents $10,000.00 as the most one deposit can add; Shipdock applies it everywhere. */
const MAXIMUM_DEPOSIT_CENTS = 1_000_000;

export interface Deposit {
  currency: string;
  amountCents: Cents;
  /** The surface's documented minimum: $10.00 on V1 and V2, one cent on ShipEngine. */
  minimumCents: Cents;
}

const dollars = (cents: Cents) => `$${(cents / 100).toFixed(2)}`;

function notFunded(carrier: CarrierConnection): DomainError {
  return new DomainError(
    'business_rules',
    `Carrier se-${carrier.id} (${carrier.nickname}) is billed by the carrier, not prepaid; only ShipStation-funded carriers take funds.`,
    'auto_fund_not_supported',
  );
}

/** A funded carrier of the account; another account's carrier is not found, an unfunded one refused. */
export async function getFundedCarrier(ex: Executor, accountId: number, carrierId: number): Promise<CarrierConnection> {
  const carrier = await getCarrier(ex, accountId, carrierId);
  if (!carrier.funded) throw notFunded(carrier);
  return carrier;
}

/** V1 names carriers by code: the account's funded connection answering to it, else its primary one. */
export async function carrierToFundByCode(ex: Executor, accountId: number, code: string): Promise<CarrierConnection | null> {
  const matching = (await listCarriers(ex, accountId)).filter((c) => carrierAnswersTo(c, code));
  return matching.find((c) => c.funded) ?? matching.find((c) => c.primary) ?? matching[0] ?? null;
}

export function checkCurrency(field: string, currency: string): void {
  if (currency.toLowerCase() !== FUNDS_CURRENCY) throw invalidField(field, `Balances are in USD; ${currency} is not supported.`, currency);
}

export function checkAmount(field: string, amountCents: Cents, minimumCents: Cents): void {
  if (amountCents < minimumCents || amountCents > MAXIMUM_DEPOSIT_CENTS) {
    throw invalidField(field, `${field} must be between ${dollars(minimumCents)} and ${dollars(MAXIMUM_DEPOSIT_CENTS)}.`, amountCents / 100);
  }
}

/** Credits a carrier the caller loaded for its account and returns the new balance, in the caller's transaction. */
export async function addFunds(ex: Executor, carrier: CarrierConnection, deposit: Deposit, now: string): Promise<Cents> {
  if (!carrier.funded) throw notFunded(carrier);
  checkCurrency('currency', deposit.currency);
  checkAmount('amount', deposit.amountCents, deposit.minimumCents);
  // Serializes with label debits on the same carrier, so the balance returned is the one just made.
  await lockRow(ex, 'carriers', carrier.id);
  await ex
    .insertInto('carrier_ledger')
    .values({ account_id: carrier.accountId, carrier_id: carrier.id, amount_cents: deposit.amountCents, kind: 'deposit', label_id: null, created_at: now })
    .execute();
  return carrierBalance(ex, carrier.id);
}
