import * as tags from '../../../domain/tags/tags.ts';
import { actingAccount } from '../../common/context.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';

// ShipStation V2 shows a tag by name only; ShipEngine adds its id and color.
const tagMapper = (surface: string) => (t: tags.Tag) => (surface === 'v2' ? { name: t.name } : { tag_id: t.id, name: t.name, color: t.color });
const nameParam = { type: 'object', required: ['tag_name'], properties: { tag_name: { type: 'string', minLength: 1, maxLength: 100 } } } as const;

export const tagRoutes: SurfacePlugin = async (app, { surface }) => {
  const toV2Tag = tagMapper(surface);
  const { db } = app.ctx.database;
  const now = () => app.ctx.clock.nowIso();
  const create = (accountId: number, name: string) => db.transaction().execute((tx) => tags.createTag(tx, accountId, name, now()));

  app.get('/tags', { schema: { tags: ['tags'] } }, async (request) => ({
    tags: (await tags.listTags(db, actingAccount(request).id)).map(toV2Tag),
  }));

  app.post<{ Body: { name: string } }>(
    '/tags',
    { schema: { tags: ['tags'], body: { type: 'object', required: ['name'], properties: { name: { type: 'string' } } } } },
    async (request) => toV2Tag(await create(actingAccount(request).id, request.body.name)),
  );

  app.post<{ Params: { tag_name: string } }>('/tags/:tag_name', { schema: { tags: ['tags'], params: nameParam } }, async (request) =>
    toV2Tag(await create(actingAccount(request).id, request.params.tag_name)),
  );

  app.delete<{ Params: { tag_name: string } }>('/tags/:tag_name', { schema: { tags: ['tags'], params: nameParam } }, async (request, reply) => {
    const accountId = actingAccount(request).id;
    await db.transaction().execute((tx) => tags.deleteTag(tx, accountId, request.params.tag_name));
    return reply.code(204).send();
  });

  app.put<{ Params: { tag_name: string; new_tag_name: string } }>(
    '/tags/:tag_name/:new_tag_name',
    {
      schema: {
        tags: ['tags'],
        params: {
          type: 'object',
          required: ['tag_name', 'new_tag_name'],
          properties: { tag_name: { type: 'string', minLength: 1 }, new_tag_name: { type: 'string', minLength: 1 } },
        },
      },
    },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      await db.transaction().execute((tx) => tags.renameTag(tx, accountId, request.params.tag_name, request.params.new_tag_name));
      return reply.code(204).send();
    },
  );
};
