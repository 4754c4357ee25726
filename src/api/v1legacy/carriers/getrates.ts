// V1 POST /shipments/getrates: the same rate engine as V2, for one carrier, nothing stored.
// shipmentCost is the shipping charge; otherCost is everything on top (confirmation, insurance,
// surcharges), so the two add up to what a label costs.
import type { FastifyPluginAsync } from 'fastify';
import { listCarriers } from '../../../domain/carriers/connections.ts';
import { invalidField } from '../../../domain/errors.ts';
import { rateRequestFor } from '../../../domain/rates/shop.ts';
import { rateWithCarrier } from '../../../domain/sandbox/magic.ts';
import { parcel, simpleShipment } from '../../../domain/shipments/build.ts';
import type { ShipmentBody } from '../../../domain/shipments/types.ts';
import type { PostalAddress } from '../../../domain/shipping-types.ts';
import { getWarehouse } from '../../../domain/warehouses/warehouses.ts';
import { actingAccount } from '../../common/context.ts';
import { rowId } from '../shared/params.ts';
import { connectionForCode } from './mapper.ts';
import { fromV1Dimensions, fromV1Weight, type V1Dimensions, type V1Weight } from '../shared/units.ts';

type Maybe<T> = T | null | undefined;

interface GetRatesBody {
  carrierCode: string;
  serviceCode?: Maybe<string>;
  packageCode?: Maybe<string>;
  fromPostalCode: string;
  fromCity?: Maybe<string>;
  fromState?: Maybe<string>;
  fromWarehouseId?: Maybe<number>;
  toState?: Maybe<string>;
  toCountry: string;
  toPostalCode: string;
  toCity?: Maybe<string>;
  weight: V1Weight;
  dimensions?: Maybe<V1Dimensions>;
  confirmation?: Maybe<'none' | 'delivery' | 'signature' | 'adult_signature' | 'direct_signature'>;
  residential?: Maybe<boolean>;
}

const text = { type: ['string', 'null'], maxLength: 100 } as const;
const amount = { type: 'number', minimum: 0 } as const;

const body = {
  type: 'object',
  required: ['carrierCode', 'fromPostalCode', 'toCountry', 'toPostalCode', 'weight'],
  properties: {
    carrierCode: { type: 'string', minLength: 1, maxLength: 50 },
    serviceCode: text,
    packageCode: text,
    fromPostalCode: { type: 'string', minLength: 1, maxLength: 20 },
    fromCity: text,
    fromState: text,
    fromWarehouseId: { anyOf: [rowId, { type: 'null' }] },
    toState: text,
    toCountry: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    toPostalCode: { type: 'string', minLength: 1, maxLength: 20 },
    toCity: text,
    weight: {
      type: 'object',
      required: ['value', 'units'],
      properties: { value: { type: 'number', exclusiveMinimum: 0 }, units: { type: 'string', enum: ['pounds', 'ounces', 'grams'] } },
    },
    dimensions: {
      anyOf: [
        {
          type: 'object',
          required: ['length', 'width', 'height', 'units'],
          properties: { length: amount, width: amount, height: amount, units: { type: 'string', enum: ['inches', 'centimeters'] } },
        },
        { type: 'null' },
      ],
    },
    confirmation: { type: ['string', 'null'], enum: ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature', null] },
    residential: { type: ['boolean', 'null'] },
  },
} as const;

const place = (postalCode: string, countryCode: string, city: Maybe<string>, state: Maybe<string>): PostalAddress => ({
  name: '',
  addressLine1: '',
  cityLocality: city ?? '',
  stateProvince: state ?? '',
  postalCode,
  countryCode: countryCode.toUpperCase(),
  residential: 'unknown',
});

function shipmentOf(b: GetRatesBody, shipFrom: PostalAddress, shipDate: string): ShipmentBody {
  const residential = b.residential === true ? 'yes' : b.residential === false ? 'no' : 'unknown';
  return simpleShipment({
    serviceCode: b.serviceCode ?? null,
    shipDate,
    shipTo: { ...place(b.toPostalCode, b.toCountry, b.toCity, b.toState), residential },
    shipFrom,
    confirmation: b.confirmation ?? 'none',
    packages: [parcel({ packageCode: b.packageCode, weight: fromV1Weight(b.weight), dimensions: b.dimensions ? fromV1Dimensions(b.dimensions) : null })],
  });
}

export const v1GetRatesRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Body: GetRatesBody }>('/shipments/getrates', { schema: { tags: ['v1 shipments'], body } }, async (request) => {
    const accountId = actingAccount(request).id;
    const b = request.body;
    const carrier = connectionForCode(await listCarriers(db, accountId), b.carrierCode);
    if (!carrier) throw invalidField('carrierCode', `No carrier with code '${b.carrierCode}' is connected to this account.`, b.carrierCode);
    // V1 has no origin country: a ship-from warehouse gives the whole address, else the origin is in the US.
    const shipFrom = b.fromWarehouseId
      ? (await getWarehouse(db, accountId, b.fromWarehouseId).catch(() => {
          throw invalidField('fromWarehouseId', `Warehouse ${b.fromWarehouseId} was not found.`, b.fromWarehouseId);
        })).originAddress
      : place(b.fromPostalCode, 'US', b.fromCity, b.fromState);
    const shipment = shipmentOf(b, shipFrom, app.ctx.clock.nowIso().slice(0, 10));
    const { rates } = rateWithCarrier(carrier, rateRequestFor(shipment, shipment.shipDate!, carrier, b.serviceCode ? [b.serviceCode] : undefined));
    return rates.map((quote) => ({
      serviceName: quote.serviceType,
      serviceCode: quote.serviceCode,
      shipmentCost: quote.shippingCents / 100,
      otherCost: (quote.confirmationCents + quote.insuranceCents + quote.otherCents) / 100,
    }));
  });
};
