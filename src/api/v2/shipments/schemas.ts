// Request schemas for a V2 shipment: as lenient as the live API (documented examples validate),
// strict where a wrong value would make a wrong label.
import { addressSchema } from '../shared/address.ts';
import { moneySchema } from '../shared/money.ts';

const nullableString = (maxLength = 200) => ({ type: ['string', 'null'], maxLength }) as const;
const seId = { type: ['string', 'null'], pattern: '^se-[0-9]{1,15}$' } as const;

/** Ship-to and ship-from need a contact: the spec's `address` requires name and phone. */
export const shippingAddressSchema = {
  ...addressSchema,
  required: [...addressSchema.required, 'name'],
  properties: { ...addressSchema.properties, instructions: nullableString(500) },
} as const;

export const weightSchema = {
  type: 'object',
  required: ['value', 'unit'],
  properties: {
    value: { type: 'number', exclusiveMinimum: 0 },
    unit: { type: 'string', enum: ['pound', 'ounce', 'gram', 'kilogram'] },
  },
} as const;

export const dimensionsSchema = {
  type: 'object',
  required: ['length', 'width', 'height'],
  properties: {
    unit: { type: 'string', enum: ['inch', 'centimeter'] },
    length: { type: 'number', minimum: 0 },
    width: { type: 'number', minimum: 0 },
    height: { type: 'number', minimum: 0 },
  },
} as const;

export const packageSchema = {
  type: 'object',
  required: ['weight'],
  properties: {
    package_id: seId,
    package_code: { type: ['string', 'null'], pattern: '^[a-z0-9]+(_[a-z0-9]+)*$', maxLength: 50 },
    weight: weightSchema,
    dimensions: { anyOf: [dimensionsSchema, { type: 'null' }] },
    insured_value: { anyOf: [moneySchema, { type: 'null' }] },
    label_messages: {
      type: ['object', 'null'],
      properties: { reference1: nullableString(60), reference2: nullableString(60), reference3: nullableString(60) },
    },
    external_package_id: nullableString(100),
    content_description: nullableString(35),
  },
} as const;

export const customsItemSchema = {
  type: 'object',
  properties: {
    description: nullableString(100),
    quantity: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    value: { anyOf: [moneySchema, { type: 'number', minimum: 0, maximum: 10_000_000 }] },
    harmonized_tariff_code: nullableString(20),
    country_of_origin: { type: ['string', 'null'] },
    unit_of_measure: nullableString(20),
    sku: nullableString(100),
    sku_description: nullableString(200),
    weight: { anyOf: [weightSchema, { type: 'null' }] },
  },
} as const;

export const customsSchema = {
  type: ['object', 'null'],
  properties: {
    contents: { type: 'string' },
    contents_explanation: nullableString(200),
    non_delivery: { type: 'string' },
    customs_items: { type: 'array', items: customsItemSchema, maxItems: 100 },
    declaration: nullableString(500),
  },
} as const;

export const itemSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', maxLength: 500 },
    sku: nullableString(100),
    quantity: { type: 'integer', minimum: 0, maximum: 1_000_000 },
    sales_order_id: nullableString(100),
    sales_order_item_id: nullableString(100),
    external_order_id: nullableString(100),
    external_order_item_id: nullableString(100),
    asin: nullableString(10),
    order_source_code: { type: ['string', 'null'] },
    unit_price: { type: ['number', 'null'], minimum: 0, maximum: 10_000_000 },
  },
} as const;

export const CONFIRMATIONS = ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature', 'delivery_mailed', 'verbal_confirmation'] as const;

export const shipmentProperties = {
  carrier_id: seId,
  service_code: { type: ['string', 'null'], maxLength: 100 },
  external_shipment_id: nullableString(50),
  shipment_number: nullableString(50),
  external_order_id: nullableString(100),
  // Years 2000-2099: a far-future date would make no sense to a carrier (or to tracking).
  ship_date: { type: ['string', 'null'], pattern: '^20\\d{2}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])(T.*)?$' },
  ship_to: shippingAddressSchema,
  ship_from: { anyOf: [shippingAddressSchema, { type: 'null' }] },
  warehouse_id: seId,
  return_to: { anyOf: [shippingAddressSchema, { type: 'null' }] },
  is_return: { type: ['boolean', 'null'] },
  confirmation: { type: 'string', enum: CONFIRMATIONS, default: 'none' },
  customs: customsSchema,
  advanced_options: { type: ['object', 'null'] },
  insurance_provider: { type: 'string', enum: ['none', 'shipsurance', 'carrier', 'third_party'], default: 'none' },
  tags: { type: 'array', items: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1 } } } },
  order_source_code: { type: ['string', 'null'] },
  items: { type: 'array', items: itemSchema, maxItems: 500 },
  packages: { type: 'array', items: packageSchema, minItems: 1, maxItems: 200 },
  tax_identifiers: { type: ['array', 'null'] },
  comparison_rate_type: nullableString(50),
  validate_address: { type: 'string', enum: ['no_validation', 'validate_only', 'validate_and_clean'] },
} as const;

/** A shipment in a request: ship_to and packages are what a rate or label cannot do without. */
export const shipmentSchema = {
  type: 'object',
  required: ['ship_to', 'packages'],
  properties: shipmentProperties,
} as const;

/** POST /shipments: several shipments at once, each with its own creation options. */
export const createShipmentsBody = {
  type: 'object',
  required: ['shipments'],
  properties: {
    shipments: {
      type: 'array',
      minItems: 1,
      items: { ...shipmentSchema, properties: { ...shipmentProperties, create_sales_order: { type: 'boolean' } } },
    },
  },
} as const;
