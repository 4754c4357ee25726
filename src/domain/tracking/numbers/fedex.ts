// FedEx: 12-digit numbers for every service, 15-digit numbers for the FedEx Ground network.
import { fedexMod11, mod10Weight31 } from './check-digits.ts';
import { counterField } from './serial.ts';

/** Serial 1 gives 770000000017, the simulator example in tracking-numbers.md. */
const EXPRESS_COUNTER_START = 77_000_000_000;
/** 14 data digits = 7-digit shipper ID + 7-digit package ID; serial 1 is shipper 6100000, package 1. */
const GROUND_COUNTER_START = 61_000_000_000_000;

const GROUND_NETWORK_SERVICES = new Set(['fedex_ground', 'fedex_home_delivery', 'fedex_ground_international']);

export function mintFedex(serviceCode: string, serial: number): string {
  if (GROUND_NETWORK_SERVICES.has(serviceCode)) {
    const data = counterField(serial, 14, GROUND_COUNTER_START);
    return data + mod10Weight31(data);
  }
  const data = counterField(serial, 11, EXPRESS_COUNTER_START);
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
