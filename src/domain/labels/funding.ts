// Prepaid (funded) carriers: a label (or a V2 mailing) debits the carrier's balance in the purchase transaction;
// a void refunds it. The carrier row is locked first so concurrent purchases cannot overdraw.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { carrierBalance } from '../carriers/balances.ts';
import type { CarrierConnection } from '../carriers/connections.ts';
import { assertCovers, refundDue } from '../carriers/ledger.ts';
import type { Cents } from '../shipping-types.ts';
import { applyAutoFunding } from './auto-funding.ts';

/** What a debit pays for: the ledger entry names it, the refusal message describes it. */
export interface Charge {
  kind: 'label' | 'mailing';
  labelId?: number | null;
  mailingId?: number | null;
  /** "this label", "these 3 NetStamps" */
  description: string;
  plural?: boolean;
}

/** Debits a funded carrier under its row lock, refusing (insufficient_funds) what the balance cannot cover. */
export async function debitFundedCarrier(ex: Executor, carrier: CarrierConnection, amountCents: Cents, charge: Charge, now: string): Promise<void> {
  if (!carrier.funded) return;
  await lockRow(ex, 'carriers', carrier.id);
  const balance = await carrierBalance(ex, carrier.id);
  assertCovers(balance, amountCents, carrier.nickname, charge.description, charge.plural);
  await ex
    .insertInto('carrier_ledger')
    .values({
      account_id: carrier.accountId,
      carrier_id: carrier.id,
      amount_cents: -amountCents,
      kind: charge.kind,
      label_id: charge.labelId ?? null,
      mailing_id: charge.mailingId ?? null,
      created_at: now,
    })
    .execute();
  await applyAutoFunding(ex, carrier, balance, balance - amountCents, now);
}

export async function debitForLabel(ex: Executor, carrier: CarrierConnection, amountCents: Cents, labelId: number, now: string): Promise<void> {
  await debitFundedCarrier(ex, carrier, amountCents, { kind: 'label', labelId, description: 'this label' }, now);
}

/** Credits back whatever a label's purchase debited (nothing for unfunded carriers or test labels). */
export async function refundLabel(ex: Executor, accountId: number, carrierId: number, labelId: number, now: string): Promise<void> {
  const due = await refundDue(ex, 'carrier_ledger', labelId);
  if (due === 0) return;
  await ex
    .insertInto('carrier_ledger')
    .values({ account_id: accountId, carrier_id: carrierId, amount_cents: due, kind: 'refund', label_id: labelId, created_at: now })
    .execute();
}
