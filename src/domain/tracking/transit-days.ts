// Fallback transit time for labels that carry no estimated delivery date: the fixed
// transit days of zones_and_transit.json, else the middle of the service's typical range.
import { readFileSync } from 'node:fs';

const readReference = (path: string): unknown =>
  JSON.parse(readFileSync(new URL(`../../../reference/domain/${path}`, import.meta.url), 'utf8'));

interface TransitFile {
  transit_days_model: { fixed: Record<string, number> };
}
interface CarriersFile {
  carriers: Record<string, { services: { service_code: string; typical_transit_business_days?: string }[] }>;
}

const FIXED_TRANSIT_DAYS = (readReference('rates/zones_and_transit.json') as TransitFile).transit_days_model.fixed;

const TYPICAL_RANGES = new Map(
  Object.values((readReference('carriers.json') as CarriersFile).carriers)
    .flatMap((carrier) => carrier.services)
    .map((service) => [service.service_code, service.typical_transit_business_days ?? ''] as const),
);

const DEFAULT_TRANSIT_DAYS = 3;

export function typicalTransitDays(serviceCode: string): number {
  const fixed = FIXED_TRANSIT_DAYS[serviceCode];
  if (fixed !== undefined) return fixed;
  const range = /^(\d+)(?:-(\d+))?$/.exec(TYPICAL_RANGES.get(serviceCode) ?? '');
  if (!range) return DEFAULT_TRANSIT_DAYS;
  const low = Number(range[1]);
  const high = Number(range[2] ?? range[1]);
  return Math.ceil((low + high) / 2);
}
