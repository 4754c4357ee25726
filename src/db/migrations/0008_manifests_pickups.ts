import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** End-of-day manifests (SCAN forms) with their labels, and scheduled carrier pickups. */
export const manifestsPickups: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    // One POST /manifests is one request; it may produce several manifests (one per carrier,
    // warehouse and ship date).
    await withId(db.schema.createTable('manifest_requests'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('status', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('manifests'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('request_id', 'integer', (c) => c.notNull().references('manifest_requests.id'))
      .addColumn('carrier_id', 'integer', notNull)
      .addColumn('warehouse_id', 'integer', notNull)
      .addColumn('ship_date', 'text', notNull)
      .addColumn('submission_id', 'text', notNull)
      .addColumn('download_token', 'text', notNull)
      .addColumn('shipper', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'manifests_account_created', 'manifests', ['account_id', 'created_at']);
    await createIndex(db, 'manifests_request', 'manifests', ['request_id']);
    await createIndex(db, 'manifests_token', 'manifests', ['download_token'], true);

    // The primary key on label_id is the rule "a label is on at most one manifest".
    await db.schema
      .createTable('manifest_labels')
      .addColumn('label_id', 'integer', (c) => c.primaryKey().references('labels.id'))
      .addColumn('manifest_id', 'integer', (c) => c.notNull().references('manifests.id'))
      .execute();
    await createIndex(db, 'manifest_labels_manifest', 'manifest_labels', ['manifest_id']);

    await withId(db.schema.createTable('pickups'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('public_id', 'text', notNull)
      .addColumn('carrier_id', 'integer', notNull)
      .addColumn('warehouse_id', 'integer', notNull)
      .addColumn('confirmation_number', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('window_start', 'text', notNull)
      .addColumn('window_end', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('cancelled_at', 'text')
      .execute();
    await createIndex(db, 'pickups_public_id', 'pickups', ['public_id'], true);
    await createIndex(db, 'pickups_account_created', 'pickups', ['account_id', 'created_at']);

    await db.schema
      .createTable('pickup_labels')
      .addColumn('pickup_id', 'integer', (c) => c.notNull().references('pickups.id'))
      .addColumn('label_id', 'integer', (c) => c.notNull().references('labels.id'))
      .addPrimaryKeyConstraint('pickup_labels_pk', ['pickup_id', 'label_id'])
      .execute();
    await createIndex(db, 'pickup_labels_label', 'pickup_labels', ['label_id']);
  },
});
