import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** Dashboard sign-in: sessions (only a digest of their id), email verification, the sandbox outbox, trials. */
export const dashboard: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await db.schema.alterTable('accounts').addColumn('signed_up_at', 'text').execute();
    await db.schema.alterTable('accounts').addColumn('email_verified_at', 'text').execute();
    await db.schema.alterTable('accounts').addColumn('trial_ends_at', 'text').execute();

    await withId(db.schema.createTable('web_sessions'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('token_hash', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .execute();
    await createIndex(db, 'web_sessions_token', 'web_sessions', ['token_hash'], true);
    await createIndex(db, 'web_sessions_account', 'web_sessions', ['account_id']);

    await withId(db.schema.createTable('email_verifications'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('email', 'text', notNull)
      .addColumn('token_hash', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('expires_at', 'text', notNull)
      .addColumn('used_at', 'text')
      .execute();
    await createIndex(db, 'email_verifications_token', 'email_verifications', ['token_hash'], true);

    await withId(db.schema.createTable('outbox_messages'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('to_address', 'text', notNull)
      .addColumn('subject', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('link_path', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'outbox_messages_account', 'outbox_messages', ['account_id', 'created_at']);
  },
});
