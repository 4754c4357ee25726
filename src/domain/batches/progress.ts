// What the dashboard reads about a batch, without HTTP: its progress and its combined files.
import type { Readable } from 'node:stream';
import type { Executor } from '../../db/index.ts';
import { notFound } from '../errors.ts';
import { documentStream, type StoredDocument } from '../stored-documents/store.ts';
import { getBatch } from './store.ts';
import type { BatchProgress } from './types.ts';

export async function batchProgress(ex: Executor, accountId: number, batchId: number): Promise<BatchProgress> {
  const batch = await getBatch(ex, accountId, batchId);
  return { status: batch.status, ...batch.counts, processedAt: batch.processedAt };
}

export interface BatchFile {
  document: StoredDocument;
  /** Streams the stored chunks; never the whole file in memory. */
  open(): Readable;
}

/** The batch's combined labels (PDF, or ZPL for a ZPL batch), or its customs forms; 404 until processed. */
export async function batchFile(ex: Executor, accountId: number, batchId: number, which: 'labels' | 'forms' = 'labels'): Promise<BatchFile> {
  const batch = await getBatch(ex, accountId, batchId);
  const document = which === 'labels' ? batch.labelDocument : batch.formDocument;
  if (!document) throw notFound(which === 'labels' ? 'label file of batch' : 'customs forms of batch', `se-${batchId}`);
  return { document, open: () => documentStream(ex, document) };
}
