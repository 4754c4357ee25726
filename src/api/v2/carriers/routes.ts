import * as carriers from '../../../domain/carriers/connections.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { servicesOf, toV2Carrier, toV2Option, toV2PackageType, toV2Service } from './mapper.ts';
import { carrierBalances } from '../../../domain/carriers/balances.ts';

type IdParams = { carrier_id: string };
const params = seIdParam('carrier_id');

export const carrierRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const load = (request: { params: IdParams; account: unknown }) =>
    carriers.getCarrier(db, actingAccount(request as never).id, parseSeId(request.params.carrier_id)!);

  app.get('/carriers', { schema: { tags: ['carriers'] } }, async (request) => {
    const accountId = actingAccount(request).id;
    const list = await carriers.listCarriers(db, accountId);
    const balances = await carrierBalances(db, accountId);
    // The spec's list body is a carriers list merged with an error body (request_id, errors).
    return { carriers: list.map((c) => toV2Carrier(c, balances.get(c.id) ?? null)), request_id: request.id, errors: [] };
  });

  app.get<{ Params: IdParams }>('/carriers/:carrier_id', { schema: { tags: ['carriers'], params } }, async (request) => {
    const carrier = await load(request);
    const balances = await carrierBalances(db, carrier.accountId);
    return toV2Carrier(carrier, balances.get(carrier.id) ?? null);
  });

  app.get<{ Params: IdParams }>('/carriers/:carrier_id/services', { schema: { tags: ['carriers'], params } }, async (request) => {
    const carrier = await load(request);
    return { services: servicesOf(carrier).map(toV2Service(carrier)) };
  });

  app.get<{ Params: IdParams }>('/carriers/:carrier_id/packages', { schema: { tags: ['carriers'], params } }, async (request) => ({
    packages: (await load(request)).connector.catalog.packageTypes.map(toV2PackageType),
  }));

  app.get<{ Params: IdParams }>('/carriers/:carrier_id/options', { schema: { tags: ['carriers'], params } }, async (request) => ({
    options: (await load(request)).connector.catalog.advancedOptions.map(toV2Option),
  }));

  app.delete<{ Params: IdParams }>('/carriers/:carrier_id', { schema: { tags: ['carriers'], params } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => carriers.disconnectCarrier(tx, accountId, parseSeId(request.params.carrier_id)!, app.ctx.clock.nowIso()));
    return reply.code(204).send();
  });
};
