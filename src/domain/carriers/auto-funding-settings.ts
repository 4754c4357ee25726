// Auto-funding rules of a funded carrier, kept in its settings JSON under `auto_funding`;
// src/domain/labels/auto-funding.ts applies them when a label debit crosses the threshold.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { invalidField } from '../errors.ts';
import { autoFundingOf, type AutoFundingSettings } from '../labels/auto-funding.ts';
import { updateCarrierSettings } from './connections.ts';
import { checkAmount, getFundedCarrier } from './funds.ts';

const DISABLED: AutoFundingSettings = { isEnabled: false, thresholdCents: 0, purchaseCents: 0, maximumPurchasesPerDay: 0 };

export async function getAutoFunding(ex: Executor, accountId: number, carrierId: number): Promise<AutoFundingSettings> {
  return autoFundingOf(await getFundedCarrier(ex, accountId, carrierId)) ?? DISABLED;
}

/** Replaces the rules; fields left out keep their stored values. Enabling needs a purchase amount and a daily limit. */
export async function setAutoFunding(ex: Executor, accountId: number, carrierId: number, patch: Partial<AutoFundingSettings>): Promise<AutoFundingSettings> {
  // The settings JSON is read, merged and written back: concurrent updates must not lose each other.
  await lockRow(ex, 'carriers', carrierId);
  const current = autoFundingOf(await getFundedCarrier(ex, accountId, carrierId)) ?? DISABLED;
  const rules: AutoFundingSettings = { ...current, ...definedOnly(patch) };
  checkAmount('low_balance_purchase_threshold.amount', rules.thresholdCents, 0);
  if (rules.purchaseCents !== 0) checkAmount('purchase_amount', rules.purchaseCents, 1);
  if (rules.isEnabled && rules.purchaseCents === 0) {
    throw invalidField('purchase_amount', 'purchase_amount is required to enable auto-funding', undefined, 'field_value_required');
  }
  if (rules.isEnabled && rules.maximumPurchasesPerDay < 1) {
    throw invalidField('maximum_purchases_per_day', 'maximum_purchases_per_day must be at least 1 to enable auto-funding', rules.maximumPurchasesPerDay);
  }
  await updateCarrierSettings(ex, accountId, carrierId, { auto_funding: rules });
  return rules;
}

function definedOnly(patch: Partial<AutoFundingSettings>): Partial<AutoFundingSettings> {
  return Object.fromEntries(Object.entries(patch).filter(([, v]) => v !== undefined));
}
