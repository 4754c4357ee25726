// Service points for an account: where to search (coordinates, an address or free text), which of
// its carriers to search, and whether a label can be sent to (or from) a point.
import type { Executor } from '../../db/index.ts';
import { listCarriers, type CarrierConnection } from '../carriers/connections.ts';
import { publicCarrierCode } from '../carriers/walleted.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { carrierFamily } from '../tracking/carrier-family.ts';
import { networkOf, type Network } from './brands.ts';
import { searchServicePoints, servicePointById, type ServicePoint } from './generate.ts';
import { findPlace } from './places.ts';

export type { ServicePoint } from './generate.ts';
export type { Hours, Feature } from './brands.ts';

/** Radii are kilometres (ShipEngine docs, "Find Service Points"); Shipdock's defaults and limits. */
export const DEFAULT_RADIUS_KM = 10;
export const MAX_RADIUS_KM = 100;
export const DEFAULT_MAX_RESULTS = 10;
export const MAX_RESULTS = 50;

export interface PointQuery {
  addressQuery?: string | null;
  address?: { city?: string | null; state?: string | null; postalCode?: string | null; countryCode: string } | null;
  lat?: number | null;
  long?: number | null;
  radiusKm?: number | null;
  maxResults?: number | null;
  /** Carriers of the account (ids) and, optionally, the services a point must take. */
  providers: { carrierId: number; serviceCodes?: string[] }[];
}

export interface FoundPoint {
  point: ServicePoint;
  carrierCode: string;
  serviceCodes: string[];
  meters: number;
}

/** The services of a network a connected carrier can actually deliver to its points. */
function pointServices(network: Network, carrier: Pick<CarrierConnection, 'connector'>): string[] {
  const offered = new Set(carrier.connector.catalog.services.map((s) => s.serviceCode));
  return network.serviceCodes.filter((code) => offered.has(code));
}

function parseQuery(text: string): { lat: number; long: number } | null {
  const postal = /\b(\d{5})(?:-\d{4})?\b/.exec(text)?.[1] ?? /\b([A-Za-z]\d[A-Za-z])\s?\d[A-Za-z]\d\b/.exec(text)?.[1];
  const byPostal = postal ? findPlace({ postalCode: postal }) : null;
  if (byPostal) return byPostal;
  // "... Austin, TX" (the docs' example): the last two comma-separated parts name city and state.
  const parts = text.split(',').map((p) => p.trim()).filter(Boolean);
  for (let n = parts.length - 1; n >= 1; n--) {
    const state = /^([A-Za-z]{2})\b/.exec(parts[n])?.[1];
    const place = state ? findPlace({ city: parts[n - 1], state }) : null;
    if (place) return place;
  }
  return null;
}

function center(q: PointQuery): { lat: number; long: number } {
  if (q.lat != null || q.long != null) {
    if (q.lat == null || q.long == null) throw invalidField(q.lat == null ? 'lat' : 'long', 'lat and long go together', undefined, 'field_value_required');
    if (Math.abs(q.lat) > 90) throw invalidField('lat', 'lat must be between -90 and 90', q.lat);
    if (Math.abs(q.long) > 180) throw invalidField('long', 'long must be between -180 and 180', q.long);
    return { lat: q.lat, long: q.long };
  }
  if (q.address) {
    const place = findPlace(q.address);
    if (!place) throw invalidField('address', 'No place matches this address; give a US ZIP code, a Canadian postal code, or a US city and state.', undefined, 'invalid_address');
    return place;
  }
  if (q.addressQuery) {
    const place = parseQuery(q.addressQuery);
    if (!place) throw invalidField('address_query', 'No place matches this text; include a ZIP or postal code, or "City, ST".', q.addressQuery, 'invalid_address');
    return place;
  }
  throw new DomainError('validation', 'Search near an address, an address_query, or lat and long.', 'field_value_required', [
    { field: 'address', message: 'one of address, address_query or lat/long is required', code: 'field_value_required' },
  ]);
}

function bounded(field: string, value: number | null | undefined, fallback: number, max: number): number {
  if (value == null) return fallback;
  if (!(value > 0) || value > max) throw invalidField(field, `${field} must be between 1 and ${max}`, value);
  return value;
}

export async function listServicePoints(ex: Executor, accountId: number, q: PointQuery): Promise<{ lat: number; long: number; points: FoundPoint[] }> {
  const at = center(q);
  const radiusKm = bounded('radius', q.radiusKm, DEFAULT_RADIUS_KM, MAX_RADIUS_KM);
  const maxResults = bounded('max_results', q.maxResults, DEFAULT_MAX_RESULTS, MAX_RESULTS);
  const carriers = await listCarriers(ex, accountId);
  // With no providers, every carrier of the account that has service points is searched.
  const wanted = q.providers.length > 0 ? q.providers : carriers.map((c) => ({ carrierId: c.id, serviceCodes: undefined }));
  const byNetwork = new Map<Network, { carrierCode: string; serviceCodes: string[] }>();
  for (const provider of wanted) {
    const carrier = carriers.find((c) => c.id === provider.carrierId);
    if (!carrier) throw notFound('carrier', `se-${provider.carrierId}`);
    const network = networkOf(carrierFamily(carrier.carrierCode));
    if (!network) {
      if (q.providers.length === 0) continue;
      throw invalidField('providers.carrier_id', `${carrier.nickname} has no service points`, `se-${carrier.id}`, 'carrier_not_supported');
    }
    const services = pointServices(network, carrier);
    if (provider.serviceCodes?.length && !provider.serviceCodes.some((s) => services.includes(s))) continue;
    if (!byNetwork.has(network)) byNetwork.set(network, { carrierCode: publicCarrierCode(carrier), serviceCodes: services });
  }
  const found = searchServicePoints({ ...at, radiusMeters: radiusKm * 1000, maxResults, networks: [...byNetwork.keys()] });
  return { lat: at.lat, long: at.long, points: found.map(({ point, meters }) => ({ point, meters, ...byNetwork.get(point.network)! })) };
}

/** GET by id: the path's carrier code must name the point's network and its country the point's. */
export function getServicePoint(carrierCode: string, countryCode: string, id: string): ServicePoint & { serviceCodes: string[] } {
  const point = servicePointById(id);
  const family = carrierFamily(carrierCode) ?? carrierFamily(carrierCode.replace(/_walleted$/, ''));
  if (!point || point.network.family !== family || point.countryCode !== countryCode.toUpperCase()) throw notFound('service point', id);
  return { ...point, serviceCodes: point.network.serviceCodes };
}

/** A label sent to or from a point: the point must exist, belong to the label's carrier, take the service, and be in the right country. */
export function checkLabelServicePoint(
  field: 'ship_to_service_point_id' | 'ship_from_service_point_id',
  id: string,
  carrier: Pick<CarrierConnection, 'carrierCode' | 'connector'>,
  serviceCode: string,
  countryCode: string,
): ServicePoint {
  const point = servicePointById(id);
  if (!point) throw invalidField(field, `service point ${id} does not exist`, id, 'invalid_identifier');
  if (point.network.family !== carrierFamily(carrier.carrierCode)) {
    throw invalidField(field, `service point ${id} belongs to another carrier (${point.brand.name}); ${carrier.carrierCode} cannot deliver there`, id, 'carrier_not_supported');
  }
  if (!pointServices(point.network, carrier).includes(serviceCode)) {
    throw invalidField(field, `${serviceCode} does not deliver to service points; use one of ${pointServices(point.network, carrier).join(', ')}`, id);
  }
  if (point.countryCode !== countryCode) throw invalidField(field, `service point ${id} is in ${point.countryCode}, not ${countryCode}`, id);
  const needs = field === 'ship_to_service_point_id' ? 'pickup_point' : 'drop_off_point';
  if (!point.brand.features.includes(needs)) throw invalidField(field, `${point.brand.name} is not a ${needs.replace(/_/g, ' ')}`, id);
  return point;
}
