// V1 POST /carriers/addfunds: credits the carrier named by carrierCode on the same ledger as
// V2/ShipEngine add_funds and answers with the V1 Carrier object showing the new balance.
import type { FastifyPluginAsync } from 'fastify';
import { addFunds, carrierToFundByCode, FUNDS_CURRENCY } from '../../../domain/carriers/funds.ts';
import { invalidField } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { toV1Carrier } from '../carriers/mapper.ts';

/** V1 docs: "The minimum value that can be added is $10.00. The maximum value is $10,000.00." */
const MINIMUM_CENTS = 1000;

const body = {
  type: 'object',
  required: ['carrierCode', 'amount'],
  properties: { carrierCode: { type: 'string', minLength: 1, maxLength: 50 }, amount: { type: 'number' } },
} as const;

export const v1FundsRoutes: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;

  app.post<{ Body: { carrierCode: string; amount: number } }>('/carriers/addfunds', { schema: { tags: ['v1 carriers'], body } }, async (request) => {
    const accountId = actingAccount(request).id;
    const { carrierCode, amount } = request.body;
    return db.transaction().execute(async (tx) => {
      const carrier = await carrierToFundByCode(tx, accountId, carrierCode);
      if (!carrier) throw invalidField('carrierCode', `No carrier with code '${carrierCode}' is connected to this account.`, carrierCode);
      const balance = await addFunds(tx, carrier, { currency: FUNDS_CURRENCY, amountCents: Math.round(amount * 100), minimumCents: MINIMUM_CENTS }, app.ctx.clock.nowIso());
      return toV1Carrier(carrier, balance);
    });
  });
};
