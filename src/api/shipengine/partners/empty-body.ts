import type { FastifyInstance } from 'fastify';
import { installBodyParsers } from '../../common/body-parsing.ts';

/**
 * Partner clients send no body where none is needed: ShipWorks creates accounts with
 * `Content-Type: application/json` and nothing after it, and disable/enable are bare PUTs.
 * ShipEngine accepts those, so within the Partner API an empty body reads as `{}`.
 */
export function acceptEmptyBodies(app: FastifyInstance) {
  installBodyParsers(app, () => ({}));
  app.addHook('preValidation', async (request) => {
    if (request.routeOptions.schema?.body) request.body ??= {};
  });
}
