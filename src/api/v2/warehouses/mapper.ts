import type { Warehouse } from '../../../domain/warehouses/warehouses.ts';
import { seId } from '../../common/ids.ts';
import { fromV2Address, toV2Address, type V2Address } from '../shared/address.ts';

export interface V2WarehouseBody {
  name: string;
  origin_address: V2Address;
  return_address?: V2Address | null;
  is_default?: boolean | null;
}

export const fromV2Warehouse = (body: V2WarehouseBody) => ({
  name: body.name,
  originAddress: fromV2Address(body.origin_address),
  returnAddress: body.return_address ? fromV2Address(body.return_address) : null,
  isDefault: body.is_default ?? undefined,
});

export const toV2Warehouse = (w: Warehouse) => ({
  warehouse_id: seId(w.id),
  is_default: w.isDefault,
  name: w.name,
  created_at: w.createdAt,
  origin_address: toV2Address(w.originAddress),
  return_address: toV2Address(w.returnAddress),
});
