// Assembles the HTTP server: one Fastify instance, three surfaces, one context.
import { randomUUID } from 'node:crypto';
import Fastify, { type FastifyInstance, type RouteOptions } from 'fastify';
import type { AppContext } from './api/common/context.ts';
import { registerApiDocs } from './api/docs/plugin.ts';
import { v1LegacyPlugin, v1NotFound } from './api/v1legacy/index.ts';
import { installBodyParsers } from './api/common/body-parsing.ts';
import { rejectNonFiniteNumbers } from './api/common/finite-numbers.ts';
import { routerError } from './api/common/router-errors.ts';
import { lazySerializerFactory, lazyValidatorFactory } from './api/common/lazy-schema-compilers.ts';
import { v2Plugin } from './api/v2/index.ts';
import { shipEnginePlugin } from './api/shipengine/index.ts';
import { registerRequestLog } from './api/sandbox/request-log-hook.ts';
import { sandboxPlugin } from './api/sandbox/routes.ts';
import { jwksRoutes } from './api/webhook-keys.ts';
import { registerWebRoot, webPlugin } from './web/index.ts';
import { AccessLog, loggerOptions } from './logging.ts';

export interface BuildOptions {
  logger?: boolean;
  /** Readable log lines (the server sets it when stdout is a terminal); JSON lines otherwise. */
  prettyLogs?: boolean;
  /** Sees every route as it is registered (the API coverage report uses it). */
  onRoute?: (route: RouteOptions) => void;
}

export async function buildApp(ctx: AppContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger === false ? false : await loggerOptions({ level: ctx.config.logLevel, pretty: options.prettyLogs }),
    logController: new AccessLog(),
    genReqId: () => randomUUID(),
    bodyLimit: ctx.config.bodyLimitBytes,
    ajv: { customOptions: { coerceTypes: 'array', useDefaults: true, removeAdditional: false, allErrors: true } },
    schemaController: { compilersFactory: { buildValidator: lazyValidatorFactory(), buildSerializer: lazySerializerFactory() } },
    routerOptions: { ignoreTrailingSlash: true, caseSensitive: false },
    // Bad percent-encoding and over-long path parameters fail in the router, before any surface
    // plugin: answer them in the format of the surface the URL names.
    frameworkErrors: routerError,
  });
  app.decorate('ctx', ctx);
  app.decorateRequest('principal', null);
  app.decorateRequest('account', null);
  if (options.onRoute) app.addHook('onRoute', options.onRoute);
  installBodyParsers(app);
  app.addHook('preHandler', rejectNonFiniteNumbers);

  await registerApiDocs(app, ctx);

  // Before the surfaces: their routes inherit the hooks.
  registerRequestLog(app, ctx);
  await app.register(v1LegacyPlugin);
  await app.register(v2Plugin, { prefix: '/v2' });
  await app.register(shipEnginePlugin, { prefix: '/v1' });
  await app.register(jwksRoutes);
  if (ctx.config.sandbox) await app.register(sandboxPlugin, { prefix: '/sandbox' });
  // The dashboard lives under /app: V1 legacy owns /orders, /shipments, /carriers ... at the root.
  await app.register(webPlugin, { prefix: '/app' });
  registerWebRoot(app);
  app.setNotFoundHandler(v1NotFound);
  return app;
}
