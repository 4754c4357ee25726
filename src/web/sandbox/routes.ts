// Sandbox controls (only when the server runs in sandbox mode): the account's test clock, a reset
// of the account's shipping data behind a confirmation step, the magic ship-to names, and (in
// tools-routes.ts) the request log, webhook triggers and replays, and snapshots.
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { moveAccountClock, readAccountClock } from '../../domain/sandbox/clock.ts';
import { resetAccountData } from '../../domain/sandbox/reset.ts';
import { FAILURE_MAGIC_VALUES } from '../../domain/sandbox/magic.ts';
import { listSnapshots } from '../../domain/sandbox/snapshots.ts';
import { listAccountDeliveries } from '../../domain/sandbox/webhook-trigger.ts';
import { API_WEBHOOK_EVENTS } from '../../domain/webhooks/api-webhooks.ts';
import { WEBHOOK_EVENTS } from '../../domain/webhooks/webhooks.ts';
import { TRACKING_MAGIC_VALUES } from '../../domain/tracking/magic-values.ts';
import { field, formAction, render } from '../render.ts';
import { accountId, BASE } from '../session.ts';
import { sandboxToolRoutes } from './tools-routes.ts';

const STEPS: Record<string, string> = { day: 'P1D', week: 'P7D' };
const RESET_WORD = 'RESET';

export const sandboxRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;
  // Outside sandbox mode the pages do not exist.
  app.addHook('preHandler', async (request: FastifyRequest, reply: FastifyReply) => {
    if (!ctx.config.sandbox && request.url.startsWith(`${BASE}/sandbox`)) return reply.callNotFound();
  });

  app.get('/sandbox', async (request, reply) => {
    const account = accountId(request);
    const [clock, deliveries, snapshots] = await Promise.all([
      readAccountClock(db, account, ctx.clock.baseNow()),
      listAccountDeliveries(db, account, 50),
      listSnapshots(db, account),
    ]);
    return render(request, reply, 'sandbox/index', {
      title: 'Sandbox',
      nav: 'sandbox',
      clock,
      magic: TRACKING_MAGIC_VALUES,
      failures: FAILURE_MAGIC_VALUES,
      apiEvents: API_WEBHOOK_EVENTS,
      v1Events: WEBHOOK_EVENTS,
      deliveries,
      snapshots,
      resetWord: RESET_WORD,
    });
  });

  app.post<{ Body: Record<string, string> }>('/sandbox/clock', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox`, async () => {
      const step = field(request.body, 'step');
      const date = field(request.body, 'date');
      let to: { duration?: string; at?: string };
      if (STEPS[step]) to = { duration: STEPS[step] };
      else if (/^\d{4}-\d{2}-\d{2}$/.test(date)) to = { at: `${date}T12:00:00.000Z` };
      else throw new DomainError('validation', 'Choose +1 day, +1 week, or a date (YYYY-MM-DD).');
      const move = await db.transaction().execute((tx) => moveAccountClock(tx, accountId(request), ctx.clock.baseNow(), to));
      return `The test clock is now ${move.clock.now.slice(0, 16).replace('T', ' ')} UTC; ${move.trackingEvents} tracking events passed.`;
    }),
  );

  await app.register(sandboxToolRoutes);

  app.get('/sandbox/reset', async (request, reply) =>
    render(request, reply, 'sandbox/reset', { title: 'Reset sandbox data', nav: 'sandbox', resetWord: RESET_WORD }),
  );

  app.post<{ Body: Record<string, string> }>('/sandbox/reset', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox/reset`, async () => {
      if (field(request.body, 'confirm') !== RESET_WORD) throw new DomainError('validation', `Type ${RESET_WORD} to confirm the reset.`);
      const summary = await db.transaction().execute((tx) => resetAccountData(tx, accountId(request), ctx.clock.nowIso()));
      return {
        message: `Reset: ${summary.orders} orders, ${summary.shipments} shipments, ${summary.labels} labels and ${summary.webhooks} webhooks deleted.`,
        to: `${BASE}/sandbox`,
      };
    }),
  );
};
