// The web dashboard, mounted at /app (V1 legacy owns /orders, /shipments, /carriers ... at the
// root). Cookies, form bodies, CSRF and security headers are registered inside this plugin only,
// so the APIs answer exactly as before.
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import helmet from '@fastify/helmet';
import type { FastifyError, FastifyInstance, FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { accountClockOffset } from '../db/account-clocks.ts';
import { DomainError } from '../domain/errors.ts';
import { v1NotFound } from '../api/v1legacy/index.ts';
import { render } from './render.ts';
import { BASE, loadSession } from './session.ts';
import { authRoutes } from './auth/routes.ts';
import { homeRoutes } from './home/routes.ts';
import { settingsRoutes } from './settings/routes.ts';
import { orderRoutes } from './orders/routes.ts';
import { shipmentRoutes } from './shipments/routes.ts';
import { carrierRoutes } from './carriers/routes.ts';
import { batchRoutes } from './batches/routes.ts';
import { webhookRoutes } from './webhooks/routes.ts';
import { sandboxRoutes } from './sandbox/routes.ts';
import { inventoryRoutes } from './inventory/routes.ts';

const here = dirname(fileURLToPath(import.meta.url));
const STATIC: Record<string, { type: string; body: Buffer }> = {
  'app.css': { type: 'text/css; charset=utf-8', body: readFileSync(join(here, 'static', 'app.css')) },
  'app.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(here, 'static', 'app.js')) },
  'batch.js': { type: 'text/javascript; charset=utf-8', body: readFileSync(join(here, 'static', 'batch.js')) },
};

function webErrorHandler(error: FastifyError, request: FastifyRequest, reply: FastifyReply) {
  if (error instanceof DomainError) {
    const status = error.kind === 'not_found' ? 404 : error.kind === 'rate_limited' ? 429 : error.kind === 'forbidden' ? 403 : 400;
    return render(request, reply, 'error', { title: status === 404 ? 'Not found' : 'Something is wrong', status, message: status === 404 ? 'This page does not exist, or it belongs to another account.' : error.message }, status);
  }
  const status = error.statusCode ?? 500;
  if (status >= 400 && status < 500) {
    const message = error.code?.startsWith('FST_CSRF') ? 'The form expired or did not come from this site. Reload the page and try again.' : error.message;
    return render(request, reply, 'error', { title: 'Request refused', status, message }, status);
  }
  request.log.error({ err: error, requestId: request.id }, 'dashboard error');
  return render(request, reply, 'error', { title: 'Server error', status: 500, message: `Something went wrong (request ${request.id}); see the server log.` }, 500);
}

export const webPlugin: FastifyPluginAsync = async (app) => {
  const ctx = app.ctx;
  await app.register(cookie);
  await app.register(formbody);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", 'data:'],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        baseUri: ["'self'"],
        objectSrc: ["'none'"],
      },
    },
    // HSTS only means something on https; on a plain-http install it would be ignored or harmful.
    strictTransportSecurity: ctx.config.publicUrl.startsWith('https:'),
  });
  await app.register(csrf, { sessionPlugin: '@fastify/cookie', cookieKey: 'shipdock_csrf', cookieOpts: { path: BASE, sameSite: 'lax', httpOnly: true } });

  app.decorateRequest('web', null);
  app.addHook('preHandler', async (request, reply) => {
    await loadSession(ctx, request);
    if (request.routeOptions.config?.anonymous || request.web) return;
    if (request.method === 'GET' || request.method === 'HEAD') {
      const next = request.url.startsWith(BASE) ? `?next=${encodeURIComponent(request.url)}` : '';
      return reply.redirect(`${BASE}/login${next}`, 303);
    }
    return reply.redirect(`${BASE}/login`, 303);
  });
  // Pages act on the account's sandbox clock, as its API calls do (see onAccountClock in api/common/auth.ts).
  app.addHook('preHandler', (request, _reply, done) => {
    if (!request.web) return done();
    accountClockOffset(ctx.database.db, request.web.login.account.id).then((offsetMs) => ctx.clock.withOffset(offsetMs, done), done);
  });
  // Every form posts its token: a page of another site cannot post in the user's name.
  app.addHook('preHandler', (request, reply, done) => {
    if (request.method !== 'POST') return done();
    app.csrfProtection(request, reply, done);
  });
  app.setErrorHandler(webErrorHandler);
  app.setNotFoundHandler(async (request, reply) => {
    await loadSession(ctx, request);
    return render(request, reply, 'error', { title: 'Not found', status: 404, message: 'This page does not exist.' }, 404);
  });

  app.get<{ Params: { file: string } }>('/static/:file', { config: { anonymous: true } }, async (request, reply) => {
    const file = STATIC[request.params.file];
    if (!file) return reply.callNotFound();
    return reply.type(file.type).header('cache-control', 'public, max-age=300').send(file.body);
  });

  for (const routes of [authRoutes, homeRoutes, settingsRoutes, orderRoutes, shipmentRoutes, carrierRoutes, batchRoutes, webhookRoutes, sandboxRoutes, inventoryRoutes]) await app.register(routes);
};

/** Browsers opening the server's root land on the dashboard; API clients keep V1's 404. */
export function registerWebRoot(app: FastifyInstance) {
  app.get('/', { schema: { hide: true } }, async (request, reply) => {
    const accept = request.headers.accept ?? '';
    if (accept.includes('text/html')) return reply.redirect(BASE, 302);
    return v1NotFound(request, reply);
  });
}
