// GET /v2/products: the same catalog V1 /products shows, with stock for Inventory add-on accounts.
import { listProducts } from '../../../domain/products/products.ts';
import { stockBySku } from '../../../domain/inventory/stock.ts';
import { actingAccount } from '../../common/context.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { envelope, windowOf } from '../inventory/list.ts';
import { toV2Product } from './mapper.ts';

const productsQuery = {
  type: 'object',
  properties: {
    sku: { type: 'string', maxLength: 200 },
    name: { type: 'string', maxLength: 200 },
    active: { type: 'boolean' },
    page: { type: 'integer', minimum: 1, maximum: 10_000_000, default: 1 },
    page_size: { type: 'integer', minimum: 1, maximum: 100, default: 100 },
  },
} as const;

type Query = { sku?: string; name?: string; active?: boolean; page: number; page_size: number };

export const productRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Querystring: Query }>('/products', { schema: { tags: ['products'], querystring: productsQuery } }, async (request) => {
    const account = actingAccount(request);
    const q = request.query;
    const w = windowOf(q, 100);
    const { products, total } = await listProducts(db, account.id, { sku: q.sku, name: q.name, active: q.active }, { by: 'id', dir: 'asc' }, w);
    const stock = account.addons.includes('inventory_api')
      ? await stockBySku(db, account.id, products.map((p) => p.sku).filter((s): s is string => Boolean(s)))
      : null;
    const items = products.map((p) => toV2Product(p, stock === null ? null : (stock.get(p.sku ?? '') ?? undefined)));
    return envelope(request, app.ctx.config.publicUrl, 'products', items, total, w);
  });
};
