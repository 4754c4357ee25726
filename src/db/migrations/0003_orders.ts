import { sql, type Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/** Partial index over live rows only: every order list filters on `active = 1`. */
async function liveOrderIndex(db: Kysely<any>, name: string, columns: string[]) {
  await db.schema.createIndex(name).on('orders').columns(columns).where(sql<boolean>`active = 1`).execute();
}

/**
 * The ShipStation V1 surface: orders and their items, tags and import batches; customers and
 * products derived from orders; fulfillments; webhook subscriptions; and the durable job queue
 * that delivers webhooks and releases held orders.
 */
export const orders: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    await withId(db.schema.createTable('customers'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('email_key', 'text', notNull)
      .addColumn('email', 'text', notNull)
      .addColumn('name', 'text')
      .addColumn('company', 'text')
      .addColumn('street1', 'text')
      .addColumn('street2', 'text')
      .addColumn('city', 'text')
      .addColumn('state', 'text')
      .addColumn('postal_code', 'text')
      .addColumn('country_code', 'text')
      .addColumn('phone', 'text')
      .addColumn('address_verified', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'customers_account_email', 'customers', ['account_id', 'email_key'], true);

    await withId(db.schema.createTable('customer_usernames'), engine)
      .addColumn('customer_id', 'integer', (c) => c.notNull().references('customers.id'))
      .addColumn('marketplace_id', 'integer', notNull)
      .addColumn('marketplace', 'text', notNull)
      .addColumn('username', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'customer_usernames_unique', 'customer_usernames', ['customer_id', 'marketplace_id', 'username'], true);

    for (const table of ['product_categories', 'product_types']) {
      await withId(db.schema.createTable(table), engine)
        .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
        .addColumn('name', 'text', notNull)
        .execute();
      await createIndex(db, `${table}_account_name`, table, ['account_id', 'name'], true);
    }

    await withId(db.schema.createTable('products'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('sku', 'text')
      .addColumn('name', 'text')
      .addColumn('price_cents', 'integer')
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('product_category_id', 'integer', (c) => c.references('product_categories.id'))
      .addColumn('product_type_id', 'integer', (c) => c.references('product_types.id'))
      .addColumn('upc', 'text')
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'products_account_sku', 'products', ['account_id', 'sku'], true);
    await createIndex(db, 'products_account_created', 'products', ['account_id', 'created_at']);

    await db.schema
      .createTable('product_tags')
      .addColumn('product_id', 'integer', (c) => c.notNull().references('products.id'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('product_tags_pk', ['product_id', 'tag_id'])
      .execute();

    await withId(db.schema.createTable('orders'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('store_id', 'integer', (c) => c.notNull().references('stores.id'))
      .addColumn('order_key', 'text', notNull)
      .addColumn('order_number', 'text', notNull)
      // Bytewise order on both engines, so the starts-with filter is an index range (see orders/list.ts).
      .addColumn('order_number_search', engine === 'postgres' ? sql`text collate "C"` : 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
      .addColumn('customer_id', 'integer', (c) => c.references('customers.id'))
      .addColumn('customer_email', 'text')
      .addColumn('customer_username', 'text')
      .addColumn('bill_to_name', 'text')
      .addColumn('ship_to_name', 'text')
      .addColumn('ship_to_country', 'text')
      .addColumn('order_date', 'text', notNull)
      .addColumn('payment_date', 'text')
      .addColumn('ship_by_date', 'text')
      .addColumn('ship_date', 'text')
      .addColumn('hold_until_at', 'text')
      .addColumn('user_id', 'text')
      .addColumn('order_total_cents', 'integer', notNull)
      .addColumn('amount_paid_cents', 'integer', notNull)
      .addColumn('tax_amount_cents', 'integer', notNull)
      .addColumn('shipping_amount_cents', 'integer', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'orders_account_key', 'orders', ['account_id', 'order_key'], true);
    await liveOrderIndex(db, 'orders_live_status_order_date', ['account_id', 'status', 'order_date']);
    await liveOrderIndex(db, 'orders_live_order_date', ['account_id', 'order_date']);
    await liveOrderIndex(db, 'orders_live_created', ['account_id', 'created_at']);
    await liveOrderIndex(db, 'orders_live_modified', ['account_id', 'modified_at']);
    await liveOrderIndex(db, 'orders_live_payment_date', ['account_id', 'payment_date']);
    await liveOrderIndex(db, 'orders_live_number', ['account_id', 'order_number_search']);
    await createIndex(db, 'orders_customer', 'orders', ['customer_id']);

    await withId(db.schema.createTable('order_items'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addColumn('position', 'integer', notNull)
      .addColumn('line_item_key', 'text')
      .addColumn('sku', 'text')
      .addColumn('name', 'text', notNull)
      .addColumn('quantity', 'integer', notNull)
      .addColumn('unit_price_cents', 'integer', notNull)
      .addColumn('product_id', 'integer', (c) => c.references('products.id'))
      .addColumn('keywords', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('modified_at', 'text', notNull)
      .execute();
    await createIndex(db, 'order_items_order', 'order_items', ['order_id']);

    await db.schema
      .createTable('order_tags')
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addColumn('tag_id', 'integer', (c) => c.notNull().references('tags.id').onDelete('cascade'))
      .addPrimaryKeyConstraint('order_tags_pk', ['order_id', 'tag_id'])
      .execute();
    await createIndex(db, 'order_tags_tag', 'order_tags', ['tag_id', 'order_id']);

    await db.schema
      .createTable('order_import_batches')
      .addColumn('batch_id', 'text', notNull)
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addPrimaryKeyConstraint('order_import_batches_pk', ['batch_id', 'order_id'])
      .execute();

    await withId(db.schema.createTable('fulfillments'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addColumn('order_number', 'text', notNull)
      .addColumn('user_id', 'text')
      .addColumn('customer_email', 'text')
      .addColumn('tracking_number', 'text')
      .addColumn('carrier_code', 'text', notNull)
      .addColumn('ship_date', 'text', notNull)
      .addColumn('ship_to_name', 'text')
      .addColumn('ship_to', 'text', notNull)
      .addColumn('notify_customer', 'integer', notNull)
      .addColumn('marketplace_notified', 'integer', notNull)
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'fulfillments_account_created', 'fulfillments', ['account_id', 'created_at']);
    await createIndex(db, 'fulfillments_order', 'fulfillments', ['order_id']);

    await withId(db.schema.createTable('webhooks'), engine)
      .addColumn('account_id', 'integer', (c) => c.notNull().references('accounts.id'))
      .addColumn('event', 'text', notNull)
      .addColumn('target_url', 'text', notNull)
      .addColumn('store_id', 'integer')
      .addColumn('friendly_name', 'text')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'webhooks_account_event', 'webhooks', ['account_id', 'event']);

    await withId(db.schema.createTable('jobs'), engine)
      .addColumn('kind', 'text', notNull)
      .addColumn('account_id', 'integer')
      .addColumn('payload', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('run_at', 'text', notNull)
      .addColumn('locked_by', 'text')
      .addColumn('locked_until', 'text')
      .addColumn('last_error', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('finished_at', 'text')
      .execute();
    await db.schema.createIndex('jobs_pending_due').on('jobs').columns(['run_at']).where(sql<boolean>`status = 'pending'`).execute();
  },
});
