// Shipment tags: list, add, remove (V2 and ShipEngine) and ShipEngine's bulk PUT /shipments/tags.
import { addShipmentTag, removeShipmentTag, replaceShipmentTags, shipmentTagNames } from '../../../domain/shipments/tags.ts';
import { actingAccount } from '../../common/context.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

type TagParams = { shipment_id: string; tag_name: string };

const tags = ['shipments'];
const seIdPattern = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;
const tagName = { type: 'string', minLength: 1, maxLength: 100 } as const;
const shipmentParams = { type: 'object', required: ['shipment_id'], properties: { shipment_id: seIdPattern } } as const;
const tagParams = { type: 'object', required: ['shipment_id', 'tag_name'], properties: { shipment_id: seIdPattern, tag_name: tagName } } as const;

export const shipmentTagRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const idOf = (params: { shipment_id: string }) => rowIdOf(params.shipment_id, 'shipment');

  app.get<{ Params: { shipment_id: string } }>('/shipments/:shipment_id/tags', { schema: { tags, params: shipmentParams } }, async (request) => ({
    tags: await shipmentTagNames(db, actingAccount(request).id, idOf(request.params)),
  }));

  // The two specs answer differently: V2 names the shipment and the tag added, ShipEngine lists the shipment's tags.
  app.post<{ Params: TagParams }>('/shipments/:shipment_id/tags/:tag_name', { schema: { tags, params: tagParams } }, async (request) => {
    const accountId = actingAccount(request).id;
    const shipmentId = idOf(request.params);
    return db.transaction().execute(async (tx) => {
      const tag = await addShipmentTag(tx, accountId, shipmentId, request.params.tag_name, now());
      if (surface === 'v2') return { shipment_id: request.params.shipment_id, tag: { name: tag.name } };
      return { tags: await shipmentTagNames(tx, accountId, shipmentId) };
    });
  });

  app.delete<{ Params: TagParams }>('/shipments/:shipment_id/tags/:tag_name', { schema: { tags, params: tagParams } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const shipmentId = idOf(request.params);
    await db.transaction().execute((tx) => removeShipmentTag(tx, accountId, shipmentId, request.params.tag_name, now()));
    return reply.code(204).send();
  });
};

interface BulkTagsBody {
  shipments_tags: { shipment_id: string; tags: string[] }[];
}

/** ShipEngine only: each listed shipment ends up carrying exactly the tags given for it. */
export const shipmentTagsBulkRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const body = {
    type: 'object',
    required: ['shipments_tags'],
    properties: {
      shipments_tags: {
        type: 'array',
        minItems: 1,
        maxItems: 500,
        items: {
          type: 'object',
          required: ['shipment_id', 'tags'],
          properties: { shipment_id: seIdPattern, tags: { type: 'array', items: tagName, maxItems: 100 } },
        },
      },
    },
  } as const;

  app.put<{ Body: BulkTagsBody }>('/shipments/tags', { schema: { tags, body } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    const entries = request.body.shipments_tags.map((e) => ({ shipmentId: rowIdOf(e.shipment_id, 'shipment'), tags: e.tags }));
    await db.transaction().execute((tx) => replaceShipmentTags(tx, accountId, entries, app.ctx.clock.nowIso()));
    return reply.code(204).send();
  });
};
