// Shipsurance on ShipEngine /v1 (not on V2): connect and disconnect the account's policy, prepay
// its balance, read the balance. Labels pay their premium from it (src/domain/insurance).
import { addShipsuranceFunds, connectShipsurance, disconnectShipsurance, shipsuranceBalance } from '../../../domain/insurance/shipsurance.ts';
import { actingAccount } from '../../common/context.ts';
import { addFundsBody } from '../../v2/carriers/funds-schemas.ts';
import { money, toCents, type MonetaryValue } from '../../v2/shared/money.ts';
import type { SurfacePlugin } from '../../v2/shared/plugin.ts';

const tags = ['insurance'];

const connectBody = {
  type: 'object',
  required: ['email', 'policy_id'],
  properties: {
    email: { type: 'string', format: 'email', minLength: 1, maxLength: 254 },
    policy_id: { type: 'string', minLength: 1, maxLength: 100 },
  },
} as const;

export const insuranceRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  app.post<{ Body: { email: string; policy_id: string } }>('/connections/insurance/shipsurance', { schema: { tags, body: connectBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => connectShipsurance(tx, accountId, { email: request.body.email, policyId: request.body.policy_id }, clock.nowIso()));
    return {};
  });

  app.delete('/connections/insurance/shipsurance', { schema: { tags } }, async (request) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => disconnectShipsurance(tx, accountId));
    return {};
  });

  app.patch<{ Body: MonetaryValue }>('/insurance/shipsurance/add_funds', { schema: { tags, body: addFundsBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const balance = await db
      .transaction()
      .execute((tx) => addShipsuranceFunds(tx, accountId, { currency: request.body.currency, amountCents: toCents(request.body) }, clock.nowIso()));
    return money(balance);
  });

  app.get('/insurance/shipsurance/balance', { schema: { tags } }, async (request) => money(await shipsuranceBalance(db, actingAccount(request).id)));
};
