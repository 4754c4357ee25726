// Batch -> V2/ShipEngine JSON: counters, the hrefs of its shipments, labels and errors, and the
// download links of its combined files (unguessable, no API key, like label downloads).
import type { Batch, BatchError } from '../../../domain/batches/index.ts';
import type { StoredDocument } from '../../../domain/stored-documents/store.ts';
import { seId } from '../../common/ids.ts';

/** `/downloads/{dir}/{token}/{file}`, the shape of label links. */
export const documentUrl = (base: string, document: StoredDocument) => `${base}/downloads/${document.id % 100}/${document.downloadToken}/${document.fileName}`;

function labelDownload(base: string, document: StoredDocument | null) {
  if (!document) return {};
  const url = documentUrl(base, document);
  return document.fileName.endsWith('.zpl') ? { href: url, zpl: url } : { href: url, pdf: url };
}

export function toV2Batch(batch: Batch, base: string) {
  const id = seId(batch.id);
  const { count, completed, errors, warnings, forms } = batch.counts;
  return {
    label_layout: batch.labelLayout,
    label_format: batch.labelFormat,
    batch_id: id,
    batch_number: String(batch.id),
    external_batch_id: batch.externalBatchId,
    batch_notes: batch.batchNotes ?? '',
    created_at: batch.createdAt,
    processed_at: batch.processedAt,
    errors,
    process_errors: [],
    warnings,
    completed,
    forms,
    count,
    batch_shipments_url: { href: `${base}/shipments?batch_id=${id}` },
    batch_labels_url: { href: `${base}/labels?batch_id=${id}` },
    batch_errors_url: { href: `${base}/batches/${id}/errors` },
    label_download: labelDownload(base, batch.labelDocument),
    form_download: batch.formDocument ? { href: documentUrl(base, batch.formDocument), type: 'customs_form' } : {},
    paperless_download: {},
    status: batch.status,
  };
}

export function toV2BatchError(error: BatchError) {
  return {
    error: error.error,
    shipment_id: seId(error.shipmentId),
    ...(error.externalShipmentId ? { external_shipment_id: error.externalShipmentId } : {}),
  };
}
