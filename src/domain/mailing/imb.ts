// Intelligent Mail barcode data (USPS-B-3200): a 20-digit tracking code (barcode identifier,
// service type identifier, Mailer ID, serial number) followed by the delivery point's routing ZIP.
import type { PostalAddress } from '../shipping-types.ts';

/** Barcode identifier 00: no OEL presort. */
const BARCODE_ID = '00';
/** STID 300: First-Class Mail, basic IMb, no extra services (assumed for simulated postage). */
const SERVICE_TYPE_ID = '300';

export interface ImbData {
  trackingCode: string;
  routingCode: string;
}

/** A 6-digit Mailer ID per account (6-digit MIDs never start with 9, which marks 9-digit ones). */
export function mailerIdOf(accountId: number): string {
  return String(100000 + (accountId % 800000));
}

/** The routing code: ZIP, ZIP+4 (ZIP+4+delivery point is not known here), digits only. */
export function routingZip(address: PostalAddress): string {
  const digits = address.postalCode.replace(/\D/g, '');
  return digits.length >= 9 ? digits.slice(0, 9) : digits.slice(0, 5);
}

export function imbFor(accountId: number, serial: number, shipTo: PostalAddress): ImbData {
  const serialDigits = String(serial % 1_000_000_000).padStart(9, '0');
  return { trackingCode: `${BARCODE_ID}${SERVICE_TYPE_ID}${mailerIdOf(accountId)}${serialDigits}`, routingCode: routingZip(shipTo) };
}

/** The digits bwip-js `onecode` takes: tracking code then routing code. */
export const imbText = (imb: ImbData): string => `${imb.trackingCode}${imb.routingCode}`;

/**
 * The 2D indicium's content. Real IBI indicia are binary and signed; this is a readable stand-in
 * with the same facts: vendor, serial, postage, date, origin ZIP, mail class.
 */
export function indiciumData(fields: { serial: string; cents: number; date: string; originZip: string; mailClass: string }): string {
  return ['SHIPDOCK-IBI', fields.serial, `USD${(fields.cents / 100).toFixed(2)}`, fields.date, fields.originZip || '00000', `FCM-${fields.mailClass.toUpperCase()}`].join('|');
}
