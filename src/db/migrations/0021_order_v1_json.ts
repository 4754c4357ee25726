import { sql, type Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';

/** The tables a V1 order's JSON is built from, besides `orders` itself (src/domain/orders/store.ts). */
const PARTS = ['order_items', 'order_tags'] as const;

/**
 * The V1 order JSON, rendered on first read and kept (issue 11: a page of 100 orders is ~270 KB
 * of JSON that cost ~8.5 ms of CPU to build). One row per order at most, gone with its order (the
 * foreign key cascades), so the table never outgrows the orders. Triggers on every table the JSON
 * is built from invalidate it in the statement that writes, whatever code path writes; the reader
 * renders what is missing and writes it back only if nothing changed meanwhile
 * (src/domain/orders/rendered.ts). Every row written gets a `stamp` never handed out before, so
 * a copy of a body held in memory is known current when its stamp is still the row's.
 *
 * SQLite: one connection runs one transaction at a time, and the reader reads, renders and writes
 * back in one transaction, so a trigger only has to delete the row.
 *
 * PostgreSQL: a writer's transaction can be in flight while a reader renders. Every write leaves a
 * row with a new stamp and no body (a tombstone, created if missing): the reader remembers the
 * stamp it saw before reading the order, and its write-back only fills a tombstone still carrying
 * it (or inserts a row where there was none). A writer in flight holds its tombstone's row lock
 * (or its unique key), so the write-back waits for it and then finds another stamp. Items and tags
 * of an order inserted in the same transaction leave no tombstone (no reader can have seen that
 * order): bulk inserts and seeds stay cheap.
 */
export const orderV1Json: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    if (engine === 'sqlite') {
      // The row id is the stamp: AUTOINCREMENT never hands out one twice, and every write-back is a new row.
      await sql`create table order_v1_json (
        stamp integer primary key autoincrement,
        order_id integer not null unique references orders (id) on delete cascade,
        account_id integer not null,
        body blob)`.execute(db);
    } else {
      await sql`create sequence order_v1_json_stamp as bigint`.execute(db);
      await sql`create table order_v1_json (
        order_id integer primary key references orders (id) on delete cascade,
        account_id integer not null,
        stamp bigint not null default nextval('order_v1_json_stamp'),
        body text)`.execute(db);
    }

    if (engine === 'sqlite') {
      // One `=` per id: `order_id in (new.order_id)` costs four times as much per row in a trigger.
      const drop = (...ids: string[]) => sql.raw(ids.map((id) => `delete from order_v1_json where order_id = ${id};`).join(' '));
      // A new order has no row yet (ids are never reused): inserts into orders need no trigger.
      await sql`create trigger order_v1_json_orders_update after update on orders begin ${drop('old.id', 'new.id')} end`.execute(db);
      for (const table of PARTS) {
        await sql`create trigger ${sql.raw(`order_v1_json_${table}_insert`)} after insert on ${sql.raw(table)} begin ${drop('new.order_id')} end`.execute(db);
        await sql`create trigger ${sql.raw(`order_v1_json_${table}_update`)} after update on ${sql.raw(table)} begin ${drop('old.order_id', 'new.order_id')} end`.execute(db);
        await sql`create trigger ${sql.raw(`order_v1_json_${table}_delete`)} after delete on ${sql.raw(table)} begin ${drop('old.order_id')} end`.execute(db);
      }
      return;
    }

    // Tombstones in order id order: concurrent writers lock them in one order.
    const tombstones = (orders: string) => sql.raw(`insert into order_v1_json (order_id, account_id, body)
      select o.id, o.account_id, null from orders o where ${orders} order by o.id
      on conflict (order_id) do update set stamp = excluded.stamp, body = null;`);
    const fn = async (name: string, body: ReturnType<typeof tombstones>) =>
      sql`create function ${sql.raw(name)}() returns trigger language plpgsql as $$ begin ${body} return null; end $$`.execute(db);
    // Any update of an order row (its own row version is always this transaction's, so no skip here).
    await fn('order_v1_json_on_orders', tombstones('o.id in (select id from new_rows)'));
    // Items and tags: skip orders whose row this transaction wrote (inserted, or updated: then the
    // orders trigger above already left the tombstone).
    const parts = (rows: string) => tombstones(`o.id in (${rows}) and o.xmin <> pg_current_xact_id()::xid`);
    await fn('order_v1_json_on_part_insert', parts('select order_id from new_rows'));
    await fn('order_v1_json_on_part_delete', parts('select order_id from old_rows'));
    await fn('order_v1_json_on_part_update', parts('select order_id from old_rows union select order_id from new_rows'));
    await sql`create trigger order_v1_json_orders_update after update on orders referencing new table as new_rows for each statement execute function order_v1_json_on_orders()`.execute(db);
    for (const table of PARTS) {
      const t = sql.raw(table);
      await sql`create trigger ${sql.raw(`order_v1_json_${table}_insert`)} after insert on ${t} referencing new table as new_rows for each statement execute function order_v1_json_on_part_insert()`.execute(db);
      await sql`create trigger ${sql.raw(`order_v1_json_${table}_delete`)} after delete on ${t} referencing old table as old_rows for each statement execute function order_v1_json_on_part_delete()`.execute(db);
      await sql`create trigger ${sql.raw(`order_v1_json_${table}_update`)} after update on ${t} referencing old table as old_rows new table as new_rows for each statement execute function order_v1_json_on_part_update()`.execute(db);
    }
  },
});
