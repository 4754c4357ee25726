import type { FastifyPluginAsync } from 'fastify';
import { sharedRoutes, v2OnlyRoutes } from './routes.ts';
import { mountV2Dialect } from './surface.ts';

/** ShipStation V2 at /v2. */
export const v2Plugin: FastifyPluginAsync = async (app) => {
  await mountV2Dialect(app, 'v2', [...sharedRoutes, ...v2OnlyRoutes]);
};
