// POST /rates/bulk: rates several shipments, stored ones by id or new ones inline (stored first,
// as POST /rates does). Each shipment gets its own rate response, read back with
// GET /shipments/{id}/rates; the answer lists those responses, as ShipEngine's bulk_rate does.
import type { Shipment } from '../../../domain/shipments/types.ts';
import type { Executor } from '../../../db/index.ts';
import { invalidField } from '../../../domain/errors.ts';
import { rateShipment } from '../../../domain/rates/shop.ts';
import { getShipment } from '../../../domain/shipments/store.ts';
import { actingAccount } from '../../common/context.ts';
import { seId } from '../../common/ids.ts';
import { rowIdOf } from '../shared/path-ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { createShipments, type CreateShipmentItem } from '../shipments/create-many.ts';
import { createShipmentsBody } from '../shipments/schemas.ts';
import { toV2RateResponse } from './mapper.ts';
import { rateOptionsSchema, toRateOptions, type V2RateOptions } from './options.ts';

interface BulkRateBody {
  shipment_ids?: string[];
  shipments?: CreateShipmentItem[];
  rate_options?: V2RateOptions;
}

const body = {
  type: 'object',
  properties: {
    shipment_ids: { type: 'array', minItems: 1, maxItems: 500, items: { type: 'string', pattern: '^se-[0-9]{1,15}$' } },
    shipments: { ...createShipmentsBody.properties.shipments, maxItems: 500 },
    rate_options: rateOptionsSchema,
    // Service points are accepted and unused: the simulated carriers deliver to addresses.
    ship_to_service_point_id: { type: ['string', 'null'] },
    ship_from_service_point_id: { type: ['string', 'null'] },
  },
} as const;

async function shipmentsToRate(ex: Executor, accountId: number, request: BulkRateBody, now: string): Promise<Shipment[]> {
  if (request.shipment_ids && request.shipments) {
    throw invalidField('shipment_ids', 'send either shipment_ids or shipments, not both', undefined, 'field_conflict');
  }
  if (request.shipments) return (await createShipments(ex, accountId, request.shipments, now)).map((c) => c.shipment);
  if (!request.shipment_ids) throw invalidField('shipment_ids', 'shipment_ids or shipments is required', undefined, 'field_value_required');
  const shipments: Shipment[] = [];
  for (const id of request.shipment_ids) shipments.push(await getShipment(ex, accountId, rowIdOf(id, 'shipment')));
  return shipments;
}

export const bulkRateRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const errorSource = surface === 'shipengine' ? 'shipengine' : 'ShipStation';

  app.post<{ Body: BulkRateBody }>('/rates/bulk', { schema: { tags: ['rates'], body } }, async (request) => {
    const accountId = actingAccount(request).id;
    const now = app.ctx.clock.nowIso();
    const options = toRateOptions(request.body.rate_options);
    return db.transaction().execute(async (tx) => {
      const results = [];
      for (const shipment of await shipmentsToRate(tx, accountId, request.body, now)) {
        const { rate_request_id, created_at, status, errors } = toV2RateResponse(await rateShipment(tx, accountId, shipment, options, now, shipment.id), errorSource);
        results.push({ rate_request_id, shipment_id: seId(shipment.id), created_at, status, errors });
      }
      return results;
    });
  });
};
