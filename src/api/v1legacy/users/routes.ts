import type { FastifyPluginAsync } from 'fastify';
import { listUsers } from '../../../domain/accounts/users.ts';
import { actingAccount } from '../../common/context.ts';

export const v1UserRoutes: FastifyPluginAsync = async (app) => {
  app.get<{ Querystring: { showInactive?: boolean } }>(
    '/users',
    { schema: { tags: ['v1 users'], querystring: { type: 'object', properties: { showInactive: { type: 'boolean' } } } } },
    async (request) => {
      const { users } = await listUsers(app.ctx.database.db, actingAccount(request).id, { includeInactive: request.query.showInactive === true });
      return users.map((u) => ({ userId: u.id, userName: u.username, name: u.name }));
    },
  );
};
