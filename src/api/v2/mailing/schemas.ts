// Request schemas of POST /v2/mailing/{envelopes,mail_labels,netstamps}. The operations are not in
// the 2025 V2 OpenAPI; docs.shipstation.com describes `shipments` (V2 shipment fields: carrier_id,
// service_code, ship_to, ship_from, packages, advanced_options.netstamps_options {row, column}) and,
// for mail labels, `mailing_options` with the start row and column. Unknown shipment fields are
// accepted, as the documented shipment carries many that mailing ignores.
import { dimensionsSchema, shippingAddressSchema, weightSchema } from '../shipments/schemas.ts';

const seId = { type: ['string', 'null'], pattern: '^se-[0-9]{1,15}$' } as const;
const position = { type: 'integer', minimum: 1, maximum: 100 } as const;

export const mailShipmentSchema = {
  type: 'object',
  properties: {
    carrier_id: seId,
    service_code: { type: ['string', 'null'], maxLength: 100 },
    external_shipment_id: { type: ['string', 'null'], maxLength: 50 },
    ship_to: shippingAddressSchema,
    ship_from: shippingAddressSchema,
    packages: {
      type: 'array',
      minItems: 1,
      maxItems: 1,
      items: {
        type: 'object',
        properties: {
          package_code: { type: ['string', 'null'], maxLength: 50 },
          weight: weightSchema,
          dimensions: { anyOf: [dimensionsSchema, { type: 'null' }] },
        },
      },
    },
    advanced_options: {
      type: ['object', 'null'],
      properties: {
        non_machinable: { type: ['boolean', 'null'] },
        netstamps_options: { type: ['object', 'null'], properties: { row: position, column: position } },
      },
    },
  },
} as const;

const downloadOptions = {
  label_format: { type: 'string', enum: ['pdf'] },
  label_download_type: { type: 'string', enum: ['url', 'inline'] },
} as const;

const shipments = (maxItems: number) => ({ type: 'array', minItems: 1, maxItems, items: mailShipmentSchema }) as const;

export const createEnvelope = {
  tags: ['mailing'],
  body: {
    type: 'object',
    properties: { shipment: mailShipmentSchema, shipments: shipments(1), ...downloadOptions },
  },
} as const;

export const createMailLabels = {
  tags: ['mailing'],
  body: {
    type: 'object',
    required: ['shipments'],
    properties: {
      shipments: shipments(100),
      mailing_options: {
        type: ['object', 'null'],
        properties: { start_row: position, start_column: position, row: position, column: position },
      },
      ...downloadOptions,
    },
  },
} as const;

export const createNetStamps = {
  tags: ['mailing'],
  body: { type: 'object', required: ['shipments'], properties: { shipments: shipments(100), ...downloadOptions } },
} as const;

export const downloadParams = {
  type: 'object',
  properties: { token: { type: 'string', pattern: '^[A-Za-z0-9_-]{16,64}$' }, filename: { type: 'string', pattern: '^[a-z_]+-[0-9]{1,15}\\.pdf$' } },
} as const;
