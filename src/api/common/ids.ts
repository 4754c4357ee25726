// V2/ShipEngine show integer row ids as `se-<n>`; V1 shows the same integers.
export const seId = (id: number): string => `se-${id}`;

export function parseSeId(value: string): number | null {
  const match = /^se-(\d{1,15})$/.exec(value);
  return match ? Number(match[1]) : null;
}
