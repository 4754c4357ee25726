// Carrier pickup windows. Times are instants (the docs ask for UTC); the pickup day is the UTC
// calendar day of the window's start. Rules, the same for every carrier here:
// - the window ends after it starts, and within the same day;
// - it is not over yet (by the app clock);
// - its day is at most MAX_DAYS_AHEAD days after today (UPS and FedEx book about a week ahead);
// - no pickups on Sundays or on US federal holidays (the holiday calendar of the rating engine).
// A bare date (no time) is that whole business day, 09:00 to 17:00 UTC.
import { invalidField } from '../errors.ts';
import { addDays, dayOfWeek, formatIsoDate, isFederalHoliday, parseIsoDate } from '../time/calendar.ts';
import type { PickupWindow } from './types.ts';

export const MAX_DAYS_AHEAD = 7;
export const BUSINESS_DAY = { start: '09:00:00Z', end: '17:00:00Z' } as const;

const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[-+]\d{2}:\d{2})$/;

function instant(field: string, value: string, bareDateTime: string): string {
  if (parseIsoDate(value)) return `${value}T${bareDateTime}`;
  if (!DATE_TIME.test(value) || Number.isNaN(Date.parse(value))) {
    throw invalidField(field, `${field} must be an ISO 8601 date-time such as 2026-09-23T15:00:00Z`, value);
  }
  return value;
}

/** The window as it will be stored and shown, or a 400 naming the rule it breaks. */
export function checkPickupWindow(window: PickupWindow, now: Date): PickupWindow {
  const startAt = instant('pickup_window.start_at', window.startAt, BUSINESS_DAY.start);
  const endAt = instant('pickup_window.end_at', window.endAt, BUSINESS_DAY.end);
  const start = new Date(startAt);
  const end = new Date(endAt);
  if (end <= start) throw invalidField('pickup_window.end_at', 'pickup_window.end_at must be after pickup_window.start_at', window.endAt);
  const day = formatIsoDate(start);
  if (formatIsoDate(new Date(end.getTime() - 1)) !== day) {
    throw invalidField('pickup_window.end_at', 'A pickup window must start and end on the same day (UTC).', window.endAt);
  }
  if (end <= now) throw invalidField('pickup_window.end_at', `The pickup window ${startAt} to ${endAt} is in the past.`, window.endAt);
  const today = parseIsoDate(formatIsoDate(now))!;
  const latest = formatIsoDate(addDays(today, MAX_DAYS_AHEAD));
  if (day > latest) {
    throw invalidField('pickup_window.start_at', `Pickups can be scheduled at most ${MAX_DAYS_AHEAD} days ahead (until ${latest}); ${day} is too far.`, window.startAt);
  }
  const date = parseIsoDate(day)!;
  if (dayOfWeek(date) === 0) throw invalidField('pickup_window.start_at', `Carriers do not pick up on Sundays (${day}).`, window.startAt);
  if (isFederalHoliday(date)) throw invalidField('pickup_window.start_at', `Carriers do not pick up on federal holidays (${day}).`, window.startAt);
  return { startAt, endAt };
}
