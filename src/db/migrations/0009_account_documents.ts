import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * Account label images (logos), documents attached to labels and shipments and their recorded
 * sends, shipment notes and assignees, Refund Assist exclusions, and shipping rules.
 */
export const accountDocuments: MigrationFactory = (engine) => {
  const bytes = engine === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<any>) {
      await withId(db.schema.createTable('label_images'), engine)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', notNull)
        .addColumn('content_type', 'text', notNull)
        .addColumn('data', bytes, notNull)
        .addColumn('width', 'integer', notNull)
        .addColumn('height', 'integer', notNull)
        .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', notNull)
        .addColumn('modified_at', 'text', notNull)
        .execute();
      await createIndex(db, 'label_images_account', 'label_images', ['account_id', 'id']);

      await withId(db.schema.createTable('attached_documents'), engine)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('owner_kind', 'text', notNull)
        .addColumn('owner_id', 'integer', notNull)
        .addColumn('document_type', 'text', notNull)
        .addColumn('name', 'text', notNull)
        .addColumn('content_type', 'text', notNull)
        .addColumn('content', bytes, notNull)
        .addColumn('size_bytes', 'integer', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();
      await createIndex(db, 'attached_documents_owner', 'attached_documents', ['account_id', 'owner_kind', 'owner_id']);

      await withId(db.schema.createTable('document_sends'), engine)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id'))
        .addColumn('email', 'text', notNull)
        .addColumn('document_ids', 'text', notNull)
        .addColumn('sent_at', 'text', notNull)
        .execute();
      await createIndex(db, 'document_sends_label', 'document_sends', ['label_id']);

      await db.schema
        .createTable('shipment_annotations')
        .addColumn('shipment_id', 'integer', (c) => c.primaryKey().references('shipments.id'))
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('internal_notes', 'text')
        .addColumn('assigned_user_id', 'text')
        .addColumn('modified_at', 'text', notNull)
        .execute();

      await db.schema
        .createTable('label_refunds')
        .addColumn('label_id', 'integer', (c) => c.primaryKey().references('labels.id'))
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('refund_status', 'text', notNull)
        .addColumn('modified_at', 'text', notNull)
        .execute();

      await withId(db.schema.createTable('shipping_rules'), engine)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', notNull)
        .addColumn('conditions', 'text', notNull)
        .addColumn('carrier_id', 'integer', (c) => c.notNull().references('carriers.id'))
        .addColumn('service_code', 'text', notNull)
        .addColumn('created_at', 'text', notNull)
        .execute();
      await createIndex(db, 'shipping_rules_account', 'shipping_rules', ['account_id', 'id']);
    },
  };
};
