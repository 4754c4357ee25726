// Label batches: the rules the API routes and the dashboard call.
export type { Batch, BatchError, BatchProgress, BatchStatus } from './types.ts';
export { BATCH_STATUSES } from './types.ts';
export { archiveBatch, findBatch, getBatch, getBatchByExternalId, insertBatch, listBatches, type BatchFilter } from './store.ts';
export { addToBatch, listBatchErrors, removeFromBatch, type Members } from './members.ts';
export { requestProcessing, runBatch, type ProcessBatchPayload, type ProcessOptions, type RunLimits } from './process.ts';
export { completeBatch, finishBatch } from './complete.ts';
export { batchFile, batchProgress, type BatchFile } from './progress.ts';
