// Request schemas for /orders: as lenient as ShipStation (nulls everywhere, read-only fields
// ignored, unknown properties accepted), strict on types, enums and required fields.
import { CONFIRMATIONS, DIMENSION_UNITS, ORDER_STATUSES, WEIGHT_UNITS } from '../../../domain/orders/types.ts';
import { v1AddressSchema } from '../shared/address.ts';
import { optionalRowId, rowId, v1PagingQuery } from '../shared/params.ts';

const str = { type: ['string', 'null'] } as const;
// Money and quantities are bounded so they fit integer cents and columns on both engines.
const num = { type: ['number', 'null'], minimum: -10_000_000, maximum: 10_000_000 } as const;
const bool = { type: ['boolean', 'null'] } as const;
const nullable = (schema: object) => ({ anyOf: [schema, { type: 'null' }] });

const weight = {
  type: 'object',
  required: ['value', 'units'],
  properties: { value: { type: 'number', minimum: 0 }, units: { type: 'string', enum: WEIGHT_UNITS }, WeightUnits: { type: ['integer', 'null'] } },
} as const;

const dimensions = {
  type: 'object',
  required: ['length', 'width', 'height'],
  properties: {
    length: { type: 'number', minimum: 0 },
    width: { type: 'number', minimum: 0 },
    height: { type: 'number', minimum: 0 },
    units: { type: ['string', 'null'], enum: [...DIMENSION_UNITS, null] },
  },
} as const;

const item = {
  type: 'object',
  properties: {
    lineItemKey: str,
    sku: str,
    name: str,
    imageUrl: str,
    weight: nullable(weight),
    quantity: { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000 },
    unitPrice: num,
    taxAmount: num,
    shippingAmount: num,
    warehouseLocation: str,
    options: {
      type: ['array', 'null'],
      items: { type: 'object', properties: { name: str, value: str } },
    },
    productId: optionalRowId,
    fulfillmentSku: str,
    adjustment: bool,
    upc: str,
  },
} as const;

const customsItem = {
  type: 'object',
  properties: {
    description: str,
    quantity: { type: ['integer', 'null'], minimum: 0, maximum: 1_000_000 },
    value: num,
    harmonizedTariffCode: str,
    countryOfOrigin: { type: ['string', 'null'], pattern: '^[A-Za-z]{2}$' },
  },
} as const;

export const orderBodySchema = {
  type: 'object',
  required: ['orderNumber', 'orderDate', 'orderStatus', 'billTo', 'shipTo'],
  properties: {
    orderId: optionalRowId,
    orderNumber: { type: 'string', minLength: 1, maxLength: 50 },
    orderKey: { type: ['string', 'null'], maxLength: 200 },
    orderDate: { type: 'string' },
    paymentDate: str,
    shipByDate: str,
    orderStatus: { type: 'string', enum: ORDER_STATUSES },
    customerUsername: str,
    customerEmail: str,
    billTo: v1AddressSchema,
    shipTo: v1AddressSchema,
    items: { type: ['array', 'null'], items: item, maxItems: 1000 },
    amountPaid: num,
    taxAmount: num,
    shippingAmount: num,
    customerNotes: str,
    internalNotes: str,
    gift: bool,
    giftMessage: str,
    paymentMethod: str,
    requestedShippingService: str,
    carrierCode: str,
    serviceCode: str,
    packageCode: str,
    confirmation: { type: ['string', 'null'], enum: [...CONFIRMATIONS, null] },
    shipDate: str,
    holdUntilDate: str,
    weight: nullable(weight),
    dimensions: nullable(dimensions),
    insuranceOptions: nullable({
      type: 'object',
      properties: {
        provider: { type: ['string', 'null'], enum: ['shipsurance', 'carrier', 'provider', 'xcover', 'parcelguard', null] },
        insureShipment: bool,
        insuredValue: { type: ['number', 'null'], minimum: 0 },
      },
    }),
    internationalOptions: nullable({
      type: 'object',
      properties: {
        contents: { type: ['string', 'null'], enum: ['merchandise', 'documents', 'gift', 'returned_goods', 'sample', null] },
        customsItems: { type: ['array', 'null'], items: customsItem },
        nonDelivery: { type: ['string', 'null'], enum: ['return_to_sender', 'treat_as_abandoned', null] },
      },
    }),
    advancedOptions: nullable({
      type: 'object',
      properties: {
        warehouseId: optionalRowId,
        nonMachinable: bool,
        saturdayDelivery: bool,
        containsAlcohol: bool,
        storeId: optionalRowId,
        customField1: str,
        customField2: str,
        customField3: str,
        source: str,
        billToParty: { type: ['string', 'null'], enum: ['my_account', 'my_other_account', 'recipient', 'third_party', null] },
        billToAccount: str,
        billToPostalCode: str,
        billToCountryCode: str,
        billToMyOtherAccount: { type: ['integer', 'null'] },
      },
    }),
    tagIds: { type: ['array', 'null'], items: rowId, maxItems: 100 },
  },
} as const;

export const createOrdersSchema = { type: 'array', maxItems: 100, items: { type: 'object' } } as const;

const dateRange = (name: string) => ({ [`${name}Start`]: { type: 'string' }, [`${name}End`]: { type: 'string' } });

export const listOrdersQuery = {
  type: 'object',
  properties: {
    customerName: { type: 'string' },
    itemKeyword: { type: 'string' },
    ...dateRange('createDate'),
    ...dateRange('modifyDate'),
    ...dateRange('orderDate'),
    ...dateRange('paymentDate'),
    customsCountryCode: { type: 'string' },
    orderNumber: { type: 'string' },
    orderStatus: { type: 'string' },
    storeId: rowId,
    importBatchId: { type: 'string' },
    sortBy: { type: 'string' },
    ...v1PagingQuery,
  },
} as const;

export const listByTagQuery = {
  type: 'object',
  required: ['orderStatus', 'tagId'],
  properties: { orderStatus: { type: 'string' }, tagId: rowId, ...v1PagingQuery },
} as const;

export const orderTagBody = { type: 'object', required: ['orderId', 'tagId'], properties: { orderId: rowId, tagId: rowId } } as const;

const orderIds = { type: 'array', minItems: 1, maxItems: 500, items: rowId } as const;

export const assignUserBody = {
  type: 'object',
  required: ['orderIds', 'userId'],
  properties: { orderIds, userId: { type: 'string', pattern: '^[0-9A-Fa-f]{8}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{4}-[0-9A-Fa-f]{12}$' } },
} as const;

export const unassignUserBody = { type: 'object', required: ['orderIds'], properties: { orderIds } } as const;

export const holdUntilBody = { type: 'object', required: ['orderId', 'holdUntilDate'], properties: { orderId: rowId, holdUntilDate: { type: 'string' } } } as const;

export const orderIdBody = { type: 'object', required: ['orderId'], properties: { orderId: rowId } } as const;

export const markAsShippedBody = {
  type: 'object',
  required: ['orderId', 'carrierCode'],
  properties: {
    orderId: rowId,
    carrierCode: { type: 'string', minLength: 1, maxLength: 50 },
    shipDate: str,
    trackingNumber: { type: ['string', 'null'], maxLength: 100 },
    notifyCustomer: bool,
    notifySalesChannel: bool,
  },
} as const;
