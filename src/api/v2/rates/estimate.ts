// POST /rates/estimate: rates from a few address fields and a weight, nothing stored.
import { listCarriers } from '../../../domain/carriers/connections.ts';
import { DomainError } from '../../../domain/errors.ts';
import { rateRequestFor } from '../../../domain/rates/shop.ts';
import type { ShipmentBody } from '../../../domain/shipments/types.ts';
import { parcel, simpleShipment } from '../../../domain/shipments/build.ts';
import type { Confirmation, Dimensions, Weight } from '../../../domain/shipping-types.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { shipDateOf } from '../shipments/mapper.ts';
import { CONFIRMATIONS, dimensionsSchema, weightSchema } from '../shipments/schemas.ts';
import { toV2RateEstimate } from './mapper.ts';

interface EstimateBody {
  carrier_id?: string;
  carrier_ids?: string[];
  from_country_code: string;
  from_postal_code: string;
  from_city_locality?: string;
  from_state_province?: string;
  to_country_code: string;
  to_postal_code: string;
  to_city_locality?: string;
  to_state_province?: string;
  weight: Weight;
  dimensions?: Dimensions;
  confirmation?: Confirmation;
  address_residential_indicator?: 'yes' | 'no' | 'unknown';
  ship_date?: string;
}

const text = { type: 'string', maxLength: 100 } as const;
const idPattern = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;

const schema = {
  type: 'object',
  required: ['from_country_code', 'from_postal_code', 'to_country_code', 'to_postal_code', 'weight'],
  properties: {
    carrier_id: idPattern,
    carrier_ids: { type: 'array', items: idPattern, maxItems: 50 },
    from_country_code: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    from_postal_code: text,
    from_city_locality: text,
    from_state_province: text,
    to_country_code: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    to_postal_code: text,
    to_city_locality: text,
    to_state_province: text,
    weight: weightSchema,
    dimensions: dimensionsSchema,
    confirmation: { type: 'string', enum: CONFIRMATIONS },
    address_residential_indicator: { type: 'string', enum: ['yes', 'no', 'unknown'] },
    ship_date: { type: 'string', pattern: '^\\d{4}-\\d{2}-\\d{2}(T.*)?$' },
  },
} as const;

function estimateShipment(b: EstimateBody, shipDate: string): ShipmentBody {
  const place = (country: string, postal: string, city = '', state = '') => ({
    name: '',
    addressLine1: '',
    cityLocality: city,
    stateProvince: state,
    postalCode: postal,
    countryCode: country.toUpperCase(),
    residential: b.address_residential_indicator ?? ('unknown' as const),
  });
  return simpleShipment({
    shipDate,
    shipTo: place(b.to_country_code, b.to_postal_code, b.to_city_locality, b.to_state_province),
    shipFrom: place(b.from_country_code, b.from_postal_code, b.from_city_locality, b.from_state_province),
    confirmation: b.confirmation ?? 'none',
    packages: [parcel({ weight: b.weight, dimensions: b.dimensions ? { ...b.dimensions, unit: b.dimensions.unit ?? 'inch' } : null })],
  });
}

export const estimateRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.post<{ Body: EstimateBody }>('/rates/estimate', { schema: { tags: ['rates'], body: schema } }, async (request) => {
    const accountId = actingAccount(request).id;
    const body = request.body;
    const wanted = [...(body.carrier_ids ?? []), ...(body.carrier_id ? [body.carrier_id] : [])].map((id) => parseSeId(id)!);
    const carriers = (await listCarriers(db, accountId)).filter((c) => wanted.length === 0 || wanted.includes(c.id));
    const missing = wanted.filter((id) => !carriers.some((c) => c.id === id));
    if (missing.length > 0) throw new DomainError('validation', `carrier se-${missing[0]} is not connected`, 'carrier_not_connected', [{ field: 'carrier_ids', message: `carrier se-${missing[0]} is not connected`, code: 'carrier_not_connected', value: `se-${missing[0]}` }]);
    const shipment = estimateShipment(body, shipDateOf(body.ship_date) ?? app.ctx.clock.nowIso().slice(0, 10));
    // Estimates carry no customs, so international services come back as invalid and are left out.
    return carriers.flatMap((carrier) =>
      carrier.connector
        .rate(rateRequestFor(shipment, shipment.shipDate!, carrier))
        .rates.map((quote) => toV2RateEstimate({ carrierId: carrier.id, carrierNickname: carrier.nickname, carrierFriendlyName: carrier.connector.catalog.friendlyName, quote })),
    );
  });
};
