import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** Labels, their packages (one tracking number each), rendered documents, tracking subscriptions. */
export const labels: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('labels'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('carrier_id', 'integer', notNull)
      .addColumn('carrier_code', 'text', notNull)
      .addColumn('service_code', 'text', notNull)
      .addColumn('tracking_number', 'text', notNull)
      .addColumn('rate_id', 'integer')
      .addColumn('batch_id', 'integer')
      .addColumn('notify_batch_id', 'text', notNull)
      .addColumn('outbound_label_id', 'integer')
      .addColumn('is_return', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('test_label', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('cost_cents', 'integer', notNull)
      .addColumn('insurance_cents', 'integer', notNull)
      .addColumn('ship_date', 'text', notNull)
      .addColumn('ship_to_name', 'text', notNull)
      .addColumn('ship_to_country', 'text', notNull)
      .addColumn('download_token', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('voided_at', 'text')
      .execute();
    await createIndex(db, 'labels_account_created', 'labels', ['account_id', 'created_at']);
    await createIndex(db, 'labels_shipment', 'labels', ['shipment_id']);
    await createIndex(db, 'labels_tracking', 'labels', ['tracking_number']);
    await createIndex(db, 'labels_token', 'labels', ['download_token'], true);
    await createIndex(db, 'labels_notify_batch', 'labels', ['account_id', 'notify_batch_id']);

    await withId(db.schema.createTable('label_packages'), engine)
      .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id'))
      .addColumn('sequence', 'integer', notNull)
      .addColumn('carrier_family', 'text', notNull)
      .addColumn('tracking_number', 'text', notNull)
      .execute();
    await createIndex(db, 'label_packages_label', 'label_packages', ['label_id']);
    await createIndex(db, 'label_packages_tracking', 'label_packages', ['carrier_family', 'tracking_number'], true);

    await db.schema
      .createTable('label_documents')
      .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('content_type', 'text', notNull)
      .addColumn('content', engine === 'postgres' ? 'bytea' : 'blob', notNull)
      .addColumn('created_at', 'text', notNull)
      .addPrimaryKeyConstraint('label_documents_pk', ['label_id', 'name'])
      .execute();

    await withId(db.schema.createTable('tracking_subscriptions'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('carrier_code', 'text', notNull)
      .addColumn('tracking_number', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'tracking_subscriptions_key', 'tracking_subscriptions', ['account_id', 'carrier_code', 'tracking_number'], true);
  },
});
