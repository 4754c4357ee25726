import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * V2 / ShipEngine webhook subscriptions, the delivery log shared with V1 webhooks, the key pairs
 * that sign deliveries, each account's sandbox clock, and the tracking cursor of every tracked
 * parcel (how many of its events have been raised as `track` webhooks).
 */
export const webhooksSandbox: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('api_webhooks'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('surface', 'text', notNull)
      .addColumn('event', 'text', notNull)
      .addColumn('url', 'text', notNull)
      .addColumn('headers', 'text', notNull)
      .addColumn('name', 'text')
      .addColumn('store_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'api_webhooks_event', 'api_webhooks', ['account_id', 'surface', 'event'], true);

    await withId(db.schema.createTable('webhook_deliveries'), engine)
      .addColumn('account_id', 'integer', notNull)
      .addColumn('webhook_kind', 'text', notNull)
      .addColumn('webhook_id', 'integer', notNull)
      .addColumn('job_id', 'integer', notNull)
      .addColumn('resource_type', 'text', notNull)
      .addColumn('attempt', 'integer', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('response_code', 'integer')
      .addColumn('error', 'text')
      .addColumn('attempted_at', 'text', notNull)
      .addColumn('duration_ms', 'integer', notNull)
      .execute();
    await createIndex(db, 'webhook_deliveries_hook', 'webhook_deliveries', ['account_id', 'webhook_kind', 'webhook_id']);

    await db.schema
      .createTable('signing_keys')
      .addColumn('kid', 'text', (c) => c.primaryKey())
      .addColumn('private_pem', 'text', notNull)
      .addColumn('public_jwk', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('retired_at', 'text')
      .execute();

    await db.schema
      .createTable('account_clocks')
      .addColumn('account_id', 'integer', (c) => c.primaryKey().references('accounts.id'))
      .addColumn('offset_ms', 'bigint', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('tracked_parcels'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('label_id', 'integer', notNull)
      .addColumn('events_raised', 'integer', notNull)
      .addColumn('next_event_at', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'tracked_parcels_label', 'tracked_parcels', ['label_id'], true);
    await createIndex(db, 'tracked_parcels_due', 'tracked_parcels', ['account_id', 'next_event_at']);
    await createIndex(db, 'tracked_parcels_next', 'tracked_parcels', ['next_event_at']);
  },
});
