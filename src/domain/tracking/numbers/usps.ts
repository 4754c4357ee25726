// USPS: 22-digit IMpb for domestic mail, UPU S10 (e.g. CP000000015US) for international.
import { mod10Weight31, s10CheckDigit } from './check-digits.ts';
import { scrambledField } from './serial.ts';

/** Channel 94: PC-postage vendors such as Stamps.com, which is how ShipStation labels start. */
const CHANNEL_PC_POSTAGE = '94';
/** Fake 6-digit Mailer ID (real 6-digit MIDs never start with 9), as a PC-postage vendor's shared MID. */
const SIMULATED_MAILER_ID = '208215';
/** Keys of the serial permutations (any fixed values; changing them changes every future number). */
const IMPB_KEY = 0x51a7c3;
const S10_KEY = 0x2f09e1;

/** Service Type Codes (USPS Pub 199) by service; 001 covers the Ground-Advantage-like classes. */
const SERVICE_TYPE_CODES: Readonly<Record<string, string>> = {
  usps_ground_advantage: '001',
  usps_first_class_mail: '001',
  usps_media_mail: '001',
  usps_parcel_select: '001',
  globalpost_parcel_select_smart_saver: '001',
  usps_priority_mail: '055',
  usps_priority_mail_express: '701',
};
const DEFAULT_SERVICE_TYPE_CODE = '001';

/**
 * S10 first letter (product) and the second letter the range starts at. The second letter
 * advances every 10^8 serials, so each product holds 26 x 10^8 numbers.
 */
const S10_SERIES: Readonly<Record<string, { product: string; firstSecondLetter: string }>> = {
  usps_priority_mail_express_international: { product: 'E', firstSecondLetter: 'A' },
  usps_priority_mail_international: { product: 'C', firstSecondLetter: 'P' },
  usps_first_class_mail_international: { product: 'L', firstSecondLetter: 'X' },
};

const S10_SERIAL_CAPACITY = 100_000_000;
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';

export function mintUsps(serviceCode: string, serial: number): string {
  const series = S10_SERIES[serviceCode];
  if (series) return mintS10(series.product, series.firstSecondLetter, serial);
  const stc = SERVICE_TYPE_CODES[serviceCode] ?? DEFAULT_SERVICE_TYPE_CODE;
  const data = CHANNEL_PC_POSTAGE + stc + SIMULATED_MAILER_ID + scrambledField(serial, 10, IMPB_KEY);
  return data + mod10Weight31(data);
}

function mintS10(product: string, firstSecondLetter: string, serial: number): string {
  const field = scrambledField(serial, 8, S10_KEY);
  const block = Math.floor(serial / S10_SERIAL_CAPACITY) % ALPHABET.length;
  const secondLetter = ALPHABET[(ALPHABET.indexOf(firstSecondLetter) + block) % ALPHABET.length];
  return `${product}${secondLetter}${field}${s10CheckDigit(field)}US`;
}

/** Special-services numbers (Certified, Insured, Registered, Return Receipt) checked with a 91 prefix. */
const SPECIAL_SERVICES_PREFIX = /^(71|73|77|81)/;

export function isValidUsps(trackingNumber: string): boolean {
  const s10 = /^[A-Z]{2}(\d{8})(\d)[A-Z]{2}$/.exec(trackingNumber);
  if (s10) return s10CheckDigit(s10[1]) === Number(s10[2]);
  if (!/^(\d{20}|9\d{21}|9\d{25})$/.test(trackingNumber)) return false;
  const full = trackingNumber.length === 20 && SPECIAL_SERVICES_PREFIX.test(trackingNumber)
    ? `91${trackingNumber}`
    : trackingNumber;
  return mod10Weight31(full.slice(0, -1)) === Number(full.at(-1));
}
