// V2/ShipEngine show integer row ids as `se-<n>`; V1 shows the same integers.
import { MAX_ROW_ID } from '../../db/index.ts';
export const seId = (id: number): string => `se-${id}`;

/** Row ids are 32-bit on PostgreSQL: a larger number names no row, so it parses to null (a 404). */
export function parseSeId(value: string): number | null {
  const match = /^se-(\d{1,15})$/.exec(value);
  const id = match ? Number(match[1]) : null;
  return id !== null && id <= MAX_ROW_ID ? id : null;
}
