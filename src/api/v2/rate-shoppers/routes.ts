// Rate shoppers (V2 and ShipEngine /v1; in neither OpenAPI file, shapes from the docs reference):
// the three default strategies, each shopping every service of the account's carriers. Shipdock
// has no custom (UUID) shoppers: `type=custom` lists none and a UUID is not found.
import { listCarriers } from '../../../domain/carriers/connections.ts';
import { notFound } from '../../../domain/errors.ts';
import { isRateShopper, rateShopperDefinitions, type RateShopperDefinition } from '../../../domain/labels/rate-shopper.ts';
import type { Executor } from '../../../db/index.ts';
import { actingAccount } from '../../common/context.ts';
import { servicesOf } from '../carriers/mapper.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

const tags = ['rate_shoppers'];

const toJson = (d: RateShopperDefinition) => ({
  rate_shopper_id: d.id,
  name: d.name,
  services: d.services.map((s) => ({ service_code: s.serviceCode, carrier_id: `se-${s.carrierId}` })),
  transit_time: { max_days: d.maxDays },
});

async function definitions(ex: Executor, accountId: number) {
  const carriers = await listCarriers(ex, accountId);
  return rateShopperDefinitions(carriers.map((c) => ({ id: c.id, services: servicesOf(c).map((s) => s.serviceCode) })));
}

const listQuery = {
  type: 'object',
  properties: {
    type: { type: 'string', enum: ['custom', 'default'] },
    sort_by: { type: 'string', enum: ['name', 'created_at'] },
    sort_dir: { type: 'string', enum: ['asc', 'desc'] },
  },
} as const;

export const rateShopperRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;

  app.get<{ Querystring: { type?: 'custom' | 'default' } }>('/rate_shoppers', { schema: { tags, querystring: listQuery } }, async (request) => {
    if (request.query.type === 'custom') return { rate_shoppers: [] };
    return { rate_shoppers: (await definitions(db, actingAccount(request).id)).map(toJson) };
  });

  app.get<{ Params: { rate_shopper_id: string } }>(
    '/rate_shoppers/:rate_shopper_id',
    { schema: { tags, params: { type: 'object', required: ['rate_shopper_id'], properties: { rate_shopper_id: { type: 'string', minLength: 1, maxLength: 64 } } } } },
    async (request) => {
      const id = request.params.rate_shopper_id;
      if (!isRateShopper(id)) throw notFound('rate shopper', id);
      const found = (await definitions(db, actingAccount(request).id)).find((d) => d.id === id)!;
      return toJson(found);
    },
  );
};
