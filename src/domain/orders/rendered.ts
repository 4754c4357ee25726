// The V1 JSON of orders, kept (migration 0021). A page of orders reads each order's stamp; a body
// whose stamp is still the row's is sent from memory, else read from the row; an order whose JSON
// is missing (never read, or invalidated by a trigger since) is read, rendered and written back,
// but only if nothing changed it meanwhile. The rendering belongs to the API (the caller passes
// it) and must depend on the order alone: no clock, no account settings.
import { sql } from 'kysely';
import { onPostgres, type Executor } from '../../db/index.ts';
import { readOrders, type KeptStamp } from './list.ts';
import type { Order } from './types.ts';

/** Renders orders as JSON texts, one per order, in the same order. */
export type OrderRenderer = (orders: Order[]) => string[];

/** How long a PostgreSQL write-back waits for a writer of the same orders before it gives up. */
const WRITE_BACK_LOCK_TIMEOUT = '100ms';
/** lock_not_available (the timeout), deadlock_detected, foreign_key_violation (the order was deleted). */
const WRITE_BACK_LOST = new Set(['55P03', '40P01', '23503']);
/** Bodies held in memory per database, least recently used out first (~12,000 orders of 2.7 KB). */
const IN_MEMORY_BYTES = 32 * 1024 * 1024;

const COMMA = Buffer.from(',');

interface Held {
  stamp: number;
  body: Buffer;
}

/**
 * Copies of kept bodies, by order id. Reading 270 KB of rows costs more than the rest of a page
 * (PostgreSQL ~1 ms of client CPU, SQLite ~0.2 ms): a copy is used while its stamp is the row's,
 * and stamps are never reused (0021), so a copy is never used for other content.
 */
class HeldBodies {
  private readonly held = new Map<number, Held>();
  private bytes = 0;

  get(orderId: number, stamp: number): Buffer | undefined {
    const copy = this.held.get(orderId);
    if (copy?.stamp !== stamp) return undefined;
    // Most recently used last.
    this.held.delete(orderId);
    this.held.set(orderId, copy);
    return copy.body;
  }

  set(orderId: number, stamp: number, body: Buffer): void {
    const old = this.held.get(orderId);
    if (old) {
      this.bytes -= old.body.length;
      this.held.delete(orderId);
    }
    if (body.length > IN_MEMORY_BYTES / 16) return;
    this.held.set(orderId, { stamp, body });
    this.bytes += body.length;
    for (const [id, copy] of this.held) {
      if (this.bytes <= IN_MEMORY_BYTES) break;
      this.held.delete(id);
      this.bytes -= copy.body.length;
    }
  }
}

/** One set of copies per database handle (tests open several databases in one process). */
const heldByDatabase = new WeakMap<object, HeldBodies>();

/**
 * The JSON of the orders with these ids as UTF-8 bytes, in the order of `ids` with a comma between
 * two (the inside of a JSON array, in pieces to concatenate once); ids without an order row are
 * left out. `kept`: the ids' kept stamps as listOrderIds read them, no later than anything else of
 * the orders.
 */
export async function renderedOrderList(ex: Executor, ids: readonly number[], render: OrderRenderer, kept: Map<number, KeptStamp>): Promise<Buffer[]> {
  if (ids.length === 0) return [];
  // Inside a transaction the copies are not used: what it reads may never be committed.
  let held = ex.isTransaction ? new HeldBodies() : heldByDatabase.get(ex);
  if (!held) heldByDatabase.set(ex, (held = new HeldBodies()));
  const postgres = onPostgres(ex);
  const bodies = new Map<number, Buffer>();
  /** Stamps of tombstones (PostgreSQL), read before the orders are: the write-back compares them. */
  const dead = new Map<number, number>();
  const unread: number[] = [];
  for (const [orderId, { stamp, dead: invalidated }] of kept) {
    if (invalidated) dead.set(orderId, stamp);
    else {
      const body = held.get(orderId, stamp);
      if (body) bodies.set(orderId, body);
      else unread.push(orderId);
    }
  }
  if (unread.length > 0) {
    const rows = await ex.selectFrom('order_v1_json').select(['order_id', 'stamp', 'body']).where('order_id', 'in', unread).execute();
    for (const row of rows) {
      if (row.body === null) {
        dead.set(row.order_id, Number(row.stamp));
        continue;
      }
      const body = typeof row.body === 'string' ? Buffer.from(row.body) : row.body;
      held.set(row.order_id, Number(row.stamp), body);
      bodies.set(row.order_id, body);
    }
  }
  if (bodies.size < ids.length) {
    const missing = ids.filter((id) => !bodies.has(id));
    const fresh = postgres ? await renderPostgres(ex, missing, dead, render, held) : await renderSqlite(ex, missing, render, held);
    for (const [id, body] of fresh) bodies.set(id, body);
  }
  const parts: Buffer[] = [];
  for (const id of ids) {
    const body = bodies.get(id);
    if (body === undefined) continue;
    if (parts.length > 0) parts.push(COMMA);
    parts.push(body);
  }
  return parts;
}

/**
 * SQLite: read, render and write back in one transaction. The one connection runs one transaction
 * at a time, so no write lands between the read and the write-back; a write after it deletes the
 * row again (0021's triggers).
 */
async function renderSqlite(ex: Executor, ids: number[], render: OrderRenderer, held: HeldBodies): Promise<Map<number, Buffer>> {
  let fresh = new Map<number, Buffer>();
  let kept: { order_id: number; stamp: number }[] = [];
  const work = async (tx: Executor) => {
    const orders = await readOrders(tx, ids);
    const texts = render(orders);
    fresh = new Map(orders.map((o, i) => [o.id, Buffer.from(texts[i])]));
    if (orders.length === 0) return;
    // A new row (and stamp) even where another reader kept one meanwhile.
    kept = await tx
      .insertInto('order_v1_json')
      .orReplace()
      .values(orders.map((o) => ({ order_id: o.id, account_id: o.accountId, body: fresh.get(o.id)! })))
      .returning(['order_id', 'stamp'])
      .execute();
  };
  try {
    if (ex.isTransaction) await work(ex);
    else {
      await ex.transaction().execute(work);
      // Held only once committed: a rolled-back AUTOINCREMENT hands the same stamp out again.
      for (const row of kept) held.set(row.order_id, Number(row.stamp), fresh.get(row.order_id)!);
    }
  } catch (error) {
    // Another process wrote the database between the read and the write-back (SQLITE_BUSY_SNAPSHOT):
    // the texts are still those of one consistent read, only not kept.
    if (fresh.size === 0 || !String((error as { code?: string }).code).startsWith('SQLITE_BUSY')) throw error;
  }
  return fresh;
}

/**
 * PostgreSQL: writers run concurrently, so the write-back is a compare-and-set on the stamp seen
 * before the orders were read: a tombstone is filled only if it still carries that stamp, and
 * where there was no row one is inserted unless a writer made one meanwhile. A writer in flight
 * holds the row (or its key): the write-back waits for it, briefly, then finds another stamp.
 */
async function renderPostgres(ex: Executor, ids: number[], dead: Map<number, number>, render: OrderRenderer, held: HeldBodies): Promise<Map<number, Buffer>> {
  const orders = await readOrders(ex, ids);
  const texts = render(orders);
  const fresh = new Map(orders.map((o, i) => [o.id, Buffer.from(texts[i])]));
  // Inside a caller's transaction the lock timeout would outlive the write-back: only render there.
  if (orders.length === 0 || ex.isTransaction) return fresh;
  try {
    const kept = await ex.transaction().execute(async (tx) => {
      await sql`set local lock_timeout = ${sql.lit(WRITE_BACK_LOCK_TIMEOUT)}`.execute(tx);
      return sql<{ order_id: number; stamp: number }>`with rendered (order_id, account_id, seen, body) as (
          select * from unnest(${orders.map((o) => o.id)}::int[], ${orders.map((o) => o.accountId)}::int[], ${orders.map((o) => dead.get(o.id) ?? null)}::bigint[], ${texts}::text[])),
        filled as (
          update order_v1_json j set body = r.body, stamp = nextval('order_v1_json_stamp') from rendered r
          where j.order_id = r.order_id and r.seen is not null and j.stamp = r.seen and j.body is null
          returning j.order_id, j.stamp),
        added as (
          insert into order_v1_json (order_id, account_id, body) select order_id, account_id, body from rendered where seen is null order by order_id
          on conflict (order_id) do nothing
          returning order_id, stamp)
        select order_id, stamp from filled union all select order_id, stamp from added`.execute(tx);
    });
    for (const row of kept.rows) held.set(row.order_id, Number(row.stamp), fresh.get(row.order_id)!);
  } catch (error) {
    // A writer held one of these orders past the timeout, or deleted one (foreign key): the texts
    // are those of one consistent read, only not kept; the next read renders them again.
    if (!WRITE_BACK_LOST.has((error as { code?: string }).code ?? '')) throw error;
  }
  return fresh;
}
