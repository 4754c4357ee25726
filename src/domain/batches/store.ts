// Persistence of batches: rows, their counters (computed from the per-shipment rows), lists.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { lockRow } from '../../db/locks.ts';
import type { BatchesTable } from '../../db/schema.ts';
import { DomainError, notFound } from '../errors.ts';
import type { LabelFormat, LabelLayout } from '../labels/types.ts';
import { findDocument } from '../stored-documents/store.ts';
import type { Batch, BatchStatus } from './types.ts';

type BatchRow = Selectable<BatchesTable>;
type Counts = Batch['counts'];

const EMPTY_COUNTS: Counts = { count: 0, completed: 0, errors: 0, warnings: 0, forms: 0, pending: 0 };

export async function countsOf(ex: Executor, batchIds: number[]): Promise<Map<number, Counts>> {
  const counts = new Map<number, Counts>(batchIds.map((id) => [id, { ...EMPTY_COUNTS }]));
  if (batchIds.length === 0) return counts;
  const rows = await ex
    .selectFrom('batch_shipments')
    .select(['batch_id', 'state', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('has_form').as('forms')])
    .where('batch_id', 'in', batchIds)
    .groupBy(['batch_id', 'state'])
    .execute();
  for (const row of rows) {
    const c = counts.get(row.batch_id)!;
    const n = Number(row.n);
    c.count += n;
    if (row.state === 'labelled') {
      c.completed += n;
      c.forms += Number(row.forms ?? 0);
    } else if (row.state === 'error') c.errors += n;
    else c.pending += n;
  }
  return counts;
}

async function assemble(ex: Executor, rows: BatchRow[]): Promise<Batch[]> {
  const counts = await countsOf(ex, rows.map((r) => r.id));
  return Promise.all(
    rows.map(async (row) => ({
      id: row.id,
      accountId: row.account_id,
      externalBatchId: row.external_batch_id,
      batchNotes: row.batch_notes,
      status: row.status,
      labelLayout: row.label_layout as LabelLayout,
      labelFormat: row.label_format as LabelFormat,
      displayScheme: row.display_scheme,
      shipDate: row.ship_date,
      labelDocument: row.label_document_id ? await findDocument(ex, row.account_id, row.label_document_id) : null,
      formDocument: row.form_document_id ? await findDocument(ex, row.account_id, row.form_document_id) : null,
      counts: counts.get(row.id)!,
      createdAt: row.created_at,
      modifiedAt: row.modified_at,
      processedAt: row.processed_at,
    })),
  );
}

export async function findBatch(ex: Executor, accountId: number, id: number): Promise<Batch | null> {
  const row = await ex.selectFrom('batches').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return row ? (await assemble(ex, [row]))[0] : null;
}

export async function getBatch(ex: Executor, accountId: number, id: number): Promise<Batch> {
  const batch = await findBatch(ex, accountId, id);
  if (!batch) throw notFound('batch', `se-${id}`);
  return batch;
}

export async function getBatchByExternalId(ex: Executor, accountId: number, externalBatchId: string): Promise<Batch> {
  const row = await ex
    .selectFrom('batches')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('external_batch_id', '=', externalBatchId)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  if (!row) throw new DomainError('not_found', `no batch has external_batch_id ${externalBatchId}`, 'invalid_identifier');
  return (await assemble(ex, [row]))[0];
}

/** Locks the batch row (PostgreSQL) and reads its status: every change to a batch starts here. */
export async function lockBatch(ex: Executor, accountId: number, id: number): Promise<BatchRow> {
  await lockRow(ex, 'batches', id);
  const row = await ex.selectFrom('batches').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  if (!row) throw notFound('batch', `se-${id}`);
  return row;
}

/** Shipments go in and out, and processing starts, only while the batch is open. */
export function assertOpen(row: BatchRow): void {
  if (row.status !== 'open') {
    throw new DomainError('business_rules', `batch se-${row.id} is ${row.status} and can no longer be modified`, 'batch_cannot_be_modified');
  }
}

export interface NewBatch {
  externalBatchId: string | null;
  batchNotes: string | null;
}

export async function insertBatch(ex: Executor, accountId: number, input: NewBatch, now: string): Promise<number> {
  if (input.externalBatchId) {
    const taken = await ex
      .selectFrom('batches')
      .select('id')
      .where('account_id', '=', accountId)
      .where('external_batch_id', '=', input.externalBatchId)
      .executeTakeFirst();
    if (taken) {
      throw new DomainError('validation', `external_batch_id ${input.externalBatchId} is already used by batch se-${taken.id}`, 'identifier_conflict', [
        { field: 'external_batch_id', message: `already used by batch se-${taken.id}`, code: 'identifier_conflict', value: input.externalBatchId },
      ]);
    }
  }
  const row = await ex
    .insertInto('batches')
    .values({
      account_id: accountId,
      external_batch_id: input.externalBatchId,
      batch_notes: input.batchNotes,
      status: 'open',
      label_layout: '4x6',
      label_format: 'pdf',
      display_scheme: 'label',
      ship_date: null,
      label_document_id: null,
      form_document_id: null,
      created_at: now,
      modified_at: now,
      processed_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** PUT and DELETE /batches/{id}: archive. Not while labels are being bought; archiving twice is a no-op. */
export async function archiveBatch(ex: Executor, accountId: number, id: number, now: string): Promise<void> {
  const row = await lockBatch(ex, accountId, id);
  if (row.status === 'archived') return;
  if (row.status === 'queued' || row.status === 'processing' || row.status === 'notifying') {
    throw new DomainError('business_rules', `batch se-${id} is ${row.status}; archive it once it has been processed`, 'batch_cannot_be_modified');
  }
  await ex.updateTable('batches').set({ status: 'archived', modified_at: now }).where('id', '=', id).execute();
}

export interface BatchFilter {
  status?: BatchStatus;
  batchNumber?: string;
  createdAtStart?: string;
  createdAtEnd?: string;
  processedAtStart?: string;
  processedAtEnd?: string;
  sortBy: 'ship_date' | 'processed_at' | 'created_at';
  sortDir: 'asc' | 'desc';
  offset: number;
  limit: number;
}

export async function listBatches(ex: Executor, accountId: number, f: BatchFilter): Promise<{ batches: Batch[]; total: number }> {
  let query = ex.selectFrom('batches').where('account_id', '=', accountId);
  if (f.status) query = query.where('status', '=', f.status);
  if (f.batchNumber !== undefined) query = query.where('id', '=', /^\d{1,9}$/.test(f.batchNumber) ? Number(f.batchNumber) : -1);
  if (f.createdAtStart) query = query.where('created_at', '>=', f.createdAtStart);
  if (f.createdAtEnd) query = query.where('created_at', '<=', f.createdAtEnd);
  if (f.processedAtStart) query = query.where('processed_at', '>=', f.processedAtStart);
  if (f.processedAtEnd) query = query.where('processed_at', '<=', f.processedAtEnd);
  const [rows, count] = await Promise.all([
    query.selectAll().orderBy(f.sortBy, f.sortDir).orderBy('id', f.sortDir).offset(f.offset).limit(f.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { batches: await assemble(ex, rows), total: Number(count.n) };
}
