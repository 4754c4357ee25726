import type { FastifyPluginAsync } from 'fastify';
import * as warehouses from '../../../domain/warehouses/warehouses.ts';
import { formatV1DateTime } from '../../../domain/time/pacific.ts';
import { actingAccount } from '../../common/context.ts';
import { fromV1Address, toV1Address, v1AddressSchema, type V1Address } from '../shared/address.ts';
import { intParam, successBody } from '../shared/params.ts';

interface V1WarehouseBody {
  warehouseName?: string | null;
  originAddress: V1Address;
  returnAddress?: V1Address | null;
  isDefault?: boolean | null;
}

const body = {
  type: 'object',
  required: ['originAddress'],
  properties: {
    warehouseId: { type: ['integer', 'null'] },
    warehouseName: { type: ['string', 'null'], maxLength: 200 },
    originAddress: v1AddressSchema,
    returnAddress: { anyOf: [v1AddressSchema, { type: 'null' }] },
    isDefault: { type: ['boolean', 'null'] },
  },
} as const;

const toV1Warehouse = (w: warehouses.Warehouse) => ({
  warehouseId: w.id,
  warehouseName: w.name,
  originAddress: toV1Address(w.originAddress),
  returnAddress: toV1Address(w.returnAddress),
  createDate: formatV1DateTime(new Date(w.createdAt)),
  isDefault: w.isDefault,
});

const fromV1Warehouse = (b: V1WarehouseBody) => ({
  name: b.warehouseName?.trim() || b.originAddress.name || 'Ship From Location',
  originAddress: fromV1Address(b.originAddress),
  returnAddress: b.returnAddress ? fromV1Address(b.returnAddress) : null,
  isDefault: b.isDefault ?? undefined,
});

export const v1WarehouseRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const params = intParam('warehouseId');

  app.get('/warehouses', { schema: { tags: ['v1 warehouses'] } }, async (request) =>
    (await warehouses.listWarehouses(db, actingAccount(request).id)).map(toV1Warehouse),
  );

  app.get<{ Params: { warehouseId: number } }>('/warehouses/:warehouseId', { schema: { tags: ['v1 warehouses'], params } }, async (request) =>
    toV1Warehouse(await warehouses.getWarehouse(db, actingAccount(request).id, request.params.warehouseId)),
  );

  app.post<{ Body: V1WarehouseBody }>('/warehouses/createwarehouse', { schema: { tags: ['v1 warehouses'], body } }, async (request) => {
    const accountId = actingAccount(request).id;
    return toV1Warehouse(await db.transaction().execute((tx) => warehouses.createWarehouse(tx, accountId, fromV1Warehouse(request.body), now())));
  });

  app.put<{ Params: { warehouseId: number }; Body: V1WarehouseBody }>(
    '/warehouses/:warehouseId',
    { schema: { tags: ['v1 warehouses'], params, body } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const input = fromV1Warehouse(request.body);
      return toV1Warehouse(await db.transaction().execute((tx) => warehouses.updateWarehouse(tx, accountId, request.params.warehouseId, input, now())));
    },
  );

  app.delete<{ Params: { warehouseId: number } }>('/warehouses/:warehouseId', { schema: { tags: ['v1 warehouses'], params } }, async (request) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => warehouses.deleteWarehouse(tx, accountId, request.params.warehouseId, now()));
    return successBody('The requested warehouse has been deleted.');
  });
};
