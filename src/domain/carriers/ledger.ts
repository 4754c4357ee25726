// The rules every prepaid balance follows (funded carriers, Shipsurance): a balance is the sum of
// append-only ledger entries; a charge never overdraws it; a voided label gets back exactly what it
// was charged, once.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import type { Cents } from '../shipping-types.ts';

export type LedgerTable = 'carrier_ledger' | 'insurance_ledger';

const dollars = (cents: Cents) => `$${(cents / 100).toFixed(2)}`;

/** Refuses a charge the balance cannot cover (the caller holds the balance's lock). */
export function assertCovers(balanceCents: Cents, amountCents: Cents, what: string, item = 'this label', plural = false): void {
  if (balanceCents < amountCents) {
    throw new DomainError(
      'business_rules',
      `Insufficient funds: the ${what} balance is ${dollars(balanceCents)} and ${item} ${plural ? 'cost' : 'costs'} ${dollars(amountCents)}.`,
      'insufficient_funds',
    );
  }
}

/**
 * What a label still owes back: minus the sum of its entries when that sum is a net charge, else
 * zero (nothing charged, or already refunded).
 */
export async function refundDue(ex: Executor, table: LedgerTable, labelId: number): Promise<Cents> {
  // Both ledgers share amount_cents and label_id; the cast only narrows Kysely's table union.
  const row = await ex
    .selectFrom(table as 'carrier_ledger')
    .select((eb) => eb.fn.sum<number>('amount_cents').as('total'))
    .where('label_id', '=', labelId)
    .executeTakeFirst();
  const net = Number(row?.total ?? 0);
  return net < 0 ? -net : 0;
}
