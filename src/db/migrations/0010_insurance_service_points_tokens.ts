import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * Shipsurance: one connection per account and an append-only premium ledger (the carrier ledger's
 * shape, keyed by account). Ephemeral tokens: digests only. Service points need no table: their
 * ids encode everything needed to rebuild them.
 */
export const insuranceServicePointsTokens: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('insurance_connections'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('provider', 'text', notNull)
      .addColumn('email', 'text', notNull)
      .addColumn('policy_id', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'insurance_connections_account', 'insurance_connections', ['account_id', 'provider'], true);

    await withId(db.schema.createTable('insurance_ledger'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('provider', 'text', notNull)
      .addColumn('amount_cents', 'integer', notNull)
      .addColumn('kind', 'text', notNull)
      .addColumn('label_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'insurance_ledger_account', 'insurance_ledger', ['account_id', 'provider']);
    await createIndex(db, 'insurance_ledger_label', 'insurance_ledger', ['label_id']);

    await withId(db.schema.createTable('ephemeral_tokens'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('token_hash', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
    await createIndex(db, 'ephemeral_tokens_hash', 'ephemeral_tokens', ['token_hash'], true);
  },
});
