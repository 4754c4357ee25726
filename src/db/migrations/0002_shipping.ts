import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** Carrier connections, custom package types, shipments (the V2 side of a sales order) and rates. */
export const shipping: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('carriers'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('carrier_code', 'text', notNull)
      .addColumn('nickname', 'text', notNull)
      .addColumn('account_number', 'text', notNull)
      .addColumn('is_primary', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('funded', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('settings', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('created_at', 'text', notNull)
      .addColumn('disconnected_at', 'text')
      .execute();
    await createIndex(db, 'carriers_account', 'carriers', ['account_id']);

    await withId(db.schema.createTable('package_types'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('package_code', 'text', notNull)
      .addColumn('name', 'text', notNull)
      .addColumn('description', 'text')
      .addColumn('dimensions', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'package_types_account_code', 'package_types', ['account_id', 'package_code'], true);

    await withId(db.schema.createTable('shipments'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('order_id', 'integer')
      .addColumn('external_shipment_id', 'text')
      .addColumn('shipment_number', 'text')
      .addColumn('status', 'text', notNull)
      .addColumn('carrier_id', 'integer')
      .addColumn('service_code', 'text')
      .addColumn('warehouse_id', 'integer')
      .addColumn('ship_date', 'text')
      .addColumn('is_return', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('import_batch_id', 'text')
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'shipments_account_created', 'shipments', ['account_id', 'created_at']);
    await createIndex(db, 'shipments_account_external', 'shipments', ['account_id', 'external_shipment_id'], true);
    await createIndex(db, 'shipments_order', 'shipments', ['order_id']);

    await db.schema
      .createTable('shipment_tags')
      .addColumn('shipment_id', 'integer', (c) => c.notNull().references('shipments.id'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('shipment_tags_pk', ['shipment_id', 'tag_id'])
      .execute();

    await withId(db.schema.createTable('rate_responses'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('shipment_id', 'integer')
      .addColumn('status', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'rate_responses_shipment', 'rate_responses', ['shipment_id']);

    await withId(db.schema.createTable('rates'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('rate_response_id', 'integer', (c) => c.notNull().references('rate_responses.id'))
      .addColumn('shipment_id', 'integer')
      .addColumn('carrier_id', 'integer', notNull)
      .addColumn('service_code', 'text', notNull)
      .addColumn('total_cents', 'integer', notNull)
      .addColumn('quote', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
    await createIndex(db, 'rates_response', 'rates', ['rate_response_id']);
  },
});
