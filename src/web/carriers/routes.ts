// Carriers and funds: connected carriers with their services and balances, deposits,
// auto-funding rules and the ledger of debits and refunds.
import type { FastifyPluginAsync } from 'fastify';
import { setAutoFunding } from '../../domain/carriers/auto-funding-settings.ts';
import { carrierBalances } from '../../domain/carriers/balances.ts';
import { listCarriers } from '../../domain/carriers/connections.ts';
import { addFunds, FUNDS_CURRENCY, getFundedCarrier } from '../../domain/carriers/funds.ts';
import { listLedger } from '../../domain/carriers/statement.ts';
import { registerFundedCarrier, REGISTRABLE_CARRIERS, type RegistrableCarrier } from '../../domain/carriers/registration.ts';
import { DomainError } from '../../domain/errors.ts';
import { autoFundingOf } from '../../domain/labels/auto-funding.ts';
import { field, formAction, idParam, money, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';

/** As on V1 and V2: a deposit is at least $10.00. */
export const MINIMUM_DEPOSIT_CENTS = 1000;
const LEDGER_PAGE = 50;

/** "12.50" or "12" → 1250; anything else is refused with the field's name. */
function cents(value: string, label: string): number {
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(value)) throw new DomainError('validation', `${label} must be an amount in dollars, like 25 or 25.50.`);
  return Math.round(Number(value) * 100);
}

export const carrierRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;

  app.get<{ Querystring: { page?: string } }>('/carriers', async (request, reply) => {
    const account = accountId(request);
    const page = Math.max(1, Math.min(10_000, Number.parseInt(request.query.page ?? '1', 10) || 1));
    const [carriers, balances, ledger] = await Promise.all([
      listCarriers(db, account),
      carrierBalances(db, account),
      listLedger(db, account, { offset: (page - 1) * LEDGER_PAGE, limit: LEDGER_PAGE }),
    ]);
    const pages = Math.max(1, Math.ceil(ledger.total / LEDGER_PAGE));
    return render(request, reply, 'carriers/list', {
      title: 'Carriers & funds',
      nav: 'carriers',
      carriers: carriers.map((c) => ({
        id: c.id,
        code: c.carrierCode,
        name: c.connector.catalog.name,
        nickname: c.nickname,
        accountNumber: c.accountNumber,
        primary: c.primary,
        funded: c.funded,
        balanceCents: balances.get(c.id) ?? 0,
        autoFunding: autoFundingOf(c),
        services: c.connector.catalog.services,
      })),
      ledger: ledger.entries,
      page,
      prev: page > 1 ? `${BASE}/carriers?page=${page - 1}` : null,
      next: page < pages ? `${BASE}/carriers?page=${page + 1}` : null,
      pages,
      minimum: money(MINIMUM_DEPOSIT_CENTS),
      registrable: REGISTRABLE_CARRIERS.filter((code) => !carriers.some((c) => c.funded && c.carrierCode === code)),
    });
  });

  app.post<{ Body: Record<string, string> }>('/carriers/funded', async (request, reply) =>
    formAction(request, reply, `${BASE}/carriers`, async () => {
      const code = field(request.body, 'carrier_code');
      if (!(REGISTRABLE_CARRIERS as readonly string[]).includes(code)) throw new DomainError('validation', 'Choose a carrier that offers ShipStation-funded accounts.');
      const nickname = field(request.body, 'nickname').slice(0, 50) || `ShipStation ${code}`;
      const carrier = await db.transaction().execute((tx) => registerFundedCarrier(tx, accountId(request), code as RegistrableCarrier, nickname, ctx.clock.nowIso()));
      return `${carrier.nickname} is connected with a zero balance: add funds to buy its labels.`;
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/carriers/:id/funds', async (request, reply) =>
    formAction(request, reply, `${BASE}/carriers`, async () => {
      const amountCents = cents(field(request.body, 'amount'), 'The amount');
      const balance = await db.transaction().execute(async (tx) => {
        const carrier = await getFundedCarrier(tx, accountId(request), idParam(request.params.id));
        return addFunds(tx, carrier, { currency: FUNDS_CURRENCY, amountCents, minimumCents: MINIMUM_DEPOSIT_CENTS }, ctx.clock.nowIso());
      });
      return `Added ${money(amountCents)}; the balance is now ${money(balance)}.`;
    }),
  );

  app.post<{ Params: { id: string }; Body: Record<string, string> }>('/carriers/:id/auto-funding', async (request, reply) =>
    formAction(request, reply, `${BASE}/carriers`, async () => {
      const isEnabled = field(request.body, 'enabled') === 'on' || field(request.body, 'enabled') === 'true';
      const perDay = field(request.body, 'per_day');
      if (!/^\d{1,3}$/.test(perDay)) throw new DomainError('validation', 'Purchases per day must be a whole number.');
      const rules = await db.transaction().execute((tx) =>
        setAutoFunding(tx, accountId(request), idParam(request.params.id), {
          isEnabled,
          thresholdCents: cents(field(request.body, 'threshold'), 'The threshold'),
          purchaseCents: cents(field(request.body, 'purchase'), 'The purchase amount'),
          maximumPurchasesPerDay: Number(perDay),
        }),
      );
      return rules.isEnabled
        ? `Auto-funding on: ${money(rules.purchaseCents)} whenever the balance falls below ${money(rules.thresholdCents)}, at most ${rules.maximumPurchasesPerDay} a day.`
        : 'Auto-funding off.';
    }),
  );
};
