// UPS 1Z: `1Z` + shipper number (6) + service indicator (2) + package reference (7) + check.
import { upsCheckDigit } from './check-digits.ts';
import { permuteBelow, scrambledField } from './serial.ts';

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
 * The 6-character shipper number is an account's: it stays the same for 10^7 consecutive serials (the
 * package reference's capacity), then the next "account" takes over. Both fields are keyed permutations,
 * so shipper numbers look like real ones (5R8939, 879E93) and references do not count up.
 */
const REFERENCE_CAPACITY = 10_000_000;
const SHIPPER_NUMBER_SPACE = 36 ** 6;
const SHIPPER_KEY = 0x1e5a4d;
const REFERENCE_KEY = 0x7b3c19;

function shipperNumber(serial: number): string {
  const account = Math.floor(serial / REFERENCE_CAPACITY) % SHIPPER_NUMBER_SPACE;
  return permuteBelow(account, SHIPPER_NUMBER_SPACE, SHIPPER_KEY).toString(36).toUpperCase().padStart(6, '0');
}

export function mintUps(serviceCode: string, serial: number): string {
  const reference = scrambledField(serial, 7, REFERENCE_KEY);
  const shipper = shipperNumber(serial);
  const indicator = SERVICE_INDICATORS[serviceCode] ?? DEFAULT_SERVICE_INDICATOR;
  const data = shipper + indicator + reference;
  return `1Z${data}${upsCheckDigit(data)}`;
}

export function isValidUps(trackingNumber: string): boolean {
  const match = /^1Z([0-9A-Z]{15})(\d)$/.exec(trackingNumber);
  return match !== null && upsCheckDigit(match[1]) === Number(match[2]);
}
