// Fills in what a shipment leaves to the account: ship-from and return address from a warehouse.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { invalidField } from '../errors.ts';
import { findDefaultWarehouse, getWarehouse } from '../warehouses/warehouses.ts';
import type { ShipmentBody } from './types.ts';

async function namedWarehouse(ex: Executor, accountId: number, id: number) {
  const missing = () => invalidField('warehouse_id', `warehouse se-${id} was not found`, `se-${id}`, 'invalid_identifier');
  // An id past the row range names nothing; PostgreSQL would fail the whole transaction on it.
  if (id > MAX_ROW_ID) throw missing();
  return getWarehouse(ex, accountId, id).catch(() => {
    throw missing();
  });
}

export async function resolveShipFrom(ex: Executor, accountId: number, body: ShipmentBody): Promise<ShipmentBody> {
  // A named warehouse must exist even when ship_from is given: its id is stored with the shipment.
  const named = body.warehouseId ? await namedWarehouse(ex, accountId, body.warehouseId) : null;
  if (body.shipFrom) return { ...body, returnTo: body.returnTo ?? body.shipFrom };
  const warehouse = named ?? (await findDefaultWarehouse(ex, accountId));
  if (!warehouse) {
    throw invalidField('ship_from', 'ship_from is required when the account has no default warehouse and no warehouse_id is given', undefined, 'field_value_required');
  }
  return { ...body, warehouseId: warehouse.id, shipFrom: warehouse.originAddress, returnTo: body.returnTo ?? warehouse.returnAddress };
}
