// V1 GET /carriers, /carriers/getcarrier, /carriers/listservices and /carriers/listpackages.
import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { carrierBalances } from '../../../domain/carriers/balances.ts';
import { listCarriers, type CarrierConnection } from '../../../domain/carriers/connections.ts';
import { DomainError } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { servicesOf } from '../../v2/carriers/mapper.ts';
import { connectionForCode, toV1CatalogEntry, toV1Carrier } from './mapper.ts';

type CodeQuery = { carrierCode: string };

const tags = ['v1 carriers'];
const codeQuery = { type: 'object', required: ['carrierCode'], properties: { carrierCode: { type: 'string', minLength: 1, maxLength: 50 } } } as const;

export const v1CarrierRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  async function carrierNamed(request: FastifyRequest<{ Querystring: CodeQuery }>): Promise<CarrierConnection> {
    const { carrierCode } = request.query;
    const carrier = connectionForCode(await listCarriers(db, actingAccount(request).id), carrierCode);
    if (!carrier) throw new DomainError('not_found', `No carrier with code '${carrierCode}' is connected to this account.`);
    return carrier;
  }

  app.get('/carriers', { schema: { tags } }, async (request) => {
    const accountId = actingAccount(request).id;
    const balances = await carrierBalances(db, accountId);
    return (await listCarriers(db, accountId)).map((c) => toV1Carrier(c, balances.get(c.id) ?? 0));
  });

  app.get<{ Querystring: CodeQuery }>('/carriers/getcarrier', { schema: { tags, querystring: codeQuery } }, async (request) => {
    const carrier = await carrierNamed(request);
    const balances = await carrierBalances(db, carrier.accountId);
    return toV1Carrier(carrier, balances.get(carrier.id) ?? 0);
  });

  app.get<{ Querystring: CodeQuery }>('/carriers/listservices', { schema: { tags, querystring: codeQuery } }, async (request) => {
    const carrier = await carrierNamed(request);
    return servicesOf(carrier).map(toV1CatalogEntry(carrier));
  });

  app.get<{ Querystring: CodeQuery }>('/carriers/listpackages', { schema: { tags, querystring: codeQuery } }, async (request) => {
    const carrier = await carrierNamed(request);
    return carrier.connector.catalog.packageTypes.map(toV1CatalogEntry(carrier));
  });
};
