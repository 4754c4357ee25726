// Calendar days (UTC midnight Dates, so no time-zone drift) and US federal holidays: the one place
// for day arithmetic used by rating (transit days), pickups (windows) and tracking (journeys).
// Holidays come from @18f/us-federal-holidays with the federal observance rule (a Saturday holiday
// is observed the Friday before, a Sunday one the Monday after; New Year's Day on a Saturday is
// observed on December 31 of the year before), precomputed once per year as a set of day numbers:
// POST /v2/rates asks for every day of every transit estimate.
import { createRequire } from 'node:module';
import type * as FederalHolidays from '@18f/us-federal-holidays';

// require: loading this CommonJS package (and dayjs) as ESM costs about twice the start-up time.
const federalHolidays = createRequire(import.meta.url)('@18f/us-federal-holidays') as typeof FederalHolidays;

const DAY_MS = 86_400_000;
const WEEKDAY_NAMES = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function parseIsoDate(text: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return null;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return formatIsoDate(date) === text ? date : null;
}

export function formatIsoDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}

export function addDays(date: Date, days: number): Date {
  return new Date(date.getTime() + days * DAY_MS);
}

export function daysBetween(from: Date, to: Date): number {
  return Math.round((to.getTime() - from.getTime()) / DAY_MS);
}

/** 0 = Sunday ... 6 = Saturday. */
export function dayOfWeek(date: Date): number {
  return date.getUTCDay();
}

export function weekdayName(date: Date): string {
  return WEEKDAY_NAMES[dayOfWeek(date)];
}

/** Monday to Friday. */
export function isWeekday(date: Date): boolean {
  const weekday = dayOfWeek(date);
  return weekday !== 0 && weekday !== 6;
}

const dayNumber = (date: Date) => Math.floor(date.getTime() / DAY_MS);
const observedByYear = new Map<number, ReadonlySet<number>>();

/** Day numbers of the holidays observed within `year` (next year's New Year's Day can be one). */
function observedIn(year: number): ReadonlySet<number> {
  let days = observedByYear.get(year);
  if (!days) {
    days = new Set(
      [...federalHolidays.allForYear(year), ...federalHolidays.allForYear(year + 1)]
        .map((holiday) => parseIsoDate(holiday.dateString)!)
        .filter((date) => date.getUTCFullYear() === year)
        .map(dayNumber),
    );
    observedByYear.set(year, days);
  }
  return days;
}

/** Whether `date` (UTC midnight) is an observed US federal holiday. */
export function isFederalHoliday(date: Date): boolean {
  return observedIn(date.getUTCFullYear()).has(dayNumber(date));
}
