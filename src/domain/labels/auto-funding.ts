// Auto-funding: when a debit takes a funded carrier's balance from at or above the threshold to
// below it, buy `purchase_amount` of postage, at most `maximum_purchases_per_day` times a (UTC) day.
import type { Executor } from '../../db/index.ts';
import type { CarrierConnection } from '../carriers/connections.ts';
import type { Cents } from '../shipping-types.ts';

export interface AutoFundingSettings {
  isEnabled: boolean;
  thresholdCents: Cents;
  purchaseCents: Cents;
  maximumPurchasesPerDay: number;
}

export const autoFundingOf = (carrier: CarrierConnection): AutoFundingSettings | null =>
  (carrier.settings.auto_funding as AutoFundingSettings | undefined) ?? null;

export async function applyAutoFunding(ex: Executor, carrier: CarrierConnection, before: Cents, after: Cents, now: string): Promise<void> {
  const rules = autoFundingOf(carrier);
  if (!rules?.isEnabled || before < rules.thresholdCents || after >= rules.thresholdCents) return;
  const today = await ex
    .selectFrom('carrier_ledger')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('carrier_id', '=', carrier.id)
    .where('kind', '=', 'auto_fund')
    .where('created_at', '>=', `${now.slice(0, 10)}T00:00:00.000Z`)
    .executeTakeFirstOrThrow();
  if (Number(today.n) >= rules.maximumPurchasesPerDay) return;
  await ex
    .insertInto('carrier_ledger')
    .values({ account_id: carrier.accountId, carrier_id: carrier.id, amount_cents: rules.purchaseCents, kind: 'auto_fund', label_id: null, created_at: now })
    .execute();
}
