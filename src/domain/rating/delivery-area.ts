// Delivery area surcharges. Real carriers publish ZIP lists; the simulator picks a stable ~9 % of ZIPs
// by hashing the ZIP itself, so the same ZIP always gets the same answer. Alaska and Hawaii always pay their tier.
import type { Charge } from './charges.ts';
import { shippingCharge } from './charges.ts';
import type { DeliveryAreaSchedule } from './surcharge-schedules.ts';

export type DeliveryAreaTier = 'standard' | 'extended' | 'remote' | 'alaska' | 'hawaii';

/** Out of 1000 hash buckets: 0-59 standard, 60-84 extended, 85-89 remote (9 % in all). */
const STANDARD_BUCKETS = 60;
const EXTENDED_BUCKETS = 85;
const REMOTE_BUCKETS = 90;

/** FNV-1a, 32-bit: small, fast and identical on every platform. */
function stableHash(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i += 1) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return hash;
}

function isAlaska(zip3: string): boolean {
  return zip3 >= '995' && zip3 <= '999';
}

function isHawaii(zip3: string): boolean {
  return zip3 === '967' || zip3 === '968';
}

/** Tier of a postal code (US ZIP5 or a normalized foreign code), or null when no surcharge applies. */
export function deliveryAreaTier(postalCode: string): DeliveryAreaTier | null {
  if (/^\d{5}$/.test(postalCode)) {
    const zip3 = postalCode.slice(0, 3);
    if (isAlaska(zip3)) return 'alaska';
    if (isHawaii(zip3)) return 'hawaii';
  }
  const bucket = stableHash(postalCode) % 1000;
  if (bucket < STANDARD_BUCKETS) return 'standard';
  if (bucket < EXTENDED_BUCKETS) return 'extended';
  if (bucket < REMOTE_BUCKETS) return 'remote';
  return null;
}

export function deliveryAreaSurcharge(zip5: string, residential: boolean, schedule: DeliveryAreaSchedule): Charge | null {
  const tier = deliveryAreaTier(zip5);
  switch (tier) {
    case null:
      return null;
    case 'standard':
      return shippingCharge('location_fee', 'Delivery area surcharge', residential ? schedule.residential : schedule.commercial);
    case 'extended':
      return shippingCharge('location_fee', 'Delivery area surcharge - extended', residential ? schedule.extendedResidential : schedule.extendedCommercial);
    case 'remote':
      return shippingCharge('location_fee', 'Delivery area surcharge - remote', schedule.remote);
    case 'alaska':
      return shippingCharge('location_fee', 'Delivery area surcharge - Alaska', schedule.alaska);
    case 'hawaii':
      return shippingCharge('location_fee', 'Delivery area surcharge - Hawaii', schedule.hawaii);
  }
}

/** Foreign postal codes compared without spaces or case ("sw1a 1aa" = "SW1A1AA"). */
function normalizePostalCode(postalCode: string): string {
  return postalCode.replace(/[\s-]/g, '').toUpperCase();
}

/** DHL remote areas: the extended and remote tiers (~3 % of postal codes). */
export function isDhlRemoteArea(postalCode: string): boolean {
  const normalized = normalizePostalCode(postalCode);
  if (normalized === '') return false;
  const tier = deliveryAreaTier(normalized);
  return tier === 'extended' || tier === 'remote';
}
