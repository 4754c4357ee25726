// V1 POST /carriers/addfunds: credits the carrier named by carrierCode on the same ledger as
// V2/ShipEngine add_funds and answers with the V1 Carrier object showing the new balance.
import type { FastifyPluginAsync } from 'fastify';
import type { CarrierConnection } from '../../../domain/carriers/connections.ts';
import { addFunds, carrierToFundByCode, FUNDS_CURRENCY } from '../../../domain/carriers/funds.ts';
import { publicCarrierCode } from '../../../domain/carriers/walleted.ts';
import { invalidField } from '../../../domain/errors.ts';
import type { Cents } from '../../../domain/shipping-types.ts';
import { actingAccount } from '../../common/context.ts';

/** V1 docs: "The minimum value that can be added is $10.00. The maximum value is $10,000.00." */
const MINIMUM_CENTS = 1000;

const body = {
  type: 'object',
  required: ['carrierCode', 'amount'],
  properties: { carrierCode: { type: 'string', minLength: 1, maxLength: 50 }, amount: { type: 'number' } },
} as const;

/** The V1 Carrier object (GET /carriers shape); the addfunds docs show its first five fields. */
const toV1Carrier = (carrier: CarrierConnection, balanceCents: Cents) => ({
  name: carrier.connector.catalog.friendlyName,
  code: publicCarrierCode(carrier),
  accountNumber: carrier.accountNumber,
  requiresFundedAccount: carrier.funded,
  balance: balanceCents / 100,
  nickname: carrier.nickname,
  shippingProviderId: carrier.id,
  primary: carrier.primary,
});

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
