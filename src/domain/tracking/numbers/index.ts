// Tracking numbers for the simulated carriers: minting, validation and public tracking URLs.
import { carrierFamily } from '../carrier-family.ts';
import type { CarrierFamily } from '../carrier-family.ts';
import { isValidDhlExpress, mintDhlExpress } from './dhl-express.ts';
import { isValidFedex, mintFedex } from './fedex.ts';
import { isValidUps, mintUps } from './ups.ts';
import { isValidUsps, mintUsps } from './usps.ts';

/**
 * A carrier-valid tracking number for a label. `serial` must be unique per label (e.g. the
 * label's database id): distinct serials give distinct numbers per carrier for at least
 * 10^9 serials (DHL Express exactly 10^9, the others far more). Unknown service codes get
 * the carrier's ground/default service structure.
 */
export function mintTrackingNumber(carrierCode: string, serviceCode: string, serial: number): string {
  switch (requireFamily(carrierCode)) {
    case 'usps':
      return mintUsps(serviceCode, serial);
    case 'ups':
      return mintUps(serviceCode, serial);
    case 'fedex':
      return mintFedex(serviceCode, serial);
    case 'dhl_express':
      return mintDhlExpress(serial);
  }
}

const VALIDATORS: Readonly<Record<CarrierFamily, (trackingNumber: string) => boolean>> = {
  usps: isValidUsps,
  ups: isValidUps,
  fedex: isValidFedex,
  dhl_express: isValidDhlExpress,
};

/** Structure and check digit of any documented format of the carrier; spaces and case are ignored. */
export function isValidTrackingNumber(carrierCode: string, trackingNumber: string): boolean {
  const family = carrierFamily(carrierCode);
  return family !== null && VALIDATORS[family](normalizeTrackingNumber(trackingNumber));
}

/** Tracking numbers are printed in groups (`9405 5118 9956 ...`); compare them without spaces. */
export function normalizeTrackingNumber(trackingNumber: string): string {
  return trackingNumber.replace(/\s+/g, '').toUpperCase();
}

const TRACKING_URL_PREFIXES: Readonly<Record<CarrierFamily, string>> = {
  usps: 'https://tools.usps.com/go/TrackConfirmAction.action?tLabels=',
  ups: 'https://www.ups.com/track?tracknum=',
  fedex: 'https://www.fedex.com/fedextrack/?action=track&trackingnumber=',
  dhl_express: 'https://www.dhl.com/en/express/tracking.html?AWB=',
};

/** The carrier's public tracking page, or null for a carrier that is not simulated. */
export function trackingUrl(carrierCode: string, trackingNumber: string): string | null {
  const family = carrierFamily(carrierCode);
  if (family === null) return null;
  return TRACKING_URL_PREFIXES[family] + encodeURIComponent(normalizeTrackingNumber(trackingNumber));
}

function requireFamily(carrierCode: string): CarrierFamily {
  const family = carrierFamily(carrierCode);
  if (family === null) throw new Error(`No simulated tracking numbers for carrier "${carrierCode}"`);
  return family;
}
