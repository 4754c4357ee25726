import { PAYMENT_STATUSES, PAYMENT_TERMS, PO_STATUSES } from '../../../domain/purchase-orders/purchase-orders.ts';
import { idParams, inventoryPaging } from '../inventory/schemas.ts';

const id = { type: 'string', minLength: 1, maxLength: 40 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const nullableText = (max: number) => ({ type: ['string', 'null'], maxLength: max }) as const;

export const params = idParams('purchase_order_id');

export const poBody = {
  type: 'object',
  required: ['supplier_id', 'warehouse_id', 'products'],
  properties: {
    supplier_id: id,
    warehouse_id: id,
    order_date: dateTime,
    expected_delivery_date: dateTime,
    payment_terms: { type: 'string', enum: PAYMENT_TERMS },
    payment_status: { type: 'string', enum: PAYMENT_STATUSES },
    currency_code: { type: 'string', pattern: '^[A-Za-z]{3}$' },
    shipping_carrier: nullableText(100),
    tracking_number: nullableText(100),
    reference_number: nullableText(100),
    note_to_supplier: nullableText(2000),
    products: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['sku', 'quantity'],
        properties: {
          sku: { type: 'string', minLength: 1, maxLength: 200 },
          supplier_sku: nullableText(200),
          quantity: { type: 'integer', minimum: 1, maximum: 1_000_000_000 },
          cost: { type: 'number', minimum: 0, maximum: 10_000_000 },
        },
      },
    },
  },
} as const;

export const statusBody = { type: 'object', required: ['status'], properties: { status: { type: 'string', enum: PO_STATUSES } } } as const;

export const shippingDetailsBody = {
  type: 'object',
  properties: { shipping_carrier: nullableText(100), tracking_number: nullableText(100), expected_delivery_date: { anyOf: [dateTime, { type: 'null' }] } },
} as const;

export const receivesBody = {
  type: 'object',
  required: ['product_receives'],
  properties: {
    product_receives: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: {
        type: 'object',
        required: ['sku', 'inventory_location_id'],
        properties: {
          sku: { type: 'string', minLength: 1, maxLength: 200 },
          inventory_location_id: id,
          received_quantity: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
          rejected_quantity: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
          lot: { type: 'string', maxLength: 200 },
          expiration_date: dateTime,
        },
      },
    },
  },
} as const;

export const listQuery = {
  type: 'object',
  properties: {
    ...inventoryPaging,
    order_number: { type: 'string', maxLength: 100 },
    status: { type: 'string', enum: PO_STATUSES },
    warehouse_id: id,
    reference_number: { type: 'string', maxLength: 100 },
    create_date_start: dateTime,
  },
} as const;
