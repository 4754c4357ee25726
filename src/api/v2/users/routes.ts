import { listUsers } from '../../../domain/accounts/users.ts';
import { actingAccount } from '../../common/context.ts';
import { offsetOf, pageLinks, pagingSchema } from '../../common/paging.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

type Query = { status?: string; page: number; page_size: number };

export const userRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  app.get<{ Querystring: Query }>(
    '/users',
    {
      schema: {
        tags: ['users'],
        querystring: {
          type: 'object',
          properties: {
            status: { type: 'string', enum: ['active', 'inactive', 'locked_out', 'email_lock'] },
            ...pagingSchema('page_size', { defaultSize: 25, maxSize: 100 }),
          },
        },
      },
    },
    async (request) => {
      const { page, page_size: pageSize, status } = request.query;
      const { users, total } = await listUsers(db, actingAccount(request).id, {
        status,
        includeInactive: true,
        offset: offsetOf({ page, pageSize }),
        limit: pageSize,
      });
      const pages = Math.ceil(total / pageSize);
      return {
        users: users.map((u) => ({
          user_id: u.id,
          name: u.name,
          username: u.username,
          email: u.email,
          status: u.status,
          last_login_at: u.lastLoginAt ?? undefined,
          created_at: u.createdAt,
        })),
        total,
        page,
        pages,
        links: pageLinks(request, app.ctx.config.publicUrl, page, pages, pageSize),
      };
    },
  );
};
