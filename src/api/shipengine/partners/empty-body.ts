import type { FastifyInstance } from 'fastify';

/**
 * Partner clients send no body where none is needed: ShipWorks creates accounts with
 * `Content-Type: application/json` and nothing after it, and disable/enable are bare PUTs.
 * ShipEngine accepts those, so within the Partner API an empty body reads as `{}`.
 */
export function acceptEmptyBodies(app: FastifyInstance) {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser('application/json', { parseAs: 'string' }, (request, body, done) => {
    const text = body.toString();
    if (text === '') return done(null, {});
    parseJson(request, text, done);
  });
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.schema?.body) request.body ??= {};
  });
}
