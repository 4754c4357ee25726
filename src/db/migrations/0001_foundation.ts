import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

export const foundation: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('partners'), engine)
      .addColumn('name', 'text', notNull)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('created_at', 'text', notNull)
      .execute();

    await withId(db.schema.createTable('accounts'), engine)
      .addColumn('plan', 'text', notNull)
      .addColumn('addons', 'text', (c) => c.notNull().defaultTo('[]'))
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
      .addColumn('external_account_id', 'text')
      .addColumn('email', 'text')
      .addColumn('password_hash', 'text')
      .addColumn('company_name', 'text')
      .addColumn('first_name', 'text')
      .addColumn('last_name', 'text')
      .addColumn('origin_country_code', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'accounts_email', 'accounts', ['email'], true);
    await createIndex(db, 'accounts_partner_external', 'accounts', ['partner_id', 'external_account_id'], true);

    await db.schema
      .createTable('users')
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('username', 'text', notNull)
      .addColumn('email', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('last_login_at', 'text')
      .execute();
    await createIndex(db, 'users_account', 'users', ['account_id']);

    await withId(db.schema.createTable('v1_key_pairs'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('key_hash', 'text', notNull)
      .addColumn('secret_hash', 'text', notNull)
      .addColumn('key_hint', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('deleted_at', 'text')
      .execute();
    await createIndex(db, 'v1_key_pairs_key', 'v1_key_pairs', ['key_hash'], true);
    await createIndex(db, 'v1_key_pairs_account', 'v1_key_pairs', ['account_id']);

    await withId(db.schema.createTable('api_keys'), engine)
      .addColumn('account_id', 'integer', (c) => c.references('accounts.id'))
      .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
      .addColumn('key_hash', 'text', notNull)
      .addColumn('key_hint', 'text', notNull)
      .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text')
      .addColumn('deleted_at', 'text')
      .execute();
    await createIndex(db, 'api_keys_key', 'api_keys', ['key_hash'], true);
    await createIndex(db, 'api_keys_account', 'api_keys', ['account_id']);

    await db.schema
      .createTable('rate_limit_windows')
      .addColumn('bucket', 'text', notNull)
      .addColumn('window_index', 'integer', notNull)
      .addColumn('hits', 'integer', notNull)
      .addPrimaryKeyConstraint('rate_limit_windows_pk', ['bucket', 'window_index'])
      .execute();

    await withId(db.schema.createTable('warehouses'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('is_default', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('origin_address', 'text', notNull)
      .addColumn('return_address', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .addColumn('deleted_at', 'text')
      .execute();
    await createIndex(db, 'warehouses_account', 'warehouses', ['account_id']);

    await withId(db.schema.createTable('tags'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('color', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'tags_account_name', 'tags', ['account_id', 'name'], true);

    await withId(db.schema.createTable('stores'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('marketplace_id', 'integer', notNull)
      .addColumn('marketplace_name', 'text', notNull)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
      .addColumn('refresh_date', 'text')
      .addColumn('last_refresh_attempt', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'stores_account', 'stores', ['account_id']);
  },
});
