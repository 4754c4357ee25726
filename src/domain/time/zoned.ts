// Wall-clock time <-> instant conversion for any IANA time zone, built on Intl only.
//
// DST rules for wall times that do not map to exactly one instant:
// - ambiguous (fall back, e.g. 01:30 on the first Sunday of November in the US):
//   the FIRST occurrence is chosen, i.e. the earlier instant, still on daylight time;
// - nonexistent (spring forward, e.g. 02:30 on the second Sunday of March):
//   the time is shifted FORWARD by the length of the gap (02:30 -> 03:30 daylight time).

export interface WallTime {
  year: number;
  month: number; // 1-12
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The wall-clock reading in `timeZone` at the given instant. */
export function toWallTime(instant: Date, timeZone: string): WallTime {
  const epochMs = instant.getTime();
  const year = instant.getUTCFullYear();
  if (!(year > 0 && year < 10_000)) return intlWallTime(instant, timeZone);
  const local = new Date(epochMs + offsetMs(epochMs, timeZone));
  return {
    year: local.getUTCFullYear(),
    month: local.getUTCMonth() + 1,
    day: local.getUTCDate(),
    hour: local.getUTCHours(),
    minute: local.getUTCMinutes(),
    second: local.getUTCSeconds(),
    millisecond: local.getUTCMilliseconds(),
  };
}

function intlWallTime(instant: Date, timeZone: string): WallTime {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(instant)) {
    if (part.type !== 'literal') parts[part.type] = Number(part.value);
  }
  return {
    year: parts.year,
    month: parts.month,
    day: parts.day,
    hour: parts.hour,
    minute: parts.minute,
    second: parts.second,
    millisecond: instant.getUTCMilliseconds(),
  };
}

/** Milliseconds since the epoch of a wall time read as if it were UTC (years 0-99 kept literal). */
export function wallTimeAsUtcMs(wall: WallTime): number {
  // Date.UTC reads years 0-99 as 1900-1999; other years need no Date object.
  if (wall.year >= 100) return Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute, wall.second, wall.millisecond);
  const date = new Date(0);
  date.setUTCFullYear(wall.year, wall.month - 1, wall.day);
  date.setUTCHours(wall.hour, wall.minute, wall.second, wall.millisecond);
  return date.getTime();
}

/** UTC offset read from Intl (one formatToParts): the ground truth the transition tables are built from. */
function intlOffsetMs(epochMs: number, timeZone: string): number {
  return wallTimeAsUtcMs(intlWallTime(new Date(epochMs), timeZone)) - epochMs;
}

const DAY_MS = 86_400_000;

/** A zone's offsets over one UTC year: the offset at its start and every change within it. */
interface YearTable {
  start: number;
  /** The next year's start. */
  end: number;
  startOffset: number;
  changes: { at: number; offset: number }[];
}

const tables = new Map<string, YearTable>();
/** Per zone, the table read last: planning a journey reads the same few zones and year over and over. */
const lastRead = new Map<string, YearTable>();

/**
 * Offsets of `timeZone` over the UTC year of `epochMs`, built once from Intl: sampled daily (no zone
 * changes its offset twice within a day), each change located to the second by bisection (tz
 * transitions fall on whole seconds). After that an offset is a lookup, not three formatToParts calls.
 */
function yearTable(epochMs: number, timeZone: string): YearTable {
  const last = lastRead.get(timeZone);
  if (last !== undefined && epochMs >= last.start && epochMs < last.end) return last;
  const year = new Date(epochMs).getUTCFullYear();
  const key = `${timeZone} ${year}`;
  let table = tables.get(key);
  if (table) {
    lastRead.set(timeZone, table);
    return table;
  }
  const yearStart = new Date(0);
  yearStart.setUTCFullYear(year, 0, 1);
  const from = yearStart.getTime();
  const next = new Date(0);
  next.setUTCFullYear(year + 1, 0, 1);
  const to = next.getTime();
  const startOffset = intlOffsetMs(from, timeZone);
  const changes: YearTable['changes'] = [];
  let previous = startOffset;
  for (let day = from; day < to; day += DAY_MS) {
    const end = Math.min(day + DAY_MS, to);
    const offset = intlOffsetMs(end, timeZone);
    if (offset === previous) continue;
    // Bisect (day, end] in whole seconds for the first instant carrying the new offset.
    let lo = day;
    let hi = end;
    while (hi - lo > 1000) {
      const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
      if (intlOffsetMs(mid, timeZone) === previous) lo = mid;
      else hi = mid;
    }
    if (hi < to) changes.push({ at: hi, offset: intlOffsetMs(hi, timeZone) });
    previous = offset;
  }
  table = { start: from, end: to, startOffset, changes };
  if (tables.size > 4096) tables.clear();
  tables.set(key, table);
  if (lastRead.size > 4096) lastRead.clear();
  lastRead.set(timeZone, table);
  return table;
}

/** UTC offset of `timeZone` at the instant, in milliseconds (negative west of Greenwich). */
export function offsetMs(epochMs: number, timeZone: string): number {
  if (!Number.isFinite(epochMs)) return intlOffsetMs(epochMs, timeZone);
  const table = yearTable(epochMs, timeZone);
  let offset = table.startOffset;
  for (const change of table.changes) {
    if (change.at > epochMs) break;
    offset = change.offset;
  }
  return offset;
}

const HALF_DAY_MS = 12 * 3600_000;

/** The instant at which clocks in `timeZone` read `wall` (see the DST rules above). */
export function fromWallTime(wall: WallTime, timeZone: string): Date {
  const naive = wallTimeAsUtcMs(wall);
  // Any DST change affecting this wall time lies within half a day of it, so the
  // offsets half a day either side are the only candidates.
  const offsetBefore = offsetMs(naive - HALF_DAY_MS, timeZone);
  const offsetAfter = offsetMs(naive + HALF_DAY_MS, timeZone);
  // A candidate instant holds if the zone's offset there is the one it was read with.
  const before = naive - offsetBefore;
  const after = naive - offsetAfter;
  const beforeHolds = offsetMs(before, timeZone) === offsetBefore;
  const afterHolds = offsetBefore === offsetAfter ? beforeHolds : offsetMs(after, timeZone) === offsetAfter;
  if (beforeHolds || afterHolds) return new Date(beforeHolds && afterHolds ? Math.min(before, after) : beforeHolds ? before : after);
  // In the spring-forward gap: read with the pre-change offset, which lands past the gap.
  return new Date(before);
}

const pad = (value: number, width = 2): string =>
  width === 2 && value >= 0 && value < 100 ? (value < 10 ? `0${value}` : `${value}`) : String(value).padStart(width, '0');

/** `YYYY-MM-DD` of a wall time. */
export function formatWallDate(wall: WallTime): string {
  return `${pad(wall.year, 4)}-${pad(wall.month)}-${pad(wall.day)}`;
}

/** `YYYY-MM-DDTHH:mm:ss` of a wall time (no offset, no fraction). */
export function formatWallDateTime(wall: WallTime): string {
  return `${formatWallDate(wall)}T${pad(wall.hour)}:${pad(wall.minute)}:${pad(wall.second)}`;
}
