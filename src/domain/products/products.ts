// The product catalog. Products appear when an order item carries a SKU the catalog does not
// know yet; afterwards the catalog is edited with a full replace (PUT), never from orders again.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import type { ProductsTable } from '../../db/schema.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';
import { containsText, equalsText } from '../orders/text-match.ts';
import type { OrderItemInput, OrderWeight } from '../orders/types.ts';

/** The parts of a product no list filters on; kept as JSON in `products.body`. */
export interface ProductDetails {
  defaultCostCents: number | null;
  length: number | null;
  width: number | null;
  height: number | null;
  weightOz: number | null;
  internalNotes: string | null;
  fulfillmentSku: string | null;
  aliases: unknown;
  warehouseLocation: string | null;
  defaultCarrierCode: string | null;
  defaultServiceCode: string | null;
  defaultPackageCode: string | null;
  defaultIntlCarrierCode: string | null;
  defaultIntlServiceCode: string | null;
  defaultIntlPackageCode: string | null;
  defaultConfirmation: string | null;
  defaultIntlConfirmation: string | null;
  customsDescription: string | null;
  customsValueCents: number | null;
  customsTariffNo: string | null;
  customsCountryCode: string | null;
  noCustoms: boolean | null;
  thumbnailUrl: string | null;
}

export interface Named {
  id: number;
  name: string;
}

export interface Product extends ProductDetails {
  id: number;
  sku: string | null;
  name: string | null;
  priceCents: number | null;
  active: boolean;
  upc: string | null;
  category: Named | null;
  productType: Named | null;
  tags: Named[];
  createdAt: string;
  modifiedAt: string;
}

export interface ProductUpdate extends ProductDetails {
  sku: string | null;
  name: string | null;
  priceCents: number | null;
  /** null keeps the product's current state. */
  active: boolean | null;
  upc: string | null;
  /** By id when given (it must exist), else by name (created on first use). */
  category: { id: number | null; name: string | null } | null;
  /** A product type name, created on first use. */
  productType: string | null;
  tagIds: number[];
}

type Row = Selectable<ProductsTable>;

const OUNCES_PER: Record<OrderWeight['units'], number> = { ounces: 1, pounds: 16, grams: 1 / 28.349523125 };

export const weightInOunces = (w: OrderWeight): number => Math.round(w.value * OUNCES_PER[w.units] * 10000) / 10000;

const emptyDetails = (): ProductDetails => ({
  defaultCostCents: null,
  length: null,
  width: null,
  height: null,
  weightOz: null,
  internalNotes: null,
  fulfillmentSku: null,
  aliases: null,
  warehouseLocation: null,
  defaultCarrierCode: null,
  defaultServiceCode: null,
  defaultPackageCode: null,
  defaultIntlCarrierCode: null,
  defaultIntlServiceCode: null,
  defaultIntlPackageCode: null,
  defaultConfirmation: null,
  defaultIntlConfirmation: null,
  customsDescription: null,
  customsValueCents: null,
  customsTariffNo: null,
  customsCountryCode: null,
  noCustoms: null,
  thumbnailUrl: null,
});

/**
 * The catalog product of each item (null for items without a SKU and for adjustments): the
 * item's own productId when it names one of the account's products, else the product with the
 * item's SKU, created from the item when there is none.
 */
export async function productsForItems(
  ex: Executor,
  accountId: number,
  items: OrderItemInput[],
  now: string,
  /** SKU -> product id, shared by the orders of one import. */
  known: Map<string, number> = new Map(),
): Promise<(number | null)[]> {
  const named = items.map((i) => i.productId).filter((id): id is number => id !== null);
  const existing = new Set(
    named.length === 0 ? [] : (await ex.selectFrom('products').select('id').where('account_id', '=', accountId).where('id', 'in', named).execute()).map((r) => r.id),
  );
  const byId = (i: OrderItemInput) => i.productId !== null && existing.has(i.productId);
  const wanted = items.filter((i) => !byId(i) && i.sku && !i.adjustment && !known.has(i.sku));
  const skus = [...new Set(wanted.map((i) => i.sku!))];
  if (skus.length > 0) {
    const fresh = new Map<string, OrderItemInput>();
    for (const item of wanted) if (!fresh.has(item.sku!)) fresh.set(item.sku!, item);
    // Insert-or-nothing keeps concurrent imports of a new SKU from colliding on PostgreSQL.
    await ex
      .insertInto('products')
      .values(
        [...fresh.values()].map((item) => ({
          account_id: accountId,
          sku: item.sku,
          name: item.name,
          price_cents: item.unitPriceCents,
          active: 1 as const,
          product_category_id: null,
          product_type_id: null,
          upc: item.upc,
          body: JSON.stringify({
            ...emptyDetails(),
            weightOz: item.weight ? weightInOunces(item.weight) : null,
            fulfillmentSku: item.fulfillmentSku,
            warehouseLocation: item.warehouseLocation,
            thumbnailUrl: item.imageUrl,
          } satisfies ProductDetails),
          created_at: now,
          modified_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['account_id', 'sku']).doNothing())
      .execute();
    const rows = await ex.selectFrom('products').select(['id', 'sku']).where('account_id', '=', accountId).where('sku', 'in', skus).execute();
    for (const row of rows) known.set(row.sku!, row.id);
  }
  return items.map((i) => {
    if (byId(i)) return i.productId;
    return i.sku && !i.adjustment ? (known.get(i.sku) ?? null) : null;
  });
}

async function assemble(ex: Executor, rows: Row[]): Promise<Product[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const categoryIds = rows.map((r) => r.product_category_id).filter((id): id is number => id !== null);
  const typeIds = rows.map((r) => r.product_type_id).filter((id): id is number => id !== null);
  const [tags, categories, types] = await Promise.all([
    ex.selectFrom('product_tags as pt').innerJoin('tags as t', 't.id', 'pt.tag_id').select(['pt.product_id', 't.id', 't.name']).where('pt.product_id', 'in', ids).orderBy('t.id').execute(),
    categoryIds.length ? ex.selectFrom('product_categories').select(['id', 'name']).where('id', 'in', categoryIds).execute() : [],
    typeIds.length ? ex.selectFrom('product_types').select(['id', 'name']).where('id', 'in', typeIds).execute() : [],
  ]);
  const named = (list: Named[], id: number | null) => list.find((n) => n.id === id) ?? null;
  return rows.map((r) => ({
    ...emptyDetails(),
    ...(JSON.parse(r.body) as Partial<ProductDetails>),
    id: r.id,
    sku: r.sku,
    name: r.name,
    priceCents: r.price_cents,
    active: r.active === 1,
    upc: r.upc,
    category: named(categories, r.product_category_id),
    productType: named(types, r.product_type_id),
    tags: tags.filter((t) => t.product_id === r.id).map((t) => ({ id: t.id, name: t.name })),
    createdAt: r.created_at,
    modifiedAt: r.modified_at,
  }));
}

export async function getProduct(ex: Executor, accountId: number, id: number): Promise<Product> {
  const row = await ex.selectFrom('products').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!row) throw notFound('Product', id);
  return (await assemble(ex, [row]))[0];
}

async function groupId(ex: Executor, table: 'product_categories' | 'product_types', accountId: number, name: string): Promise<number> {
  await ex.insertInto(table).values({ account_id: accountId, name }).onConflict((oc) => oc.columns(['account_id', 'name']).doNothing()).execute();
  return (await ex.selectFrom(table).select('id').where('account_id', '=', accountId).where('name', '=', name).executeTakeFirstOrThrow()).id;
}

async function categoryOf(ex: Executor, accountId: number, category: ProductUpdate['category']): Promise<number | null> {
  if (!category) return null;
  if (category.id !== null) {
    const row = await ex.selectFrom('product_categories').select('id').where('account_id', '=', accountId).where('id', '=', category.id).executeTakeFirst();
    if (!row) throw invalidField('productCategory.categoryId', `Product category ${category.id} was not found.`);
    return row.id;
  }
  const name = category.name?.trim();
  return name ? groupId(ex, 'product_categories', accountId, name) : null;
}

/** Full replace: every field of the product takes the given value (omitted ones arrive as null). */
export async function updateProduct(ex: Executor, accountId: number, id: number, input: ProductUpdate, now: string): Promise<void> {
  const current = await getProduct(ex, accountId, id);
  if (input.sku) {
    const clash = await ex.selectFrom('products').select('id').where('account_id', '=', accountId).where('sku', '=', input.sku).where('id', '!=', id).executeTakeFirst();
    if (clash) throw new DomainError('conflict', `Another product (${clash.id}) already has SKU ${input.sku}.`, 'identifier_conflict');
  }
  const tagIds = [...new Set(input.tagIds)];
  if (tagIds.length > 0) {
    const found = await ex.selectFrom('tags').select('id').where('account_id', '=', accountId).where('id', 'in', tagIds).execute();
    const missing = tagIds.find((t) => !found.some((f) => f.id === t));
    if (missing !== undefined) throw invalidField('tags', `Tag ${missing} was not found.`);
  }
  const productType = input.productType?.trim();
  const { sku, name, priceCents, active, upc, category, productType: _type, tagIds: _tags, ...details } = input;
  await ex
    .updateTable('products')
    .set({
      sku,
      name,
      price_cents: priceCents,
      active: (active ?? current.active) ? 1 : 0,
      upc,
      product_category_id: await categoryOf(ex, accountId, category),
      product_type_id: productType ? await groupId(ex, 'product_types', accountId, productType) : null,
      body: JSON.stringify(details),
      modified_at: now,
    })
    .where('id', '=', id)
    .execute();
  await ex.deleteFrom('product_tags').where('product_id', '=', id).execute();
  if (tagIds.length > 0) await ex.insertInto('product_tags').values(tagIds.map((tagId) => ({ product_id: id, tag_id: tagId }))).execute();
}

export interface ProductFilter {
  sku?: string;
  name?: string;
  productCategoryId?: number;
  productTypeId?: number;
  tagId?: number;
  createdFrom?: string;
  createdTo?: string;
  showInactive?: boolean;
  /** V2: only active (true) or only inactive (false) products; overrides showInactive. */
  active?: boolean;
  upc?: string;
}

export type ProductSort = 'id' | 'sku' | 'modified_at' | 'created_at';

export async function listProducts(
  ex: Executor,
  accountId: number,
  filter: ProductFilter,
  sort: { by: ProductSort; dir: 'asc' | 'desc' },
  page: { offset: number; limit: number },
): Promise<{ products: Product[]; total: number }> {
  let query = ex.selectFrom('products as p').where('p.account_id', '=', accountId);
  if (filter.active !== undefined) query = query.where('p.active', '=', filter.active ? 1 : 0);
  else if (!filter.showInactive) query = query.where('p.active', '=', 1);
  if (filter.sku) query = query.where(equalsText('p.sku', filter.sku));
  if (filter.name) query = query.where(containsText('p.name', filter.name));
  if (filter.productCategoryId !== undefined) query = query.where('p.product_category_id', '=', filter.productCategoryId);
  if (filter.productTypeId !== undefined) query = query.where('p.product_type_id', '=', filter.productTypeId);
  if (filter.upc) query = query.where('p.upc', '=', filter.upc);
  if (filter.createdFrom) query = query.where('p.created_at', '>=', filter.createdFrom);
  if (filter.createdTo) query = query.where('p.created_at', '<=', filter.createdTo);
  if (filter.tagId !== undefined) {
    const tagId = filter.tagId;
    query = query.where((eb) => eb.exists(eb.selectFrom('product_tags as pt').select('pt.product_id').whereRef('pt.product_id', '=', 'p.id').where('pt.tag_id', '=', tagId)));
  }
  const [rows, count] = await Promise.all([
    query.selectAll('p').orderBy(`p.${sort.by}`, sort.dir).orderBy('p.id', sort.dir).offset(page.offset).limit(page.limit).execute(),
    query.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { products: await assemble(ex, rows), total: Number(count.n) };
}
