import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * Label batches, the shipments in them (one row each: the per-shipment state that makes batch
 * processing exactly-once), and stored documents (combined label PDFs/ZPL) kept as chunk rows so
 * a document of thousands of labels is never held in memory in one piece.
 */
export const batches: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('stored_documents'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('file_name', 'text', notNull)
      .addColumn('content_type', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('byte_size', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('page_count', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('download_token', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'stored_documents_token', 'stored_documents', ['download_token'], true);

    await db.schema
      .createTable('stored_document_chunks')
      .addColumn('document_id', 'integer', (c) => c.notNull().references('stored_documents.id'))
      .addColumn('sequence', 'integer', notNull)
      .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', notNull)
      .addPrimaryKeyConstraint('stored_document_chunks_pk', ['document_id', 'sequence'])
      .execute();

    await withId(db.schema.createTable('batches'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('external_batch_id', 'text')
      .addColumn('batch_notes', 'text')
      .addColumn('status', 'text', notNull)
      .addColumn('label_layout', 'text', notNull)
      .addColumn('label_format', 'text', notNull)
      .addColumn('display_scheme', 'text', notNull)
      .addColumn('ship_date', 'text')
      .addColumn('label_document_id', 'integer')
      .addColumn('form_document_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .addColumn('processed_at', 'text')
      .execute();
    await createIndex(db, 'batches_account_created', 'batches', ['account_id', 'created_at']);
    await createIndex(db, 'batches_account_external', 'batches', ['account_id', 'external_batch_id']);

    await withId(db.schema.createTable('batch_shipments'), engine)
      .addColumn('batch_id', 'integer', (c) => c.notNull().references('batches.id'))
      .addColumn('account_id', 'integer', notNull)
      .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
      .addColumn('rate_id', 'integer')
      .addColumn('state', 'text', notNull)
      .addColumn('label_id', 'integer')
      .addColumn('has_form', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('error', 'text')
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'batch_shipments_member', 'batch_shipments', ['batch_id', 'shipment_id'], true);
    await createIndex(db, 'batch_shipments_state', 'batch_shipments', ['batch_id', 'state', 'id']);
    await createIndex(db, 'batch_shipments_shipment', 'batch_shipments', ['shipment_id']);
  },
});
