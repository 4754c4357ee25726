// Changing a stored shipment: a full update while it is still pending, and cancelling it.
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { DomainError } from '../errors.ts';
import { cancelOrderOfShipment } from '../orders/actions.ts';
import { externalIdTaken, prepareShipment } from './create.ts';
import { getShipment, setShipmentStatus, shipmentColumns } from './store.ts';
import type { Shipment, ShipmentBody } from './types.ts';

export interface ShipmentReferences {
  /** undefined keeps the stored value, null clears it. */
  externalShipmentId?: string | null;
  shipmentNumber?: string | null;
}

/** Reads a shipment with its row locked, so a concurrent label purchase cannot slip in between. */
async function lockedShipment(ex: Executor, accountId: number, id: number): Promise<Shipment> {
  await lockRow(ex, 'shipments', id);
  return getShipment(ex, accountId, id);
}

function statusRule(shipment: Shipment, action: string): DomainError {
  const reason =
    shipment.status === 'label_purchased'
      ? 'it has a label; void the label first'
      : shipment.status === 'cancelled'
        ? 'it is cancelled'
        : `it is ${shipment.status}`;
  return new DomainError('business_rules', `Shipment se-${shipment.id} cannot be ${action}: ${reason}.`, 'invalid_status');
}

/**
 * Replaces everything a shipment request carries. A ship date or external id the request leaves
 * out keeps its stored value rather than resetting: clients that PUT back a trimmed shipment
 * should not lose the day it ships or the key they look it up by.
 */
export async function updateShipment(
  ex: Executor,
  accountId: number,
  id: number,
  body: ShipmentBody,
  references: ShipmentReferences,
  now: string,
): Promise<Shipment> {
  const current = await lockedShipment(ex, accountId, id);
  if (current.status !== 'pending') throw statusRule(current, 'updated');
  const prepared = await prepareShipment(ex, accountId, body);
  const externalShipmentId = references.externalShipmentId === undefined ? current.externalShipmentId : references.externalShipmentId;
  if (externalShipmentId && externalShipmentId !== current.externalShipmentId && (await externalIdTaken(ex, accountId, externalShipmentId))) {
    throw new DomainError('conflict', `a shipment with external_shipment_id "${externalShipmentId}" already exists`, 'identifier_conflict', [
      { field: 'external_shipment_id', message: 'external_shipment_id must be unique', code: 'identifier_conflict', value: externalShipmentId },
    ]);
  }
  const dated = { ...prepared, shipDate: prepared.shipDate ?? current.shipDate ?? now.slice(0, 10) };
  await ex
    .updateTable('shipments')
    .set({
      ...shipmentColumns(dated),
      external_shipment_id: externalShipmentId,
      shipment_number: references.shipmentNumber === undefined ? current.shipmentNumber : references.shipmentNumber,
      modified_at: now,
    })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .execute();
  return getShipment(ex, accountId, id);
}

/** Pending and processing shipments can be cancelled; a label must be voided first. */
export async function cancelShipment(ex: Executor, accountId: number, id: number, now: string): Promise<void> {
  const current = await lockedShipment(ex, accountId, id);
  if (current.status === 'cancelled' || current.status === 'label_purchased') throw statusRule(current, 'cancelled');
  await setShipmentStatus(ex, accountId, id, 'cancelled', now);
  if (current.orderId !== null) await cancelOrderOfShipment(ex, accountId, current.orderId, now);
}
