import type { Kysely } from 'kysely';
import type { MigrationFactory } from '../migrate.ts';
import { createIndex, notNull, withId } from './helpers.ts';

/**
 * The Inventory add-on: inventory warehouses and their locations, stock levels derived from an
 * append-only ledger of transactions, the stock orders hold, suppliers, purchase orders and totes.
 */
export const inventory: MigrationFactory = (engine) => ({
  async up(db: Kysely<any>) {
    const account = (c: any) => c.notNull().references('accounts.id');

    await withId(db.schema.createTable('inventory_warehouses'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('name', 'text', notNull)
      // The shipping warehouse whose orders draw stock here, and where (documented allocation rule).
      .addColumn('warehouse_id', 'integer')
      .addColumn('default_location_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('deleted_at', 'text')
      .execute();
    await createIndex(db, 'inventory_warehouses_account', 'inventory_warehouses', ['account_id']);

    await withId(db.schema.createTable('inventory_locations'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('inventory_warehouse_id', 'integer', (c) => c.notNull().references('inventory_warehouses.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .addColumn('deleted_at', 'text')
      .execute();
    await createIndex(db, 'inventory_locations_account', 'inventory_locations', ['account_id', 'inventory_warehouse_id']);

    // Derived from the ledger, updated under a row lock in the same transaction as each entry.
    await withId(db.schema.createTable('inventory_levels'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('inventory_location_id', 'integer', (c) => c.notNull().references('inventory_locations.id'))
      .addColumn('sku', 'text', notNull)
      .addColumn('stock_condition', 'text', notNull)
      .addColumn('on_hand', 'integer', notNull)
      .addColumn('allocated', 'integer', notNull)
      .addColumn('value_cents', 'bigint', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await createIndex(db, 'inventory_levels_key', 'inventory_levels', ['account_id', 'inventory_location_id', 'sku', 'stock_condition'], true);
    await createIndex(db, 'inventory_levels_sku', 'inventory_levels', ['account_id', 'sku']);

    await withId(db.schema.createTable('inventory_transactions'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('inventory_location_id', 'integer', (c) => c.notNull().references('inventory_locations.id'))
      .addColumn('sku', 'text', notNull)
      .addColumn('stock_condition', 'text', notNull)
      .addColumn('transaction_type', 'text', notNull)
      .addColumn('on_hand_delta', 'integer', notNull)
      .addColumn('allocated_delta', 'integer', notNull)
      .addColumn('value_delta_cents', 'bigint', notNull)
      .addColumn('unit_cost_cents', 'integer')
      .addColumn('lot', 'text')
      .addColumn('usable_start_date', 'text')
      .addColumn('usable_end_date', 'text')
      .addColumn('effective_at', 'text', notNull)
      .addColumn('reason', 'text')
      .addColumn('notes', 'text')
      .addColumn('order_id', 'integer')
      .addColumn('purchase_order_id', 'integer')
      .addColumn('created_at', 'text', notNull)
      .execute();
    await createIndex(db, 'inventory_transactions_sku', 'inventory_transactions', ['account_id', 'sku']);

    // What each order currently holds: allocated (awaiting shipment) or shipped (taken from on hand).
    await withId(db.schema.createTable('inventory_order_stock'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('order_id', 'integer', (c) => c.notNull().references('orders.id'))
      .addColumn('inventory_location_id', 'integer', (c) => c.notNull().references('inventory_locations.id'))
      .addColumn('sku', 'text', notNull)
      .addColumn('quantity', 'integer', notNull)
      .addColumn('state', 'text', notNull)
      .execute();
    await createIndex(db, 'inventory_order_stock_order', 'inventory_order_stock', ['order_id']);

    await withId(db.schema.createTable('suppliers'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('name', 'text', notNull)
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await createIndex(db, 'suppliers_account', 'suppliers', ['account_id', 'name']);

    await withId(db.schema.createTable('purchase_orders'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('supplier_id', 'integer', (c) => c.notNull().references('suppliers.id'))
      .addColumn('order_number', 'text', notNull)
      .addColumn('status', 'text', notNull)
      .addColumn('warehouse_id', 'integer', (c) => c.references('warehouses.id'))
      .addColumn('reference_number', 'text')
      .addColumn('body', 'text', notNull)
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await createIndex(db, 'purchase_orders_account', 'purchase_orders', ['account_id', 'created_at']);

    await withId(db.schema.createTable('totes'), engine)
      .addColumn('account_id', 'integer', account)
      .addColumn('inventory_warehouse_id', 'integer', (c) => c.notNull().references('inventory_warehouses.id'))
      .addColumn('name', 'text', notNull)
      .addColumn('barcode', 'text')
      .addColumn('created_at', 'text', notNull)
      .addColumn('updated_at', 'text', notNull)
      .execute();
    await createIndex(db, 'totes_account_name', 'totes', ['account_id', 'inventory_warehouse_id', 'name'], true);
  },
});
