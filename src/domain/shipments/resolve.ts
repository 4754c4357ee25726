// Fills in what a shipment leaves to the account: ship-from and return address from a warehouse.
import { MAX_ROW_ID, type Executor } from '../../db/index.ts';
import { listCarriers } from '../carriers/connections.ts';
import { invalidField } from '../errors.ts';
import { findDefaultWarehouse, getWarehouse, listWarehouses } from '../warehouses/warehouses.ts';
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

/**
 * The carrier of a service when a request names the service alone (the ShipEngine SDK's own
 * label example does): the one connected carrier offering it, the primary connection first.
 */
export async function inferCarrierId(ex: Executor, accountId: number, serviceCode: string, field = 'carrier_id'): Promise<number> {
  const offering = (await listCarriers(ex, accountId)).filter((c) => c.connector.catalog.services.some((s) => s.serviceCode === serviceCode));
  if (offering.length === 0) {
    throw invalidField('service_code', `no carrier connected to this account offers service ${serviceCode}`, serviceCode, 'invalid_field_value');
  }
  const primary = offering.filter((c) => c.primary);
  const candidates = primary.length > 0 ? primary : offering;
  if (candidates.length > 1) {
    const ids = candidates.map((c) => `se-${c.id}`).join(', ');
    throw invalidField(field, `carrier_id is required: service ${serviceCode} is offered by more than one carrier (${ids})`, undefined, 'field_value_required');
  }
  return candidates[0].id;
}

/** Fills carrier_id from service_code when only the service is given. */
export async function resolveCarrier(ex: Executor, accountId: number, body: ShipmentBody): Promise<ShipmentBody> {
  if (body.carrierId !== null || !body.serviceCode) return body;
  return { ...body, carrierId: await inferCarrierId(ex, accountId, body.serviceCode) };
}

/** For display: shipments that leave ship-from to a warehouse (V1 orders) show that warehouse's addresses. */
export async function withWarehouseAddresses<T extends ShipmentBody>(ex: Executor, accountId: number, shipments: T[]): Promise<T[]> {
  if (shipments.every((s) => s.shipFrom)) return shipments;
  const warehouses = await listWarehouses(ex, accountId);
  return shipments.map((s) => {
    if (s.shipFrom) return s;
    const w = warehouses.find((x) => x.id === s.warehouseId) ?? warehouses.find((x) => x.isDefault);
    return w ? { ...s, shipFrom: w.originAddress, returnTo: s.returnTo ?? w.returnAddress } : s;
  });
}
