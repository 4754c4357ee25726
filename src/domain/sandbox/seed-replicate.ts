// Bench-only scaling of a seed: copies made inside the database, all in one transaction with the
// secondary indexes of orders and order_items built once at the end (src/db/bulk.ts
// withDeferredIndexes). SQLite: three statements per ten copies; PostgreSQL: one statement per copy.
import { sql } from 'kysely';
import { withDeferredIndexes } from '../../db/bulk.ts';
import { onPostgres, type Db, type Executor } from '../../db/index.ts';
import { invalidField } from '../errors.ts';
import { compactOrderCounts } from '../orders/counts.ts';

const ORDER_COPY_COLUMNS = [
  'account_id', 'store_id', 'status', 'active', 'customer_id', 'customer_email', 'customer_username', 'bill_to_name', 'ship_to_name', 'ship_to_country',
  'order_date', 'payment_date', 'ship_by_date', 'ship_date', 'hold_until_at', 'user_id', 'order_total_cents', 'amount_paid_cents', 'tax_amount_cents',
  'shipping_amount_cents', 'body', 'created_at', 'modified_at',
];
/**
 * SQLite's per-row triggers the copies skip (dropped and made again inside the copying
 * transaction): the order counters, added up per key in one statement instead, and the kept V1
 * JSON of an order whose items change, which new orders do not have yet.
 */
const ROW_TRIGGERS = ['order_counts_insert', 'order_v1_json_order_items_insert'];
const ITEM_COPY_COLUMNS = ['account_id', 'position', 'line_item_key', 'sku', 'name', 'quantity', 'unit_price_cents', 'product_id', 'keywords', 'body', 'created_at', 'modified_at'];

/**
 * For benches at a million orders: copies the orders a seed made (and their items) `rounds`
 * times inside the database, in one transaction; copy k's key and number end in `~100k` (a fixed
 * width, so the template's key is found again by cutting it off). Copies have no V2 shipment or
 * label: this fills lists, it does not model shipping.
 */
export async function replicateSeededOrders(db: Db, accountId: number, seed: number, rounds: number): Promise<number> {
  if (!Number.isInteger(rounds) || rounds < 1 || rounds > 8999) throw invalidField('rounds', 'rounds must be a whole number from 1 to 8999', rounds);
  const prefix = `seed-${seed}-`;
  const template = await db
    .selectFrom('orders')
    .select((eb) => [eb.fn.min<number>('id').as('first'), eb.fn.max<number>('id').as('last'), eb.fn.countAll<number>().as('n')])
    .where('account_id', '=', accountId)
    .where('order_key', 'like', `${prefix}%`)
    .where('order_key', 'not like', '%~%')
    .executeTakeFirstOrThrow();
  if (Number(template.n) === 0) throw invalidField('seed', `account ${accountId} has no orders of seed ${seed} to replicate`, seed);
  const replicate = onPostgres(db) ? replicateOnPostgres : replicateOnSqlite;
  await db.transaction().execute((tx) => replicate(tx, accountId, prefix, template.first, template.last, rounds));
  return Number(template.n) * (rounds + 1);
}

/**
 * The template orders (id and key) and their items, in temporary tables the copies read: dropped at
 * commit on PostgreSQL, by the SQLite copy itself when it is done.
 */
async function templateTables(tx: Executor, accountId: number, prefix: string, first: number, last: number): Promise<void> {
  const dropAtCommit = sql.raw(onPostgres(tx) ? ' on commit drop' : '');
  await sql`create temporary table seed_template${dropAtCommit} as
    select id, order_key from orders where account_id = ${accountId} and id between ${first} and ${last} and order_key like ${`${prefix}%`} and order_key not like '%~%'`.execute(tx);
  await sql`create temporary table seed_template_items${dropAtCommit} as select i.* from order_items i join seed_template t on t.id = i.order_id`.execute(tx);
}

/**
 * SQLite: ten copies per statement, all in one transaction with the secondary indexes of orders and
 * order_items built once at the end (withDeferredIndexes), as on PostgreSQL. The template and its
 * items are first copied to temporary tables with indexes of their own: the copies find their
 * template by key there, not through the indexes being rebuilt.
 */
async function replicateOnSqlite(tx: Executor, accountId: number, prefix: string, first: number, last: number, rounds: number): Promise<void> {
  const orderColumns = ORDER_COPY_COLUMNS.join(', ');
  const triggers = (await sql<{ name: string; sql: string }>`select name, sql from sqlite_master where type = 'trigger' and name in (${sql.join(ROW_TRIGGERS)})`.execute(tx)).rows;
  for (const trigger of triggers) await sql.raw(`drop trigger ${trigger.name}`).execute(tx);
  await templateTables(tx, accountId, prefix, first, last);
  await sql`create unique index temp.seed_template_key on seed_template (order_key)`.execute(tx);
  await sql`create index temp.seed_template_items_order on seed_template_items (order_id, position)`.execute(tx);
  await withDeferredIndexes(tx, ['orders', 'order_items'], async () => {
    for (let from = 1; from <= rounds; from += 10) {
      const to = Math.min(rounds, from + 9);
      const before = await tx.selectFrom('orders').select((eb) => eb.fn.max<number>('id').as('id')).executeTakeFirstOrThrow();
      await sql`with recursive r(k) as (select cast(${from} as integer) union all select k + 1 from r where k < ${to})
        insert into orders (order_key, order_number, order_number_search, ${sql.raw(orderColumns)})
        select o.order_key || '~' || (1000 + r.k), o.order_number || '~' || (1000 + r.k), o.order_number_search || '~' || (1000 + r.k), ${sql.raw(ORDER_COPY_COLUMNS.map((c) => `o.${c}`).join(', '))}
        from r cross join seed_template t join orders o on o.id = t.id
        order by r.k, o.id`.execute(tx);
      await sql`insert into order_items (order_id, ${sql.raw(ITEM_COPY_COLUMNS.join(', '))})
        select n.id, ${sql.raw(ITEM_COPY_COLUMNS.map((c) => `i.${c}`).join(', '))}
        from orders n
        join seed_template t on t.order_key = substr(n.order_key, 1, length(n.order_key) - 5)
        join seed_template_items i on i.order_id = t.id
        where n.id > ${Number(before.id ?? 0)}
        order by n.id, i.position`.execute(tx);
      // What order_counts_insert adds per row, summed per key once.
      await sql`insert into order_counts (account_id, store_id, status, n)
        select account_id, store_id, status, count(*) from orders where id > ${Number(before.id ?? 0)} and active = 1 group by account_id, store_id, status
        on conflict (account_id, status, store_id) do update set n = n + excluded.n`.execute(tx);
    }
  });
  await sql`drop table temp.seed_template_items`.execute(tx);
  await sql`drop table temp.seed_template`.execute(tx);
  for (const trigger of triggers) await sql.raw(trigger.sql).execute(tx);
}

/**
 * PostgreSQL: copy k of every template order and, in the same statement, of its items (ids rise
 * in the order SQLite's path gives them: copy by copy, orders by template id, items by order and
 * position). Per copy, not one statement for all: a copy's rows come in id order off the primary
 * key, so nothing is sorted, and the counters' transition table (migration 0020) stays in memory.
 * The counters' deltas are summed into one row per key at the end.
 */
async function replicateOnPostgres(tx: Executor, accountId: number, prefix: string, first: number, last: number, rounds: number): Promise<void> {
  // No JIT: it compiles each copy's plan anew (~0.6 s a statement) for rows a plain plan copies in 0.1 s.
  await sql`select set_config('jit', 'off', true), set_config('work_mem', '64MB', true), set_config('maintenance_work_mem', '256MB', true)`.execute(tx);
  await templateTables(tx, accountId, prefix, first, last);
  await sql`analyze seed_template, seed_template_items`.execute(tx);
  const orderColumns = ORDER_COPY_COLUMNS.join(', ');
  const itemColumns = ITEM_COPY_COLUMNS.join(', ');
  await withDeferredIndexes(tx, ['orders', 'order_items'], async () => {
    for (let k = 1; k <= rounds; k++) {
      const tail = `~${1000 + k}`;
      await sql`with copied as (
          insert into orders (order_key, order_number, order_number_search, ${sql.raw(orderColumns)})
          select o.order_key || ${tail}, o.order_number || ${tail}, o.order_number_search || ${tail}, ${sql.raw(ORDER_COPY_COLUMNS.map((c) => `o.${c}`).join(', '))}
          from orders o
          where o.account_id = ${accountId} and o.id between ${first} and ${last} and o.order_key like ${`${prefix}%`} and o.order_key not like '%~%'
          order by o.id
          returning id, order_key)
        insert into order_items (order_id, ${sql.raw(itemColumns)})
        select n.id, ${sql.raw(ITEM_COPY_COLUMNS.map((c) => `i.${c}`).join(', '))}
        from copied n
        join seed_template t on t.order_key || ${tail} = n.order_key
        join seed_template_items i on i.order_id = t.id
        order by n.id, i.position`.execute(tx);
    }
  });
  await compactOrderCounts(tx, accountId);
}
