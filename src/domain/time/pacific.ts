/**
 * ShipStation V1 date handling. V1 speaks US Pacific time (America/Los_Angeles) and
 * normally writes no offset.
 *
 * Accepted by `parseV1Date` (anything else gives null):
 * - `YYYY-MM-DD`                       -> midnight Pacific at the start of that day
 * - `YYYY-MM-DD HH:mm[:ss[.f]]`        -> Pacific wall time
 * - `YYYY-MM-DDTHH:mm[:ss[.f]]`        -> Pacific wall time
 *   where `.f` is 1 to 7 fractional digits (kept to the millisecond, extra digits truncated);
 * - either date-time form followed by `Z` or `±hh:mm` -> that offset is honoured instead.
 * Surrounding whitespace is ignored; field ranges are checked (month 1-12, real day of month,
 * hour 0-23, minute and second 0-59).
 * Naive Pacific times inside DST changes:
 * - the repeated fall-back hour (01:00-01:59 on the first Sunday of November) is read as its
 *   FIRST occurrence (daylight time, UTC-7);
 * - the skipped spring-forward hour (02:00-02:59 on the second Sunday of March) does not exist
 *   and is shifted FORWARD one hour (02:30 -> 03:30 PDT).
 *
 * Emitted:
 * - `formatV1DateTime` -> `YYYY-MM-DDTHH:mm:ss.fffffff` in Pacific time, 7 fractional digits and
 *   no offset, as ShipStation V1 writes them (e.g. `2015-06-29T08:46:27.0000000`);
 * - `formatV1Date` -> `YYYY-MM-DD`, the Pacific calendar date.
 */
import { formatWallDate, formatWallDateTime, fromWallTime, toWallTime, wallTimeAsUtcMs } from './zoned.ts';
import type { WallTime } from './zoned.ts';

export const V1_TIME_ZONE = 'America/Los_Angeles';

const V1_DATE_PATTERN =
  /^(\d{4})-(\d{2})-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.(\d{1,7}))?)?(Z|[+-]\d{2}:\d{2})?)?$/;

export function parseV1Date(text: string): Date | null {
  const match = V1_DATE_PATTERN.exec(text.trim());
  if (!match) return null;
  const [, year, month, day, hour = '0', minute = '0', second = '0', fraction = '', offset] = match;
  const wall: WallTime = {
    year: Number(year),
    month: Number(month),
    day: Number(day),
    hour: Number(hour),
    minute: Number(minute),
    second: Number(second),
    millisecond: Number(fraction.padEnd(3, '0').slice(0, 3)),
  };
  if (!isValidWallTime(wall)) return null;
  if (offset === undefined) return fromWallTime(wall, V1_TIME_ZONE);
  const offsetMinutes = parseOffsetMinutes(offset);
  if (offsetMinutes === null) return null;
  return new Date(wallTimeAsUtcMs(wall) - offsetMinutes * 60_000);
}

export function formatV1DateTime(date: Date): string {
  assertValid(date);
  const wall = toWallTime(date, V1_TIME_ZONE);
  return `${formatWallDateTime(wall)}.${String(wall.millisecond).padStart(3, '0')}0000`;
}

export function formatV1Date(date: Date): string {
  assertValid(date);
  return formatWallDate(toWallTime(date, V1_TIME_ZONE));
}

function isValidWallTime(wall: WallTime): boolean {
  if (wall.hour > 23 || wall.minute > 59 || wall.second > 59) return false;
  // An out-of-range month or day rolls over into another date, which shows up here.
  const calendarDay = new Date(wallTimeAsUtcMs(wall));
  return calendarDay.getUTCMonth() === wall.month - 1 && calendarDay.getUTCDate() === wall.day;
}

function parseOffsetMinutes(offset: string): number | null {
  if (offset === 'Z') return 0;
  const hours = Number(offset.slice(1, 3));
  const minutes = Number(offset.slice(4, 6));
  if (hours > 23 || minutes > 59) return null;
  return (offset[0] === '-' ? -1 : 1) * (hours * 60 + minutes);
}

function assertValid(date: Date): void {
  if (Number.isNaN(date.getTime())) throw new RangeError('Invalid Date');
}
