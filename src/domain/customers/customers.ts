// Customers are not created directly: each order with a customerEmail creates or refreshes the
// customer with that email (case-insensitive), from the order's ship-to address.
import { sql, type Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { CustomersTable } from '../../db/schema.ts';
import { notFound } from '../errors.ts';
import { equalsText } from '../orders/text-match.ts';
import type { OrderAddress } from '../orders/types.ts';

export interface MarketplaceUsername {
  id: number;
  customerId: number;
  marketplaceId: number;
  marketplace: string;
  username: string;
  createdAt: string;
  modifiedAt: string;
}

export interface Customer {
  id: number;
  name: string | null;
  company: string | null;
  street1: string | null;
  street2: string | null;
  city: string | null;
  state: string | null;
  postalCode: string | null;
  countryCode: string | null;
  phone: string | null;
  email: string;
  addressVerified: string | null;
  marketplaceUsernames: MarketplaceUsername[];
  tags: { id: number; name: string }[];
  createdAt: string;
  modifiedAt: string;
}

export interface CustomerSource {
  email: string;
  username: string | null;
  address: OrderAddress;
  marketplace: { id: number; name: string };
}

type Row = Selectable<CustomersTable>;

const addressColumns = (a: OrderAddress) => ({
  name: a.name,
  company: a.company,
  street1: a.street1,
  street2: a.street2,
  city: a.city,
  state: a.state,
  postal_code: a.postalCode,
  country_code: a.country,
  phone: a.phone,
  address_verified: a.addressVerified,
});

/**
 * Creates or refreshes the customer behind an order in one statement (safe against concurrent
 * imports of the same new customer); modifyDate moves only when the address really changed.
 * Returns the customer's id.
 */
export async function upsertCustomer(ex: Executor, accountId: number, source: CustomerSource, now: string): Promise<number> {
  const emailKey = source.email.trim().toLowerCase();
  const columns = addressColumns(source.address);
  const names = Object.keys(columns) as (keyof typeof columns)[];
  const changed = sql.join(names.map((c) => sql`customers.${sql.ref(c)} is distinct from excluded.${sql.ref(c)}`), sql` or `);
  const row = await ex
    .insertInto('customers')
    .values({ account_id: accountId, email_key: emailKey, email: source.email.trim(), ...columns, created_at: now, modified_at: now })
    .onConflict((oc) =>
      oc.columns(['account_id', 'email_key']).doUpdateSet({
        ...Object.fromEntries(names.map((c) => [c, sql.ref(`excluded.${c}`)])),
        modified_at: sql<string>`case when ${changed} then excluded.modified_at else customers.modified_at end`,
      }),
    )
    .returning('id')
    .executeTakeFirstOrThrow();
  if (source.username) {
    await ex
      .insertInto('customer_usernames')
      .values({
        customer_id: row.id,
        marketplace_id: source.marketplace.id,
        marketplace: source.marketplace.name,
        username: source.username,
        created_at: now,
        modified_at: now,
      })
      .onConflict((oc) => oc.columns(['customer_id', 'marketplace_id', 'username']).doNothing())
      .execute();
  }
  return row.id;
}

/** A customer's tags are the tags on its live orders (ShipStation tags customers through their orders' workflow). */
async function assemble(ex: Executor, rows: Row[]): Promise<Customer[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [usernames, tags] = await Promise.all([
    ex.selectFrom('customer_usernames').selectAll().where('customer_id', 'in', ids).orderBy('id').execute(),
    ex
      .selectFrom('orders as o')
      .innerJoin('order_tags as ot', 'ot.order_id', 'o.id')
      .innerJoin('tags as t', 't.id', 'ot.tag_id')
      .select(['o.customer_id', 't.id', 't.name'])
      .distinct()
      .where('o.customer_id', 'in', ids)
      .where('o.active', '=', 1)
      .orderBy('t.id')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    company: r.company,
    street1: r.street1,
    street2: r.street2,
    city: r.city,
    state: r.state,
    postalCode: r.postal_code,
    countryCode: r.country_code,
    phone: r.phone,
    email: r.email,
    addressVerified: r.address_verified,
    marketplaceUsernames: usernames
      .filter((u) => u.customer_id === r.id)
      .map((u) => ({
        id: u.id,
        customerId: u.customer_id,
        marketplaceId: u.marketplace_id,
        marketplace: u.marketplace,
        username: u.username,
        createdAt: u.created_at,
        modifiedAt: u.modified_at,
      })),
    tags: tags.filter((t) => t.customer_id === r.id).map((t) => ({ id: t.id, name: t.name })),
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
  }));
}

export async function getCustomer(ex: Executor, accountId: number, id: number): Promise<Customer> {
  const row = await ex.selectFrom('customers').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Customer', id);
  return (await assemble(ex, [row]))[0];
}

export interface CustomerFilter {
  stateCode?: string;
  countryCode?: string;
  marketplaceId?: number;
  tagId?: number;
}

export type CustomerSort = 'id' | 'name' | 'modified_at' | 'created_at';

export async function listCustomers(
  ex: Executor,
  accountId: number,
  filter: CustomerFilter,
  sort: { by: CustomerSort; dir: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ customers: Customer[]; total: number }> {
  let query = ex.selectFrom('customers as c').where('c.account_id', '=', accountId);
  if (filter.stateCode) query = query.where(equalsText('c.state', filter.stateCode));
  if (filter.countryCode) query = query.where(equalsText('c.country_code', filter.countryCode));
  if (filter.marketplaceId !== undefined) {
    const marketplaceId = filter.marketplaceId;
    query = query.where((eb) =>
      eb.exists(eb.selectFrom('customer_usernames as u').select('u.id').whereRef('u.customer_id', '=', 'c.id').where('u.marketplace_id', '=', marketplaceId)),
    );
  }
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where((eb) =>
      eb.exists(
        eb
          .selectFrom('orders as o')
          .innerJoin('order_tags as ot', 'ot.order_id', 'o.id')
          .select('o.id')
          .whereRef('o.customer_id', '=', 'c.id')
          .where('o.active', '=', 1)
          .where('ot.tag_id', '=', tagId),
      ),
    );
  }
  const [rows, count] = await Promise.all([
    query.selectAll('c').orderBy(`c.${sort.by}`, sort.dir).orderBy('c.id', sort.dir).offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { customers: await assemble(ex, rows), total: Number(count.n) };
}
