// Sandbox controls (a Shipdock extension, not a ShipStation API): the account's test clock and a
// reset of its shipping data. Authenticated with the account's API key (or a partner key with
// On-Behalf-Of); errors in the V2 / ShipEngine format.
import type { FastifyPluginAsync } from 'fastify';
import { moveAccountClock, readAccountClock, type ClockMove } from '../../domain/sandbox/clock.ts';
import { FAILURE_MAGIC_VALUES } from '../../domain/sandbox/magic.ts';
import { resetAccountData } from '../../domain/sandbox/reset.ts';
import { TRACKING_MAGIC_VALUES } from '../../domain/tracking/magic-values.ts';
import { apiKeyAuthentication } from '../common/auth.ts';
import { actingAccount } from '../common/context.ts';
import { sendV2Error, v2ErrorHandler } from '../common/v2-errors.ts';

const tags = ['sandbox'];
const clockResponse = {
  200: {
    type: 'object',
    properties: {
      now: { type: 'string', format: 'date-time', description: "The account's current time." },
      offset_ms: { type: 'integer', description: "How far the account's clock is ahead of the server's." },
      tracking_events: { type: 'integer', description: 'Tracking events the move passed (each raised once as track webhooks).' },
    },
  },
} as const;

const toWire = (move: ClockMove) => ({ now: move.clock.now, offset_ms: move.clock.offsetMs, tracking_events: move.trackingEvents });

export const sandboxPlugin: FastifyPluginAsync = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;
  app.addHook('onRequest', apiKeyAuthentication(app.ctx, 'shipengine'));
  app.setErrorHandler(v2ErrorHandler('shipengine'));
  app.setNotFoundHandler((request, reply) =>
    sendV2Error(reply, 'shipengine', 404, 'validation', 'invalid_identifier', `No resource at ${request.method} ${request.url.split('?')[0]}.`),
  );

  app.get(
    '/magic-values',
    {
      schema: {
        tags,
        summary: 'List the magic ship-to names',
        description: [
          'Put one of these in a ship-to `name` (failures also match company or an address line), case-insensitive, on any surface, without special headers. `<code>` is a carrier code (`ups`, `fedex`, `stamps_com`, `dhl_express`): only that carrier fails.',
          '',
          '| ship-to contains | what happens |',
          '|---|---|',
          ...FAILURE_MAGIC_VALUES.map((m) => `| \`${m.trigger}${m.perCarrier ? ' <code>' : ''}\` | ${m.effect} |`),
          ...TRACKING_MAGIC_VALUES.map((m) => `| \`${m.trigger}\` | Tracking: ${m.effect} |`),
        ].join('\n'),
        response: {
          200: {
            type: 'object',
            properties: {
              magic_values: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: { trigger: { type: 'string' }, kind: { type: 'string', enum: ['failure', 'tracking'] }, scenario: { type: 'string' }, per_carrier: { type: 'boolean' }, effect: { type: 'string' } },
                },
              },
            },
          },
        },
      },
    },
    async () => ({
      magic_values: [
        ...FAILURE_MAGIC_VALUES.map((m) => ({ trigger: m.trigger, kind: 'failure', scenario: m.scenario, per_carrier: m.perCarrier === true, effect: m.effect })),
        ...TRACKING_MAGIC_VALUES.map((m) => ({ trigger: m.trigger, kind: 'tracking', scenario: m.scenario, per_carrier: false, effect: m.effect })),
      ],
    }),
  );

  app.get('/clock', { schema: { tags, summary: "Read the account's test clock", response: clockResponse } }, async (request) => {
    const current = await readAccountClock(db, actingAccount(request).id, clock.baseNow());
    return { now: current.now, offset_ms: current.offsetMs };
  });

  app.post<{ Body: { duration: string } }>(
    '/clock/advance',
    {
      schema: {
        tags,
        summary: "Advance the account's test clock by an ISO-8601 duration",
        description: 'Raises, before answering, every tracking event the move passes; their webhooks are delivered by the job runner.',
        body: { type: 'object', required: ['duration'], properties: { duration: { type: 'string', maxLength: 50, examples: ['P3D', 'PT12H'] } } },
        response: clockResponse,
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      return toWire(await db.transaction().execute((tx) => moveAccountClock(tx, accountId, clock.baseNow(), { duration: request.body.duration })));
    },
  );

  app.put<{ Body: { now: string } }>(
    '/clock',
    {
      schema: {
        tags,
        summary: "Set the account's test clock to a later instant",
        body: { type: 'object', required: ['now'], properties: { now: { type: 'string', maxLength: 40 } } },
        response: clockResponse,
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      return toWire(await db.transaction().execute((tx) => moveAccountClock(tx, accountId, clock.baseNow(), { at: request.body.now })));
    },
  );

  app.post(
    '/reset',
    {
      schema: {
        tags,
        summary: "Delete the account's shipping data",
        description: 'Orders, shipments, rates, labels, batches, tracking and webhooks go; carriers and balances return to their initial state. Credentials stay.',
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      return db.transaction().execute((tx) => resetAccountData(tx, accountId, clock.nowIso()));
    },
  );
};
