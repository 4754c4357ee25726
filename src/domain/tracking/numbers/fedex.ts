// FedEx: 12-digit numbers for every service, 15-digit numbers for the FedEx Ground network.
import { fedexMod11, mod10Weight31 } from './check-digits.ts';
import { permuteBelow, scrambledField } from './serial.ts';

/** Express: `7` + a scrambled 10-digit field (FedEx Express numbers mostly start 77-79). */
const EXPRESS_KEY = 0x4fed01;
/** Ground: 14 data digits = 7-digit shipper ID (`6` + 6 digits, one per 10^7 packages) + 7-digit package ID. */
const PACKAGE_CAPACITY = 10_000_000;
const SHIPPER_SPACE = 1_000_000;
const GROUND_SHIPPER_KEY = 0x61a2b3;
const GROUND_PACKAGE_KEY = 0x3c4d5e;

const GROUND_NETWORK_SERVICES = new Set(['fedex_ground', 'fedex_home_delivery', 'fedex_ground_international']);

export function mintFedex(serviceCode: string, serial: number): string {
  if (GROUND_NETWORK_SERVICES.has(serviceCode)) {
    const shipper = permuteBelow(Math.floor(serial / PACKAGE_CAPACITY) % SHIPPER_SPACE, SHIPPER_SPACE, GROUND_SHIPPER_KEY);
    const data = `6${String(shipper).padStart(6, '0')}${scrambledField(serial, 7, GROUND_PACKAGE_KEY)}`;
    return data + mod10Weight31(data);
  }
  const data = `7${scrambledField(serial, 10, EXPRESS_KEY)}`;
  return data + fedexMod11(data);
}

const isValidExpress = (number: string): boolean => fedexMod11(number.slice(0, 11)) === Number(number[11]);
const isValidMod10 = (number: string): boolean => mod10Weight31(number.slice(0, -1)) === Number(number.at(-1));

export function isValidFedex(trackingNumber: string): boolean {
  if (!/^\d+$/.test(trackingNumber)) return false;
  switch (trackingNumber.length) {
    case 12:
      return isValidExpress(trackingNumber);
    case 15:
      return isValidMod10(trackingNumber);
    case 20: // Ground Economy (SmartPost), short form: checked with the 92 prefix
      return isValidMod10(`92${trackingNumber}`);
    case 22: // `96` Ground barcode (its last 15 digits are the number) or `92` Ground Economy
      if (trackingNumber.startsWith('96')) return isValidMod10(trackingNumber.slice(7));
      return trackingNumber.startsWith('92') && isValidMod10(trackingNumber);
    case 34: // Express barcode: the last 12 digits are the tracking number
      return isValidExpress(trackingNumber.slice(22));
    default:
      return false;
  }
}
