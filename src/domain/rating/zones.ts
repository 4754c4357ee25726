// Domestic zones. USPS: great-circle distance between ZIP3 centroids mapped to the mile bands
// (same ZIP3 = zone 1, Freely Associated States = zone 9). UPS/FedEx: the same distance zone, kept within 2-8.
import { readReferenceJson } from './reference-data.ts';

interface CentroidFile {
  zip3: Record<string, [lat: number, lng: number, zctaCount: number]>;
}

interface ZonesFile {
  usps: { mile_bands: { zone: number; max_miles?: number | null }[] };
}

const centroids = readReferenceJson<CentroidFile>('rates/zip3_centroids.json').zip3;

/** Upper mile limit of zones 1-7; anything farther is zone 8. */
const MILE_LIMITS: readonly number[] = readReferenceJson<ZonesFile>('rates/zones_and_transit.json')
  .usps.mile_bands.filter((band) => band.zone <= 7 && typeof band.max_miles === 'number')
  .sort((a, b) => a.zone - b.zone)
  .map((band) => band.max_miles as number);

/**
 * ZIP3s with no residential ZCTA (unique/PO-box-only prefixes and military mail) have no centroid:
 * they are located at the city they serve, military mail at a gateway. The AP gateway is placed at Chicago
 * because the published chart gives AP ZIPs zone 4 from origin 240, which a West Coast gateway cannot produce.
 */
const ZIP3_STAND_INS: Readonly<Record<string, string>> = {
  '005': '117', // Holtsville NY (Long Island)
  '055': '018', // Andover MA
  '192': '191', // Philadelphia
  '311': '303', // Atlanta
  '332': '331', // Miami
  '375': '381', // Memphis
  '399': '303', // Atlanta
  '459': '452', // Cincinnati
  '509': '503', // Des Moines
  '555': '554', // Minneapolis
  '649': '641', // Kansas City
  '733': '787', // Austin
  '842': '844', // Ogden
  '876': '875', // New Mexico
  '885': '799', // El Paso
  '889': '891', // Las Vegas
  '901': '900', // Los Angeles
  '938': '937', // Fresno
  '942': '958', // Sacramento
  '340': '331', // APO/FPO AA via the Miami gateway
  ...Object.fromEntries(['090', '091', '092', '093', '094', '095', '096', '097', '098', '099'].map((zip3) => [zip3, '114'])), // AE via New York
  ...Object.fromEntries(['962', '963', '964', '965', '966'].map((zip3) => [zip3, '606'])), // AP via Chicago
};

/** Palau, Micronesia and the Marshall Islands: zone 9 regardless of distance. */
const FREELY_ASSOCIATED_STATES_ZIPS: readonly [from: string, to: string][] = [
  ['96939', '96944'],
  ['96960', '96960'],
  ['96970', '96970'],
];

const EARTH_RADIUS_MILES = 3958.8;

function location(zip3: string): [number, number] | null {
  const entry = centroids[zip3] ?? centroids[ZIP3_STAND_INS[zip3] ?? ''];
  return entry ? [entry[0], entry[1]] : null;
}

function isKnownZip3(zip3: string): boolean {
  return location(zip3) !== null;
}

/** Great-circle miles between two ZIP3 areas, or null when either is unknown. */
export function milesBetweenZip3(from: string, to: string): number | null {
  const a = location(from);
  const b = location(to);
  if (!a || !b) return null;
  const rad = Math.PI / 180;
  const dLat = (b[0] - a[0]) * rad;
  const dLng = (b[1] - a[1]) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(a[0] * rad) * Math.cos(b[0] * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}

function zoneForMiles(miles: number): number {
  const index = MILE_LIMITS.findIndex((limit) => miles <= limit);
  return index === -1 ? 8 : index + 1;
}

/** USPS zone between two ZIP3 prefixes (1-8), or null when a prefix is unknown. */
export function uspsZoneForZip3(originZip3: string, destinationZip3: string): number | null {
  if (originZip3 === destinationZip3 && isKnownZip3(originZip3)) return 1;
  const miles = milesBetweenZip3(originZip3, destinationZip3);
  return miles === null ? null : zoneForMiles(miles);
}

/** USPS zone between two 5-digit ZIPs (1-9), or null when a ZIP is unknown. */
export function uspsZone(originZip5: string, destinationZip5: string): number | null {
  if (FREELY_ASSOCIATED_STATES_ZIPS.some(([from, to]) => destinationZip5 >= from && destinationZip5 <= to)) return 9;
  return uspsZoneForZip3(originZip5.slice(0, 3), destinationZip5.slice(0, 3));
}

/** UPS/FedEx ground and express zone 2-8 from the same distance. */
export function parcelCarrierZone(originZip5: string, destinationZip5: string): number | null {
  const zone = uspsZone(originZip5, destinationZip5);
  return zone === null ? null : Math.min(8, Math.max(2, zone));
}
