// The sandbox page's tools: the request log (filters, detail, find by request id), sample webhook
// events and the delivery log with replay, seed data, and snapshots (save, restore, delete). They call the
// domain, like every dashboard page; the sandbox routes' hook keeps them out of non-sandbox servers.
import type { FastifyPluginAsync } from 'fastify';
import { DomainError } from '../../domain/errors.ts';
import { findRequestLogEntry, listRequestLog } from '../../domain/sandbox/request-log.ts';
import { seedAccount } from '../../domain/sandbox/seed.ts';
import { deleteSnapshot, restoreSnapshot, saveSnapshot } from '../../domain/sandbox/snapshots.ts';
import { replayDelivery, triggerSampleEvent } from '../../domain/sandbox/webhook-trigger.ts';
import { field, formAction, idParam, render, setFlash } from '../render.ts';
import { accountId, BASE } from '../session.ts';

const DASHBOARD_SEED_LIMIT = 10_000;

export interface RequestFilters {
  status: string;
  path: string;
  from: string;
  to: string;
}

/** Filters from the query string; a malformed one is dropped with a note rather than failing the page. */
function readFilters(query: Record<string, unknown>): { filters: RequestFilters; problems: string[] } {
  const filters: RequestFilters = { status: field(query, 'status'), path: field(query, 'path').slice(0, 500), from: field(query, 'from'), to: field(query, 'to') };
  const problems: string[] = [];
  if (filters.status && !/^[1-5]\d\d$/.test(filters.status)) {
    problems.push('Status must be an HTTP status such as 404.');
    filters.status = '';
  }
  for (const key of ['from', 'to'] as const) {
    if (filters[key] && Number.isNaN(Date.parse(filters[key]))) {
      problems.push(`"${key === 'from' ? 'From' : 'To'}" must be a date and time.`);
      filters[key] = '';
    }
  }
  return { filters, problems };
}

/** `datetime-local` inputs carry no zone: the dashboard shows UTC, so they are read as UTC. */
function asUtc(value: string): string | undefined {
  if (!value) return undefined;
  const at = new Date(/T/.test(value) && !/[zZ]|[+-]\d\d:?\d\d$/.test(value) ? `${value}Z` : value);
  return Number.isNaN(at.getTime()) ? undefined : at.toISOString();
}

export const sandboxToolRoutes: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  const db = ctx.database.db;

  app.get<{ Querystring: Record<string, string> }>('/sandbox/requests', async (request, reply) => {
    const account = accountId(request);
    await app.requestLog?.flush(account);
    const { filters, problems } = readFilters(request.query);
    const entries = await listRequestLog(db, account, {
      status: filters.status ? Number(filters.status) : undefined,
      path: filters.path || undefined,
      from: asUtc(filters.from),
      to: asUtc(filters.to),
      limit: 100,
    });
    return render(request, reply, 'sandbox/requests', {
      title: 'Request log',
      nav: 'sandbox',
      entries,
      filters,
      problems,
      flash: problems.length > 0 ? { kind: 'error', message: problems.join(' ') } : undefined,
    });
  });

  app.get<{ Querystring: Record<string, string> }>('/sandbox/requests/find', async (request, reply) => {
    const account = accountId(request);
    await app.requestLog?.flush(account);
    const requestId = field(request.query, 'request_id').slice(0, 100);
    const entry = requestId ? await findRequestLogEntry(db, account, { requestId }) : null;
    if (entry) return reply.redirect(`${BASE}/sandbox/requests/${entry.id}`, 303);
    setFlash(request, reply, ctx, { kind: 'error', message: requestId ? `No logged request has the id ${requestId}.` : 'Enter a request id.' });
    return reply.redirect(`${BASE}/sandbox/requests`, 303);
  });

  app.get<{ Params: { id: string } }>('/sandbox/requests/:id', async (request, reply) => {
    const entry = await findRequestLogEntry(db, accountId(request), { id: idParam(request.params.id) });
    if (!entry) throw new DomainError('not_found', `no logged request ${request.params.id}`);
    const pretty = (value: unknown) => (value === null || value === undefined ? null : JSON.stringify(value, null, 2));
    return render(request, reply, 'sandbox/request', {
      title: `${entry.method} ${entry.path.split('?')[0]}`,
      nav: 'sandbox',
      entry,
      headers: pretty(entry.requestHeaders),
      requestBody: pretty(entry.requestBody),
      responseBody: pretty(entry.responseBody),
    });
  });

  app.post<{ Body: Record<string, string> }>('/sandbox/webhooks/trigger', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#webhooks-title`, async () => {
      const event = field(request.body, 'event');
      const queued = await db.transaction().execute((tx) => triggerSampleEvent(tx, accountId(request), event, ctx.clock.nowIso()));
      return `A sample ${event} event is queued to ${queued} subscription${queued === 1 ? '' : 's'}; it appears in the delivery log once sent.`;
    }),
  );

  app.post<{ Params: { id: string } }>('/sandbox/webhooks/deliveries/:id/replay', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#webhooks-title`, async () => {
      const id = idParam(request.params.id);
      await db.transaction().execute((tx) => replayDelivery(tx, accountId(request), id, ctx.clock.nowIso()));
      return `Delivery ${id} is queued again: same body, freshly signed.`;
    }),
  );

  app.post<{ Body: Record<string, string> }>('/sandbox/seed', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#seed-title`, async () => {
      const orders = Number(field(request.body, 'orders'));
      const seed = Number(field(request.body, 'seed') || '1');
      // A page request waits for the seed: larger data sets belong to the CLI or POST /sandbox/seed.
      if (!Number.isInteger(orders) || orders < 1 || orders > DASHBOARD_SEED_LIMIT) {
        throw new DomainError('validation', `Orders must be a whole number from 1 to ${DASHBOARD_SEED_LIMIT.toLocaleString('en-US')} here (the CLI seeds up to 1,000,000).`);
      }
      const done = await db.transaction().execute((tx) => seedAccount(tx, accountId(request), { orders, seed }, ctx.clock.nowIso()));
      return `Seed ${done.seed}: ${done.orders} orders, ${done.stores} stores, ${done.customers} customers, ${done.products} products and ${done.labels} test labels created.`;
    }),
  );

  app.post<{ Body: Record<string, string> }>('/sandbox/snapshots', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#snapshots-title`, async () => {
      const saved = await db.transaction().execute((tx) => saveSnapshot(tx, accountId(request), field(request.body, 'name'), ctx.clock.nowIso()));
      return `Snapshot ${saved.name} saved: ${saved.rowCount} rows.`;
    }),
  );

  app.post<{ Params: { name: string } }>('/sandbox/snapshots/:name/restore', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#snapshots-title`, async () => {
      const restored = await db.transaction().execute((tx) => restoreSnapshot(tx, accountId(request), request.params.name, ctx.clock.nowIso()));
      return `Snapshot ${restored.name} restored: ${restored.rowCount} rows.`;
    }),
  );

  app.post<{ Params: { name: string } }>('/sandbox/snapshots/:name/delete', async (request, reply) =>
    formAction(request, reply, `${BASE}/sandbox#snapshots-title`, async () => {
      await db.transaction().execute((tx) => deleteSnapshot(tx, accountId(request), request.params.name));
      return `Snapshot ${request.params.name} deleted.`;
    }),
  );
};
