import { sql, type Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull } from './helpers.ts';

/** Partial index over live rows only, like 0003's: every order list filters on `active = 1`. */
async function liveOrderIndex(db: Kysely<any>, name: string, columns: string[]) {
  await db.schema.createIndex(name).on('orders').columns(columns).where(sql<boolean>`active = 1`).execute();
}

/**
 * Orders at scale (issue 11): indexes for the V1 order list and the V2 shipment list filters, and
 * exact live-order counters per account, store and status, kept by triggers in the very statement
 * that writes an order, so no write path can forget them (see src/domain/orders/counts.ts).
 *
 * SQLite has one writer at a time: one row per (account, store, status), upserted. PostgreSQL
 * writers run concurrently, and two transactions moving orders between statuses in opposite
 * directions would deadlock on shared counter rows: there each statement appends one delta row
 * per key it changed (a statement trigger over the transition tables), and readers sum the rows
 * (compacted from time to time).
 */
export const ordersAtScale: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    // V1 GET /orders: the default sort is orderId, so status and store filters walk these in order.
    await liveOrderIndex(db, 'orders_live_id', ['account_id', 'id']);
    await liveOrderIndex(db, 'orders_live_status_id', ['account_id', 'status', 'id']);
    await liveOrderIndex(db, 'orders_live_store_status_id', ['account_id', 'store_id', 'status', 'id']);
    // V2 GET /v2/shipments: status with either sort column, modified_at alone, shipment_number.
    await createIndex(db, 'shipments_account_status_created', 'shipments', ['account_id', 'status', 'created_at']);
    await createIndex(db, 'shipments_account_status_modified', 'shipments', ['account_id', 'status', 'modified_at']);
    await createIndex(db, 'shipments_account_modified', 'shipments', ['account_id', 'modified_at']);
    await createIndex(db, 'shipments_account_number', 'shipments', ['account_id', 'shipment_number']);

    await db.schema
      .createTable('order_counts')
      .addColumn('account_id', 'integer', notNull)
      .addColumn('store_id', 'integer', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('n', 'integer', notNull)
      .execute();
    await createIndex(db, 'order_counts_key', 'order_counts', ['account_id', 'status', 'store_id'], engine === 'sqlite');
    await sql`insert into order_counts (account_id, store_id, status, n)
      select account_id, store_id, status, count(*) from orders where active = 1 group by account_id, store_id, status`.execute(db);

    if (engine === 'sqlite') {
      const add = (row: 'new') => sql.raw(`insert into order_counts (account_id, store_id, status, n)
        select ${row}.account_id, ${row}.store_id, ${row}.status, 1 where ${row}.active = 1
        on conflict (account_id, status, store_id) do update set n = n + 1;`);
      const remove = (row: 'old') =>
        sql.raw(`update order_counts set n = n - 1 where ${row}.active = 1 and account_id = ${row}.account_id and status = ${row}.status and store_id = ${row}.store_id;`);
      await sql`create trigger order_counts_insert after insert on orders begin ${add('new')} end`.execute(db);
      await sql`create trigger order_counts_delete after delete on orders begin ${remove('old')} end`.execute(db);
      await sql`create trigger order_counts_update after update of account_id, store_id, status, active on orders
        when old.account_id is not new.account_id or old.store_id is not new.store_id or old.status is not new.status or old.active is not new.active
        begin ${remove('old')} ${add('new')} end`.execute(db);
      return;
    }
    const deltas = (rows: string) => sql.raw(`insert into order_counts (account_id, store_id, status, n)
      select account_id, store_id, status, sum(d) from (${rows}) c group by account_id, store_id, status having sum(d) <> 0;`);
    const live = (table: string, d: number) => `select account_id, store_id, status, ${d} as d from ${table} where active = 1`;
    const fn = async (name: string, body: ReturnType<typeof deltas>) =>
      sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`.execute(db);
    await fn('order_counts_on_insert', deltas(live('new_rows', 1)));
    await fn('order_counts_on_delete', deltas(live('old_rows', -1)));
    await fn('order_counts_on_update', deltas(`${live('old_rows', -1)} union all ${live('new_rows', 1)}`));
    await sql`create trigger order_counts_insert after insert on orders referencing new table as new_rows for each statement execute function order_counts_on_insert()`.execute(db);
    await sql`create trigger order_counts_delete after delete on orders referencing old table as old_rows for each statement execute function order_counts_on_delete()`.execute(db);
    await sql`create trigger order_counts_update after update on orders referencing old table as old_rows new table as new_rows for each statement execute function order_counts_on_update()`.execute(db);
  },
});
