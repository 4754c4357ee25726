// /v2/totes (Inventory API add-on): batch creation with per-tote failures, CRUD and counts per warehouse.
import * as totes from '../../../domain/totes/totes.ts';
import { DomainError } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { idParams } from '../inventory/schemas.ts';

const id = { type: 'string', minLength: 1, maxLength: 40 } as const;
const name = { type: 'string', minLength: 1, maxLength: 100 } as const;
const barcode = { type: ['string', 'null'], maxLength: 100 } as const;
const createBody = {
  type: 'object',
  required: ['totes'],
  properties: {
    totes: {
      type: 'array',
      minItems: 1,
      maxItems: 500,
      items: { type: 'object', required: ['inventory_warehouse_id', 'tote_name'], properties: { inventory_warehouse_id: id, tote_name: name, tote_barcode: barcode } },
    },
    return_succeeded_totes: { type: 'boolean' },
  },
} as const;
const updateBody = { type: 'object', properties: { tote_name: name, tote_barcode: barcode } } as const;
const listQuery = { type: 'object', properties: { inventory_warehouse_id: id } } as const;

type ToteBody = { inventory_warehouse_id: string; tote_name: string; tote_barcode?: string | null };

export const toV2Tote = (t: totes.Tote) => ({
  tote_id: seId(t.id),
  inventory_warehouse_id: seId(t.inventoryWarehouseId),
  tote_name: t.name,
  tote_barcode: t.barcode,
  created_at: t.createdAt,
});

export const toteRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const tags = ['totes'];
  const toteId = (p: { tote_id: string }) => rowIdOf(p.tote_id, 'tote');

  app.get<{ Querystring: { inventory_warehouse_id?: string } }>('/totes', { schema: { tags, querystring: listQuery } }, async (request) => {
    const warehouse = request.query.inventory_warehouse_id;
    const list = await totes.listTotes(db, actingAccount(request).id, warehouse ? rowIdOf(warehouse, 'inventory warehouse') : undefined);
    return list.map(toV2Tote);
  });

  app.get('/totes/quantities', { schema: { tags } }, async (request) =>
    (await totes.toteQuantities(db, actingAccount(request).id)).map((q) => ({ inventory_warehouse_id: seId(q.inventoryWarehouseId), quantity: q.quantity })),
  );

  // Each tote is created on its own: one bad tote fails alone and is reported with its reason.
  app.post<{ Body: { totes: ToteBody[]; return_succeeded_totes?: boolean } }>('/totes', { schema: { tags, body: createBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const succeeded = [];
    const failed = [];
    for (const tote of request.body.totes) {
      try {
        const warehouseId = parseSeId(tote.inventory_warehouse_id);
        if (warehouseId === null) throw new DomainError('not_found', `inventory warehouse ${tote.inventory_warehouse_id} was not found`);
        const input = { inventoryWarehouseId: warehouseId, name: tote.tote_name.trim(), barcode: tote.tote_barcode?.trim() || null };
        succeeded.push(toV2Tote(await db.transaction().execute((tx) => totes.createTote(tx, accountId, input, now()))));
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        failed.push({ inventory_warehouse_id: tote.inventory_warehouse_id, tote_name: tote.tote_name, tote_barcode: tote.tote_barcode ?? null, error_message: error.message });
      }
    }
    return { succeeded_totes: request.body.return_succeeded_totes === false ? [] : succeeded, failed_totes: failed };
  });

  app.get<{ Params: { tote_id: string } }>('/totes/:tote_id', { schema: { tags, params: idParams('tote_id') } }, async (request) =>
    toV2Tote(await totes.getTote(db, actingAccount(request).id, toteId(request.params))),
  );

  app.put<{ Params: { tote_id: string }; Body: { tote_name?: string; tote_barcode?: string | null } }>(
    '/totes/:tote_id',
    { schema: { tags, params: idParams('tote_id'), body: updateBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = toteId(request.params);
      const patch = { name: request.body.tote_name?.trim(), barcode: request.body.tote_barcode === undefined ? undefined : request.body.tote_barcode?.trim() || null };
      await db.transaction().execute((tx) => totes.updateTote(tx, accountId, id, patch, now()));
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { tote_id: string } }>('/totes/:tote_id', { schema: { tags, params: idParams('tote_id') } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const id = toteId(request.params);
    await db.transaction().execute((tx) => totes.deleteTote(tx, accountId, id));
    return reply.code(204).send();
  });
};
