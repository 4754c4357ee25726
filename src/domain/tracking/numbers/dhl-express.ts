// DHL Express waybill: 9-digit counter + mod-7 check (10 digits); 11-digit air waybills also check.
import { dhlMod7 } from './check-digits.ts';
import { counterField } from './serial.ts';

/** Serial 1 gives 1000000013, the simulator example in tracking-numbers.md. */
const WAYBILL_COUNTER_START = 100_000_000;

export function mintDhlExpress(serial: number): string {
  const data = counterField(serial, 9, WAYBILL_COUNTER_START);
  return data + dhlMod7(data);
}

export function isValidDhlExpress(trackingNumber: string): boolean {
  if (!/^\d{10,11}$/.test(trackingNumber)) return false;
  return dhlMod7(trackingNumber.slice(0, -1)) === Number(trackingNumber.at(-1));
}
