import type { FastifyPluginAsync } from 'fastify';

export const shipmentRoutes: FastifyPluginAsync = async () => {};
