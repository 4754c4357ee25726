// Sandbox controls (a Shipdock extension, not a ShipStation API): the account's test clock and a
// reset of its shipping data. Authenticated with the account's API key (or a partner key with
// On-Behalf-Of); errors in the V2 / ShipEngine format.
import type { FastifyPluginAsync } from 'fastify';
import { moveAccountClock, readAccountClock, type ClockMove } from '../../domain/sandbox/clock.ts';
import { FAILURE_MAGIC_VALUES } from '../../domain/sandbox/magic.ts';
import { listRequestLog } from '../../domain/sandbox/request-log.ts';
import { resetAccountData } from '../../domain/sandbox/reset.ts';
import { MAX_SEED, seedAccount } from '../../domain/sandbox/seed.ts';
import { ORDER_STATUSES } from '../../domain/orders/types.ts';
import { listAccountDeliveries, replayDelivery, TRIGGERABLE_EVENTS, triggerSampleEvent } from '../../domain/sandbox/webhook-trigger.ts';
import { TRACKING_MAGIC_VALUES } from '../../domain/tracking/magic-values.ts';
import { MAX_ROW_ID } from '../../db/index.ts';
import { apiKeyAuthentication } from '../common/auth.ts';
import { actingAccount } from '../common/context.ts';
import { sendV2Error, v2ErrorHandler } from '../common/v2-errors.ts';
import { snapshotRoutes } from './snapshot-routes.ts';

const tags = ['sandbox'];
/** One request seeds at most this many orders (the CLI goes to a million). */
const MAX_API_SEED_ORDERS = 100_000;
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

  app.post<{ Body: { event: string } }>(
    '/webhooks/trigger',
    {
      schema: {
        tags,
        summary: 'Send a sample webhook event now',
        description:
          "Queues a well-formed sample of `event` (V2 / ShipEngine events such as `track`, `batch`, `label_created_v2`, or V1 events such as `SHIP_NOTIFY`) to every subscription of the account, on every surface. It is signed and delivered by the job runner like any event, within a second or two, and appears in the delivery log. 400 when nobody is subscribed.",
        body: { type: 'object', required: ['event'], properties: { event: { type: 'string', maxLength: 40, examples: ['track', 'SHIP_NOTIFY'] } } },
        response: {
          200: {
            type: 'object',
            properties: {
              event: { type: 'string' },
              deliveries_queued: { type: 'integer', description: 'One per subscribed URL.' },
              events: { type: 'array', items: { type: 'string' }, description: 'Every event that can be triggered.' },
            },
          },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const queued = await db.transaction().execute((tx) => triggerSampleEvent(tx, accountId, request.body.event, clock.nowIso()));
      return { event: request.body.event, deliveries_queued: queued, events: TRIGGERABLE_EVENTS };
    },
  );

  const deliveryWire = {
    type: 'object',
    properties: {
      delivery_id: { type: 'integer' },
      webhook_kind: { type: 'string', enum: ['v1', 'api'] },
      webhook_id: { type: 'integer' },
      resource_type: { type: 'string' },
      attempt: { type: 'integer' },
      status: { type: 'string', enum: ['delivered', 'failed'] },
      response_code: { type: ['integer', 'null'] },
      error: { type: ['string', 'null'] },
      attempted_at: { type: 'string' },
      duration_ms: { type: 'integer' },
    },
  } as const;

  app.get<{ Querystring: { limit?: number } }>(
    '/webhooks/deliveries',
    {
      schema: {
        tags,
        summary: "List the account's webhook delivery attempts, newest first",
        querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 } } },
        response: { 200: { type: 'object', properties: { deliveries: { type: 'array', items: deliveryWire } } } },
      },
    },
    async (request) => ({
      deliveries: (await listAccountDeliveries(db, actingAccount(request).id, request.query.limit ?? 100)).map((d) => ({
        delivery_id: d.id,
        webhook_kind: d.webhookKind,
        webhook_id: d.webhookId,
        resource_type: d.resourceType,
        attempt: d.attempt,
        status: d.status,
        response_code: d.responseCode,
        error: d.error,
        attempted_at: d.attemptedAt,
        duration_ms: d.durationMs,
      })),
    }),
  );

  app.post<{ Params: { id: number } }>(
    '/webhooks/deliveries/:id/replay',
    {
      schema: {
        tags,
        summary: 'Replay a logged webhook delivery',
        description: 'Queues the same event (same body, freshly signed) to the same subscription again; it is delivered by the job runner and logged as a new attempt.',
        params: { type: 'object', required: ['id'], properties: { id: { type: 'integer', minimum: 1, maximum: MAX_ROW_ID } } },
        response: { 202: { type: 'object', properties: { delivery_id: { type: 'integer' }, replay_queued: { type: 'boolean' } } } },
      },
    },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      await db.transaction().execute((tx) => replayDelivery(tx, accountId, request.params.id, clock.nowIso()));
      return reply.code(202).send({ delivery_id: request.params.id, replay_queued: true });
    },
  );

  type RequestsQuery = { status?: number; path?: string; from?: string; to?: string; request_id?: string; limit?: number };
  app.get<{ Querystring: RequestsQuery }>(
    '/requests',
    {
      schema: {
        tags,
        summary: "The account's request log, newest first",
        description:
          'Every API call of the account on V1, V2 and ShipEngine: time (server time, not the test clock), surface, method, path, status, duration, request id and both bodies, with secrets redacted (API keys, passwords, Authorization and api-key headers, `encrypted_api_key`, card numbers). The `request_id` of any V2 / ShipEngine error finds its entry. Kept per account up to `SHIPDOCK_REQUEST_LOG_MAX` entries (default 1000) and `SHIPDOCK_REQUEST_LOG_MAX_AGE_HOURS` (default 168); cleared by reset.',
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'integer', minimum: 100, maximum: 599 },
            path: { type: 'string', maxLength: 500, description: 'Entries whose path starts with this, e.g. `/v2/labels`.' },
            from: { type: 'string', format: 'date-time' },
            to: { type: 'string', format: 'date-time' },
            request_id: { type: 'string', maxLength: 100 },
            limit: { type: 'integer', minimum: 1, maximum: 1000, default: 100 },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              requests: {
                type: 'array',
                items: {
                  type: 'object',
                  properties: {
                    request_id: { type: 'string' },
                    at: { type: 'string' },
                    surface: { type: 'string', enum: ['v1', 'v2', 'shipengine'] },
                    method: { type: 'string' },
                    path: { type: 'string' },
                    status: { type: 'integer' },
                    duration_ms: { type: 'integer' },
                    request_headers: { type: 'object', additionalProperties: true },
                    request_body: {},
                    response_body: {},
                  },
                },
              },
            },
          },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      await app.requestLog?.flush(accountId);
      const q = request.query;
      const rows = await listRequestLog(db, accountId, { status: q.status, path: q.path, from: q.from, to: q.to, requestId: q.request_id, limit: q.limit ?? 100 });
      return {
        requests: rows.map((r) => ({
          request_id: r.requestId,
          at: r.at,
          surface: r.surface,
          method: r.method,
          path: r.path,
          status: r.status,
          duration_ms: r.durationMs,
          request_headers: r.requestHeaders,
          request_body: r.requestBody,
          response_body: r.responseBody,
        })),
      };
    },
  );

  app.post<{ Body: { orders: number; seed?: number } }>(
    '/seed',
    {
      schema: {
        tags,
        summary: 'Fill the account with realistic, deterministic data',
        description: [
          "Creates, in one transaction: stores on several marketplaces (Amazon, eBay, Shopify, besides Manual Orders), repeat customers, catalog products with SKUs, and `orders` orders in every V1 status with dates spread over the eight weeks before the account's clock, each with its V2 shipment.",
          "A share of the shipped orders are shipped with real test labels bought through the label engine (free, as test labels are: balances do not move), dated on their day of shipping, so tracking ranges from delivered to in transit; some ship-to names carry a tracking magic value (exception, return to sender, ...).",
          'The same `seed` on an empty account on the same day gives the same data (ids, tracking numbers and download links aside). Seeding the same seed twice into one account is refused; reset first or pick another seed.',
        ].join('\n\n'),
        body: {
          type: 'object',
          required: ['orders'],
          additionalProperties: false,
          properties: {
            orders: { type: 'integer', minimum: 1, maximum: MAX_API_SEED_ORDERS, description: 'How many orders to create.', examples: [1000] },
            seed: { type: 'integer', minimum: 0, maximum: MAX_SEED, default: 1, description: 'Same seed, same data.' },
          },
        },
        response: {
          200: {
            type: 'object',
            properties: {
              seed: { type: 'integer' },
              stores: { type: 'integer' },
              customers: { type: 'integer' },
              products: { type: 'integer' },
              orders: { type: 'integer' },
              orders_by_status: { type: 'object', properties: Object.fromEntries(ORDER_STATUSES.map((s) => [s, { type: 'integer' }])) },
              shipments: { type: 'integer' },
              labels: { type: 'integer' },
            },
          },
        },
      },
    },
    async (request) => {
      const accountId = actingAccount(request).id;
      const { orders, seed = 1 } = request.body;
      const summary = await db.transaction().execute((tx) => seedAccount(tx, accountId, { orders, seed }, clock.nowIso()));
      const { byStatus, ...counts } = summary;
      return { ...counts, orders_by_status: byStatus };
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

  await app.register(snapshotRoutes);
};
