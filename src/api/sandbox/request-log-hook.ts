// Records every authenticated API call (V1, V2, ShipEngine) in the sandbox request log. The hook
// only copies what it needs; the writer inserts after the response, in batches.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { RequestLogWriter, responseBytesText, type LogSurface } from '../../domain/sandbox/request-log.ts';
import type { AppContext } from '../common/context.ts';

declare module 'fastify' {
  interface FastifyInstance {
    requestLog: RequestLogWriter | null;
  }
  interface FastifyRequest {
    loggedResponse?: string | null;
  }
}

/** Paths that are not API calls: the dashboard, docs, key set and the sandbox controls themselves. */
const NOT_API = /^\/(app|docs|jwks|sandbox|favicon)(\/|\?|$)/i;

function surfaceOf(url: string): LogSurface {
  if (/^\/v2(\/|\?|$)/i.test(url)) return 'v2';
  if (/^\/v1(\/|\?|$)/i.test(url)) return 'shipengine';
  return 'v1';
}

export function registerRequestLog(app: FastifyInstance, ctx: AppContext): void {
  const enabled = ctx.config.sandbox && ctx.config.requestLogMax > 0;
  const writer = enabled
    ? new RequestLogWriter(ctx.database.db, { maxPerAccount: ctx.config.requestLogMax, maxAgeHours: ctx.config.requestLogMaxAgeHours }, (error) =>
        app.log.error({ err: error }, 'request log write failed'),
      )
    : null;
  app.decorate('requestLog', writer);
  if (!writer) return;

  // Callback hooks: an async hook costs a promise and its hook runner's turn on every call.
  app.addHook('onSend', (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
    if (request.account && !NOT_API.test(request.url)) {
      const type = String(reply.getHeader('content-type') ?? '');
      const json = type.includes('json');
      // V1 order lists send their JSON as bytes (src/api/v1legacy/orders/routes.ts).
      request.loggedResponse = json && typeof payload === 'string' ? payload : json && Buffer.isBuffer(payload) ? responseBytesText(payload) : null;
    }
    done(null, payload);
  });
  app.addHook('onResponse', (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
    if (request.account && !NOT_API.test(request.url)) writer.add({
      accountId: request.account.id,
      at: new Date().toISOString(),
      surface: surfaceOf(request.url),
      method: request.method,
      path: request.url,
      status: reply.statusCode,
      durationMs: Math.round(reply.elapsedTime),
      requestId: request.id,
      requestHeaders: request.headers,
      requestBody: request.body,
      responseBody: request.loggedResponse ?? null,
    });
    done();
  });
  app.addHook('onClose', async () => {
    await writer.flush();
  });
}
