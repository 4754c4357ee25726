// Where places are: the `zipcodes` data set (US ZIP and Canadian FSA centroids) indexed by
// one-degree cells, so the nearest place to a point is a lookup among a few hundred, not 44,000.
import type Zipcodes from 'zipcodes';
import { lazyPackage } from '../../lazy-package.ts';
import { canadianProvinceCode } from '../addresses/canada-provinces.ts';

const zipcodes = lazyPackage<typeof Zipcodes>('zipcodes');

export interface Place {
  /** ZIP5, or a Canadian FSA (first three characters of the postal code). */
  code: string;
  lat: number;
  long: number;
  city: string;
  state: string;
  countryCode: 'US' | 'CA';
}

const EARTH_RADIUS_M = 6_371_008.8;

export function metersBetween(lat1: number, long1: number, lat2: number, long2: number): number {
  const rad = Math.PI / 180;
  const dLat = (lat2 - lat1) * rad;
  const dLong = (long2 - long1) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(lat1 * rad) * Math.cos(lat2 * rad) * Math.sin(dLong / 2) ** 2;
  return 2 * EARTH_RADIUS_M * Math.asin(Math.min(1, Math.sqrt(h)));
}

function toPlace(r: { zip: string; latitude: number; longitude: number; city: string; state: string; country: string }): Place | null {
  // APO/FPO/DPO ZIPs sit at bases abroad; no carrier runs service points there.
  if (r.country === 'US' && ['AA', 'AE', 'AP'].includes(r.state)) return null;
  if (r.country === 'US') return { code: r.zip, lat: r.latitude, long: r.longitude, city: r.city, state: r.state, countryCode: 'US' };
  const province = canadianProvinceCode(r.state);
  if (!province) return null;
  // Canadian rows name neighbourhoods: "Downtown Toronto (Richmond / Adelaide / King)".
  return { code: r.zip, lat: r.latitude, long: r.longitude, city: r.city.replace(/\s*\(.*$/, '').replace(/\s+Stn\b.*$/i, ''), state: province, countryCode: 'CA' };
}

let index: Map<string, Place[]> | null = null;
const cellKey = (lat: number, long: number) => `${Math.floor(lat)}:${Math.floor(long)}`;

function placeIndex(): Map<string, Place[]> {
  if (index) return index;
  index = new Map();
  for (const record of Object.values(zipcodes.codes)) {
    const place = toPlace(record);
    if (!place || !Number.isFinite(place.lat) || !Number.isFinite(place.long)) continue;
    const key = cellKey(place.lat, place.long);
    const cell = index.get(key);
    if (cell) cell.push(place);
    else index.set(key, [place]);
  }
  return index;
}

/** The nearest place within `maxMeters` (neighbouring one-degree cells only), or null. */
export function nearestPlace(lat: number, long: number, maxMeters: number): Place | null {
  const cells = placeIndex();
  let best: Place | null = null;
  let bestMeters = maxMeters;
  for (let dLat = -1; dLat <= 1; dLat++) {
    for (let dLong = -1; dLong <= 1; dLong++) {
      for (const place of cells.get(cellKey(lat + dLat, long + dLong)) ?? []) {
        const meters = metersBetween(lat, long, place.lat, place.long);
        if (meters <= bestMeters) {
          best = place;
          bestMeters = meters;
        }
      }
    }
  }
  return best;
}

/** A place from a postal code (ZIP5, ZIP+4, Canadian postal code) or a city and state. */
export function findPlace(query: { postalCode?: string | null; city?: string | null; state?: string | null; countryCode?: string | null }): Place | null {
  const country = query.countryCode?.toUpperCase();
  const postal = query.postalCode?.trim().toUpperCase() ?? '';
  const zip = /^(\d{5})(?:-?\d{4})?$/.exec(postal)?.[1];
  const fsa = /^([A-Z]\d[A-Z])\s*(?:\d[A-Z]\d)?$/.exec(postal)?.[1];
  const byCode = zip ?? fsa;
  if (byCode) {
    const hit = zipcodes.lookup(byCode);
    const place = hit ? toPlace(hit) : null;
    if (place && (!country || place.countryCode === country)) return place;
  }
  if (query.city && query.state) {
    const state = country === 'CA' ? (canadianProvinceCode(query.state) ?? query.state) : query.state.trim().toUpperCase();
    for (const hit of zipcodes.lookupByName(query.city.trim(), state)) {
      const place = toPlace(hit);
      if (place && (!country || place.countryCode === country)) return place;
    }
  }
  return null;
}
