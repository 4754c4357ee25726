// Tracking plans in `YYYY-MM-DD` days: the day arithmetic of ../time/calendar.ts on strings.
// Business days are Monday-Friday; holidays are ignored (the caller's estimated delivery date
// already accounts for them).
import { addDays as addCalendarDays, formatIsoDate, isWeekday } from '../time/calendar.ts';
import { fromWallTime } from '../time/zoned.ts';

const toUtcDate = (day: string): Date => new Date(`${day}T00:00:00Z`);

export function addDays(day: string, days: number): string {
  return formatIsoDate(addCalendarDays(toUtcDate(day), days));
}

export function isBusinessDay(day: string): boolean {
  return isWeekday(toUtcDate(day));
}

/** The day itself when it is a business day, otherwise the next one. */
export function businessDayOnOrAfter(day: string): string {
  let current = day;
  while (!isBusinessDay(current)) current = addDays(current, 1);
  return current;
}

export function nextBusinessDay(day: string): string {
  return businessDayOnOrAfter(addDays(day, 1));
}

export function addBusinessDays(day: string, days: number): string {
  let current = day;
  for (let i = 0; i < days; i++) current = nextBusinessDay(current);
  return current;
}

/** The instant at `minuteOfDay` local time on `day` in `timeZone`. */
export function atLocalTime(day: string, minuteOfDay: number, timeZone: string): Date {
  const [year, month, date] = day.split('-').map(Number);
  const hour = Math.floor(minuteOfDay / 60);
  return fromWallTime({ year, month, day: date, hour, minute: minuteOfDay % 60, second: 0, millisecond: 0 }, timeZone);
}
