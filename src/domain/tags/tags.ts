import { createHash } from 'node:crypto';
import type { Executor } from '../../db/index.ts';
import { DomainError, invalidField, notFound } from '../errors.ts';

export interface Tag {
  id: number;
  name: string;
  color: string;
}

const MAX_TAG_NAME = 50;

/** A stable color per name, so tags made by API calls look the same every time. */
function colorFor(name: string): string {
  return `#${createHash('sha1').update(name).digest('hex').slice(0, 6).toUpperCase()}`;
}

function checkName(name: string, field = 'tag_name') {
  const trimmed = name.trim();
  if (!trimmed) throw invalidField(field, 'a tag name cannot be empty', name, 'field_value_required');
  if (trimmed.length > MAX_TAG_NAME) throw invalidField(field, `a tag name is at most ${MAX_TAG_NAME} characters`, name, 'invalid_string_length');
  return trimmed;
}

export async function listTags(ex: Executor, accountId: number): Promise<Tag[]> {
  return ex.selectFrom('tags').select(['id', 'name', 'color']).where('account_id', '=', accountId).orderBy('name').execute();
}

export async function findTag(ex: Executor, accountId: number, name: string): Promise<Tag | null> {
  return (await ex.selectFrom('tags').select(['id', 'name', 'color']).where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst()) ?? null;
}

export async function createTag(ex: Executor, accountId: number, rawName: string, now: string, color?: string): Promise<Tag> {
  const name = checkName(rawName);
  if (await findTag(ex, accountId, name)) throw new DomainError('conflict', `A tag named "${name}" already exists.`, 'identifier_conflict');
  const tagColor = color ?? colorFor(name);
  const row = await ex
    .insertInto('tags')
    .values({ account_id: accountId, name, color: tagColor, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return { id: row.id, name, color: tagColor };
}

export async function deleteTag(ex: Executor, accountId: number, name: string): Promise<void> {
  const result = await ex.deleteFrom('tags').where('account_id', '=', accountId).where('name', '=', name).executeTakeFirst();
  if (Number(result.numDeletedRows) === 0) throw notFound('tag', name);
}

export async function renameTag(ex: Executor, accountId: number, from: string, to: string): Promise<void> {
  const name = checkName(to, 'new_tag_name');
  const tag = await findTag(ex, accountId, from);
  if (!tag) throw notFound('tag', from);
  if (name !== from && (await findTag(ex, accountId, name))) {
    throw new DomainError('conflict', `A tag named "${name}" already exists.`, 'identifier_conflict');
  }
  await ex.updateTable('tags').set({ name }).where('id', '=', tag.id).execute();
}
