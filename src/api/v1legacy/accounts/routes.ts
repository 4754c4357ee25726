import type { FastifyPluginAsync } from 'fastify';
import { listTags } from '../../../domain/tags/tags.ts';
import { actingAccount } from '../../common/context.ts';

export const v1AccountRoutes: FastifyPluginAsync = async (app) => {
  app.get('/accounts/listtags', { schema: { tags: ['v1 accounts'] } }, async (request) => {
    const tags = await listTags(app.ctx.database.db, actingAccount(request).id);
    return tags.map((t) => ({ tagId: t.id, name: t.name, color: t.color }));
  });
};
