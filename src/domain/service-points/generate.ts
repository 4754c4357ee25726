// Simulated service points. The map is cut into 0.01° cells; a seeded generator decides, per
// carrier network and cell, how many points the cell holds and where. A point's id encodes its
// network, cell and index (plus a check), so the same id always rebuilds the same point and made-up
// ids are refused. Points stand only where people live (a ZIP or FSA centroid within 12 km), and
// take that place's city, state and postal code.
import { networkByTag, NETWORKS, STREETS, type Brand, type Network } from './brands.ts';
import { metersBetween, nearestPlace } from './places.ts';

const CELL = 0.01;
const LAT_OFFSET = 9_000;
const LONG_OFFSET = 18_000;
const POPULATED_METERS = 12_000;
const ID = /^([PUFD])([0-9A-Z]{4})([0-9A-Z]{4})([0-9])([0-9A-Z]{2})$/;

export interface ServicePoint {
  id: string;
  network: Network;
  brand: Brand;
  lat: number;
  long: number;
  addressLine1: string;
  city: string;
  state: string;
  postalCode: string;
  countryCode: 'US' | 'CA';
}

function mix(...values: number[]): number {
  let h = 0x9e3779b9;
  for (const v of values) {
    h = Math.imul(h ^ (v | 0), 0x85ebca6b);
    h ^= h >>> 13;
    h = Math.imul(h, 0xc2b2ae35);
    h ^= h >>> 16;
  }
  return h >>> 0;
}

/** mulberry32: a small seeded generator, the same sequence for the same seed. */
function generator(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const tagCode = (network: Network) => network.tag.charCodeAt(0);
const b36 = (n: number, width: number) => n.toString(36).toUpperCase().padStart(width, '0');
const check = (tag: string, i: number, j: number, k: number) => b36(mix(tag.charCodeAt(0), i, j, k, 7) % 1296, 2);

interface Candidate {
  network: Network;
  i: number;
  j: number;
  k: number;
  lat: number;
  long: number;
  draws: number[];
}

/** The candidate points of one network in one cell (positions only; cheap). */
function cellCandidates(network: Network, i: number, j: number): Candidate[] {
  const next = generator(mix(tagCode(network), i, j));
  const count = next() < network.density ? (next() < network.density ? 2 : 1) : 0;
  const found: Candidate[] = [];
  for (let k = 0; k < count; k++) {
    const lat = (i + next()) * CELL;
    const long = (j + next()) * CELL;
    found.push({ network, i, j, k, lat: Number(lat.toFixed(6)), long: Number(long.toFixed(6)), draws: [next(), next(), next(), next()] });
  }
  return found;
}

/** A candidate made real: it needs a populated place nearby and a storefront of its network there. */
function materialize(c: Candidate): ServicePoint | null {
  const place = nearestPlace(c.lat, c.long, POPULATED_METERS);
  if (!place) return null;
  const brands = c.network.brands.filter((b) => b.countries.includes(place.countryCode));
  if (brands.length === 0) return null;
  const [brandDraw, numberDraw, streetDraw, postalDraw] = c.draws;
  const brand = brands[Math.floor(brandDraw * brands.length)];
  const ldu = `${Math.floor(postalDraw * 10)}${String.fromCharCode(65 + Math.floor(((postalDraw * 100) % 1) * 26))}${Math.floor(((postalDraw * 1000) % 1) * 10)}`;
  return {
    id: `${c.network.tag}${b36(c.i + LAT_OFFSET, 4)}${b36(c.j + LONG_OFFSET, 4)}${c.k}${check(c.network.tag, c.i, c.j, c.k)}`,
    network: c.network,
    brand,
    lat: c.lat,
    long: c.long,
    addressLine1: `${100 + Math.floor(numberDraw * 98) * 100 + Math.floor(((numberDraw * 1000) % 1) * 99)} ${STREETS[Math.floor(streetDraw * STREETS.length)]}`,
    city: place.city,
    state: place.state,
    postalCode: place.countryCode === 'US' ? place.code : `${place.code} ${ldu}`,
    countryCode: place.countryCode,
  };
}

export interface Search {
  lat: number;
  long: number;
  radiusMeters: number;
  maxResults: number;
  networks: Network[];
}

/** The nearest points of the given networks within the radius, nearest first. */
export function searchServicePoints(search: Search): { point: ServicePoint; meters: number }[] {
  // Open sea, polar ice, unmapped countries: nowhere populated in reach, so nothing to walk.
  if (!nearestPlace(search.lat, search.long, search.radiusMeters + POPULATED_METERS)) return [];
  const dLat = search.radiusMeters / 111_320;
  const dLong = search.radiusMeters / (111_320 * Math.max(0.05, Math.cos((search.lat * Math.PI) / 180)));
  const [i0, i1] = [Math.floor((search.lat - dLat) / CELL), Math.floor((search.lat + dLat) / CELL)];
  const [j0, j1] = [Math.floor((search.long - dLong) / CELL), Math.floor((search.long + dLong) / CELL)];
  const near: { candidate: Candidate; meters: number }[] = [];
  for (const network of search.networks) {
    for (let i = i0; i <= i1; i++) {
      for (let j = j0; j <= j1; j++) {
        for (const candidate of cellCandidates(network, i, j)) {
          const meters = metersBetween(search.lat, search.long, candidate.lat, candidate.long);
          if (meters <= search.radiusMeters) near.push({ candidate, meters });
        }
      }
    }
  }
  near.sort((a, b) => a.meters - b.meters || a.candidate.network.tag.localeCompare(b.candidate.network.tag));
  const found: { point: ServicePoint; meters: number }[] = [];
  for (const { candidate, meters } of near) {
    if (found.length >= search.maxResults) break;
    const point = materialize(candidate);
    if (point) found.push({ point, meters: Math.round(meters * 10) / 10 });
  }
  return found;
}

/** Rebuilds the point an id names, or null when no such point exists. */
export function servicePointById(id: string): ServicePoint | null {
  const match = ID.exec(id.toUpperCase());
  if (!match) return null;
  const [, tag, iText, jText, kText, given] = match;
  const network = networkByTag(tag);
  if (!network) return null;
  const i = parseInt(iText, 36) - LAT_OFFSET;
  const j = parseInt(jText, 36) - LONG_OFFSET;
  const k = Number(kText);
  if (check(tag, i, j, k) !== given) return null;
  const candidate = cellCandidates(network, i, j)[k];
  return candidate ? materialize(candidate) : null;
}

export { NETWORKS };
