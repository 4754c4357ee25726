// ISO-8601 durations (P3D, PT12H, P1M2DT3H4M5.5S, P2W) added to an instant, calendar-wise in UTC.
import { invalidField } from '../errors.ts';

const PATTERN = /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?!$)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function addIsoDuration(from: Date, duration: string, field = 'duration'): Date {
  const m = PATTERN.exec(String(duration).trim().toUpperCase());
  if (!m) throw invalidField(field, `${field} must be an ISO-8601 duration such as P3D, PT12H or P1DT6H.`, duration);
  const [years, months, weeks, days, hours, minutes] = m.slice(1, 7).map((v) => Number(v ?? 0));
  const seconds = Number(m[7] ?? 0);
  const at = new Date(from.getTime());
  if (years || months) at.setUTCMonth(at.getUTCMonth() + years * 12 + months);
  at.setUTCDate(at.getUTCDate() + weeks * 7 + days);
  const result = new Date(at.getTime() + ((hours * 60 + minutes) * 60 + seconds) * 1000);
  if (Number.isNaN(result.getTime()) || result.getUTCFullYear() > 9999) throw invalidField(field, `${field} is too long.`, duration);
  return result;
}
