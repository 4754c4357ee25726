import { addressSchema } from '../shared/address.ts';
import { seIdParam } from '../shared/query.ts';

export const warehouseBody = {
  type: 'object',
  required: ['name', 'origin_address'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    origin_address: addressSchema,
    return_address: { anyOf: [addressSchema, { type: 'null' }] },
    is_default: { type: ['boolean', 'null'] },
  },
} as const;

export const warehouseParams = seIdParam('warehouse_id');
