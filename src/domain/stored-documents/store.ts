// Stored documents: rendered files (combined labels, batch forms) kept in the database as a row
// plus ordered chunk rows, written while the renderer streams and read back chunk by chunk.
import { Readable } from 'node:stream';
import type { Executor } from '../../db/index.ts';
import type { StoredDocumentsTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import type { Selectable } from 'kysely';
import { downloadToken } from '../accounts/secrets.ts';

/** Big enough to keep the row count low, small enough that one row is no memory concern. */
export const CHUNK_BYTES = 512 * 1024;

export type DocumentKind = 'combined_labels' | 'batch_labels' | 'batch_forms';

export interface StoredDocument {
  id: number;
  accountId: number;
  kind: DocumentKind;
  fileName: string;
  contentType: string;
  status: 'building' | 'ready';
  byteSize: number;
  pageCount: number;
  downloadToken: string;
  createdAt: string;
}

const toDocument = (row: Selectable<StoredDocumentsTable>): StoredDocument => ({
  id: row.id,
  accountId: row.account_id,
  kind: row.kind as DocumentKind,
  fileName: row.file_name,
  contentType: row.content_type,
  status: row.status,
  byteSize: row.byte_size,
  pageCount: row.page_count,
  downloadToken: row.download_token,
  createdAt: row.created_at,
});

/**
 * Collects a renderer's output and writes it out in CHUNK_BYTES rows. `push` is synchronous (a
 * stream's data handler); `flush` writes whatever full chunks are pending, so the caller decides
 * how much output is held in memory at most (one group of pages).
 */
export class DocumentWriter {
  private pending: Buffer[] = [];
  private pendingBytes = 0;
  private sequence = 0;
  private written = 0;

  private constructor(
    private readonly ex: Executor,
    readonly document: StoredDocument,
  ) {}

  static async open(ex: Executor, accountId: number, kind: DocumentKind, fileName: (id: number) => string, contentType: string, now: string): Promise<DocumentWriter> {
    const row = await ex
      .insertInto('stored_documents')
      .values({
        account_id: accountId,
        kind,
        file_name: 'pending',
        content_type: contentType,
        status: 'building',
        download_token: downloadToken(),
        created_at: now,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    const name = fileName(row.id);
    await ex.updateTable('stored_documents').set({ file_name: name }).where('id', '=', row.id).execute();
    return new DocumentWriter(ex, toDocument({ ...row, file_name: name }));
  }

  push(chunk: Buffer | string): void {
    const buffer = typeof chunk === 'string' ? Buffer.from(chunk, 'utf8') : chunk;
    this.pending.push(buffer);
    this.pendingBytes += buffer.length;
  }

  async flush(all = false): Promise<void> {
    while (this.pendingBytes >= CHUNK_BYTES || (all && this.pendingBytes > 0)) {
      const joined = Buffer.concat(this.pending);
      const content = joined.subarray(0, Math.min(CHUNK_BYTES, joined.length));
      const rest = joined.subarray(content.length);
      this.pending = rest.length > 0 ? [rest] : [];
      this.pendingBytes = rest.length;
      await this.ex.insertInto('stored_document_chunks').values({ document_id: this.document.id, sequence: this.sequence++, content }).execute();
      this.written += content.length;
    }
  }

  /** Writes the rest and marks the document ready. */
  async finish(pageCount: number): Promise<StoredDocument> {
    await this.flush(true);
    await this.ex.updateTable('stored_documents').set({ status: 'ready', byte_size: this.written, page_count: pageCount }).where('id', '=', this.document.id).execute();
    return { ...this.document, status: 'ready', byteSize: this.written, pageCount };
  }
}

/** Removes a document and its chunks (an abandoned build, or a batch's superseded file). */
export async function deleteDocument(ex: Executor, id: number): Promise<void> {
  await ex.deleteFrom('stored_document_chunks').where('document_id', '=', id).execute();
  await ex.deleteFrom('stored_documents').where('id', '=', id).execute();
}

export async function findDocument(ex: Executor, accountId: number, id: number): Promise<StoredDocument | null> {
  const row = await ex.selectFrom('stored_documents').selectAll().where('id', '=', id).where('account_id', '=', accountId).executeTakeFirst();
  return row ? toDocument(row) : null;
}

export async function getDocument(ex: Executor, accountId: number, id: number): Promise<StoredDocument> {
  const document = await findDocument(ex, accountId, id);
  if (!document || document.status !== 'ready') throw notFound('document', `se-${id}`);
  return document;
}

export async function findDocumentByToken(ex: Executor, token: string): Promise<StoredDocument | null> {
  const row = await ex.selectFrom('stored_documents').selectAll().where('download_token', '=', token).where('status', '=', 'ready').executeTakeFirst();
  return row ? toDocument(row) : null;
}

/** The document's bytes as a stream that reads one chunk row at a time. */
export function documentStream(ex: Executor, document: StoredDocument): Readable {
  async function* chunks() {
    for (let sequence = 0; ; sequence++) {
      const row = await ex
        .selectFrom('stored_document_chunks')
        .select('content')
        .where('document_id', '=', document.id)
        .where('sequence', '=', sequence)
        .executeTakeFirst();
      if (!row) return;
      yield Buffer.from(row.content);
    }
  }
  return Readable.from(chunks(), { objectMode: false });
}

/** The whole document in memory: for small files only (inline answers, tests). */
export async function documentBytes(ex: Executor, document: StoredDocument): Promise<Buffer> {
  const rows = await ex.selectFrom('stored_document_chunks').select('content').where('document_id', '=', document.id).orderBy('sequence').execute();
  return Buffer.concat(rows.map((r) => Buffer.from(r.content)));
}

/** `combined-12.pdf`, `batch-3.zpl`, `batch-forms-3.pdf`: the names download links end with. */
export function isDocumentFileName(name: string): boolean {
  return /^(combined|batch|batch-forms)-\d{1,10}\.(pdf|zpl)$/.test(name);
}
