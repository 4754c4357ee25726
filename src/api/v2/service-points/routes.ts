// Service points (V2 and ShipEngine /v1): search near an address, free text or coordinates, and
// read one point by id. Distances are metres (distance_in_meters); the search radius is kilometres.
import { getServicePoint, listServicePoints, type ServicePoint } from '../../../domain/service-points/index.ts';
import { invalidField } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

const tags = ['service_points'];

interface ListBody {
  address_query?: string;
  address?: { address_line1?: string; city_locality?: string; state_province?: string; postal_code?: string; country_code: string };
  providers?: { carrier_id?: string; service_code?: string[] }[];
  lat?: number;
  long?: number;
  radius?: number;
  max_results?: number;
}

const listBody = {
  type: 'object',
  properties: {
    address_query: { type: 'string', minLength: 1, maxLength: 500 },
    address: {
      type: 'object',
      required: ['country_code'],
      properties: {
        address_line1: { type: 'string', maxLength: 200 },
        address_line2: { type: 'string', maxLength: 200 },
        address_line3: { type: 'string', maxLength: 200 },
        city_locality: { type: 'string', maxLength: 100 },
        state_province: { type: 'string', maxLength: 100 },
        postal_code: { type: 'string', maxLength: 20 },
        country_code: { type: 'string', minLength: 2, maxLength: 2 },
      },
    },
    // Required by the spec; the docs' examples always send one, Shipdock defaults to every carrier.
    providers: {
      type: 'array',
      maxItems: 50,
      items: {
        type: 'object',
        properties: { carrier_id: { type: 'string' }, service_code: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 100 } } },
      },
    },
    lat: { type: 'number' },
    long: { type: 'number' },
    radius: { type: 'integer' },
    max_results: { type: 'integer' },
    shipment: { type: 'object' },
  },
} as const;

const getParams = {
  type: 'object',
  required: ['carrier_code', 'country_code', 'service_point_id'],
  properties: {
    carrier_code: { type: 'string', pattern: '^[a-z0-9]+(_[a-z0-9]+)*$', maxLength: 50 },
    country_code: { type: 'string', minLength: 2, maxLength: 2 },
    service_point_id: { type: 'string', minLength: 1, maxLength: 50 },
  },
} as const;

function toJson(point: ServicePoint, carrierCode: string, serviceCodes: string[]) {
  return {
    carrier_code: carrierCode,
    service_codes: serviceCodes,
    service_point_id: point.id,
    company_name: point.brand.name.replace('{city}', point.city),
    address_line1: point.addressLine1,
    city_locality: point.city,
    state_province: point.state,
    postal_code: point.postalCode,
    country_code: point.countryCode,
    phone_number: point.network.phone,
    lat: point.lat,
    long: point.long,
    hours_of_operation: point.brand.hours,
    features: point.brand.features,
    type: point.brand.type,
  };
}

export const servicePointRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Body: ListBody }>('/service_points/list', { schema: { tags, body: listBody } }, async (request) => {
    const body = request.body ?? {};
    const providers = (body.providers ?? []).map((p, index) => {
      const carrierId = p.carrier_id ? parseSeId(p.carrier_id) : null;
      if (carrierId === null) throw invalidField(`providers[${index}].carrier_id`, 'each provider names a carrier_id (se-…)', p.carrier_id, 'invalid_identifier');
      return { carrierId, serviceCodes: p.service_code };
    });
    const a = body.address;
    const found = await listServicePoints(db, actingAccount(request).id, {
      addressQuery: body.address_query,
      address: a ? { city: a.city_locality, state: a.state_province, postalCode: a.postal_code, countryCode: a.country_code } : null,
      lat: body.lat,
      long: body.long,
      radiusKm: body.radius,
      maxResults: body.max_results,
      providers,
    });
    return {
      lat: found.lat,
      long: found.long,
      service_points: found.points.map((f) => ({ ...toJson(f.point, f.carrierCode, f.serviceCodes), distance_in_meters: f.meters })),
    };
  });

  app.get<{ Params: { carrier_code: string; country_code: string; service_point_id: string } }>(
    '/service_points/:carrier_code/:country_code/:service_point_id',
    { schema: { tags, params: getParams } },
    async (request) => {
      const { carrier_code, country_code, service_point_id } = request.params;
      const point = getServicePoint(carrier_code, country_code, service_point_id);
      return { service_point: toJson(point, carrier_code, point.serviceCodes) };
    },
  );
};
