// DHL Express waybill: 9 scrambled serial digits + mod-7 check (10 digits); 11-digit air waybills also check.
import { dhlMod7 } from './check-digits.ts';
import { scrambledField } from './serial.ts';

/** Key of the waybill permutation: 10^9 unique waybills, none visibly sequential. */
const WAYBILL_KEY = 0x0d41e7;

export function mintDhlExpress(serial: number): string {
  const data = scrambledField(serial, 9, WAYBILL_KEY);
  return data + dhlMod7(data);
}

export function isValidDhlExpress(trackingNumber: string): boolean {
  if (!/^\d{10,11}$/.test(trackingNumber)) return false;
  return dhlMod7(trackingNumber.slice(0, -1)) === Number(trackingNumber.at(-1));
}
