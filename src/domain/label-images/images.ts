// Account label images (logos): PNG or JPEG, checked by their bytes, at most one default per
// account. Bytes live in the database (bytea / blob) like rendered label files.
import type { Selectable } from 'kysely';
import type { Executor } from '../../db/index.ts';
import { preparedQuery } from '../../db/prepared.ts';
import type { LabelImagesTable } from '../../db/schema.ts';
import { lockRow } from '../../db/locks.ts';
import { renderOnPool } from '../documents/render-pool.ts';
import { invalidField, notFound } from '../errors.ts';

export const IMAGE_CONTENT_TYPES = ['image/png', 'image/jpeg'] as const;
export type ImageContentType = (typeof IMAGE_CONTENT_TYPES)[number];

/** ShipStation's branded-label guide: "Image file size limit is 512KB". */
export const MAX_IMAGE_BYTES = 512 * 1024;
/** Shipdock's own bound, so a small file cannot unpack into a huge bitmap. */
export const MAX_IMAGE_SIDE_PX = 4096;

export interface LabelImage {
  id: number;
  accountId: number;
  name: string;
  contentType: ImageContentType;
  data: Buffer;
  width: number;
  height: number;
  isDefault: boolean;
  createdAt: string;
  modifiedAt: string;
}

/** `img_12`: the ShipEngine image id shape (`img_…`, at least 4 characters). */
export const imageId = (id: number) => `img_${id}`;

export function parseImageId(value: string): number | null {
  const match = /^img_(\d{1,9})$/.exec(value);
  return match ? Number(match[1]) : null;
}

const toImage = (row: Selectable<LabelImagesTable>): LabelImage => ({
  id: row.id,
  accountId: row.account_id,
  name: row.name,
  contentType: row.content_type as ImageContentType,
  data: Buffer.from(row.data),
  width: row.width,
  height: row.height,
  isDefault: row.is_default === 1,
  createdAt: row.created_at,
  modifiedAt: row.modified_at,
});

/** The type the bytes really are, by their magic numbers. */
export function sniffImageType(data: Buffer): ImageContentType | null {
  if (data.length >= 8 && data.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'image/png';
  if (data.length >= 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'image/jpeg';
  return null;
}

/** Strict base64 (whitespace tolerated); null when it is not base64 at all. */
export function decodeBase64(value: string): Buffer | null {
  const compact = value.replace(/\s+/g, '');
  if (compact.length === 0 || compact.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(compact)) return null;
  return Buffer.from(compact, 'base64');
}

/** Decodes and checks an upload: base64, declared type = real type, size and pixel bounds. */
export async function checkImage(imageData: string, declared: string): Promise<{ data: Buffer; width: number; height: number }> {
  const data = decodeBase64(imageData);
  if (!data) throw invalidField('image_data', 'image_data must be base64-encoded image bytes');
  if (data.length > MAX_IMAGE_BYTES) {
    throw invalidField('image_data', `the image is ${data.length} bytes; label images are limited to ${MAX_IMAGE_BYTES} bytes (512 KB)`, data.length);
  }
  const actual = sniffImageType(data);
  if (!actual) throw invalidField('image_data', 'image_data is neither a PNG nor a JPEG image');
  if (actual !== declared) {
    throw invalidField('image_content_type', `image_content_type is ${declared} but the image data is ${actual}`, declared);
  }
  let size: { width: number; height: number };
  try {
    size = await renderOnPool({ kind: 'image-size', image: data });
  } catch {
    throw invalidField('image_data', `image_data is not a readable ${actual} image`);
  }
  if (size.width < 1 || size.height < 1 || size.width > MAX_IMAGE_SIDE_PX || size.height > MAX_IMAGE_SIDE_PX) {
    throw invalidField('image_data', `the image is ${size.width}x${size.height} pixels; each side must be 1 to ${MAX_IMAGE_SIDE_PX}`);
  }
  return { data, ...size };
}

async function clearDefault(ex: Executor, accountId: number, exceptId: number, now: string) {
  await ex
    .updateTable('label_images')
    .set({ is_default: 0, modified_at: now })
    .where('account_id', '=', accountId)
    .where('is_default', '=', 1)
    .where('id', '!=', exceptId)
    .execute();
}

export interface NewLabelImage {
  name: string;
  isDefault: boolean;
  contentType: string;
  imageData: string;
}

export async function createLabelImage(ex: Executor, accountId: number, input: NewLabelImage, now: string): Promise<LabelImage> {
  const checked = await checkImage(input.imageData, input.contentType);
  // One default per account: the account row serialises concurrent default changes.
  if (input.isDefault) await lockRow(ex, 'accounts', accountId);
  const row = await ex
    .insertInto('label_images')
    .values({
      account_id: accountId,
      name: input.name,
      content_type: input.contentType,
      data: checked.data,
      width: checked.width,
      height: checked.height,
      is_default: input.isDefault ? 1 : 0,
      created_at: now,
      modified_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  if (input.isDefault) await clearDefault(ex, accountId, row.id, now);
  return getLabelImage(ex, accountId, row.id);
}

export async function findLabelImage(ex: Executor, accountId: number, id: number): Promise<LabelImage | null> {
  const row = await ex.selectFrom('label_images').selectAll().where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  return row ? toImage(row) : null;
}

export async function getLabelImage(ex: Executor, accountId: number, id: number): Promise<LabelImage> {
  const image = await findLabelImage(ex, accountId, id);
  if (!image) throw notFound('label image', imageId(id));
  return image;
}

export async function listLabelImages(ex: Executor, accountId: number, offset: number, limit: number): Promise<{ images: LabelImage[]; total: number }> {
  const base = ex.selectFrom('label_images').where('account_id', '=', accountId);
  const [rows, count] = await Promise.all([
    base.selectAll().orderBy('id').offset(offset).limit(limit).execute(),
    base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { images: rows.map(toImage), total: Number(count.n) };
}

export interface LabelImageChanges {
  name?: string;
  isDefault: boolean;
  contentType?: string;
  imageData?: string;
}

export async function updateLabelImage(ex: Executor, accountId: number, id: number, changes: LabelImageChanges, now: string): Promise<LabelImage> {
  const current = await getLabelImage(ex, accountId, id);
  let picture: { content_type: string; data: Buffer; width: number; height: number } | null = null;
  if (changes.imageData !== undefined) {
    const contentType = changes.contentType ?? current.contentType;
    const checked = await checkImage(changes.imageData, contentType);
    picture = { content_type: contentType, data: checked.data, width: checked.width, height: checked.height };
  } else if (changes.contentType !== undefined && changes.contentType !== current.contentType) {
    throw invalidField('image_content_type', `image_content_type is ${changes.contentType} but the stored image is ${current.contentType}; send image_data too`, changes.contentType);
  }
  if (changes.isDefault) await lockRow(ex, 'accounts', accountId);
  await ex
    .updateTable('label_images')
    .set({ ...(changes.name !== undefined ? { name: changes.name } : {}), ...(picture ?? {}), is_default: changes.isDefault ? 1 : 0, modified_at: now })
    .where('id', '=', id)
    .execute();
  if (changes.isDefault) await clearDefault(ex, accountId, id, now);
  return getLabelImage(ex, accountId, id);
}

/** Labels already bought keep their reference; their files render without the logo from then on. */
export async function deleteLabelImage(ex: Executor, accountId: number, id: number): Promise<void> {
  await getLabelImage(ex, accountId, id);
  await ex.deleteFrom('label_images').where('id', '=', id).execute();
}

const defaultImage = preparedQuery((ex, p: { accountId: number }) =>
  ex.selectFrom('label_images').select('id').where('account_id', '=', p.accountId).where('is_default', '=', 1),
);

export async function defaultLabelImageId(ex: Executor, accountId: number): Promise<number | null> {
  const [row] = await defaultImage(ex, { accountId });
  return row?.id ?? null;
}

/**
 * The image a new label prints: the one named by label_image_id (it must be the account's),
 * else the account's default (`accountDefault`, read by the caller), else none.
 */
export async function labelImageFor(ex: Executor, accountId: number, requested: string | null | undefined, accountDefault: number | null): Promise<number | null> {
  if (requested === null || requested === undefined || requested === '') return accountDefault;
  const id = parseImageId(requested);
  const image = id === null ? null : await findLabelImage(ex, accountId, id);
  if (!image) throw invalidField('label_image_id', `label image ${requested} was not found`, requested, 'invalid_identifier');
  return image.id;
}
