// Which shipments a batch holds: added by shipment id or by rate id (the label is then bought at
// that rate), removed while the batch is open, and the errors of those that could not be labelled.
import type { Executor } from '../../db/index.ts';
import { DomainError, type FieldIssue } from '../errors.ts';
import { findRate } from '../rates/shop.ts';
import { assertOpen, lockBatch } from './store.ts';
import type { BatchError } from './types.ts';

export interface Members {
  shipmentIds: number[];
  rateIds: number[];
}

function refuse(issues: FieldIssue[]): never {
  throw new DomainError('validation', issues.map((i) => i.message).join(' '), 'invalid_identifier', issues);
}

/** shipment id -> rate id (null: priced when the label is bought). */
async function resolveMembers(ex: Executor, accountId: number, members: Members): Promise<Map<number, number | null>> {
  const wanted = new Map<number, number | null>();
  const issues: FieldIssue[] = [];
  const unique = [...new Set(members.shipmentIds)];
  const found = unique.length
    ? await ex.selectFrom('shipments').select('id').where('account_id', '=', accountId).where('id', 'in', unique).execute()
    : [];
  const known = new Set(found.map((r) => r.id));
  members.shipmentIds.forEach((id, index) => {
    if (!known.has(id)) issues.push({ field: `shipment_ids[${index}]`, message: `shipment se-${id} was not found`, code: 'invalid_identifier', value: `se-${id}` });
    else wanted.set(id, null);
  });
  for (const [index, rateId] of members.rateIds.entries()) {
    const rate = await findRate(ex, accountId, rateId);
    if (!rate || rate.shipmentId === null) {
      issues.push({ field: `rate_ids[${index}]`, message: `rate se-${rateId} was not found or prices no stored shipment`, code: 'invalid_identifier', value: `se-${rateId}` });
    } else wanted.set(rate.shipmentId, rate.id);
  }
  if (issues.length > 0) refuse(issues);
  return wanted;
}

/** Adds shipments (or rates) to an open batch. A shipment sits in one unprocessed batch at a time. */
export async function addToBatch(ex: Executor, accountId: number, batchId: number, members: Members, now: string): Promise<void> {
  assertOpen(await lockBatch(ex, accountId, batchId));
  const wanted = await resolveMembers(ex, accountId, members);
  if (wanted.size === 0) return;
  const shipmentIds = [...wanted.keys()];
  const elsewhere = await ex
    .selectFrom('batch_shipments as bs')
    .innerJoin('batches as b', 'b.id', 'bs.batch_id')
    .select(['bs.shipment_id', 'bs.batch_id'])
    .where('bs.shipment_id', 'in', shipmentIds)
    .where('bs.batch_id', '!=', batchId)
    .where('b.status', 'in', ['open', 'queued', 'processing'])
    .execute();
  if (elsewhere.length > 0) {
    refuse(elsewhere.map((r) => ({ field: 'shipment_ids', message: `shipment se-${r.shipment_id} is already in batch se-${r.batch_id}`, code: 'invalid_identifier', value: `se-${r.shipment_id}` })));
  }
  const present = await ex.selectFrom('batch_shipments').select(['id', 'shipment_id']).where('batch_id', '=', batchId).where('shipment_id', 'in', shipmentIds).execute();
  const presentIds = new Map(present.map((r) => [r.shipment_id, r.id]));
  for (const [shipmentId, rateId] of wanted) {
    const existing = presentIds.get(shipmentId);
    // Adding a rate of a shipment already in the batch chooses that rate for it.
    if (existing !== undefined) {
      if (rateId !== null) await ex.updateTable('batch_shipments').set({ rate_id: rateId, modified_at: now }).where('id', '=', existing).execute();
      continue;
    }
    await ex
      .insertInto('batch_shipments')
      .values({ batch_id: batchId, account_id: accountId, shipment_id: shipmentId, rate_id: rateId, state: 'pending', label_id: null, has_form: 0, error: null, modified_at: now })
      .execute();
  }
  await ex.updateTable('batches').set({ modified_at: now }).where('id', '=', batchId).execute();
}

/** Takes shipments (by shipment id, or by the rate they were added with) out of an open batch. */
export async function removeFromBatch(ex: Executor, accountId: number, batchId: number, members: Members, now: string): Promise<void> {
  assertOpen(await lockBatch(ex, accountId, batchId));
  const rows = await ex.selectFrom('batch_shipments').select(['id', 'shipment_id', 'rate_id']).where('batch_id', '=', batchId).execute();
  const byShipment = new Map(rows.map((r) => [r.shipment_id, r.id]));
  const byRate = new Map(rows.filter((r) => r.rate_id !== null).map((r) => [r.rate_id!, r.id]));
  const issues: FieldIssue[] = [];
  const ids = new Set<number>();
  members.shipmentIds.forEach((id, index) => {
    const row = byShipment.get(id);
    if (row === undefined) issues.push({ field: `shipment_ids[${index}]`, message: `shipment se-${id} is not in batch se-${batchId}`, code: 'invalid_identifier', value: `se-${id}` });
    else ids.add(row);
  });
  members.rateIds.forEach((id, index) => {
    const row = byRate.get(id);
    if (row === undefined) issues.push({ field: `rate_ids[${index}]`, message: `rate se-${id} is not in batch se-${batchId}`, code: 'invalid_identifier', value: `se-${id}` });
    else ids.add(row);
  });
  if (issues.length > 0) refuse(issues);
  if (ids.size > 0) await ex.deleteFrom('batch_shipments').where('id', 'in', [...ids]).execute();
  await ex.updateTable('batches').set({ modified_at: now }).where('id', '=', batchId).execute();
}

export async function listBatchErrors(ex: Executor, batchId: number, offset: number, limit: number): Promise<{ errors: BatchError[]; total: number }> {
  const query = ex
    .selectFrom('batch_shipments as bs')
    .innerJoin('shipments as s', 's.id', 'bs.shipment_id')
    .where('bs.batch_id', '=', batchId)
    .where('bs.state', '=', 'error');
  const [rows, count] = await Promise.all([
    query.select(['bs.shipment_id', 's.external_shipment_id', 'bs.error']).orderBy('bs.id').offset(offset).limit(limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    errors: rows.map((r) => ({ shipmentId: r.shipment_id, externalShipmentId: r.external_shipment_id, error: r.error ?? 'the label could not be bought' })),
    total: Number(count.n),
  };
}
