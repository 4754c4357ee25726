// Stores (selling channels). Every account starts with a "Manual Orders" store; orders created
// through the API land there unless they name another store.
import type { Executor } from '../../db/index.ts';
import { invalidField, notFound } from '../errors.ts';
import { MANUAL_MARKETPLACE_ID } from './marketplaces.ts';

export interface StatusMapping {
  orderStatus: string;
  statusKey: string;
}

/** What ShipStation maps a new store's order statuses to. */
const DEFAULT_STATUS_MAPPINGS: readonly StatusMapping[] = [
  { orderStatus: 'awaiting_payment', statusKey: 'Pending' },
  { orderStatus: 'awaiting_shipment', statusKey: 'Processing' },
  { orderStatus: 'shipped', statusKey: 'Completed' },
  { orderStatus: 'cancelled', statusKey: 'Cancelled' },
  { orderStatus: 'on_hold', statusKey: 'On-hold' },
];

/** The editable settings; kept as JSON in `stores.details`. */
export interface StoreSettings {
  accountName: string | null;
  email: string | null;
  integrationUrl: string | null;
  companyName: string;
  phone: string;
  publicEmail: string;
  website: string;
  autoRefresh: boolean;
  statusMappings: StatusMapping[];
}

export interface Store extends StoreSettings {
  id: number;
  accountId: number;
  name: string;
  marketplaceId: number;
  marketplaceName: string;
  active: boolean;
  refreshDate: string | null;
  lastRefreshAttempt: string | null;
  createdAt: string;
  modifiedAt: string;
}

type Row = {
  id: number;
  account_id: number;
  name: string;
  marketplace_id: number;
  marketplace_name: string;
  active: number;
  details: string;
  refresh_date: string | null;
  last_refresh_attempt: string | null;
  created_at: string;
  modified_at: string;
};

const text = (v: unknown): string | null => (typeof v === 'string' ? v : null);

function toStore(row: Row): Store {
  const d = JSON.parse(row.details) as Partial<StoreSettings>;
  return {
    id: row.id,
    accountId: row.account_id,
    name: row.name,
    marketplaceId: row.marketplace_id,
    marketplaceName: row.marketplace_name,
    active: row.active === 1,
    accountName: text(d.accountName),
    email: text(d.email),
    integrationUrl: text(d.integrationUrl),
    companyName: text(d.companyName) ?? '',
    phone: text(d.phone) ?? '',
    publicEmail: text(d.publicEmail) ?? '',
    website: text(d.website) ?? '',
    autoRefresh: d.autoRefresh === true,
    statusMappings: Array.isArray(d.statusMappings) ? d.statusMappings : DEFAULT_STATUS_MAPPINGS.map((m) => ({ ...m })),
    refreshDate: row.refresh_date,
    lastRefreshAttempt: row.last_refresh_attempt,
    createdAt: row.created_at,
    modifiedAt: row.modified_at,
  };
}

const ofAccount = (ex: Executor, accountId: number) => ex.selectFrom('stores').selectAll().where('account_id', '=', accountId);

export async function listStores(ex: Executor, accountId: number, filter: { showInactive?: boolean; marketplaceId?: number } = {}): Promise<Store[]> {
  let query = ofAccount(ex, accountId);
  if (!filter.showInactive) query = query.where('active', '=', 1);
  if (filter.marketplaceId !== undefined) query = query.where('marketplace_id', '=', filter.marketplaceId);
  return (await query.orderBy('id').execute()).map(toStore);
}

export async function findStore(ex: Executor, accountId: number, id: number): Promise<Store | null> {
  const row = await ofAccount(ex, accountId).where('id', '=', id).executeTakeFirst();
  return row ? toStore(row) : null;
}

export async function getStore(ex: Executor, accountId: number, id: number): Promise<Store> {
  const store = await findStore(ex, accountId, id);
  if (!store) throw notFound('store', id);
  return store;
}

/** The store an order lands in when it names none: the account's first active manual store. */
export async function defaultStore(ex: Executor, accountId: number): Promise<Store> {
  const row = await ofAccount(ex, accountId).where('marketplace_id', '=', MANUAL_MARKETPLACE_ID).where('active', '=', 1).orderBy('id').executeTakeFirst();
  if (!row) throw invalidField('advancedOptions.storeId', 'The account has no active manual store; name an active store in advancedOptions.storeId.');
  return toStore(row);
}

export interface StoreUpdate extends StoreSettings {
  name: string;
  active: boolean;
}

export async function updateStore(ex: Executor, accountId: number, id: number, input: StoreUpdate, now: string): Promise<Store> {
  await getStore(ex, accountId, id);
  const { name, active, ...settings } = input;
  await ex
    .updateTable('stores')
    .set({ name, active: active ? 1 : 0, details: JSON.stringify(settings), modified_at: now })
    .where('id', '=', id)
    .where('account_id', '=', accountId)
    .execute();
  return getStore(ex, accountId, id);
}

/** Returns false when the store already was in that state (ShipStation answers success:false then). */
export async function setStoreActive(ex: Executor, accountId: number, id: number, active: boolean, now: string): Promise<boolean> {
  const store = await getStore(ex, accountId, id);
  if (store.active === active) return false;
  await ex.updateTable('stores').set({ active: active ? 1 : 0, modified_at: now }).where('id', '=', id).execute();
  return true;
}

/**
 * A refresh pulls new orders from the selling channel. Shipdock's stores receive orders only
 * through the API, so a refresh has nothing to fetch and completes at once; it records the attempt
 * and moves the store's refresh date (the point from which the next import would start).
 */
export async function refreshStores(ex: Executor, accountId: number, storeId: number | null, refreshDate: string | null, now: string): Promise<Store[]> {
  const stores = storeId === null ? await listStores(ex, accountId) : [await getStore(ex, accountId, storeId)];
  const targets = stores.filter((s) => s.active);
  if (targets.length > 0) {
    await ex
      .updateTable('stores')
      .set({ last_refresh_attempt: now, refresh_date: refreshDate ?? now })
      .where('id', 'in', targets.map((s) => s.id))
      .execute();
  }
  return targets;
}

export interface RefreshStatus {
  storeId: number;
  refreshStatusId: number;
  refreshStatus: string;
  lastRefreshAttempt: string | null;
  refreshDate: string | null;
}

/** Refreshes finish within the call that starts them, so a store is never seen mid-refresh. */
export const REFRESH_IDLE = { id: 1, text: 'Idle' } as const;

export async function refreshStatus(ex: Executor, accountId: number, storeId: number): Promise<RefreshStatus> {
  const store = await getStore(ex, accountId, storeId);
  return {
    storeId: store.id,
    refreshStatusId: REFRESH_IDLE.id,
    refreshStatus: REFRESH_IDLE.text,
    lastRefreshAttempt: store.lastRefreshAttempt,
    refreshDate: store.refreshDate,
  };
}
