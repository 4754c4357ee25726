import { DomainError } from '../../../domain/errors.ts';
import { findRate, latestRateResponse, rateShipment, type RateOptions } from '../../../domain/rates/shop.ts';
import { createShipment } from '../../../domain/shipments/create.ts';
import { withWarehouseAddresses } from '../../../domain/shipments/resolve.ts';
import { getShipment } from '../../../domain/shipments/store.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { fromV2Shipment, toV2Shipment, type V2ShipmentInput } from '../shipments/mapper.ts';
import { shipmentSchema } from '../shipments/schemas.ts';
import { bulkRateRoutes } from './bulk.ts';
import { estimateRoutes } from './estimate.ts';
import { toV2Rate, toV2RateResponse } from './mapper.ts';
import { rateOptionsSchema, toRateOptions, type V2RateOptions } from './options.ts';
import type { Executor } from '../../../db/index.ts';
import type { Shipment } from '../../../domain/shipments/types.ts';

interface RateBody {
  shipment_id?: string;
  shipment?: V2ShipmentInput & { external_shipment_id?: string | null; shipment_number?: string | null };
  rate_options?: V2RateOptions;
}

const errorSourceOf = (surface: string) => (surface === 'shipengine' ? 'shipengine' : 'ShipStation');

/** A rate request names a stored shipment or carries one; an inline shipment is stored first, as ShipStation does. */
export async function shipmentToRate(ex: Executor, accountId: number, body: Pick<RateBody, 'shipment_id' | 'shipment'>, now: string): Promise<Shipment> {
  if (body.shipment_id && body.shipment) {
    throw new DomainError('validation', 'send either shipment_id or shipment, not both', 'field_conflict', [
      { field: 'shipment_id', message: 'send either shipment_id or shipment, not both', code: 'field_conflict', value: body.shipment_id },
    ]);
  }
  // A shipment synced from a V1 order ships from its warehouse: rated and shown with that address.
  if (body.shipment_id) return (await withWarehouseAddresses(ex, accountId, [await getShipment(ex, accountId, parseSeId(body.shipment_id)!)]))[0];
  if (!body.shipment) {
    throw new DomainError('validation', 'shipment_id or shipment is required', 'field_value_required', [
      { field: 'shipment', message: 'shipment_id or shipment is required', code: 'field_value_required' },
    ]);
  }
  const { shipment } = body;
  return createShipment(ex, accountId, fromV2Shipment(shipment), { externalShipmentId: shipment.external_shipment_id, shipmentNumber: shipment.shipment_number, tags: shipment.tags?.map((t) => t.name) }, now);
}

export const rateRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const errorSource = errorSourceOf(surface);

  app.post<{ Body: RateBody }>(
    '/rates',
    {
      schema: {
        tags: ['rates'],
        body: {
          type: 'object',
          properties: { shipment_id: { type: 'string', pattern: '^se-[0-9]{1,15}$' }, shipment: shipmentSchema, rate_options: rateOptionsSchema },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const now = app.ctx.clock.nowIso();
      return db.transaction().execute(async (tx) => {
        const shipment = await shipmentToRate(tx, accountId, request.body, now);
        const options: RateOptions = toRateOptions(request.body.rate_options);
        const response = await rateShipment(tx, accountId, shipment, options, now, shipment.id);
        return { ...toV2Shipment(shipment), rate_response: toV2RateResponse(response, errorSource) };
      });
    },
  );

  app.get<{ Params: { rate_id: string } }>('/rates/:rate_id', { schema: { tags: ['rates'], params: seIdParam('rate_id') } }, async (request) => {
    const rate = await findRate(db, actingAccount(request).id, parseSeId(request.params.rate_id)!);
    if (!rate) throw new DomainError('not_found', `rate ${request.params.rate_id} was not found`);
    return toV2Rate(rate);
  });

  app.get<{ Params: { shipment_id: string } }>(
    '/shipments/:shipment_id/rates',
    { schema: { tags: ['rates'], params: seIdParam('shipment_id') } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const shipment = await getShipment(db, accountId, parseSeId(request.params.shipment_id)!);
      const response = await latestRateResponse(db, accountId, shipment.id);
      if (!response) throw new DomainError('not_found', `shipment ${request.params.shipment_id} has not been rated yet`);
      return toV2RateResponse(response, errorSource);
    },
  );

  await app.register(estimateRoutes, { surface });
  await app.register(bulkRateRoutes, { surface });
};
