// Table shapes for Kysely. Conventions that keep SQLite and PostgreSQL identical:
// timestamps are ISO-8601 UTC text, booleans are 0/1 integers, nested objects are JSON text,
// money is integer cents.
import type { Generated } from 'kysely';

export type Flag = 0 | 1;

export interface AccountsTable {
  id: Generated<number>;
  plan: string;
  addons: string;
  active: Flag;
  partner_id: number | null;
  external_account_id: string | null;
  email: string | null;
  password_hash: string | null;
  company_name: string | null;
  first_name: string | null;
  last_name: string | null;
  origin_country_code: string | null;
  created_at: string;
  modified_at: string;
  /** Set when the account was created by dashboard sign-up: its email must be verified before API keys. */
  signed_up_at: Generated<string | null>;
  email_verified_at: Generated<string | null>;
  trial_ends_at: Generated<string | null>;
}

export interface PartnersTable {
  id: Generated<number>;
  name: string;
  active: Flag;
  created_at: string;
}

export interface UsersTable {
  id: string;
  account_id: number;
  name: string;
  username: string;
  email: string;
  status: string;
  created_at: string;
  last_login_at: string | null;
}

export interface V1KeyPairsTable {
  id: Generated<number>;
  account_id: number;
  key_hash: string;
  secret_hash: string;
  key_hint: string;
  expires_at: string;
  created_at: string;
  deleted_at: string | null;
}

export interface ApiKeysTable {
  id: Generated<number>;
  account_id: number | null;
  partner_id: number | null;
  key_hash: string;
  key_hint: string;
  description: string;
  created_at: string;
  expires_at: string | null;
  deleted_at: string | null;
}

export interface RateLimitWindowsTable {
  bucket: string;
  window_index: number;
  hits: number;
}

export interface WarehousesTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  is_default: Flag;
  origin_address: string;
  return_address: string;
  created_at: string;
  modified_at: string;
  deleted_at: string | null;
}

export interface TagsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  color: string;
  created_at: string;
}

export interface StoresTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  marketplace_id: number;
  marketplace_name: string;
  active: Flag;
  details: string;
  refresh_date: string | null;
  last_refresh_attempt: string | null;
  created_at: string;
  modified_at: string;
}

export interface CarriersTable {
  id: Generated<number>;
  account_id: number;
  carrier_code: string;
  nickname: string;
  account_number: string;
  is_primary: Flag;
  funded: Flag;
  settings: string;
  created_at: string;
  disconnected_at: string | null;
}

export interface PackageTypesTable {
  id: Generated<number>;
  account_id: number;
  package_code: string;
  name: string;
  description: string | null;
  dimensions: string | null;
  created_at: string;
}

/** A shipment's full neutral shape lives in `body` (JSON); the columns are what lists filter on. */
export interface ShipmentsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number | null;
  external_shipment_id: string | null;
  shipment_number: string | null;
  status: string;
  carrier_id: number | null;
  service_code: string | null;
  warehouse_id: number | null;
  ship_date: string | null;
  is_return: Flag;
  import_batch_id: string | null;
  body: string;
  created_at: string;
  modified_at: string;
}

export interface ShipmentTagsTable {
  shipment_id: number;
  tag_id: number;
}

export interface RateResponsesTable {
  id: Generated<number>;
  account_id: number;
  shipment_id: number | null;
  status: string;
  body: string;
  created_at: string;
}

export interface RatesTable {
  id: Generated<number>;
  account_id: number;
  rate_response_id: number;
  shipment_id: number | null;
  carrier_id: number;
  service_code: string;
  total_cents: number;
  quote: string;
  created_at: string;
  expires_at: string;
}

export interface InsuranceConnectionsTable {
  id: Generated<number>;
  account_id: number;
  provider: string;
  email: string;
  policy_id: string;
  created_at: string;
}

/** The carrier ledger's shape for an account's insurance balance (one per provider). */
export interface InsuranceLedgerTable {
  id: Generated<number>;
  account_id: number;
  provider: string;
  /** Positive credits funds, negative debits them. */
  amount_cents: number;
  kind: string;
  label_id: number | null;
  created_at: string;
}

export interface EphemeralTokensTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface CarrierLedgerTable {
  id: Generated<number>;
  account_id: number;
  carrier_id: number;
  /** Positive credits funds, negative debits them. */
  amount_cents: number;
  kind: string;
  label_id: number | null;
  /** The V2 mailing (envelope, mail labels, NetStamps) a debit paid for. */
  mailing_id: number | null;
  created_at: string;
}

export interface MailingsTable {
  id: Generated<number>;
  account_id: number;
  /** envelope | mail_labels | netstamps */
  kind: string;
  carrier_id: number;
  total_cents: number;
  /** Unguessable part of the document link. */
  download_token: string;
  document: Buffer | null;
  created_at: string;
}

export interface MailPiecesTable {
  id: Generated<number>;
  account_id: number;
  mailing_id: number;
  sequence: number;
  /** letter | flat */
  mail_class: string;
  weight_oz: number;
  postage_cents: number;
  /** The 31-digit Intelligent Mail barcode data (tracking code + routing ZIP); null on NetStamps. */
  imb: string | null;
  /** JSON: addresses, dimensions, surcharges, sheet position. */
  body: string;
  created_at: string;
}

export interface CustomersTable {
  id: Generated<number>;
  account_id: number;
  /** Lower-cased email: customers are matched by email regardless of case. */
  email_key: string;
  email: string;
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  postal_code: string | null;
  country_code: string | null;
  phone: string | null;
  address_verified: string | null;
  created_at: string;
  modified_at: string;
}

export interface CustomerUsernamesTable {
  id: Generated<number>;
  customer_id: number;
  marketplace_id: number;
  marketplace: string;
  username: string;
  created_at: string;
  modified_at: string;
}

/** product_categories and product_types: named per account, created on first use. */
export interface ProductGroupTable {
  id: Generated<number>;
  account_id: number;
  name: string;
}

/** A product's filterable parts are columns; the rest of the V1 Product lives in `body` (JSON). */
export interface ProductsTable {
  id: Generated<number>;
  account_id: number;
  sku: string | null;
  name: string | null;
  price_cents: number | null;
  active: Flag;
  product_category_id: number | null;
  product_type_id: number | null;
  upc: string | null;
  body: string;
  created_at: string;
  modified_at: string;
}

export interface ProductTagsTable {
  product_id: number;
  tag_id: number;
}

/** A V1 order: the columns are what lists filter and sort on; the rest lives in `body` (JSON). */
export interface OrdersTable {
  id: Generated<number>;
  account_id: number;
  store_id: number;
  order_key: string;
  order_number: string;
  /** Lower-cased order number, for the case-insensitive starts-with filter. */
  order_number_search: string;
  status: string;
  active: Flag;
  customer_id: number | null;
  customer_email: string | null;
  customer_username: string | null;
  bill_to_name: string | null;
  ship_to_name: string | null;
  ship_to_country: string | null;
  order_date: string;
  payment_date: string | null;
  ship_by_date: string | null;
  /** A calendar date, YYYY-MM-DD. */
  ship_date: string | null;
  /** The instant an on-hold order returns to awaiting_shipment. */
  hold_until_at: string | null;
  user_id: string | null;
  order_total_cents: number;
  amount_paid_cents: number;
  tax_amount_cents: number;
  shipping_amount_cents: number;
  body: string;
  created_at: string;
  modified_at: string;
}

export interface OrderItemsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  position: number;
  line_item_key: string | null;
  sku: string | null;
  name: string;
  quantity: number;
  unit_price_cents: number;
  product_id: number | null;
  /** Lower-cased sku, name and option names/values: what the itemKeyword filter searches. */
  keywords: string;
  body: string;
  created_at: string;
  modified_at: string;
}

export interface OrderTagsTable {
  order_id: number;
  tag_id: number;
}

/** Which orders an import (one createorder/createorders call) notified about: the ORDER_NOTIFY resource. */
export interface OrderImportBatchesTable {
  batch_id: string;
  order_id: number;
}

export interface FulfillmentsTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  order_number: string;
  user_id: string | null;
  customer_email: string | null;
  tracking_number: string | null;
  carrier_code: string;
  /** A calendar date, YYYY-MM-DD. */
  ship_date: string;
  ship_to_name: string | null;
  ship_to: string;
  notify_customer: Flag;
  marketplace_notified: Flag;
  created_at: string;
}

export interface WebhooksTable {
  id: Generated<number>;
  account_id: number;
  event: string;
  target_url: string;
  store_id: number | null;
  friendly_name: string | null;
  created_at: string;
}

/** Durable background work (webhook deliveries, hold releases), written in the transaction that causes it. */
export interface JobsTable {
  id: Generated<number>;
  kind: string;
  account_id: number | null;
  payload: string;
  status: 'pending' | 'done' | 'failed' | 'cancelled';
  attempts: Generated<number>;
  run_at: string;
  locked_by: string | null;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  finished_at: string | null;
}

/** A label's full neutral shape lives in `body` (JSON); the columns are what lists filter on. */
export interface LabelsTable {
  id: Generated<number>;
  account_id: number;
  shipment_id: number;
  status: string;
  carrier_id: number;
  carrier_code: string;
  service_code: string;
  tracking_number: string;
  rate_id: number | null;
  batch_id: number | null;
  /** Labels bought in one call share it: V1 SHIP_NOTIFY's `/shipments?batchId=`. */
  notify_batch_id: string;
  outbound_label_id: number | null;
  is_return: Flag;
  test_label: Flag;
  cost_cents: number;
  insurance_cents: number;
  ship_date: string;
  ship_to_name: string;
  ship_to_country: string;
  download_token: string;
  body: string;
  created_at: string;
  voided_at: string | null;
}

export interface LabelPackagesTable {
  id: Generated<number>;
  label_id: number;
  sequence: number;
  carrier_family: string;
  tracking_number: string;
}

export interface LabelDocumentsTable {
  label_id: number;
  name: string;
  content_type: string;
  content: Buffer;
  created_at: string;
}

export interface TrackingSubscriptionsTable {
  id: Generated<number>;
  account_id: number;
  carrier_code: string;
  tracking_number: string;
  created_at: string;
}

export interface LabelImagesTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  content_type: string;
  data: Buffer;
  width: number;
  height: number;
  is_default: Flag;
  created_at: string;
  modified_at: string;
}

export interface AttachedDocumentsTable {
  id: Generated<number>;
  account_id: number;
  /** 'label' | 'shipment' */
  owner_kind: string;
  owner_id: number;
  document_type: string;
  name: string;
  content_type: string;
  content: Buffer;
  size_bytes: number;
  created_at: string;
}

export interface DocumentSendsTable {
  id: Generated<number>;
  account_id: number;
  label_id: number;
  email: string;
  /** JSON array of attached document ids. */
  document_ids: string;
  sent_at: string;
}

export interface ShipmentAnnotationsTable {
  shipment_id: number;
  account_id: number;
  internal_notes: string | null;
  assigned_user_id: string | null;
  modified_at: string;
}

export interface LabelRefundsTable {
  label_id: number;
  account_id: number;
  refund_status: string;
  modified_at: string;
}

export interface ShippingRulesTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  /** JSON ShippingRuleConditions. */
  conditions: string;
  carrier_id: number;
  service_code: string;
  created_at: string;
}

export interface ManifestRequestsTable {
  id: Generated<number>;
  account_id: number;
  status: string;
  created_at: string;
}

/** `shipper` is the warehouse's origin address (JSON) as it was when the form was made. */
export interface ManifestsTable {
  id: Generated<number>;
  account_id: number;
  request_id: number;
  carrier_id: number;
  warehouse_id: number;
  ship_date: string;
  submission_id: string;
  download_token: string;
  shipper: string;
  created_at: string;
}

export interface ManifestLabelsTable {
  label_id: number;
  manifest_id: number;
}

/** `body` holds contact details, notes and the pickup address (JSON). */
export interface PickupsTable {
  id: Generated<number>;
  account_id: number;
  public_id: string;
  carrier_id: number;
  warehouse_id: number;
  confirmation_number: string;
  body: string;
  window_start: string;
  window_end: string;
  created_at: string;
  cancelled_at: string | null;
}

export interface PickupLabelsTable {
  pickup_id: number;
  label_id: number;
}

export type BatchStatus = 'open' | 'queued' | 'processing' | 'completed' | 'completed_with_errors' | 'archived' | 'notifying' | 'invalid';

export interface BatchesTable {
  id: Generated<number>;
  account_id: number;
  external_batch_id: string | null;
  batch_notes: string | null;
  status: BatchStatus;
  label_layout: string;
  label_format: string;
  display_scheme: string;
  /** A calendar date, YYYY-MM-DD, for every label of the batch; null keeps each shipment's. */
  ship_date: string | null;
  label_document_id: number | null;
  form_document_id: number | null;
  created_at: string;
  modified_at: string;
  processed_at: string | null;
}

/** One shipment of a batch; `state` moves pending -> labelled | error in the label's own transaction. */
export interface BatchShipmentsTable {
  id: Generated<number>;
  batch_id: number;
  account_id: number;
  shipment_id: number;
  rate_id: number | null;
  state: 'pending' | 'labelled' | 'error';
  label_id: number | null;
  has_form: Flag;
  error: string | null;
  modified_at: string;
}

/** A rendered document (combined labels, batch forms) whose bytes live in stored_document_chunks. */
export interface StoredDocumentsTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  file_name: string;
  content_type: string;
  status: 'building' | 'ready';
  byte_size: Generated<number>;
  page_count: Generated<number>;
  download_token: string;
  created_at: string;
}

export interface StoredDocumentChunksTable {
  document_id: number;
  sequence: number;
  content: Buffer;
}

export interface InventoryWarehousesTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  warehouse_id: number | null;
  default_location_id: number | null;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InventoryLocationsTable {
  id: Generated<number>;
  account_id: number;
  inventory_warehouse_id: number;
  name: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
}

export interface InventoryLevelsTable {
  id: Generated<number>;
  account_id: number;
  inventory_location_id: number;
  sku: string;
  stock_condition: string;
  on_hand: number;
  allocated: number;
  value_cents: number;
  updated_at: string;
}

export interface InventoryTransactionsTable {
  id: Generated<number>;
  account_id: number;
  inventory_location_id: number;
  sku: string;
  stock_condition: string;
  transaction_type: string;
  on_hand_delta: number;
  allocated_delta: number;
  value_delta_cents: number;
  unit_cost_cents: number | null;
  lot: string | null;
  usable_start_date: string | null;
  usable_end_date: string | null;
  effective_at: string;
  reason: string | null;
  notes: string | null;
  order_id: number | null;
  purchase_order_id: number | null;
  created_at: string;
}

export interface InventoryOrderStockTable {
  id: Generated<number>;
  account_id: number;
  order_id: number;
  inventory_location_id: number;
  sku: string;
  quantity: number;
  state: 'allocated' | 'shipped';
}

export interface SuppliersTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface PurchaseOrdersTable {
  id: Generated<number>;
  account_id: number;
  supplier_id: number;
  order_number: string;
  status: string;
  warehouse_id: number | null;
  reference_number: string | null;
  body: string;
  created_at: string;
  updated_at: string;
}

export interface TotesTable {
  id: Generated<number>;
  account_id: number;
  inventory_warehouse_id: number;
  name: string;
  barcode: string | null;
  created_at: string;
  updated_at: string;
}

export interface ApiWebhooksTable {
  id: Generated<number>;
  account_id: number;
  surface: string;
  event: string;
  url: string;
  /** JSON [{key, value}]. */
  headers: string;
  name: string | null;
  store_id: number | null;
  created_at: string;
}

export interface SandboxSnapshotsTable {
  id: Generated<number>;
  account_id: number;
  name: string;
  schema_version: string;
  row_count: number;
  byte_size: number;
  created_at: string;
}

export interface SandboxSnapshotTablesTable {
  snapshot_id: number;
  table_name: string;
  row_count: number;
  rows: string;
  fingerprint: string | null;
}

export interface RequestLogTable {
  id: Generated<number>;
  account_id: number;
  at: string;
  /** 'v1' (legacy), 'v2' or 'shipengine'. */
  surface: string;
  method: string;
  path: string;
  status: number;
  duration_ms: number;
  request_id: string;
  /** JSON object, secrets redacted. */
  request_headers: string;
  request_body: string | null;
  response_body: string | null;
}

export interface IdempotencyKeysTable {
  id: Generated<number>;
  account_id: number;
  idempotency_key: string;
  operation: string;
  request_hash: string;
  /** Null while the first request is still running. */
  status_code: number | null;
  response_body: string | null;
  created_at: string;
}

export interface WebhookDeliveriesTable {
  id: Generated<number>;
  account_id: number;
  /** 'v1' (webhooks table) or 'api' (api_webhooks table). */
  webhook_kind: string;
  webhook_id: number;
  job_id: number;
  resource_type: string;
  attempt: number;
  status: string;
  response_code: number | null;
  error: string | null;
  attempted_at: string;
  duration_ms: number;
}

export interface SigningKeysTable {
  kid: string;
  private_pem: string;
  public_jwk: string;
  created_at: string;
  retired_at: string | null;
}

export interface AccountClocksTable {
  account_id: number;
  /** bigint: PostgreSQL returns it as a string. */
  offset_ms: number | string;
  modified_at: string;
}

export interface TrackedParcelsTable {
  id: Generated<number>;
  account_id: number;
  label_id: number;
  events_raised: number;
  next_event_at: string | null;
  created_at: string;
}

export interface WebSessionsTable {
  id: Generated<number>;
  account_id: number;
  token_hash: string;
  created_at: string;
  expires_at: string;
}

export interface EmailVerificationsTable {
  id: Generated<number>;
  account_id: number;
  email: string;
  token_hash: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface OutboxMessagesTable {
  id: Generated<number>;
  account_id: number;
  to_address: string;
  subject: string;
  body: string;
  link_path: string | null;
  created_at: string;
}

/** Live orders per account, store and status (0020): a row per key on SQLite, summed deltas on PostgreSQL. */
export interface OrderCountsTable {
  account_id: number;
  store_id: number;
  status: string;
  n: number;
}

/** The V1 JSON of an order, kept (0021): bytes on SQLite, text on PostgreSQL; null is an invalidated row. */
export interface OrderV1JsonTable {
  /** Never the same twice: a new one for every row written. */
  stamp: Generated<number>;
  order_id: number;
  account_id: number;
  body: Buffer | string | null;
}

export interface DB {
  accounts: AccountsTable;
  partners: PartnersTable;
  users: UsersTable;
  v1_key_pairs: V1KeyPairsTable;
  api_keys: ApiKeysTable;
  rate_limit_windows: RateLimitWindowsTable;
  warehouses: WarehousesTable;
  tags: TagsTable;
  stores: StoresTable;
  carriers: CarriersTable;
  package_types: PackageTypesTable;
  shipments: ShipmentsTable;
  shipment_tags: ShipmentTagsTable;
  rate_responses: RateResponsesTable;
  rates: RatesTable;
  carrier_ledger: CarrierLedgerTable;
  mailings: MailingsTable;
  mail_pieces: MailPiecesTable;
  labels: LabelsTable;
  label_packages: LabelPackagesTable;
  label_documents: LabelDocumentsTable;
  tracking_subscriptions: TrackingSubscriptionsTable;
  customers: CustomersTable;
  customer_usernames: CustomerUsernamesTable;
  product_categories: ProductGroupTable;
  product_types: ProductGroupTable;
  products: ProductsTable;
  product_tags: ProductTagsTable;
  orders: OrdersTable;
  order_counts: OrderCountsTable;
  order_v1_json: OrderV1JsonTable;
  order_items: OrderItemsTable;
  order_tags: OrderTagsTable;
  order_import_batches: OrderImportBatchesTable;
  fulfillments: FulfillmentsTable;
  webhooks: WebhooksTable;
  jobs: JobsTable;
  label_images: LabelImagesTable;
  attached_documents: AttachedDocumentsTable;
  document_sends: DocumentSendsTable;
  shipment_annotations: ShipmentAnnotationsTable;
  label_refunds: LabelRefundsTable;
  shipping_rules: ShippingRulesTable;
  manifest_requests: ManifestRequestsTable;
  manifests: ManifestsTable;
  manifest_labels: ManifestLabelsTable;
  pickups: PickupsTable;
  pickup_labels: PickupLabelsTable;
  insurance_connections: InsuranceConnectionsTable;
  insurance_ledger: InsuranceLedgerTable;
  ephemeral_tokens: EphemeralTokensTable;
  batches: BatchesTable;
  batch_shipments: BatchShipmentsTable;
  stored_documents: StoredDocumentsTable;
  stored_document_chunks: StoredDocumentChunksTable;
  inventory_warehouses: InventoryWarehousesTable;
  inventory_locations: InventoryLocationsTable;
  inventory_levels: InventoryLevelsTable;
  inventory_transactions: InventoryTransactionsTable;
  inventory_order_stock: InventoryOrderStockTable;
  suppliers: SuppliersTable;
  purchase_orders: PurchaseOrdersTable;
  totes: TotesTable;
  api_webhooks: ApiWebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  request_log: RequestLogTable;
  idempotency_keys: IdempotencyKeysTable;
  signing_keys: SigningKeysTable;
  account_clocks: AccountClocksTable;
  tracked_parcels: TrackedParcelsTable;
  web_sessions: WebSessionsTable;
  email_verifications: EmailVerificationsTable;
  outbox_messages: OutboxMessagesTable;
  sandbox_snapshots: SandboxSnapshotsTable;
  sandbox_snapshot_tables: SandboxSnapshotTablesTable;
}
