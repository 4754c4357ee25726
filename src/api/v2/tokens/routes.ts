// POST /tokens/ephemeral (V2 and ShipEngine /v1): a 10-second token for client-side code, sent
// back as `Authorization: Bearer <token>` in place of the API-Key header. With
// `?redirect=shipengine-dashboard` the response also carries the application URL with the token
// (Shipdock's own API explorer stands in for the ShipEngine dashboard).
import { createEphemeralToken, isEphemeralCredential } from '../../../domain/accounts/ephemeral-tokens.ts';
import { DomainError } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

const query = { type: 'object', properties: { redirect: { type: 'string', enum: ['shipengine-dashboard'] } } } as const;

export const tokenRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.post<{ Querystring: { redirect?: 'shipengine-dashboard' } }>('/tokens/ephemeral', { schema: { tags: ['tokens'], querystring: query } }, async (request) => {
    // A token that could mint its successor would never expire.
    if (request.principal && isEphemeralCredential(request.principal.credentialId)) {
      throw new DomainError('forbidden', 'An ephemeral token cannot create ephemeral tokens; use the API key.');
    }
    const { token } = await createEphemeralToken(db, actingAccount(request).id, app.ctx.clock.nowIso());
    if (!request.query.redirect) return { token };
    return { token, redirect_url: `${app.ctx.config.publicUrl}/docs/?token=${encodeURIComponent(token)}` };
  });
};
