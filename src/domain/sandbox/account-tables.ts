// The one ordered list of the tables that hold an account's data, shared by reset and by
// snapshot/restore. Parents come before their children (insert in this order, delete in reverse).
// A table is either scoped by its own `account_id` or, when it has none, by its parent's.
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import type { DB } from '../../db/schema.ts';

export interface AccountTable {
  table: keyof DB;
  /** A child table without `account_id`: its rows belong to the account through `column` → `parent.id`. */
  via?: { parent: keyof DB; column: string };
  /** Reset deletes it (reset keeps the account's set-up: stores, warehouses, catalog, inventory, clock). */
  reset: boolean;
  /** The columns a row is ordered and identified by (a stable dump). */
  key: readonly string[];
}

const own = (table: keyof DB, reset: boolean, key: readonly string[] = ['id']): AccountTable => ({ table, reset, key });
const child = (table: keyof DB, parent: keyof DB, column: string, reset: boolean, key: readonly string[]): AccountTable => ({
  table,
  via: { parent, column },
  reset,
  key,
});

export const ACCOUNT_TABLES: readonly AccountTable[] = [
  // Set-up that reset keeps.
  own('stores', false),
  own('warehouses', false),
  own('tags', false),
  own('customers', false),
  child('customer_usernames', 'customers', 'customer_id', false, ['id']),
  own('product_categories', false),
  own('product_types', false),
  own('products', false),
  child('product_tags', 'products', 'product_id', false, ['product_id', 'tag_id']),
  own('package_types', false),
  own('label_images', false),
  own('insurance_connections', false),
  own('suppliers', false),
  own('inventory_warehouses', false),
  own('inventory_locations', false),
  own('totes', false),
  own('purchase_orders', false),
  own('inventory_levels', false),
  own('inventory_transactions', false),
  // Carriers and everything shipped through them.
  own('carriers', true),
  own('shipping_rules', true),
  own('orders', true),
  own('order_items', true),
  child('order_tags', 'orders', 'order_id', true, ['order_id', 'tag_id']),
  child('order_import_batches', 'orders', 'order_id', true, ['batch_id', 'order_id']),
  own('inventory_order_stock', true),
  own('fulfillments', true),
  own('shipments', true),
  child('shipment_tags', 'shipments', 'shipment_id', true, ['shipment_id', 'tag_id']),
  own('shipment_annotations', true, ['shipment_id']),
  own('rate_responses', true),
  own('rates', true),
  own('stored_documents', true),
  child('stored_document_chunks', 'stored_documents', 'document_id', true, ['document_id', 'sequence']),
  own('batches', true),
  own('batch_shipments', true),
  own('labels', true),
  child('label_packages', 'labels', 'label_id', true, ['id']),
  child('label_documents', 'labels', 'label_id', true, ['label_id', 'name']),
  own('label_refunds', true, ['label_id']),
  own('document_sends', true),
  own('attached_documents', true),
  own('manifest_requests', true),
  own('manifests', true),
  child('manifest_labels', 'manifests', 'manifest_id', true, ['label_id']),
  own('pickups', true),
  child('pickup_labels', 'pickups', 'pickup_id', true, ['pickup_id', 'label_id']),
  own('mailings', true),
  own('mail_pieces', true),
  own('carrier_ledger', true),
  own('insurance_ledger', true),
  own('tracked_parcels', true),
  own('tracking_subscriptions', true),
  own('webhooks', true),
  own('api_webhooks', true),
  own('idempotency_keys', true),
  own('account_clocks', false, ['account_id']),
];

/**
 * Tables with account rows that neither reset's list nor a snapshot carries, and why. A test
 * checks that every table with an `account_id` is in one of the two lists.
 */
export const NOT_IN_SNAPSHOTS: Readonly<Record<string, string>> = {
  accounts: 'the account itself (plan, add-ons, sign-up)',
  api_keys: 'credentials: a restore never locks a client out',
  v1_key_pairs: 'credentials',
  users: 'credentials (dashboard users)',
  web_sessions: 'credentials (dashboard sessions)',
  email_verifications: 'credentials',
  ephemeral_tokens: 'credentials',
  outbox_messages: 'a log of the e-mails Shipdock sent',
  request_log: 'a log of the API calls (cleared by reset, kept by restore)',
  webhook_deliveries: 'a log of the delivery attempts (cleared by reset, kept by restore)',
  jobs: 'the queue: restore cancels the account\'s pending jobs instead',
  sandbox_snapshots: 'the snapshots themselves',
  order_counts: 'derived: the orders triggers keep it, through reset and restore too',
  order_v1_json: 'derived: the V1 JSON of orders, rendered on read; its rows go with their orders (foreign key cascade)',
};

/** Rows of `table` that belong to the account. */
export function accountRows(ex: Executor, t: AccountTable, accountId: number) {
  const anyEx = ex as unknown as import('kysely').Kysely<any>;
  if (!t.via) return anyEx.selectFrom(t.table).where('account_id', '=', accountId);
  const parents = anyEx.selectFrom(t.via.parent).select('id').where('account_id', '=', accountId);
  return anyEx.selectFrom(t.table).where(t.via.column, 'in', parents);
}

/** Deletes the account's rows of `table`; returns how many went. */
export async function deleteAccountRows(ex: Executor, t: AccountTable, accountId: number): Promise<number> {
  const anyEx = ex as unknown as import('kysely').Kysely<any>;
  let query = anyEx.deleteFrom(t.table);
  if (!t.via) query = query.where('account_id', '=', accountId);
  else query = query.where(t.via.column, 'in', anyEx.selectFrom(t.via.parent).select('id').where('account_id', '=', accountId));
  const result = await query.executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * Which tables reference which (child → its parents), from the database's own foreign keys, so a
 * rule never drifts from the schema.
 */
export async function foreignKeyParents(ex: Executor): Promise<Map<string, Set<string>>> {
  const rows =
    onPostgres(ex)
      ? await sql<{ child: string; parent: string }>`
          SELECT c.relname AS child, p.relname AS parent FROM pg_constraint k
          JOIN pg_class c ON c.oid = k.conrelid JOIN pg_class p ON p.oid = k.confrelid
          WHERE k.contype = 'f' AND k.connamespace = current_schema()::regnamespace`.execute(ex)
      : await sql<{ child: string; parent: string }>`
          SELECT m.name AS child, f."table" AS parent FROM sqlite_master m, pragma_foreign_key_list(m.name) f
          WHERE m.type = 'table'`.execute(ex);
  const parents = new Map<string, Set<string>>();
  for (const { child, parent } of rows.rows) parents.set(child, (parents.get(child) ?? new Set()).add(parent));
  return parents;
}
