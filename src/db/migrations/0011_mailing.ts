import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** V2 mailing: one row per request (its printed sheet or envelope), one per mail piece; ledger entries name the mailing. */
export const mailing: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('mailings'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('kind', 'text', notNull)
      .addColumn('carrier_id', 'integer', notNull) // no FK: its key-share lock would deadlock the debit's row lock
      .addColumn('total_cents', 'integer', notNull)
      .addColumn('download_token', 'text', notNull)
      .addColumn('document', engine === 'postgres' ? 'bytea' : 'blob')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'mailings_token', 'mailings', ['download_token'], true);
    await createIndex(db, 'mailings_account', 'mailings', ['account_id', 'created_at']);

    await withId(db.schema.createTable('mail_pieces'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('mailing_id', 'integer', (c) => c.notNull().references('mailings.id'))
      .addColumn('sequence', 'integer', notNull)
      .addColumn('mail_class', 'text', notNull)
      .addColumn('weight_oz', engine === 'postgres' ? 'double precision' : 'real', notNull)
      .addColumn('postage_cents', 'integer', notNull)
      .addColumn('imb', 'text')
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'mail_pieces_mailing', 'mail_pieces', ['mailing_id']);

    await db.schema.alterTable('carrier_ledger').addColumn('mailing_id', 'integer').execute();
  },
});
