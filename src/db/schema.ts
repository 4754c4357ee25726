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
}
