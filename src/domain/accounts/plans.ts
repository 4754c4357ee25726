// ShipStation plans: API access (V1 and V2) comes with Standard and above.

export const PLANS = ['starter', 'standard', 'accelerate', 'premium', 'enterprise'] as const;
export type Plan = (typeof PLANS)[number];

export const ADDONS = ['inventory_api'] as const;
export type Addon = (typeof ADDONS)[number];

const API_PLANS: ReadonlySet<Plan> = new Set(['standard', 'accelerate', 'premium', 'enterprise']);

export function isPlan(value: string): value is Plan {
  return (PLANS as readonly string[]).includes(value);
}

export function planHasApiAccess(plan: string): boolean {
  return API_PLANS.has(plan as Plan);
}
