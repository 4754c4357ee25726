// Shipping rules: "when a shipment looks like this, ship it with that carrier and service".
// There is no rules API in the spec; rules are created with `shipdock rules create` and used by
// POST /v2/labels/shipping_rules/{shipping_rule_id}. Every condition given must hold; absent
// conditions match anything.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { ShippingRulesTable } from '../../db/schema.ts';
import { getCarrier } from '../carriers/connections.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { weightInPounds } from '../rating/units.ts';
import type { ShipmentBody } from '../shipments/types.ts';

export interface ShippingRuleConditions {
  /** Total weight of all packages, in ounces, inclusive. */
  minWeightOz?: number;
  maxWeightOz?: number;
  /** ISO country codes of the ship-to address. */
  shipToCountries?: string[];
  /** true: residential ship-to only; false: commercial only (an unknown indicator matches neither). */
  residential?: boolean;
}

export interface ShippingRule {
  id: number;
  accountId: number;
  name: string;
  conditions: ShippingRuleConditions;
  carrierId: number;
  serviceCode: string;
  createdAt: string;
}

const toRule = (row: Selectable<ShippingRulesTable>): ShippingRule => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  conditions: JSON.parse(row.conditions) as ShippingRuleConditions,
  carrierId: row.carrier_id,
  serviceCode: row.service_code,
  createdAt: row.created_at,
});

export interface NewShippingRule {
  name: string;
  conditions: ShippingRuleConditions;
  carrierId: number;
  serviceCode: string;
}

export async function createShippingRule(ex: Executor, accountId: number, input: NewShippingRule, now: string): Promise<ShippingRule> {
  const carrier = await getCarrier(ex, accountId, input.carrierId);
  if (!carrier.connector.catalog.services.some((s) => s.serviceCode === input.serviceCode)) {
    throw invalidField('service_code', `${carrier.carrierCode} has no service ${input.serviceCode}`, input.serviceCode);
  }
  const { minWeightOz: min, maxWeightOz: max } = input.conditions;
  for (const [field, value] of [['min_weight_oz', min], ['max_weight_oz', max]] as const) {
    if (value !== undefined && !(Number.isFinite(value) && value >= 0)) throw invalidField(field, `${field} must be a number of ounces, 0 or more`, value);
  }
  if (min !== undefined && max !== undefined && min > max) throw invalidField('max_weight_oz', 'max_weight_oz is below min_weight_oz', max);
  const countries = input.conditions.shipToCountries?.map((c) => c.toUpperCase());
  if (countries?.some((c) => !/^[A-Z]{2}$/.test(c))) throw invalidField('ship_to_countries', 'countries are two-letter ISO codes', countries);
  const conditions = { ...input.conditions, ...(countries ? { shipToCountries: countries } : {}) };
  const row = await ex
    .insertInto('shipping_rules')
    .values({ account_id: accountId, name: input.name, conditions: JSON.stringify(conditions), carrier_id: carrier.id, service_code: input.serviceCode, created_at: now })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toRule(row);
}

export async function listShippingRules(ex: Executor, accountId: number): Promise<ShippingRule[]> {
  return (await ex.selectFrom('shipping_rules').selectAll().where('account_id', '=', accountId).orderBy('id').execute()).map(toRule);
}

export async function deleteShippingRule(ex: Executor, accountId: number, id: number): Promise<void> {
  const result = await ex.deleteFrom('shipping_rules').where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('shipping rule', `se-${id}`);
}

export async function getShippingRule(ex: Executor, accountId: number, id: number): Promise<ShippingRule> {
  const row = await ex.selectFrom('shipping_rules').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('shipping rule', `se-${id}`);
  return toRule(row);
}

/** Why the shipment does not meet the rule, or null when it does. */
export function ruleMismatch(rule: ShippingRule, shipment: ShipmentBody): string | null {
  const c = rule.conditions;
  const ounces = Math.round(shipment.packages.reduce((sum, p) => sum + weightInPounds(p.weight) * 16, 0) * 100) / 100;
  if (c.minWeightOz !== undefined && ounces < c.minWeightOz) return `the shipment weighs ${ounces} oz, under the rule's minimum of ${c.minWeightOz} oz`;
  if (c.maxWeightOz !== undefined && ounces > c.maxWeightOz) return `the shipment weighs ${ounces} oz, over the rule's maximum of ${c.maxWeightOz} oz`;
  if (c.shipToCountries && !c.shipToCountries.includes(shipment.shipTo.countryCode.toUpperCase())) {
    return `the rule ships to ${c.shipToCountries.join(', ')}, not ${shipment.shipTo.countryCode}`;
  }
  if (c.residential !== undefined && shipment.shipTo.residential !== (c.residential ? 'yes' : 'no')) {
    return `the rule is for ${c.residential ? 'residential' : 'commercial'} addresses; the ship-to is ${shipment.shipTo.residential === 'unknown' ? 'not known to be either' : shipment.shipTo.residential === 'yes' ? 'residential' : 'commercial'}`;
  }
  return null;
}

/** The shipment with the rule's carrier and service, if it meets the rule's conditions. */
export async function applyShippingRule(ex: Executor, accountId: number, ruleId: number, shipment: ShipmentBody): Promise<ShipmentBody> {
  const rule = await getShippingRule(ex, accountId, ruleId);
  const mismatch = ruleMismatch(rule, shipment);
  if (mismatch) throw new DomainError('business_rules', `shipping rule se-${rule.id} (${rule.name}) does not apply: ${mismatch}`, 'invalid_field_value');
  return { ...shipment, carrierId: rule.carrierId, serviceCode: rule.serviceCode };
}
