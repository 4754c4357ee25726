// Inventory (Inventory API add-on): stock by SKU and location, and one SKU's transactions.
// Without the add-on the page says where to turn it on.
import type { FastifyPluginAsync } from 'fastify';
import { hasInventoryAddon } from '../../domain/inventory/addon.ts';
import { listSkuTransactions } from '../../domain/inventory/history.ts';
import { listInventoryLocations, listInventoryWarehouses } from '../../domain/inventory/places.ts';
import { listLevels } from '../../domain/inventory/stock.ts';
import { render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

const LEVELS_PAGE = 100;
const PLACES_MAX = 1000;

export const inventoryRoutes: FastifyPluginAsync = async (app) => {
  const db = app.ctx.database.db;

  app.get<{ Querystring: { sku?: string; page?: string } }>('/inventory', async (request, reply) => {
    const account = accountId(request);
    if (!(await hasInventoryAddon(db, account))) {
      return render(request, reply, 'inventory/disabled', { title: 'Inventory', nav: 'inventory' });
    }
    const sku = (request.query.sku ?? '').trim().slice(0, 100);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const [levels, warehouses, locations, transactions] = await Promise.all([
      listLevels(db, account, { sku: sku || undefined, groupBy: 'location' }, { offset: (page - 1) * LEVELS_PAGE, limit: LEVELS_PAGE }),
      listInventoryWarehouses(db, account, { offset: 0, limit: PLACES_MAX }),
      listInventoryLocations(db, account, {}, { offset: 0, limit: PLACES_MAX }),
      sku ? listSkuTransactions(db, account, sku) : Promise.resolve(null),
    ]);
    const warehouseNames = new Map(warehouses.items.map((w) => [w.id, w.name]));
    const locationNames = new Map(locations.items.map((l) => [l.id, l.name]));
    const pages = Math.max(1, Math.ceil(levels.total / LEVELS_PAGE));
    const q = sku ? `sku=${encodeURIComponent(sku)}&` : '';
    return render(request, reply, 'inventory/index', {
      title: 'Inventory',
      nav: 'inventory',
      sku,
      levels: levels.items.map((l) => ({
        ...l,
        warehouse: warehouseNames.get(l.inventoryWarehouseId) ?? `Warehouse ${l.inventoryWarehouseId}`,
        location: l.inventoryLocationId === null ? '' : (locationNames.get(l.inventoryLocationId) ?? `Location ${l.inventoryLocationId}`),
      })),
      transactions,
      page,
      pages,
      prev: page > 1 ? `${BASE}/inventory?${q}page=${page - 1}` : null,
      next: page < pages ? `${BASE}/inventory?${q}page=${page + 1}` : null,
    });
  });
};
