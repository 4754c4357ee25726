import type { FastifyPluginAsync } from 'fastify';
import { getProduct, listProducts, updateProduct, type Product, type ProductSort } from '../../../domain/products/products.ts';
import { actingAccount } from '../../common/context.ts';
import { intParam, optionalRowId, rowId, successBody, v1PagingQuery } from '../shared/params.ts';
import {
  FieldProblems,
  booleanIn,
  booleanQuery,
  dateTimeOut,
  enumIn,
  instantIn,
  nullableCentsIn,
  nullableDollarsOut,
  pageBody,
  rowsOf,
  sortDirIn,
  type V1Paging,
} from '../shared/values.ts';

type Maybe<T> = T | null | undefined;

interface V1ProductBody {
  sku?: Maybe<string>;
  name?: Maybe<string>;
  price?: Maybe<number>;
  defaultCost?: Maybe<number>;
  length?: Maybe<number>;
  width?: Maybe<number>;
  height?: Maybe<number>;
  weightOz?: Maybe<number>;
  internalNotes?: Maybe<string>;
  fulfillmentSku?: Maybe<string>;
  active?: Maybe<boolean>;
  aliases?: unknown;
  productCategory?: Maybe<{ categoryId?: Maybe<number>; name?: Maybe<string> }>;
  productType?: Maybe<string>;
  warehouseLocation?: Maybe<string>;
  defaultCarrierCode?: Maybe<string>;
  defaultServiceCode?: Maybe<string>;
  defaultPackageCode?: Maybe<string>;
  defaultIntlCarrierCode?: Maybe<string>;
  defaultIntlServiceCode?: Maybe<string>;
  defaultIntlPackageCode?: Maybe<string>;
  defaultConfirmation?: Maybe<string>;
  defaultIntlConfirmation?: Maybe<string>;
  customsDescription?: Maybe<string>;
  customsValue?: Maybe<number>;
  customsTariffNo?: Maybe<string>;
  customsCountryCode?: Maybe<string>;
  noCustoms?: Maybe<boolean>;
  tags?: Maybe<{ tagId: number; name?: Maybe<string> }[]>;
  upc?: Maybe<string>;
  thumbnailURL?: Maybe<string>;
}

const str = { type: ['string', 'null'] } as const;
const num = { type: ['number', 'null'], minimum: 0 } as const;
const confirmation = { type: ['string', 'null'], enum: ['none', 'delivery', 'signature', 'adult_signature', 'direct_signature', null] } as const;

const productBody = {
  type: 'object',
  properties: {
    productId: optionalRowId,
    sku: { type: ['string', 'null'], maxLength: 200 },
    name: { type: ['string', 'null'], maxLength: 500 },
    price: { type: ['number', 'null'] },
    defaultCost: num,
    length: num,
    width: num,
    height: num,
    weightOz: num,
    internalNotes: str,
    fulfillmentSku: str,
    active: { type: ['boolean', 'null'] },
    productCategory: {
      anyOf: [{ type: 'object', properties: { categoryId: optionalRowId, name: str } }, { type: 'null' }],
    },
    productType: str,
    warehouseLocation: str,
    defaultCarrierCode: str,
    defaultServiceCode: str,
    defaultPackageCode: str,
    defaultIntlCarrierCode: str,
    defaultIntlServiceCode: str,
    defaultIntlPackageCode: str,
    defaultConfirmation: confirmation,
    defaultIntlConfirmation: confirmation,
    customsDescription: str,
    customsValue: num,
    customsTariffNo: str,
    customsCountryCode: { type: ['string', 'null'], pattern: '^[A-Za-z]{2}$' },
    noCustoms: { type: ['boolean', 'null'] },
    tags: { type: ['array', 'null'], items: { type: 'object', required: ['tagId'], properties: { tagId: rowId, name: str } } },
    upc: str,
    thumbnailURL: str,
  },
} as const;

const SORTS: Record<string, ProductSort> = { SKU: 'sku', ModifyDate: 'modified_at', CreateDate: 'created_at' };

const listQuery = {
  type: 'object',
  properties: {
    sku: { type: 'string' },
    name: { type: 'string' },
    productCategoryId: rowId,
    productTypeId: rowId,
    tagId: rowId,
    startDate: { type: 'string' },
    endDate: { type: 'string' },
    showInactive: booleanQuery,
    upc: { type: 'string' },
    sortBy: { type: 'string' },
    ...v1PagingQuery,
  },
} as const;

type ListQuery = V1Paging & {
  sku?: string;
  name?: string;
  productCategoryId?: number;
  productTypeId?: number;
  tagId?: number;
  startDate?: string;
  endDate?: string;
  showInactive?: string;
  upc?: string;
  sortBy?: string;
  sortDir?: string;
};

function productOut(p: Product) {
  return {
    aliases: p.aliases ?? null,
    productId: p.id,
    sku: p.sku,
    name: p.name,
    price: nullableDollarsOut(p.priceCents),
    defaultCost: nullableDollarsOut(p.defaultCostCents),
    length: p.length,
    width: p.width,
    height: p.height,
    weightOz: p.weightOz,
    internalNotes: p.internalNotes,
    fulfillmentSku: p.fulfillmentSku,
    createDate: dateTimeOut(p.createdAt),
    modifyDate: dateTimeOut(p.modifiedAt),
    active: p.active,
    productCategory: p.category ? { categoryId: p.category.id, name: p.category.name } : null,
    productType: p.productType?.name ?? null,
    warehouseLocation: p.warehouseLocation,
    defaultCarrierCode: p.defaultCarrierCode,
    defaultServiceCode: p.defaultServiceCode,
    defaultPackageCode: p.defaultPackageCode,
    defaultIntlCarrierCode: p.defaultIntlCarrierCode,
    defaultIntlServiceCode: p.defaultIntlServiceCode,
    defaultIntlPackageCode: p.defaultIntlPackageCode,
    defaultConfirmation: p.defaultConfirmation,
    defaultIntlConfirmation: p.defaultIntlConfirmation,
    customsDescription: p.customsDescription,
    customsValue: nullableDollarsOut(p.customsValueCents),
    customsTariffNo: p.customsTariffNo,
    customsCountryCode: p.customsCountryCode,
    noCustoms: p.noCustoms,
    tags: p.tags.length > 0 ? p.tags.map((t) => ({ tagId: t.id, name: t.name })) : null,
  };
}

/** List items carry two more fields than a single product. */
const listedProductOut = (p: Product) => ({ ...productOut(p), upc: p.upc, thumbnailURL: p.thumbnailUrl });

const s = (v: Maybe<string>) => v ?? null;
const n = (v: Maybe<number>) => v ?? null;

export const v1ProductRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const tags = ['v1 products'];
  const params = intParam('productId');

  app.get<{ Params: { productId: number } }>('/products/:productId', { schema: { tags, params } }, async (request) =>
    productOut(await getProduct(db, actingAccount(request).id, request.params.productId)),
  );

  // A full replace, as on ShipStation: fields left out of the body are cleared.
  app.put<{ Params: { productId: number }; Body: V1ProductBody }>('/products/:productId', { schema: { tags, params, body: productBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const b = request.body;
    await db.transaction().execute((tx) =>
      updateProduct(
        tx,
        accountId,
        request.params.productId,
        {
          sku: b.sku?.trim() || null,
          name: s(b.name),
          priceCents: nullableCentsIn(b.price),
          // An update that leaves `active` out neither retires nor revives the product.
          active: b.active ?? null,
          upc: s(b.upc),
          category: b.productCategory ? { id: b.productCategory.categoryId || null, name: s(b.productCategory.name) } : null,
          productType: s(b.productType),
          tagIds: (b.tags ?? []).map((t) => t.tagId),
          defaultCostCents: nullableCentsIn(b.defaultCost),
          length: n(b.length),
          width: n(b.width),
          height: n(b.height),
          weightOz: n(b.weightOz),
          internalNotes: s(b.internalNotes),
          fulfillmentSku: s(b.fulfillmentSku),
          aliases: b.aliases ?? null,
          warehouseLocation: s(b.warehouseLocation),
          defaultCarrierCode: s(b.defaultCarrierCode),
          defaultServiceCode: s(b.defaultServiceCode),
          defaultPackageCode: s(b.defaultPackageCode),
          defaultIntlCarrierCode: s(b.defaultIntlCarrierCode),
          defaultIntlServiceCode: s(b.defaultIntlServiceCode),
          defaultIntlPackageCode: s(b.defaultIntlPackageCode),
          defaultConfirmation: s(b.defaultConfirmation),
          defaultIntlConfirmation: s(b.defaultIntlConfirmation),
          customsDescription: s(b.customsDescription),
          customsValueCents: nullableCentsIn(b.customsValue),
          customsTariffNo: s(b.customsTariffNo),
          customsCountryCode: b.customsCountryCode ? b.customsCountryCode.toUpperCase() : null,
          noCustoms: b.noCustoms ?? null,
          thumbnailUrl: s(b.thumbnailURL),
        },
        app.ctx.clock.nowIso(),
      ),
    );
    return successBody('The requested product has been updated');
  });

  app.get<{ Querystring: ListQuery }>('/products', { schema: { tags, querystring: listQuery } }, async (request) => {
    const q = request.query;
    const problems = new FieldProblems();
    const sortBy = enumIn(problems, 'sortBy', q.sortBy, Object.keys(SORTS));
    const createdFrom = instantIn(problems, 'startDate', q.startDate) ?? undefined;
    const createdTo = instantIn(problems, 'endDate', q.endDate) ?? undefined;
    problems.check();
    const { products, total } = await listProducts(
      db,
      actingAccount(request).id,
      {
        sku: q.sku || undefined,
        name: q.name || undefined,
        productCategoryId: q.productCategoryId,
        productTypeId: q.productTypeId,
        tagId: q.tagId,
        createdFrom,
        createdTo,
        showInactive: booleanIn(q.showInactive),
        upc: q.upc || undefined,
      },
      { by: sortBy ? SORTS[sortBy] : 'id', dir: sortDirIn(q.sortDir) },
      rowsOf(q),
    );
    return pageBody('products', products.map(listedProductOut), total, q);
  });
};
