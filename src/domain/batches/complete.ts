// Finishing a batch once every member was tried: the combined label file (and customs forms)
// streamed into stored documents, then the final status in one short transaction.
import type { Db, Executor } from '../../db/index.ts';
import { raiseEvents } from '../events/raise.ts';
import { assembleLabels } from '../labels/store.ts';
import type { Label } from '../labels/types.ts';
import { writeCombinedForms, writeCombinedLabels, type CombinedFormat } from '../stored-documents/combine.ts';
import { deleteDocument, type StoredDocument } from '../stored-documents/store.ts';
import { countsOf, lockBatch } from './store.ts';

/** Labels read per query while a combined file is written. */
const LABELS_PER_READ = 200;

/** The batch's labels in the order their shipments joined it, a page at a time. */
export async function* batchLabels(ex: Executor, batchId: number): AsyncGenerator<Label[]> {
  let after = 0;
  for (;;) {
    const members = await ex
      .selectFrom('batch_shipments')
      .select(['id', 'label_id'])
      .where('batch_id', '=', batchId)
      .where('state', '=', 'labelled')
      .where('id', '>', after)
      .orderBy('id')
      .limit(LABELS_PER_READ)
      .execute();
    if (members.length === 0) return;
    after = members[members.length - 1].id;
    const ids = members.map((m) => m.label_id!);
    const rows = await ex.selectFrom('labels').selectAll().where('id', 'in', ids).execute();
    const byId = new Map((await assembleLabels(ex, rows)).map((l) => [l.id, l]));
    yield ids.map((id) => byId.get(id)!).filter(Boolean);
  }
}

/** PNG batches get their combined file as PDF: one PNG cannot hold many labels. */
export const combinedFormatOf = (labelFormat: string): CombinedFormat => (labelFormat === 'zpl' ? 'zpl' : 'pdf');

/** A build this old was abandoned by a worker that died while writing it. */
const ABANDONED_BUILD_MS = 30 * 60_000;

async function dropAbandonedBuilds(db: Db, accountId: number, batchId: number, now: string): Promise<void> {
  const stale = await db
    .selectFrom('stored_documents')
    .select('id')
    .where('account_id', '=', accountId)
    .where('status', '=', 'building')
    .where('file_name', 'in', [`batch-${batchId}.pdf`, `batch-${batchId}.zpl`, `batch-forms-${batchId}.pdf`])
    .where('created_at', '<', new Date(Date.parse(now) - ABANDONED_BUILD_MS).toISOString())
    .execute();
  for (const { id } of stale) await deleteDocument(db, id);
}

export async function finishBatch(db: Db, accountId: number, batchId: number, now: string, heartbeat?: () => Promise<void>): Promise<void> {
  const row = await db.selectFrom('batches').selectAll().where('id', '=', batchId).executeTakeFirstOrThrow();
  await dropAbandonedBuilds(db, accountId, batchId, now);
  const counts = (await countsOf(db, [batchId])).get(batchId)!;
  let labelDocument: StoredDocument | null = null;
  let formDocument: StoredDocument | null = null;
  if (counts.completed > 0) {
    const format = combinedFormatOf(row.label_format);
    labelDocument = await writeCombinedLabels(
      db,
      { accountId, kind: 'batch_labels', fileName: () => `batch-${batchId}.${format}`, now },
      batchLabels(db, batchId),
      format,
      row.label_layout === 'letter' ? 'letter' : '4x6',
      { onGroup: heartbeat },
    );
    if (counts.forms > 0) {
      formDocument = await writeCombinedForms(db, { accountId, kind: 'batch_forms', fileName: () => `batch-forms-${batchId}.pdf`, now }, batchLabels(db, batchId), heartbeat);
    }
  }
  const completed = await db.transaction().execute((tx) => completeBatch(tx, accountId, batchId, { labelDocument, formDocument, errors: counts.errors }, now));
  // Another worker finished it first (two workers on one batch): its files stand, ours go.
  if (!completed) for (const document of [labelDocument, formDocument]) if (document) await deleteDocument(db, document.id);
}

export interface BatchOutcome {
  labelDocument: StoredDocument | null;
  formDocument: StoredDocument | null;
  errors: number;
}

/**
 * THE point where a batch is done: in one transaction the status becomes completed or
 * completed_with_errors, with processed_at and the combined files, and its `batch` /
 * `batch_processed_v2` webhooks are raised.
 */
export async function completeBatch(tx: Executor, accountId: number, batchId: number, outcome: BatchOutcome, now: string): Promise<boolean> {
  const row = await lockBatch(tx, accountId, batchId);
  if (row.status !== 'processing') return false;
  await tx
    .updateTable('batches')
    .set({
      status: outcome.errors > 0 ? 'completed_with_errors' : 'completed',
      processed_at: now,
      modified_at: now,
      label_document_id: outcome.labelDocument?.id ?? null,
      form_document_id: outcome.formDocument?.id ?? null,
    })
    .where('id', '=', batchId)
    .execute();
  const resourcePath = `/batches/se-${batchId}`;
  await raiseEvents(tx, accountId, [{ event: 'batch', payload: { resourcePath } }, { event: 'batch_processed_v2', payload: { resourcePath } }], now);
  return true;
}
