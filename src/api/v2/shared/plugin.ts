import type { FastifyPluginAsync } from 'fastify';
import type { Surface } from '../../common/context.ts';

/** Route modules shared by /v2 and ShipEngine /v1: one handler, two mounts. */
export interface SurfaceOptions {
  surface: Exclude<Surface, 'v1'>;
}

export type SurfacePlugin = FastifyPluginAsync<SurfaceOptions>;
