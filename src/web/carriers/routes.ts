import type { FastifyPluginAsync } from 'fastify';

export const carrierRoutes: FastifyPluginAsync = async () => {};
