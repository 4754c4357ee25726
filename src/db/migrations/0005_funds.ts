import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** Prepaid carrier balances: an append-only ledger; a balance is the sum of its entries. */
export const funds: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('carrier_ledger'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('carrier_id', 'integer', (c) => c.notNull().references('carriers.id'))
      .addColumn('amount_cents', 'integer', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('label_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'carrier_ledger_carrier', 'carrier_ledger', ['carrier_id']);
  },
});
