// Account settings and label images (logos): /account/settings[/images[/{label_image_id}]].
import {
  createLabelImage,
  deleteLabelImage,
  getLabelImage,
  imageId,
  listLabelImages,
  parseImageId,
  updateLabelImage,
  type LabelImage,
} from '../../../domain/label-images/images.ts';
import { notFound } from '../../../domain/errors.ts';
import { actingAccount } from '../../common/context.ts';
import { offsetOf, pageLinks } from '../../common/paging.ts';
import type { SurfacePlugin } from '../shared/plugin.ts';
import { createImageBody, imageIdParam, imageListQuery, updateImageBody, type ImageBody } from './schemas.ts';

const toV2Image = (image: LabelImage) => ({
  label_image_id: imageId(image.id),
  name: image.name,
  is_default: image.isDefault,
  image_content_type: image.contentType,
  image_data: image.data.toString('base64'),
  created_at: image.createdAt,
  modified_at: image.modifiedAt,
});

/** An id of another shape names no image: 404, like an id of another account. */
function imageIdOf(value: string): number {
  const id = parseImageId(value);
  if (id === null) throw notFound('label image', value);
  return id;
}

export const accountRoutes: SurfacePlugin = async (app) => {
  const { db } = app.ctx.database;
  const clock = app.ctx.clock;

  // Shipdock prints 4x6 unless a request asks for letter; that is the account's default layout.
  app.get('/account/settings', { schema: { tags: ['account'] } }, async () => ({ default_label_layout: '4x6' }));

  app.get<{ Querystring: { page: number; page_size: number } }>(
    '/account/settings/images',
    { schema: { tags: ['account'], querystring: imageListQuery } },
    async (request) => {
      const { page, page_size: pageSize } = request.query;
      const { images, total } = await listLabelImages(db, actingAccount(request).id, offsetOf({ page, pageSize }), pageSize);
      const pages = Math.ceil(total / pageSize);
      return { images: images.map(toV2Image), total, page, pages, links: pageLinks(request, app.ctx.config.publicUrl, page, pages, pageSize) };
    },
  );

  app.post<{ Body: ImageBody }>('/account/settings/images', { schema: { tags: ['account'], body: createImageBody } }, async (request) => {
    const accountId = actingAccount(request).id;
    const body = request.body;
    const image = await db.transaction().execute((tx) =>
      createLabelImage(tx, accountId, { name: body.name, isDefault: body.is_default, contentType: body.image_content_type, imageData: body.image_data }, clock.nowIso()),
    );
    return toV2Image(image);
  });

  app.get<{ Params: { label_image_id: string } }>(
    '/account/settings/images/:label_image_id',
    { schema: { tags: ['account'], params: imageIdParam } },
    async (request) => toV2Image(await getLabelImage(db, actingAccount(request).id, imageIdOf(request.params.label_image_id))),
  );

  app.put<{ Params: { label_image_id: string }; Body: Partial<ImageBody> & { is_default: boolean } }>(
    '/account/settings/images/:label_image_id',
    { schema: { tags: ['account'], params: imageIdParam, body: updateImageBody } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = imageIdOf(request.params.label_image_id);
      const body = request.body;
      await db.transaction().execute((tx) =>
        updateLabelImage(tx, accountId, id, { name: body.name, isDefault: body.is_default, contentType: body.image_content_type, imageData: body.image_data }, clock.nowIso()),
      );
      return reply.code(204).send();
    },
  );

  app.delete<{ Params: { label_image_id: string } }>(
    '/account/settings/images/:label_image_id',
    { schema: { tags: ['account'], params: imageIdParam } },
    async (request, reply) => {
      const accountId = actingAccount(request).id;
      const id = imageIdOf(request.params.label_image_id);
      await db.transaction().execute((tx) => deleteLabelImage(tx, accountId, id));
      return reply.code(204).send();
    },
  );
};
