// ShipStation plans: API access (V1 and V2) comes with Standard and above.

export const PLANS = ['starter', 'standard', 'accelerate', 'premium', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const ADDONS = ['inventory_api', 'shipping_api'] as const;
export type Addon = (typeof ADDONS)[number];

const API_PLANS: ReadonlySet<Plan> = new Set(['standard', 'accelerate', 'premium', 'enterprise']);

export function isPlan(value: string): value is Plan {
  return (PLANS as readonly string[]).includes(value);
}

export function planHasApiAccess(plan: string): boolean {
  return API_PLANS.has(plan as Plan);
}

/** V2 (ShipStation API) calls: a plan with API access, or the Shipping API add-on on a lower plan. */
export function hasShippingApi(account: { plan: string; addons: readonly string[] }): boolean {
  return planHasApiAccess(account.plan) || account.addons.includes('shipping_api');
}
