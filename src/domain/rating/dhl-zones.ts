// DHL Express export rating zone (A-N) for a destination country, from the 2025 US rate guide.
import { buildDhlCountryNames } from './country-names.ts';
import { readReferenceJson } from './reference-data.ts';

const zonesByName = readReferenceJson<{ zones: Record<string, string> }>('rates/dhl_express_export_zones_us_2025.json').zones;

/** ISO-2 -> DHL country name, for every DHL name an ISO code reaches. */
export const DHL_COUNTRY_NAMES = buildDhlCountryNames(Object.keys(zonesByName));

export const DHL_ZONE_NAMES: readonly string[] = Object.keys(zonesByName);

/** Export zone letter for an ISO-2 destination, or null when DHL lists no zone for it. */
export function dhlExportZone(countryCode: string): string | null {
  const name = DHL_COUNTRY_NAMES.get(countryCode.trim().toUpperCase());
  return name ? (zonesByName[name] ?? null) : null;
}
