// Prepaid balances of funded carriers: add funds (both mounts) and, on ShipEngine only, the
// connections twin of add_funds and the auto-funding rules.
//
// The add_funds response is add_funds_to_carrier_response_body, {balance: {currency, amount}}: the
// ShipEngine 2026-04 spec, the V2 API reference and both docs pages agree on it, and the spec
// forbids extra properties. The {balance: {amount: {balance, postage_payment_id}, currency},
// transaction_id} shape quoted in issue #6 appears in none of them.
import type { FastifyRequest } from 'fastify';
import { getAutoFunding, setAutoFunding } from '../../../domain/carriers/auto-funding-settings.ts';
import { getCarrier, type CarrierConnection } from '../../../domain/carriers/connections.ts';
import { addFunds } from '../../../domain/carriers/funds.ts';
import { carrierAnswersTo } from '../../../domain/carriers/walleted.ts';
import { notFound } from '../../../domain/errors.ts';
import type { Executor } from '../../../db/index.ts';
import { actingAccount } from '../../common/context.ts';
import { parseSeId } from '../../common/ids.ts';
import { money, toCents, type MonetaryValue } from '../shared/money.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { seIdParam } from '../shared/query.ts';
import { addFundsBody, autoFundingBody, fromAutoFundingBody, toAutoFundingJson, type AutoFundingBody } from './funds-schemas.ts';

type IdParams = { carrier_id: string };
type NamedParams = IdParams & { carrier_name: string };

const tags = ['carriers'];
const idParams = seIdParam('carrier_id');
const namedParams = {
  type: 'object',
  required: ['carrier_name', 'carrier_id'],
  properties: { carrier_name: { type: 'string', pattern: '^[a-z0-9_]+$' }, carrier_id: idParams.properties.carrier_id },
} as const;

/** V2's docs set a $10.00 minimum per deposit; the ShipEngine spec and docs set none beyond zero. */
const MINIMUM_CENTS = { v2: 1000, shipengine: 1 } as const;

const carrierIdOf = (request: FastifyRequest<{ Params: IdParams }>) => parseSeId(request.params.carrier_id)!;

export const fundsRoutes: SurfacePlugin = async (app, { surface }) => {
  const { db } = app.ctx.database;
  const deposit = (tx: Executor, carrier: CarrierConnection, body: MonetaryValue) =>
    addFunds(tx, carrier, { currency: body.currency, amountCents: toCents(body), minimumCents: MINIMUM_CENTS[surface] }, app.ctx.clock.nowIso());

  app.put<{ Params: IdParams; Body: MonetaryValue }>('/carriers/:carrier_id/add_funds', { schema: { tags, params: idParams, body: addFundsBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const balance = await db.transaction().execute(async (tx) => deposit(tx, await getCarrier(tx, accountId, carrierIdOf(request)), request.body));
    return { balance: money(balance) };
  });

  if (surface !== 'shipengine') return;

  // Not in the ShipEngine spec; kept beside PUT /carriers/{id}/add_funds with the same body and response.
  app.post<{ Params: NamedParams; Body: MonetaryValue }>(
    '/connections/carriers/:carrier_name/:carrier_id/add_funds',
    { schema: { tags, params: namedParams, body: addFundsBody } },
    async (request) => {
      const accountId = actingAccount(request).id;
      const balance = await db.transaction().execute(async (tx) => {
        const carrier = await getCarrier(tx, accountId, carrierIdOf(request));
        if (!carrierAnswersTo(carrier, request.params.carrier_name)) throw notFound(`${request.params.carrier_name} carrier`, request.params.carrier_id);
        return deposit(tx, carrier, request.body);
      });
      return { balance: money(balance) };
    },
  );

  app.get<{ Params: IdParams }>('/carriers/:carrier_id/auto_funding', { schema: { tags, params: idParams } }, async (request) =>
    toAutoFundingJson(await getAutoFunding(db, actingAccount(request).id, carrierIdOf(request))),
  );

  // The shape was never published (only ShipStation's private Elements client calls it); POST and
  // PUT both replace the rules and answer with them.
  app.route<{ Params: IdParams; Body: AutoFundingBody }>({
    method: ['POST', 'PUT'],
    url: '/carriers/:carrier_id/auto_funding',
    schema: { tags, params: idParams, body: autoFundingBody },
    handler: async (request) => {
      const accountId = actingAccount(request).id;
      const patch = fromAutoFundingBody(request.body);
      return toAutoFundingJson(await db.transaction().execute((tx) => setAutoFunding(tx, accountId, carrierIdOf(request), patch)));
    },
  });
};
