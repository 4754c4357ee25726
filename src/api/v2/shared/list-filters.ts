// Query-string filters of V2 lists that the schema alone cannot settle.
import { invalidField } from '../../../domain/errors.ts';
import { parseSeId } from '../../common/ids.ts';

/** An `se-` id filter; one that names no row matches nothing (-1) rather than failing the list. */
export const idFilter = (value?: string): number | undefined => (value === undefined ? undefined : (parseSeId(value) ?? -1));

/** A date-time filter as a UTC ISO string, comparable with stored timestamps. */
export function instantFilter(field: string, value?: string): string | undefined {
  if (value === undefined) return undefined;
  const at = Date.parse(value);
  if (Number.isNaN(at)) throw invalidField(field, `${field} must be an ISO 8601 date-time`, value);
  return new Date(at).toISOString();
}
