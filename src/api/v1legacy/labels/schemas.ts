import { v1AddressSchema } from '../shared/address.ts';
import { rowId, v1PagingQuery } from '../shared/params.ts';

export const v1WeightSchema = {
  type: 'object',
  required: ['value', 'units'],
  properties: { value: { type: 'number', exclusiveMinimum: 0 }, units: { type: 'string', enum: ['pounds', 'ounces', 'grams'] } },
} as const;

export const v1DimensionsSchema = {
  type: ['object', 'null'],
  required: ['length', 'width', 'height'],
  properties: {
    length: { type: 'number', minimum: 0 },
    width: { type: 'number', minimum: 0 },
    height: { type: 'number', minimum: 0 },
    units: { type: 'string', enum: ['inches', 'centimeters'] },
  },
} as const;

const labelOptions = {
  carrierCode: { type: 'string', minLength: 1 },
  serviceCode: { type: 'string', minLength: 1 },
  packageCode: { type: ['string', 'null'] },
  confirmation: { type: ['string', 'null'], enum: ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature', null] },
  shipDate: { type: 'string', pattern: '^20\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])' },
  weight: v1WeightSchema,
  dimensions: v1DimensionsSchema,
  insuranceOptions: { type: ['object', 'null'] },
  internationalOptions: { type: ['object', 'null'] },
  advancedOptions: { type: ['object', 'null'] },
  testLabel: { type: 'boolean', default: false },
} as const;

export const createLabelSchema = {
  type: 'object',
  required: ['carrierCode', 'serviceCode', 'shipDate', 'weight', 'shipFrom', 'shipTo'],
  properties: {
    ...labelOptions,
    shipFrom: { ...v1AddressSchema, required: ['street1', 'city', 'postalCode'] },
    shipTo: { ...v1AddressSchema, required: ['street1', 'city', 'postalCode', 'country'] },
  },
} as const;

export const createLabelForOrderSchema = {
  type: 'object',
  required: ['orderId', 'carrierCode', 'serviceCode', 'shipDate'],
  properties: { orderId: rowId, ...labelOptions, weight: { anyOf: [v1WeightSchema, { type: 'null' }] } },
} as const;

export const voidLabelSchema = { type: 'object', required: ['shipmentId'], properties: { shipmentId: rowId } } as const;

const text = { type: 'string', maxLength: 200 } as const;
export const listShipmentsQuery = {
  type: 'object',
  properties: {
    recipientName: text,
    recipientCountryCode: { type: 'string', pattern: '^[A-Za-z]{2}$' },
    orderNumber: text,
    orderId: rowId,
    carrierCode: text,
    serviceCode: text,
    trackingNumber: text,
    createDateStart: text,
    createDateEnd: text,
    shipDateStart: text,
    shipDateEnd: text,
    voidDateStart: text,
    voidDateEnd: text,
    storeId: rowId,
    batchId: text,
    includeShipmentItems: { type: 'boolean', default: false },
    sortBy: { type: 'string', enum: ['ShipDate', 'CreateDate'], default: 'CreateDate' },
    ...v1PagingQuery,
  },
} as const;
