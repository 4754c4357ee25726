// V2-only shipment extras: internal notes, the assigned user, the shipment's labels.
import { listLabels } from '../../../domain/labels/list.ts';
import { labelStatusCode } from '../../../domain/labels/tracking.ts';
import { assignUser, setInternalNotes } from '../../../domain/shipments/annotations.ts';
import { getShipment } from '../../../domain/shipments/store.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId, seId } from '../../common/ids.ts';
import { toV2Label } from '../labels/mapper.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';

const SE_ID = { type: 'string', pattern: '^se-[0-9]{1,15}$' } as const;

export const shipmentNoteRoutes: SurfacePlugin = async (app, { surface }) => {
  if (surface !== 'v2') return;
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;
  const base = `${app.ctx.config.publicUrl}/v2`;

  app.post<{ Params: { shipment_id: string }; Body: { internal_notes: string | null } }>(
    '/shipments/:shipment_id/internal_notes',
    {
      schema: {
        tags: ['shipments'],
        params: seIdParam('shipment_id'),
        body: { type: 'object', required: ['internal_notes'], properties: { internal_notes: { type: ['string', 'null'], maxLength: 10_000 } } },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const note = await db.transaction().execute((tx) =>
        setInternalNotes(tx, accountId, parseSeId(request.params.shipment_id)!, request.body.internal_notes, clock.nowIso()),
      );
      return { shipment_id: seId(note.shipmentId), internal_notes: note.internalNotes, modified_at: note.modifiedAt };
    },
  );

  app.post<{ Body: { shipment_ids: string[]; user_id: string | null } }>(
    '/shipments/user',
    {
      schema: {
        tags: ['shipments'],
        body: {
          type: 'object',
          required: ['shipment_ids', 'user_id'],
          properties: {
            shipment_ids: { type: 'array', minItems: 1, maxItems: 500, uniqueItems: true, items: SE_ID },
            user_id: { type: ['string', 'null'], minLength: 1, maxLength: 100 },
          },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const ids = request.body.shipment_ids.map((id) => parseSeId(id) ?? -1);
      await db.transaction().execute((tx) => assignUser(tx, accountId, ids, request.body.user_id, clock.nowIso()));
      return { shipment_ids: request.body.shipment_ids, user_id: request.body.user_id };
    },
  );

  app.get<{ Params: { shipment_id: string } }>(
    '/shipments/:shipment_id/labels',
    { schema: { tags: ['shipments'], params: seIdParam('shipment_id') } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const shipment = await getShipment(db, accountId, parseSeId(request.params.shipment_id)!);
      const { labels } = await listLabels(db, accountId, { shipmentId: shipment.id, sortBy: 'created_at', sortDir: 'asc', offset: 0, limit: 500 });
      return { labels: labels.map((label) => toV2Label(label, labelStatusCode(label, clock.now()), { base })) };
    },
  );
};
