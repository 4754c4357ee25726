import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * The sandbox request log (every API call of an account, bodies redacted, bounded per account)
 * and idempotency keys (one stored response per account and key).
 */
export const sandboxExtras: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('request_log'), engine)
      .addColumn('account_id', 'integer', notNull)
      .addColumn('at', 'text', notNull)
      .addColumn('surface', 'text', notNull)
      .addColumn('method', 'text', notNull)
      .addColumn('path', 'text', notNull)
      .addColumn('status', 'integer', notNull)
      .addColumn('duration_ms', 'integer', notNull)
      .addColumn('request_id', 'text', notNull)
      .addColumn('request_headers', 'text', notNull)
      .addColumn('request_body', 'text')
      .addColumn('response_body', 'text')
      .execute();
    await createIndex(db, 'request_log_account', 'request_log', ['account_id', 'id']);
    await createIndex(db, 'request_log_request_id', 'request_log', ['request_id']);

    await withId(db.schema.createTable('idempotency_keys'), engine)
      .addColumn('account_id', 'integer', notNull)
      .addColumn('idempotency_key', 'text', notNull)
      .addColumn('operation', 'text', notNull)
      .addColumn('request_hash', 'text', notNull)
      .addColumn('status_code', 'integer')
      .addColumn('response_body', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'idempotency_keys_key', 'idempotency_keys', ['account_id', 'idempotency_key'], true);
  },
});
