// Documents a user attaches to a label or a shipment (commercial invoices, certificates…):
// PDF, PNG or JPEG checked by their bytes, size-limited, stored in the database. "Sending" a
// label's documents records the send: Shipdock has no mail server.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { AttachedDocumentsTable } from '../../db/schema.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { decodeBase64 } from '../label-images/images.ts';
import { getLabel } from '../labels/store.ts';
import { getShipment } from '../shipments/store.ts';

export const DOCUMENT_TYPES = [
  'commercial_invoice',
  'pro_forma_invoice',
  'certificate_of_origin',
  'nafta_certificate',
  'power_of_attorney',
  'packing_list',
  'other',
] as const;
export const DOCUMENT_CONTENT_TYPES = ['application/pdf', 'image/png', 'image/jpeg'] as const;
export type DocumentContentType = (typeof DOCUMENT_CONTENT_TYPES)[number];

/** Per file, decoded (the request body limit is larger: base64 adds a third). */
export const MAX_DOCUMENT_BYTES = 2 * 1024 * 1024;
export const MAX_DOCUMENTS_PER_OWNER = 20;

export type OwnerKind = 'label' | 'shipment';

export interface Owner {
  kind: OwnerKind;
  id: number;
}

export interface AttachedDocument {
  id: number;
  owner: Owner;
  documentType: string;
  name: string;
  contentType: DocumentContentType;
  content: Buffer;
  sizeBytes: number;
  createdAt: string;
}

const EXTENSIONS: Record<DocumentContentType, string> = { 'application/pdf': 'pdf', 'image/png': 'png', 'image/jpeg': 'jpg' };

/** The type the bytes really are, by their magic numbers. */
export function sniffDocumentType(data: Buffer): DocumentContentType | null {
  if (data.subarray(0, 5).toString('latin1') === '%PDF-') return 'application/pdf';
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

const toDocument = (row: Selectable<AttachedDocumentsTable>): AttachedDocument => ({
  id: row.id,
  owner: { kind: row.owner_kind as OwnerKind, id: row.owner_id },
  documentType: row.document_type,
  name: row.name,
  contentType: row.content_type as DocumentContentType,
  content: Buffer.from(row.content),
  sizeBytes: row.size_bytes,
  createdAt: row.created_at,
});

/** The label or shipment must be the account's (404 otherwise). */
async function checkOwner(ex: Executor, accountId: number, owner: Owner): Promise<void> {
  if (owner.kind === 'label') await getLabel(ex, accountId, owner.id);
  else await getShipment(ex, accountId, owner.id);
}

export interface NewDocument {
  documentType: string;
  name?: string | null;
  contentType?: string | null;
  data: string;
}

export async function attachDocument(ex: Executor, accountId: number, owner: Owner, input: NewDocument, now: string): Promise<AttachedDocument> {
  await checkOwner(ex, accountId, owner);
  const content = decodeBase64(input.data);
  if (!content) throw invalidField('document_data', 'document_data must be base64-encoded file bytes');
  if (content.length > MAX_DOCUMENT_BYTES) {
    throw invalidField('document_data', `the document is ${content.length} bytes; documents are limited to ${MAX_DOCUMENT_BYTES} bytes (2 MB)`, content.length);
  }
  const actual = sniffDocumentType(content);
  if (!actual) throw invalidField('document_data', `document_data must be one of ${DOCUMENT_CONTENT_TYPES.join(', ')}`);
  if (input.contentType && input.contentType !== actual) {
    throw invalidField('content_type', `content_type is ${input.contentType} but the document data is ${actual}`, input.contentType);
  }
  const { n } = await ex
    .selectFrom('attached_documents')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('account_id', '=', accountId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirstOrThrow();
  if (Number(n) >= MAX_DOCUMENTS_PER_OWNER) {
    throw new DomainError('business_rules', `a ${owner.kind} holds at most ${MAX_DOCUMENTS_PER_OWNER} documents; delete one first`, 'invalid_field_value');
  }
  const row = await ex
    .insertInto('attached_documents')
    .values({
      account_id: accountId,
      owner_kind: owner.kind,
      owner_id: owner.id,
      document_type: input.documentType,
      name: input.name || `${input.documentType}.${EXTENSIONS[actual]}`,
      content_type: actual,
      content,
      size_bytes: content.length,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toDocument(row);
}

export async function listDocuments(ex: Executor, accountId: number, owner: Owner): Promise<AttachedDocument[]> {
  await checkOwner(ex, accountId, owner);
  const rows = await ex
    .selectFrom('attached_documents')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .orderBy('id')
    .execute();
  return rows.map(toDocument);
}

export async function deleteDocument(ex: Executor, accountId: number, owner: Owner, documentId: number): Promise<void> {
  await checkOwner(ex, accountId, owner);
  const result = await ex
    .deleteFrom('attached_documents')
    .where('id', '=', documentId)
    .where('account_id', '=', accountId)
    .where('owner_kind', '=', owner.kind)
    .where('owner_id', '=', owner.id)
    .executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('document', `se-${documentId}`);
}

export interface DocumentSend {
  id: number;
  labelId: number;
  email: string;
  documentIds: number[];
  sentAt: string;
}

/**
 * Records that a label's documents were sent to an address: all of them, or the ones named.
 * Nothing is mailed (Shipdock has no mail server); the send is kept for inspection.
 */
export async function sendLabelDocuments(ex: Executor, accountId: number, labelId: number, email: string, documentIds: number[] | null, now: string): Promise<DocumentSend> {
  const label = await getLabel(ex, accountId, labelId);
  if (label.status === 'voided') throw new DomainError('business_rules', `label se-${labelId} is voided`, 'invalid_status');
  const documents = await listDocuments(ex, accountId, { kind: 'label', id: labelId });
  const known = new Set(documents.map((d) => d.id));
  const missing = (documentIds ?? []).filter((id) => !known.has(id));
  if (missing.length) throw invalidField('document_ids', `label se-${labelId} has no document ${missing.map((id) => `se-${id}`).join(', ')}`, missing.map((id) => `se-${id}`), 'invalid_identifier');
  const chosen = documentIds ?? documents.map((d) => d.id);
  if (chosen.length === 0) throw new DomainError('business_rules', `label se-${labelId} has no documents to send; register one first`, 'invalid_field_value');
  const row = await ex
    .insertInto('document_sends')
    .values({ account_id: accountId, label_id: labelId, email, document_ids: JSON.stringify(chosen), sent_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, labelId, email, documentIds: chosen, sentAt: now };
}
