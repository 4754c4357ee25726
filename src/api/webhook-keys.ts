// GET /jwks: the public keys that verify webhook signatures, where ShipStation publishes them. No auth.
import type { FastifyPluginAsync } from 'fastify';
import { activeSigningKey, publicKeySet } from '../domain/webhooks/signing.ts';

export const jwksRoutes: FastifyPluginAsync = async (app) => {
  app.get('/jwks', { schema: { tags: ['webhooks'], summary: 'Webhook signing keys (JWKS)' } }, async (_request, reply) => {
    reply.header('cache-control', 'public, max-age=300');
    const now = app.ctx.clock.baseNow();
    await activeSigningKey(app.ctx.database.db, now.toISOString()); // published before the first delivery
    return publicKeySet(app.ctx.database.db, now);
  });
};
