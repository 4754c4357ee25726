// Row ids in paths and bodies: the `se-<n>` shape is the schema's job; a number past the row
// range names nothing, so it is a 404 like any unknown id (and never reaches a 32-bit column).
import { MAX_ROW_ID } from '../../../db/index.ts';
import { notFound } from '../../../domain/errors.ts';
import { parseSeId } from '../../common/ids.ts';

export function rowIdOf(value: string, what: string): number {
  const id = parseSeId(value);
  if (id === null || id > MAX_ROW_ID) throw notFound(what, value);
  return id;
}
