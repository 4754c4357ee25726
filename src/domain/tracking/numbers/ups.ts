// UPS 1Z: `1Z` + shipper number (6) + service indicator (2) + package reference (7) + check.
import { upsCheckDigit } from './check-digits.ts';
import { counterField } from './serial.ts';

/** Tracking-number service indicators (not the UPS API service codes). */
const SERVICE_INDICATORS: Readonly<Record<string, string>> = {
  ups_ground: '03',
  ups_ground_international: '03',
  ups_standard_international: '03',
  ups_ground_saver: 'YW',
  ups_3_day_select: '12',
  ups_2nd_day_air: '02',
  ups_2nd_day_air_am: '02',
  ups_2nd_day_air_international: '02',
  ups_next_day_air: '01',
  ups_next_day_air_international: '01',
  ups_next_day_air_saver: '13',
  ups_next_day_air_early_am: '15',
  ups_worldwide_express: '66',
  ups_worldwide_express_plus: '66',
  ups_worldwide_saver: '66',
  ups_worldwide_expedited: '66',
};
const DEFAULT_SERVICE_INDICATOR = '03';

/**
 * Simulated shipper numbers are `SIM` + 3 base-36 characters. The package reference holds
 * 10^7 serials, so the shipper number moves on every 10^7 serials (SIM001, SIM002, ...),
 * like a large shipper holding several accounts.
 */
const SHIPPER_PREFIX = 'SIM';
const REFERENCE_CAPACITY = 10_000_000;
const SHIPPER_SUFFIX_COUNT = 36 ** 3 - 1;

export function mintUps(serviceCode: string, serial: number): string {
  const reference = counterField(serial, 7);
  const shipperIndex = (Math.floor(serial / REFERENCE_CAPACITY) % SHIPPER_SUFFIX_COUNT) + 1;
  const shipper = SHIPPER_PREFIX + shipperIndex.toString(36).toUpperCase().padStart(3, '0');
  const indicator = SERVICE_INDICATORS[serviceCode] ?? DEFAULT_SERVICE_INDICATOR;
  const data = shipper + indicator + reference;
  return `1Z${data}${upsCheckDigit(data)}`;
}

export function isValidUps(trackingNumber: string): boolean {
  const match = /^1Z([0-9A-Z]{15})(\d)$/.exec(trackingNumber);
  return match !== null && upsCheckDigit(match[1]) === Number(match[2]);
}
