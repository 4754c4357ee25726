import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * Sandbox snapshots: a named copy of one account's data. Each table's rows are kept as one JSON
 * document (binary columns base64-encoded), so saving and restoring are a few statements.
 */
export const sandboxSnapshots: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('sandbox_snapshots'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('schema_version', 'text', notNull)
      .addColumn('row_count', 'integer', notNull)
      .addColumn('byte_size', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'sandbox_snapshots_name', 'sandbox_snapshots', ['account_id', 'name'], true);

    await db.schema
      .createTable('sandbox_snapshot_tables')
      .addColumn('snapshot_id', 'integer', (c) => c.notNull().references('sandbox_snapshots.id'))
      .addColumn('table_name', 'text', notNull)
      .addColumn('row_count', 'integer', notNull)
      .addColumn('rows', 'text', notNull)
      // PostgreSQL: md5 of the table's rows as json_agg, so a restore finds what changed in one query.
      .addColumn('fingerprint', 'text')
      .addPrimaryKeyConstraint('sandbox_snapshot_tables_pk', ['snapshot_id', 'table_name'])
      .execute();

    // Deleting an account's orders checks this foreign key per row: without an index, a scan each.
    await createIndex(db, 'order_import_batches_order', 'order_import_batches', ['order_id']);
  },
});
