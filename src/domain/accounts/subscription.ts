// Plan and add-on changes made by the account itself (dashboard), with what each one unlocks.
import type { Executor } from '../../db/index.ts';
import { DomainError } from '../errors.ts';
import { getAccount, type Account } from './accounts.ts';
import { ADDONS, isPlan, PLANS, type Addon, type Plan } from './plans.ts';

export const PLAN_INFO: Record<Plan, { name: string; unlocks: string }> = {
  starter: { name: 'Starter', unlocks: 'Orders, labels and carriers in the dashboard; no API access (API calls answer 402).' },
  standard: { name: 'Standard', unlocks: 'Everything in Starter, plus the V1 API and the V2 / ShipEngine API.' },
  accelerate: { name: 'Accelerate', unlocks: 'Everything in Standard, for higher volumes.' },
  premium: { name: 'Premium', unlocks: 'Everything in Accelerate, with premium support.' },
  enterprise: { name: 'Enterprise', unlocks: 'Everything in Premium, on custom terms.' },
};

export const ADDON_INFO: Record<Addon, { name: string; unlocks: string }> = {
  shipping_api: {
    name: 'Shipping API',
    unlocks: 'The V2 / ShipEngine shipping endpoints (labels, rates, shipments, carriers) on a plan without API access. The V1 API still needs Standard or above.',
  },
  inventory_api: {
    name: 'Inventory API',
    unlocks: 'The V2 inventory endpoints (/v2/inventory, inventory warehouses and locations). Without it they answer 402.',
  },
};

export { ADDONS, PLANS };

/** Choosing a plan ends a trial: the account is now on that plan. */
export async function changePlan(ex: Executor, accountId: number, plan: string, now: string): Promise<Account> {
  if (!isPlan(plan)) throw new DomainError('validation', `There is no ${plan} plan.`);
  await ex.updateTable('accounts').set({ plan, trial_ends_at: null, modified_at: now }).where('id', '=', accountId).execute();
  return getAccount(ex, accountId);
}

export async function setAddon(ex: Executor, accountId: number, addon: string, enabled: boolean, now: string): Promise<Account> {
  if (!(ADDONS as readonly string[]).includes(addon)) throw new DomainError('validation', `There is no ${addon} add-on.`);
  const account = await getAccount(ex, accountId);
  const addons = new Set<string>(account.addons);
  if (enabled) addons.add(addon);
  else addons.delete(addon);
  await ex
    .updateTable('accounts')
    .set({ addons: JSON.stringify(ADDONS.filter((a) => addons.has(a))), modified_at: now })
    .where('id', '=', accountId)
    .execute();
  return getAccount(ex, accountId);
}
