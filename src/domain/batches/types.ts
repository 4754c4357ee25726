// A label batch in surface-neutral form.
import type { BatchStatus } from '../../db/schema.ts';
import type { LabelFormat, LabelLayout } from '../labels/types.ts';
import type { StoredDocument } from '../stored-documents/store.ts';

export type { BatchStatus };

export const BATCH_STATUSES: BatchStatus[] = ['open', 'queued', 'processing', 'completed', 'completed_with_errors', 'archived', 'notifying', 'invalid'];

/** Where the batch stands: the counters move while the job runs (one label per transaction). */
export interface BatchProgress {
  status: BatchStatus;
  /** Shipments in the batch. */
  count: number;
  /** Labels bought. */
  completed: number;
  /** Shipments that could not be labelled (see the batch errors). */
  errors: number;
  warnings: number;
  /** Labels with a customs form. */
  forms: number;
  /** Shipments not yet tried. */
  pending: number;
  processedAt: string | null;
}

export interface Batch {
  id: number;
  accountId: number;
  externalBatchId: string | null;
  batchNotes: string | null;
  status: BatchStatus;
  labelLayout: LabelLayout;
  labelFormat: LabelFormat;
  displayScheme: string;
  shipDate: string | null;
  labelDocument: StoredDocument | null;
  formDocument: StoredDocument | null;
  counts: Omit<BatchProgress, 'status' | 'processedAt'>;
  createdAt: string;
  modifiedAt: string;
  processedAt: string | null;
}

export interface BatchError {
  shipmentId: number;
  externalShipmentId: string | null;
  error: string;
}
