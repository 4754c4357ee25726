// /v2/inventory, /v2/inventory_warehouses, /v2/inventory_locations (Inventory API add-on).
import * as places from '../../../domain/inventory/places.ts';
import * as stock from '../../../domain/inventory/stock.ts';
import { actingAccount } from '../../common/context.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { envelope, windowOf, type ListPaging } from './list.ts';
import {
  fromV2InventoryWarehouse,
  fromV2Stock,
  toV2InventoryLocation,
  toV2InventoryWarehouse,
  toV2Level,
  type V2StockBody,
  type V2WarehouseBody,
} from './mapper.ts';
import { idParams, levelsQuery, listQuery, locationBody, locationUpdateBody, removeQuery, stockBody, warehouseBody, warehouseUpdateBody } from './schemas.ts';

type WarehouseParams = { inventory_warehouse_id: string };
type LocationParams = { inventory_location_id: string };
type Remove = { remove_inventory?: '0' | '1' };
const tags = ['inventory'];

export const inventoryRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const publicUrl = app.ctx.config.publicUrl;
  const write = <T>(fn: (tx: typeof db) => Promise<T>) => db.transaction().execute(fn);

  app.get<{ Querystring: ListPaging & { sku?: string; inventory_warehouse_id?: string; inventory_location_id?: string; group_by?: 'warehouse' | 'location' } }>(
    '/inventory',
    { schema: { tags, querystring: levelsQuery } },
    async (request) => {
      const q = request.query;
      const w = windowOf(q);
      const { items, total } = await stock.listLevels(
        db,
        actingAccount(request).id,
        {
          sku: q.sku,
          inventoryWarehouseId: q.inventory_warehouse_id ? rowIdOf(q.inventory_warehouse_id, 'inventory warehouse') : undefined,
          inventoryLocationId: q.inventory_location_id ? rowIdOf(q.inventory_location_id, 'inventory location') : undefined,
          groupBy: q.group_by ?? 'location',
        },
        w,
      );
      return envelope(request, publicUrl, 'inventory', items.map(toV2Level), total, w);
    },
  );

  app.post<{ Body: V2StockBody }>('/inventory', { schema: { tags, body: stockBody } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const input = fromV2Stock(request.body);
    await write((tx) => stock.applyStockTransaction(tx, accountId, input, now()));
    return reply.code(204).send();
  });

  app.get<{ Querystring: ListPaging }>('/inventory_warehouses', { schema: { tags, querystring: listQuery } }, async (request) => {
    const w = windowOf(request.query);
    const { items, total } = await places.listInventoryWarehouses(db, actingAccount(request).id, w);
    return envelope(request, publicUrl, 'inventory_warehouses', items.map(toV2InventoryWarehouse), total, w);
  });

  app.post<{ Body: V2WarehouseBody }>('/inventory_warehouses', { schema: { tags, body: warehouseBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const input = fromV2InventoryWarehouse(request.body);
    return toV2InventoryWarehouse(await write((tx) => places.createInventoryWarehouse(tx, accountId, input, now())));
  });

  const warehouseId = (p: WarehouseParams) => rowIdOf(p.inventory_warehouse_id, 'inventory warehouse');
  const locationId = (p: LocationParams) => rowIdOf(p.inventory_location_id, 'inventory location');

  app.get<{ Params: WarehouseParams }>('/inventory_warehouses/:inventory_warehouse_id', { schema: { tags, params: idParams('inventory_warehouse_id') } }, async (request) =>
    toV2InventoryWarehouse(await places.getInventoryWarehouse(db, actingAccount(request).id, warehouseId(request.params))),
  );

  app.put<{ Params: WarehouseParams; Body: V2WarehouseBody }>(
    '/inventory_warehouses/:inventory_warehouse_id',
    { schema: { tags, params: idParams('inventory_warehouse_id'), body: warehouseUpdateBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = warehouseId(request.params);
      const input = fromV2InventoryWarehouse(request.body);
      await write((tx) => places.updateInventoryWarehouse(tx, accountId, id, input, now()));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: WarehouseParams; Querystring: Remove }>(
    '/inventory_warehouses/:inventory_warehouse_id',
    { schema: { tags, params: idParams('inventory_warehouse_id'), querystring: removeQuery } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = warehouseId(request.params);
      await write((tx) => stock.deleteInventoryWarehouse(tx, accountId, id, request.query.remove_inventory === '1', now()));
      return reply.code(204).send();
    },
  );

  app.get<{ Querystring: ListPaging & { inventory_warehouse_id?: string } }>('/inventory_locations', { schema: { tags, querystring: listQuery } }, async (request) => {
    const w = windowOf(request.query);
    const filter = request.query.inventory_warehouse_id ? { inventoryWarehouseId: rowIdOf(request.query.inventory_warehouse_id, 'inventory warehouse') } : {};
    const { items, total } = await places.listInventoryLocations(db, actingAccount(request).id, filter, w);
    return envelope(request, publicUrl, 'inventory_locations', items.map(toV2InventoryLocation), total, w);
  });

  app.post<{ Body: { name: string; inventory_warehouse_id: string } }>('/inventory_locations', { schema: { tags, body: locationBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const input = { name: request.body.name, inventoryWarehouseId: rowIdOf(request.body.inventory_warehouse_id, 'inventory warehouse') };
    return toV2InventoryLocation(await write((tx) => places.createInventoryLocation(tx, accountId, input, now())));
  });

  app.get<{ Params: LocationParams }>('/inventory_locations/:inventory_location_id', { schema: { tags, params: idParams('inventory_location_id') } }, async (request) =>
    toV2InventoryLocation(await places.getInventoryLocation(db, actingAccount(request).id, locationId(request.params))),
  );

  app.put<{ Params: LocationParams; Body: { name?: string } }>(
    '/inventory_locations/:inventory_location_id',
    { schema: { tags, params: idParams('inventory_location_id'), body: locationUpdateBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = locationId(request.params);
      await write((tx) => places.renameInventoryLocation(tx, accountId, id, request.body.name, now()));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: LocationParams; Querystring: Remove }>(
    '/inventory_locations/:inventory_location_id',
    { schema: { tags, params: idParams('inventory_location_id'), querystring: removeQuery } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = locationId(request.params);
      await write((tx) => stock.deleteInventoryLocation(tx, accountId, id, request.query.remove_inventory === '1', now()));
      return reply.code(204).send();
    },
  );
};
