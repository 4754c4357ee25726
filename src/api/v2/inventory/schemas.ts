// Request schemas of the inventory API. Inventory ids are `se-<n>` here; the spec types them as plain strings.
import { CONDITIONS } from '../../../domain/inventory/ledger.ts';

const id = { type: 'string', minLength: 1, maxLength: 40 } as const;
const name = { type: 'string', minLength: 1, maxLength: 200 } as const;
const dateTime = { type: 'string', format: 'date-time' } as const;
const cost = {
  type: 'object',
  required: ['amount'],
  properties: { amount: { type: 'number', minimum: 0, maximum: 10_000_000 }, currency: { type: 'string', minLength: 3, maxLength: 3 } },
} as const;

/** page_size is today's name; limit the 2025 file's. */
export const inventoryPaging = {
  page: { type: 'integer', minimum: 1, maximum: 10_000_000, default: 1 },
  page_size: { type: 'integer', minimum: 1, maximum: 500 },
  limit: { type: 'integer', minimum: 1, maximum: 500 },
} as const;

export type PagingQuery = { page: number; page_size?: number; limit?: number };

export const levelsQuery = {
  type: 'object',
  properties: {
    ...inventoryPaging,
    sku: { type: 'string', maxLength: 200 },
    inventory_warehouse_id: id,
    inventory_location_id: id,
    group_by: { type: 'string', enum: ['warehouse', 'location'] },
  },
} as const;

export const listQuery = { type: 'object', properties: { ...inventoryPaging, inventory_warehouse_id: id } } as const;

export const stockBody = {
  type: 'object',
  required: ['transaction_type', 'inventory_location_id', 'sku', 'quantity'],
  properties: {
    transaction_type: { type: 'string', enum: ['increment', 'decrement', 'adjust', 'modify'] },
    inventory_location_id: id,
    sku: { type: 'string', minLength: 1, maxLength: 200 },
    quantity: { type: 'integer', minimum: 0, maximum: 1_000_000_000 },
    cost,
    condition: { type: 'string', enum: CONDITIONS },
    lot: { type: 'string', maxLength: 200 },
    usable_start_date: dateTime,
    usable_end_date: dateTime,
    effective_at: dateTime,
    reason: { type: 'string', maxLength: 500 },
    notes: { type: 'string', maxLength: 2000 },
    new_inventory_location_id: id,
    new_cost: cost,
    new_condition: { type: 'string', enum: CONDITIONS },
  },
} as const;

export const warehouseBody = {
  type: 'object',
  required: ['name'],
  properties: { name, warehouse_id: { type: ['string', 'null'], maxLength: 40 }, default_inventory_location_id: { type: ['string', 'null'], maxLength: 40 } },
} as const;

export const warehouseUpdateBody = { ...warehouseBody, required: [] } as const;

export const locationBody = { type: 'object', required: ['name', 'inventory_warehouse_id'], properties: { name, inventory_warehouse_id: id } } as const;
export const locationUpdateBody = { type: 'object', properties: { name } } as const;

export const removeQuery = { type: 'object', properties: { remove_inventory: { type: 'string', enum: ['0', '1'] } } } as const;

export const idParams = (param: string) => ({ type: 'object', required: [param], properties: { [param]: id } }) as const;
