// Persistence of pickups and the labels they collect.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { PickupsTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { PostalAddress } from '../shipping-types.ts';
import type { Pickup, PickupContact, PickupFilter } from './types.ts';

type PickupRow = Selectable<PickupsTable>;

export interface PickupBody {
  contact: PickupContact;
  notes: string;
  pickupAddress: PostalAddress;
}

async function assemble(ex: Executor, rows: PickupRow[]): Promise<Pickup[]> {
  if (rows.length === 0) return [];
  const links = await ex
    .selectFrom('pickup_labels')
    .select(['pickup_id', 'label_id'])
    .where(
      'pickup_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('label_id')
    .execute();
  return rows.map((row) => {
    const body = JSON.parse(row.body) as PickupBody;
    return {
      id: row.id,
      publicId: row.public_id,
      accountId: row.account_id,
      carrierId: row.carrier_id,
      warehouseId: row.warehouse_id,
      confirmationNumber: row.confirmation_number,
      labelIds: links.filter((l) => l.pickup_id === row.id).map((l) => l.label_id),
      contact: body.contact,
      notes: body.notes,
      pickupAddress: body.pickupAddress,
      window: { startAt: row.window_start, endAt: row.window_end },
      createdAt: row.created_at,
      cancelledAt: row.cancelled_at,
    };
  });
}

export async function findPickup(ex: Executor, accountId: number, publicId: string): Promise<Pickup | null> {
  const row = await ex.selectFrom('pickups').selectAll().where('public_id', '=', publicId).where('account_id', '=', accountId).executeTakeFirst();
  return row ? (await assemble(ex, [row]))[0] : null;
}

export async function getPickup(ex: Executor, accountId: number, publicId: string): Promise<Pickup> {
  const pickup = await findPickup(ex, accountId, publicId);
  if (!pickup) throw notFound('pickup', publicId);
  return pickup;
}

/** Pickups not cancelled that already collect one of these labels. */
export async function livePickupsOfLabels(ex: Executor, labelIds: number[]): Promise<Map<number, string>> {
  if (labelIds.length === 0) return new Map();
  const rows = await ex
    .selectFrom('pickup_labels as pl')
    .innerJoin('pickups as p', 'p.id', 'pl.pickup_id')
    .select(['pl.label_id', 'p.public_id'])
    .where('pl.label_id', 'in', labelIds)
    .where('p.cancelled_at', 'is', null)
    .execute();
  return new Map(rows.map((r) => [r.label_id, r.public_id]));
}

export interface NewPickup {
  publicId: string;
  carrierId: number;
  warehouseId: number;
  body: PickupBody;
  windowStart: string;
  windowEnd: string;
  labelIds: number[];
}

/** Inserts the pickup; its confirmation number derives from the row id, so it is set just after. */
export async function insertPickup(ex: Executor, accountId: number, p: NewPickup, confirmation: (rowId: number) => string, now: string): Promise<void> {
  const row = await ex
    .insertInto('pickups')
    .values({
      account_id: accountId,
      public_id: p.publicId,
      carrier_id: p.carrierId,
      warehouse_id: p.warehouseId,
      confirmation_number: '',
      body: JSON.stringify(p.body),
      window_start: p.windowStart,
      window_end: p.windowEnd,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await ex.updateTable('pickups').set({ confirmation_number: confirmation(row.id) }).where('id', '=', row.id).execute();
  await ex
    .insertInto('pickup_labels')
    .values(p.labelIds.map((labelId) => ({ pickup_id: row.id, label_id: labelId })))
    .execute();
}

/** False when another request cancelled it first. */
export async function setPickupCancelled(ex: Executor, id: number, at: string): Promise<boolean> {
  const result = await ex.updateTable('pickups').set({ cancelled_at: at }).where('id', '=', id).where('cancelled_at', 'is', null).executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

export async function listPickups(ex: Executor, accountId: number, f: PickupFilter): Promise<{ pickups: Pickup[]; total: number }> {
  let query = ex.selectFrom('pickups as p').where('p.account_id', '=', accountId);
  if (f.carrierId !== undefined) query = query.where('p.carrier_id', '=', f.carrierId);
  if (f.warehouseId !== undefined) query = query.where('p.warehouse_id', '=', f.warehouseId);
  if (f.createdAtStart) query = query.where('p.created_at', '>=', f.createdAtStart);
  if (f.createdAtEnd) query = query.where('p.created_at', '<=', f.createdAtEnd);
  const [rows, count] = await Promise.all([
    query.selectAll('p').orderBy('p.created_at', 'desc').orderBy('p.id', 'desc').offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { pickups: await assemble(ex, rows), total: Number(count.n) };
}
