// Order lists with every V1 filter. Deleted orders never appear.
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { compactOrderCounts, countedByCounters, countOrders, needsCompaction } from './counts.ts';
import { assembleOrders } from './store.ts';
import { containsText } from './text-match.ts';
import type { Order, OrderStatus } from './types.ts';

export interface OrderFilter {
  /** Contained in the bill-to or ship-to name, any case. */
  customerName?: string;
  /** Contained in an item's SKU, name or options, any case. */
  itemKeyword?: string;
  createdFrom?: string;
  createdTo?: string;
  modifiedFrom?: string;
  modifiedTo?: string;
  orderDateFrom?: string;
  orderDateTo?: string;
  paymentDateFrom?: string;
  paymentDateTo?: string;
  /** Order numbers starting with this, any case. */
  orderNumber?: string;
  status?: OrderStatus;
  storeId?: number;
  /** Ship-to country (V1 customsCountryCode). */
  shipToCountry?: string;
  importBatchId?: string;
  tagId?: number;
}

export type OrderSort = 'id' | 'order_date' | 'modified_at' | 'created_at';

/** The smallest string greater than every string starting with `prefix` (code point order). */
function prefixUpperBound(prefix: string): string {
  const points = [...prefix].map((c) => c.codePointAt(0)!);
  let last = points.pop()! + 1;
  if (last >= 0xd800 && last <= 0xdfff) last = 0xe000;
  return String.fromCodePoint(...points, last);
}

type ListSort = { by: OrderSort; dir: 'asc' | 'desc' };
type ListPage = { offset: number; limit: number };

export async function listOrders(ex: Executor, accountId: number, filter: OrderFilter, sort: ListSort, page: ListPage): Promise<{ orders: Order[]; total: number }> {
  const { ids, total } = await listOrderIds(ex, accountId, filter, sort, page);
  return { orders: await readOrders(ex, ids), total };
}

/** What 0021 keeps of an order's JSON: its stamp, and whether it was invalidated (no body). */
export interface KeptStamp {
  stamp: number;
  dead: boolean;
}

/**
 * The ids of one page of the list, in its order, and the exact total; with `kept`, also the stamp
 * of each order's kept JSON (src/domain/orders/rendered.ts), read in the same query.
 */
export async function listOrderIds(ex: Executor, accountId: number, filter: OrderFilter, sort: ListSort, page: ListPage, options: { kept: true }): Promise<{ ids: number[]; total: number; kept: Map<number, KeptStamp> }>;
export async function listOrderIds(ex: Executor, accountId: number, filter: OrderFilter, sort: ListSort, page: ListPage): Promise<{ ids: number[]; total: number }>;
export async function listOrderIds(
  ex: Executor,
  accountId: number,
  filter: OrderFilter,
  sort: ListSort,
  page: ListPage,
  options: { kept?: boolean } = {},
): Promise<{ ids: number[]; total: number; kept?: Map<number, KeptStamp> }> {
  // A literal, so PostgreSQL can match the partial indexes (WHERE active = 1).
  let query = ex.selectFrom('orders as o').where('o.account_id', '=', accountId).where(sql<boolean>`o.active = 1`);
  const range = (column: 'o.created_at' | 'o.modified_at' | 'o.order_date' | 'o.payment_date', from?: string, to?: string) => {
    if (from) query = query.where(column, '>=', from);
    if (to) query = query.where(column, '<=', to);
  };
  range('o.created_at', filter.createdFrom, filter.createdTo);
  range('o.modified_at', filter.modifiedFrom, filter.modifiedTo);
  range('o.order_date', filter.orderDateFrom, filter.orderDateTo);
  range('o.payment_date', filter.paymentDateFrom, filter.paymentDateTo);
  if (filter.status) query = query.where('o.status', '=', filter.status);
  if (filter.storeId !== undefined) query = query.where('o.store_id', '=', filter.storeId);
  if (filter.shipToCountry) query = query.where('o.ship_to_country', '=', filter.shipToCountry.toUpperCase());
  if (filter.orderNumber) {
    // order_number_search is lower-cased and compared bytewise on both engines: an index range.
    const prefix = filter.orderNumber.toLowerCase();
    query = query.where('o.order_number_search', '>=', prefix).where('o.order_number_search', '<', prefixUpperBound(prefix));
  }
  if (filter.customerName) {
    const name = filter.customerName;
    query = query.where((eb) => eb.or([containsText('o.bill_to_name', name), containsText('o.ship_to_name', name)]));
  }
  if (filter.itemKeyword) {
    const keyword = filter.itemKeyword;
    query = query.where((eb) => eb.exists(eb.selectFrom('order_items as i').select('i.id').whereRef('i.order_id', '=', 'o.id').where(containsText('i.keywords', keyword))));
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where((eb) => eb.exists(eb.selectFrom('order_tags as t').select('t.order_id').whereRef('t.order_id', '=', 'o.id').where('t.tag_id', '=', tagId)));
  }
  if (filter.importBatchId) {
    const batchId = filter.importBatchId;
    query = query.where('o.id', 'in', (eb) => eb.selectFrom('order_import_batches').select('order_id').where('batch_id', '=', batchId));
  }
  // Orders arrive in date and number order, so a range on those columns selects a block of ids;
  // walking the primary key to that block (what planners pick for ORDER BY id with a small
  // LIMIT, assuming matches are spread evenly) reads most of the table. Sorting the expression
  // `id + 0` makes them use the filter's index and sort the matches instead.
  const ranged = [filter.createdFrom, filter.createdTo, filter.modifiedFrom, filter.modifiedTo, filter.orderDateFrom, filter.orderDateTo, filter.paymentDateFrom, filter.paymentDateTo, filter.orderNumber].some(Boolean);
  const primary = sort.by === 'id' && ranged ? sql<number>`o.id + 0` : sql.ref(`o.${sort.by}`);
  // The page is chosen on ids alone, then only its rows are read: sorting whole rows (JSON
  // bodies included) costs several times more on large matches.
  // The total: from the live-order counters when the filter is status and/or store (0020), else counted.
  const counted = countedByCounters(filter);
  const pageIds = query.select(['o.id', primary.as('k')]).orderBy(primary, sort.dir).orderBy('o.id', sort.dir).offset(page.offset).limit(page.limit);
  // The kept stamps are joined to the page's ids only (a join inside would run for every skipped
  // row too), and the page sorted again (a join need not keep its input's order).
  const withKept = () =>
    ex
      .selectFrom(pageIds.as('p'))
      .leftJoin('order_v1_json as j', 'j.order_id', 'p.id')
      .select(['p.id', 'j.stamp', sql<number | null>`case when j.body is null then 1 else 0 end`.as('dead')])
      .orderBy('p.k', sort.dir)
      .orderBy('p.id', sort.dir)
      .execute();
  const [ids, total] = await Promise.all([
    options.kept ? withKept() : pageIds.execute(),
    counted
      ? countOrders(ex, accountId, filter).then(async (c) => {
          if (needsCompaction(c.rows) && onPostgres(ex)) await compactOrderCounts(ex, accountId);
          return c.total;
        })
      : query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow().then((c) => Number(c.n)),
  ]);
  if (!options.kept) return { ids: ids.map((r) => r.id), total };
  const kept = new Map<number, KeptStamp>();
  for (const row of ids as { id: number; stamp: number | null; dead: number | null }[]) {
    if (row.stamp !== null) kept.set(row.id, { stamp: Number(row.stamp), dead: Number(row.dead) === 1 });
  }
  return { ids: ids.map((r) => r.id), total, kept };
}

/** The orders with these ids, in this order (ids without a row are left out). */
export async function readOrders(ex: Executor, ids: readonly number[]): Promise<Order[]> {
  if (ids.length === 0) return [];
  const rows = await ex.selectFrom('orders').selectAll().where('id', 'in', ids).execute();
  const position = new Map(ids.map((id, i) => [id, i]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return assembleOrders(ex, rows);
}
