// Approximate coordinates of US postal codes (ZIP3 centroids) and great-circle distances.
import { readFileSync } from 'node:fs';

export interface Coordinates {
  latitude: number;
  longitude: number;
}

interface CentroidFile {
  zip3: Record<string, [number, number, number]>;
}

const CENTROIDS = (
  JSON.parse(
    readFileSync(new URL('../../../reference/domain/rates/zip3_centroids.json', import.meta.url), 'utf8'),
  ) as CentroidFile
).zip3;

/** Territories that use US ZIP codes. */
const US_POSTAL_COUNTRIES = new Set(['US', 'PR', 'VI', 'GU', 'AS', 'MP']);

export function usesUsPostalCodes(countryCode: string): boolean {
  return US_POSTAL_COUNTRIES.has(countryCode.toUpperCase());
}

export function usPostalCoordinates(countryCode: string, postalCode: string): Coordinates | null {
  if (!usesUsPostalCodes(countryCode)) return null;
  const zip3 = /^\d{3}/.exec(postalCode.trim())?.[0];
  const centroid = zip3 === undefined ? undefined : CENTROIDS[zip3];
  return centroid ? { latitude: centroid[0], longitude: centroid[1] } : null;
}

const EARTH_RADIUS_MILES = 3958.8;
const radians = (degrees: number): number => (degrees * Math.PI) / 180;

export function distanceMiles(a: Coordinates, b: Coordinates): number {
  const dLat = radians(b.latitude - a.latitude);
  const dLon = radians(b.longitude - a.longitude);
  const h =
    Math.sin(dLat / 2) ** 2 + Math.cos(radians(a.latitude)) * Math.cos(radians(b.latitude)) * Math.sin(dLon / 2) ** 2;
  return 2 * EARTH_RADIUS_MILES * Math.asin(Math.sqrt(h));
}
