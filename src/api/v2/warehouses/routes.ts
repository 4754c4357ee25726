import * as warehouses from '../../../domain/warehouses/warehouses.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { fromV2Warehouse, toV2Warehouse, type V2WarehouseBody } from './mapper.ts';
import { warehouseBody, warehouseParams, warehouseSettingsBody } from './schemas.ts';

type IdParams = { warehouse_id: string };

export const warehouseRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();

  app.get('/warehouses', { schema: { tags: ['warehouses'] } }, async (request) => {
    const list = await warehouses.listWarehouses(db, actingAccount(request).id);
    return { warehouses: list.map(toV2Warehouse) };
  });

  app.post<{ Body: V2WarehouseBody }>('/warehouses', { schema: { tags: ['warehouses'], body: warehouseBody } }, async (request) => {
    const account = actingAccount(request);
    const created = await db.transaction().execute((tx) => warehouses.createWarehouse(tx, account.id, fromV2Warehouse(request.body), now()));
    return toV2Warehouse(created);
  });

  app.get<{ Params: IdParams }>('/warehouses/:warehouse_id', { schema: { tags: ['warehouses'], params: warehouseParams } }, async (request) => {
    return toV2Warehouse(await warehouses.getWarehouse(db, actingAccount(request).id, parseSeId(request.params.warehouse_id)!));
  });

  app.put<{ Params: IdParams; Body: V2WarehouseBody }>(
    '/warehouses/:warehouse_id',
    { schema: { tags: ['warehouses'], params: warehouseParams, body: warehouseBody } },
    async (request, reply) => {
      const account = actingAccount(request);
      const id = parseSeId(request.params.warehouse_id)!;
      await db.transaction().execute((tx) => warehouses.updateWarehouse(tx, account.id, id, fromV2Warehouse(request.body), now()));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: IdParams }>('/warehouses/:warehouse_id', { schema: { tags: ['warehouses'], params: warehouseParams } }, async (request, reply) => {
    const account = actingAccount(request);
    const id = parseSeId(request.params.warehouse_id)!;
    await db.transaction().execute((tx) => warehouses.deleteWarehouse(tx, account.id, id, now()));
    return reply.code(204).send();
  });

  app.put<{ Params: IdParams; Body: { is_default?: boolean | null } }>(
    '/warehouses/:warehouse_id/settings',
    { schema: { tags: ['warehouses'], params: warehouseParams, body: warehouseSettingsBody } },
    async (request, reply) => {
      const account = actingAccount(request);
      const id = rowIdOf(request.params.warehouse_id, 'warehouse');
      const isDefault = request.body.is_default;
      // A null or absent is_default changes nothing, as the spec makes it optional.
      if (typeof isDefault === 'boolean') {
        await db.transaction().execute((tx) => warehouses.setDefaultWarehouse(tx, account.id, id, isDefault, now()));
      } else {
        await warehouses.getWarehouse(db, account.id, id);
      }
      return reply.code(204).send();
    },
  );
};
