import type { FastifyPluginAsync } from 'fastify';
import { sharedRoutes } from '../v2/routes.ts';
import { mountV2Dialect } from '../v2/surface.ts';
import { partnerRoutes } from './partners/routes.ts';
import { registrationRoutes } from './registration/routes.ts';
import { shipEngineOnlyRoutes } from './shipengine-only.ts';

/** ShipEngine at /v1: the V2 handlers with ShipEngine's error source, plus the Partner API and carrier registration. */
export const shipEnginePlugin: FastifyPluginAsync = async (app) => {
  await mountV2Dialect(app, 'shipengine', [...sharedRoutes, ...shipEngineOnlyRoutes, partnerRoutes, registrationRoutes]);
};
