// Internal notes and the assigned user of a shipment: kept beside the shipment row, never
// shown to the recipient.
import type { Executor } from '../../db/index.ts';
import { invalidField, notFound } from '../errors.ts';
import { findShipment } from './store.ts';

export interface ShipmentAnnotation {
  shipmentId: number;
  internalNotes: string | null;
  assignedUserId: string | null;
  modifiedAt: string;
}

async function upsert(ex: Executor, accountId: number, shipmentId: number, change: { internal_notes?: string | null; assigned_user_id?: string | null }, now: string) {
  await ex
    .insertInto('shipment_annotations')
    .values({ shipment_id: shipmentId, account_id: accountId, internal_notes: null, assigned_user_id: null, ...change, modified_at: now })
    .onConflict((oc) => oc.column('shipment_id').doUpdateSet({ ...change, modified_at: now }))
    .execute();
}

export async function getAnnotation(ex: Executor, accountId: number, shipmentId: number): Promise<ShipmentAnnotation> {
  const row = await ex.selectFrom('shipment_annotations').selectAll().where('shipment_id', '=', shipmentId).where('account_id', '=', accountId).executeTakeFirst();
  return {
    shipmentId,
    internalNotes: row?.internal_notes ?? null,
    assignedUserId: row?.assigned_user_id ?? null,
    modifiedAt: row?.modified_at ?? '',
  };
}

export async function setInternalNotes(ex: Executor, accountId: number, shipmentId: number, notes: string | null, now: string): Promise<ShipmentAnnotation> {
  if (!(await findShipment(ex, accountId, shipmentId))) throw notFound('shipment', `se-${shipmentId}`);
  await upsert(ex, accountId, shipmentId, { internal_notes: notes && notes.length > 0 ? notes : null }, now);
  return getAnnotation(ex, accountId, shipmentId);
}

/** Assigns (or with null, unassigns) an active user of the account to every shipment named. */
export async function assignUser(ex: Executor, accountId: number, shipmentIds: number[], userId: string | null, now: string): Promise<void> {
  if (userId !== null) {
    const user = await ex.selectFrom('users').select('status').where('account_id', '=', accountId).where('id', '=', userId).executeTakeFirst();
    if (!user) throw invalidField('user_id', `user ${userId} was not found`, userId, 'invalid_identifier');
    if (user.status !== 'active') throw invalidField('user_id', `user ${userId} is ${user.status}, not active`, userId, 'invalid_status');
  }
  for (const id of shipmentIds) {
    if (!(await findShipment(ex, accountId, id))) throw notFound('shipment', `se-${id}`);
  }
  for (const id of shipmentIds) await upsert(ex, accountId, id, { assigned_user_id: userId }, now);
}
