// Calendar arithmetic on YYYY-MM-DD dates (UTC midnight, so no time-zone drift) and US federal holidays.

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

/** The n-th (1-based) given weekday of a month, or the last one when n = -1. */
function nthWeekday(year: number, month: number, weekday: number, n: number): Date {
  if (n === -1) {
    const last = new Date(Date.UTC(year, month + 1, 0));
    return addDays(last, -((dayOfWeek(last) - weekday + 7) % 7));
  }
  const first = new Date(Date.UTC(year, month, 1));
  return addDays(first, ((weekday - dayOfWeek(first) + 7) % 7) + 7 * (n - 1));
}

/** Fixed-date holidays falling on a weekend are observed on the Friday before or the Monday after. */
function observed(date: Date): Date {
  const weekday = dayOfWeek(date);
  if (weekday === 6) return addDays(date, -1);
  if (weekday === 0) return addDays(date, 1);
  return date;
}

function federalHolidays(year: number): string[] {
  const fixed = (month: number, day: number) => observed(new Date(Date.UTC(year, month, day)));
  return [
    fixed(0, 1), // New Year's Day
    nthWeekday(year, 0, 1, 3), // Martin Luther King Jr. Day
    nthWeekday(year, 1, 1, 3), // Washington's Birthday
    nthWeekday(year, 4, 1, -1), // Memorial Day
    fixed(5, 19), // Juneteenth
    fixed(6, 4), // Independence Day
    nthWeekday(year, 8, 1, 1), // Labor Day
    nthWeekday(year, 9, 1, 2), // Columbus Day
    fixed(10, 11), // Veterans Day
    nthWeekday(year, 10, 4, 4), // Thanksgiving
    fixed(11, 25), // Christmas
  ].map(formatIsoDate);
}

const holidayCache = new Map<number, Set<string>>();

export function isFederalHoliday(date: Date): boolean {
  const year = date.getUTCFullYear();
  // New Year's Day of next year can be observed on December 31.
  return [year, year + 1].some((y) => {
    let holidays = holidayCache.get(y);
    if (!holidays) {
      holidays = new Set(federalHolidays(y));
      holidayCache.set(y, holidays);
    }
    return holidays.has(formatIsoDate(date));
  });
}
