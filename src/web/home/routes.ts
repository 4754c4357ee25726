// The dashboard's first page: where the account stands and where to go next.
import type { FastifyPluginAsync } from 'fastify';
import { sql } from 'kysely';
import { planHasApiAccess } from '../../domain/accounts/plans.ts';
import { render } from '../render.ts';
import { accountId } from '../session.ts';

export const homeRoutes: FastifyPluginAsync = async (app) => {
  const db = app.ctx.database.db;

  app.get('/', async (request, reply) => {
    const id = accountId(request);
    const counts = await db
      .selectFrom('orders')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .where('account_id', '=', id)
      // A literal, so both engines answer from the partial index over live orders (active = 1).
      .where(sql<boolean>`active = 1`)
      .groupBy('status')
      .execute();
    const labels = await db
      .selectFrom('labels')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('account_id', '=', id)
      .executeTakeFirstOrThrow();
    const byStatus = Object.fromEntries(counts.map((c) => [c.status, Number(c.n)]));
    const login = request.web!.login;
    return render(request, reply, 'home', {
      title: 'Overview',
      nav: 'home',
      byStatus,
      labelCount: Number(labels.n),
      apiAccess: planHasApiAccess(login.account.plan),
      // Shown, not enforced: Shipdock keeps a lapsed trial working (see the README).
      trialEnded: login.trialEndsAt !== null && login.trialEndsAt <= app.ctx.clock.nowIso(),
    });
  });
};
