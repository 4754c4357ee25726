// POST /pickups and DELETE /pickups/{id}. All labels of a pickup come from one carrier and one
// warehouse (the pickup address is that warehouse); voided labels and labels already on a live
// pickup are refused; the window follows the carrier calendar rules of ./window.ts.
import { randomBytes } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import type { Label } from '../labels/types.ts';
import { assembleLabels } from '../labels/store.ts';
import type { PostalAddress } from '../shipping-types.ts';
import { getWarehouse } from '../warehouses/warehouses.ts';
import { confirmationNumber } from './confirmation.ts';
import { getPickup, insertPickup, livePickupsOfLabels, setPickupCancelled } from './store.ts';
import type { Pickup, PickupRequest } from './types.ts';
import { checkPickupWindow } from './window.ts';

/** The documented requirement, word for word. */
export const MIXED_LABELS_MESSAGE = 'All the labels must be from the same carrier and have the same warehouse id.';

const BASE62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';

/** `pik_` and 22 random base-62 characters, like ShipEngine's `pik_3YcKU5zdtJuCqoeNwyqqbW`. */
function newPublicId(): string {
  return `pik_${[...randomBytes(22)].map((b) => BASE62[b % 62]).join('')}`;
}

async function labelsOf(ex: Executor, accountId: number, labelIds: number[]): Promise<{ labels: Label[]; warehouses: Map<number, number | null> }> {
  for (const id of [...labelIds].sort((a, b) => a - b)) await lockRow(ex, 'labels', id);
  const rows = await ex
    .selectFrom('labels as l')
    .innerJoin('shipments as s', 's.id', 'l.shipment_id')
    .selectAll('l')
    .select('s.warehouse_id as link_warehouse_id')
    .where('l.account_id', '=', accountId)
    .where('l.id', 'in', labelIds)
    .orderBy('l.id')
    .execute();
  const missing = labelIds.find((id) => !rows.some((r) => r.id === id));
  if (missing !== undefined) throw notFound('label', `se-${missing}`);
  return { labels: await assembleLabels(ex, rows), warehouses: new Map(rows.map((r) => [r.id, r.link_warehouse_id])) };
}

export async function schedulePickup(ex: Executor, accountId: number, input: PickupRequest, now: Date): Promise<Pickup> {
  const window = checkPickupWindow(input.window, now);
  const { labels, warehouses } = await labelsOf(ex, accountId, input.labelIds);
  const voided = labels.find((l) => l.status === 'voided');
  if (voided) throw invalidField('label_ids', `Label se-${voided.id} is voided and cannot be picked up.`, `se-${voided.id}`, 'invalid_status');
  const unfinished = labels.find((l) => l.status !== 'completed');
  if (unfinished) throw invalidField('label_ids', `Label se-${unfinished.id} is ${unfinished.status} and cannot be picked up.`, `se-${unfinished.id}`, 'invalid_status');
  const [first] = labels;
  const warehouseId = warehouses.get(first.id) ?? null;
  if (labels.some((l) => l.carrierId !== first.carrierId || warehouses.get(l.id) !== warehouseId)) {
    throw invalidField('label_ids', MIXED_LABELS_MESSAGE, undefined, 'carrier_conflict');
  }
  if (warehouseId === null) {
    throw invalidField('label_ids', `Label se-${first.id} was not shipped from a warehouse; the pickup address is the labels' warehouse.`, `se-${first.id}`);
  }
  const taken = await livePickupsOfLabels(ex, input.labelIds);
  const [takenLabel, takenBy] = [...taken.entries()][0] ?? [];
  if (takenLabel !== undefined) {
    throw invalidField('label_ids', `Label se-${takenLabel} is already on scheduled pickup ${takenBy}.`, `se-${takenLabel}`, 'invalid_status');
  }
  // The pickup address is the warehouse as it is now; a since-deleted one leaves the labels' ship-from.
  const address: PostalAddress = await getWarehouse(ex, accountId, warehouseId).then(
    (w) => w.originAddress,
    () => first.shipFrom,
  );
  const at = now.toISOString();
  const publicId = newPublicId();
  await insertPickup(
    ex,
    accountId,
    {
      publicId,
      carrierId: first.carrierId,
      warehouseId,
      body: { contact: input.contact, notes: input.notes, pickupAddress: address },
      windowStart: window.startAt,
      windowEnd: window.endAt,
      labelIds: input.labelIds,
    },
    (rowId) => confirmationNumber(first.carrierCode, rowId),
    at,
  );
  return getPickup(ex, accountId, publicId);
}

export async function cancelPickup(ex: Executor, accountId: number, publicId: string, now: Date): Promise<Pickup> {
  const pickup = await getPickup(ex, accountId, publicId);
  const already = () => new DomainError('validation', `Pickup ${publicId} was already cancelled at ${pickup.cancelledAt ?? 'an earlier request'}.`, 'invalid_status');
  if (pickup.cancelledAt) throw already();
  if (new Date(pickup.window.endAt) <= now) {
    throw new DomainError('validation', `Pickup ${publicId} (window ending ${pickup.window.endAt}) has already taken place and cannot be cancelled.`, 'invalid_status');
  }
  if (!(await setPickupCancelled(ex, pickup.id, now.toISOString()))) throw already();
  return { ...pickup, cancelledAt: now.toISOString() };
}
