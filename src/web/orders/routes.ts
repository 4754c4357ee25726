import type { FastifyPluginAsync } from 'fastify';

export const orderRoutes: FastifyPluginAsync = async () => {};
