import type { AttachedDocument, DocumentSend } from '../../../domain/attachments/documents.ts';
import { seId } from '../../common/ids.ts';

export const toV2Document = (d: AttachedDocument) => ({
  document_id: seId(d.id),
  [d.owner.kind === 'label' ? 'label_id' : 'shipment_id']: seId(d.owner.id),
  document_type: d.documentType,
  file_name: d.name,
  content_type: d.contentType,
  size_bytes: d.sizeBytes,
  document_data: d.content.toString('base64'),
  created_at: d.createdAt,
});

export const toV2Send = (s: DocumentSend) => ({
  send_id: seId(s.id),
  label_id: seId(s.labelId),
  email: s.email,
  document_ids: s.documentIds.map(seId),
  // Recorded only: Shipdock has no mail server.
  status: 'recorded',
  sent_at: s.sentAt,
});
