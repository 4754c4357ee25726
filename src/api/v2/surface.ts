// Builds a V2-dialect surface: authentication, error format and not-found in that dialect.
import type { FastifyInstance } from 'fastify';
import { apiKeyAuthentication } from '../common/auth.ts';
import { sendV2Error, v2ErrorHandler } from '../common/v2-errors.ts';
import type { SurfacePlugin } from './shared/plugin.ts';

export async function mountV2Dialect(app: FastifyInstance, surface: 'v2' | 'shipengine', plugins: SurfacePlugin[]) {
  app.addHook('onRequest', apiKeyAuthentication(app.ctx, surface));
  app.setErrorHandler(v2ErrorHandler(surface));
  app.setNotFoundHandler((request, reply) =>
    sendV2Error(reply, surface, 404, 'validation', 'invalid_identifier', `No resource at ${request.method} ${request.url.split('?')[0]}.`),
  );
  for (const plugin of plugins) await app.register(plugin, { surface });
}
