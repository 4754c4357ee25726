// Fills in what a shipment leaves to the account: ship-from and return address from a warehouse.
import type { Executor } from '../../db/index.ts';
import { invalidField } from '../errors.ts';
import { findDefaultWarehouse, getWarehouse } from '../warehouses/warehouses.ts';
import type { ShipmentBody } from './types.ts';

export async function resolveShipFrom(ex: Executor, accountId: number, body: ShipmentBody): Promise<ShipmentBody> {
  if (body.shipFrom) return { ...body, returnTo: body.returnTo ?? body.shipFrom };
  const warehouse = body.warehouseId
    ? await getWarehouse(ex, accountId, body.warehouseId).catch(() => {
        throw invalidField('warehouse_id', `warehouse se-${body.warehouseId} was not found`, `se-${body.warehouseId}`, 'invalid_identifier');
      })
    : await findDefaultWarehouse(ex, accountId);
  if (!warehouse) {
    throw invalidField('ship_from', 'ship_from is required when the account has no default warehouse and no warehouse_id is given', undefined, 'field_value_required');
  }
  return { ...body, warehouseId: warehouse.id, shipFrom: warehouse.originAddress, returnTo: body.returnTo ?? warehouse.returnAddress };
}
