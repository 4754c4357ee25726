// ShipStation's default rate shoppers (docs, rate_shoppers): cheapest = lowest cost; fastest =
// fewest delivery days, then lowest cost; best_value = lowest cost arriving within 4 days.
import { DomainError } from '../errors.ts';
import type { StoredRate } from '../rates/shop.ts';

export const RATE_SHOPPERS = ['cheapest', 'fastest', 'best_value'] as const;
export type RateShopper = (typeof RATE_SHOPPERS)[number];

export const BEST_VALUE_MAX_DAYS = 4;

const days = (r: StoredRate) => r.quote.deliveryDays ?? Number.POSITIVE_INFINITY;
const byCost = (a: StoredRate, b: StoredRate) => a.quote.totalCents - b.quote.totalCents || days(a) - days(b);

export function pickRate(strategy: RateShopper, rates: StoredRate[]): StoredRate {
  const candidates =
    strategy === 'best_value' ? rates.filter((r) => days(r) <= BEST_VALUE_MAX_DAYS) : rates;
  const sorted = [...candidates].sort(strategy === 'fastest' ? (a, b) => days(a) - days(b) || byCost(a, b) : byCost);
  if (sorted.length === 0) {
    const why = strategy === 'best_value' ? ` arriving within ${BEST_VALUE_MAX_DAYS} days` : '';
    throw new DomainError('business_rules', `No rate${why} is available for this shipment.`, 'no_rates_returned');
  }
  return sorted[0];
}

export interface RateShopperDefinition {
  id: RateShopper;
  name: string;
  services: { carrierId: number; serviceCode: string }[];
  /** The most transit days a pick may take; null when speed is not a limit. */
  maxDays: number | null;
}

const NAMES: Record<RateShopper, string> = { cheapest: 'Cheapest', fastest: 'Fastest', best_value: 'Best Value' };

export const isRateShopper = (id: string): id is RateShopper => (RATE_SHOPPERS as readonly string[]).includes(id);

/** The defaults shop every service of every carrier the account has connected, as the label purchase does. */
export function rateShopperDefinitions(carriers: { id: number; services: string[] }[]): RateShopperDefinition[] {
  const services = carriers.flatMap((c) => c.services.map((serviceCode) => ({ carrierId: c.id, serviceCode })));
  return RATE_SHOPPERS.map((id) => ({ id, name: NAMES[id], services, maxDays: id === 'best_value' ? BEST_VALUE_MAX_DAYS : null }));
}
