import { addressSchema } from '../shared/address.ts';
import { seIdParam } from '../shared/query.ts';

// Warehouse addresses are full `address` objects in the spec: a contact name and phone are required.
const warehouseAddress = { ...addressSchema, required: [...addressSchema.required, 'name', 'phone'] } as const;

export const warehouseBody = {
  type: 'object',
  required: ['name', 'origin_address'],
  properties: {
    name: { type: 'string', minLength: 1, maxLength: 200 },
    origin_address: warehouseAddress,
    return_address: { anyOf: [warehouseAddress, { type: 'null' }] },
    is_default: { type: ['boolean', 'null'] },
  },
} as const;

export const warehouseParams = seIdParam('warehouse_id');

export const warehouseSettingsBody = { type: 'object', properties: { is_default: { type: ['boolean', 'null'] } } } as const;
