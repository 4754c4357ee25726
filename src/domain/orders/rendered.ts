// The V1 JSON of orders, kept (migration 0021): a page of orders is one read of the kept texts;
// an order whose text is missing (never read, or invalidated by a trigger since) is read, rendered
// and written back, but only if nothing changed it meanwhile. The rendering itself belongs to the
// API (the caller passes it); it must depend on the order alone: no clock, no account settings.
import { PostgresAdapter, sql } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { readOrders } from './list.ts';
import type { Order } from './types.ts';

/** Renders orders as JSON texts, one per order, in the same order. */
export type OrderRenderer = (orders: Order[]) => string[];

/** How long a PostgreSQL write-back waits for a writer of the same orders before it gives up. */
const WRITE_BACK_LOCK_TIMEOUT = '100ms';
/** lock_not_available (the timeout), deadlock_detected, foreign_key_violation (the order was deleted). */
const WRITE_BACK_LOST = new Set(['55P03', '40P01', '23503']);

/** The JSON of each order as UTF-8 bytes, in the order of `ids`; ids without an order row are left out. */
export async function renderedOrders(ex: Executor, ids: readonly number[], render: OrderRenderer): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  const kept = await ex.selectFrom('order_v1_json').select(['order_id', 'version', 'body']).where('order_id', 'in', ids).execute();
  const bodies = new Map<number, Buffer>();
  /** Versions of invalidated rows (PostgreSQL tombstones), read before the orders are. */
  const seen = new Map<number, number>();
  for (const row of kept) {
    if (row.body === null) seen.set(row.order_id, row.version);
    else bodies.set(row.order_id, typeof row.body === 'string' ? Buffer.from(row.body) : row.body);
  }
  if (bodies.size < ids.length) {
    const missing = ids.filter((id) => !bodies.has(id));
    const postgres = ex.getExecutor().adapter instanceof PostgresAdapter;
    const fresh = postgres ? await renderPostgres(ex, missing, seen, render) : await renderSqlite(ex, missing, render);
    for (const [id, body] of fresh) bodies.set(id, body);
  }
  const out: Buffer[] = [];
  for (const id of ids) {
    const body = bodies.get(id);
    if (body !== undefined) out.push(body);
  }
  return out;
}

function rendered(orders: Order[], render: OrderRenderer): Map<number, Buffer> {
  const texts = render(orders);
  return new Map(orders.map((o, i) => [o.id, Buffer.from(texts[i])]));
}

/**
 * SQLite: read, render and write back in one transaction. The one connection runs one transaction
 * at a time, so no write lands between the read and the write-back; a write after it deletes the
 * row again (0021's triggers).
 */
async function renderSqlite(ex: Executor, ids: number[], render: OrderRenderer): Promise<Map<number, Buffer>> {
  let fresh = new Map<number, Buffer>();
  const work = async (tx: Executor) => {
    const orders = await readOrders(tx, ids);
    fresh = rendered(orders, render);
    if (orders.length === 0) return;
    await tx
      .insertInto('order_v1_json')
      .values(orders.map((o) => ({ order_id: o.id, account_id: o.accountId, body: fresh.get(o.id)! })))
      .onConflict((oc) => oc.column('order_id').doUpdateSet({ body: (eb) => eb.ref('excluded.body') }))
      .execute();
  };
  try {
    if (ex.isTransaction) await work(ex);
    else await ex.transaction().execute(work);
  } catch (error) {
    // Another process wrote the database between the read and the write-back (SQLITE_BUSY_SNAPSHOT):
    // the texts are still those of one consistent read, only not kept.
    if (fresh.size === 0 || !String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw error;
  }
  return fresh;
}

/**
 * PostgreSQL: writers run concurrently, so the write-back is a compare-and-set on the version seen
 * before the orders were read. A missing row is inserted with version 0, which no tombstone has;
 * a tombstone is filled only if it still has the version seen. A writer still in flight holds the
 * row (or its key): the write-back waits for it, briefly, then finds another version.
 */
async function renderPostgres(ex: Executor, ids: number[], seen: Map<number, number>, render: OrderRenderer): Promise<Map<number, Buffer>> {
  const orders = await readOrders(ex, ids);
  const fresh = rendered(orders, render);
  if (orders.length === 0) return fresh;
  // Inside a caller's transaction the lock timeout would outlive the write-back: only render there.
  if (ex.isTransaction) return fresh;
  try {
    await ex.transaction().execute(async (tx) => {
      await sql`set local lock_timeout = ${sql.lit(WRITE_BACK_LOCK_TIMEOUT)}`.execute(tx);
      await sql`insert into order_v1_json (order_id, account_id, version, body)
        select * from unnest(${orders.map((o) => o.id)}::int[], ${orders.map((o) => o.accountId)}::int[], ${orders.map((o) => seen.get(o.id) ?? 0)}::int[], ${orders.map((o) => fresh.get(o.id)!.toString())}::text[]) order by 1
        on conflict (order_id) do update set body = excluded.body
        where order_v1_json.version = excluded.version and order_v1_json.body is null`.execute(tx);
    });
  } catch (error) {
    // A writer held one of these orders past the timeout, or deleted one (foreign key): the texts
    // are those of one consistent read, only not kept; the next read renders them again.
    if (!WRITE_BACK_LOST.has((error as { code?: string }).code ?? '')) throw error;
  }
  return fresh;
}
