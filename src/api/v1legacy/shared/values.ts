// V1 wire values ⇄ domain values: Pacific-time dates, dollars ⇄ cents, .NET-style booleans,
// case-insensitive enums, paging. Field problems are collected and thrown together so the
// response's ModelState names every bad field at once.
import { DomainError, type FieldIssue } from '../../../domain/errors.ts';
import { formatV1Date, formatV1DateTime, parseV1Date } from '../../../domain/time/pacific.ts';

export class FieldProblems {
  readonly issues: FieldIssue[] = [];

  add(field: string, message: string): void {
    this.issues.push({ field, message });
  }

  /** Throws a validation error naming every field added so far, if any. */
  check(): void {
    if (this.issues.length > 0) throw new DomainError('validation', this.issues.map((i) => i.message).join(' '), 'invalid_field_value', this.issues);
  }
}

const DATE_HELP = 'Use YYYY-MM-DD or YYYY-MM-DD HH:mm:ss (US Pacific time), optionally with a Z or ±hh:mm offset.';

/** A V1 date or date-time (Pacific unless it carries an offset) as an ISO UTC instant. */
export function instantIn(problems: FieldProblems, field: string, value: string | null | undefined): string | null {
  if (value === null || value === undefined || value.trim() === '') return null;
  const date = parseV1Date(value);
  if (!date) {
    problems.add(field, `The value '${value}' is not a valid date for ${field}. ${DATE_HELP}`);
    return null;
  }
  return date.toISOString();
}

/** A V1 date (or the Pacific calendar day of a date-time) as YYYY-MM-DD. */
export function calendarDateIn(problems: FieldProblems, field: string, value: string | null | undefined): string | null {
  const instant = instantIn(problems, field, value);
  return instant === null ? null : formatV1Date(new Date(instant));
}

const HOUR_MS = 3_600_000;
const pacificOffsets = new Map<number, number>();

/**
 * Pacific time's offset from UTC during the UTC hour holding `ms`. US clock changes happen on
 * whole UTC hours, so one formatV1DateTime per hour serves every instant in it: lists format
 * thousands of dates per call and Intl formatting is the slow part.
 */
function pacificOffsetMs(ms: number): number {
  const hour = Math.floor(ms / HOUR_MS) * HOUR_MS;
  let offset = pacificOffsets.get(hour);
  if (offset === undefined) {
    offset = Date.parse(`${formatV1DateTime(new Date(hour)).slice(0, 23)}Z`) - hour;
    if (pacificOffsets.size > 50_000) pacificOffsets.clear();
    pacificOffsets.set(hour, offset);
  }
  return offset;
}

/** An instant as V1 writes it: Pacific wall time, 7 fractional digits, no offset (see formatV1DateTime). */
export function dateTimeOut(iso: string | null): string | null {
  if (iso === null) return null;
  const ms = Date.parse(iso);
  return `${new Date(ms + pacificOffsetMs(ms)).toISOString().slice(0, 23)}0000`;
}

/** The Pacific calendar day of an instant, as V1 shows hold-until dates. */
export const dateOut = (iso: string | null): string | null => (iso === null ? null : formatV1Date(new Date(iso)));

export const centsIn = (dollars: number | null | undefined): number => Math.round((dollars ?? 0) * 100);
export const nullableCentsIn = (dollars: number | null | undefined): number | null => (dollars === null || dollars === undefined ? null : Math.round(dollars * 100));
export const dollarsOut = (cents: number): number => cents / 100;
export const nullableDollarsOut = (cents: number | null): number | null => (cents === null ? null : cents / 100);

/** Query booleans as .NET clients send them: true/false in any case, or 1/0. */
export const booleanQuery = { type: 'string', pattern: '^(?:[Tt][Rr][Uu][Ee]|[Ff][Aa][Ll][Ss][Ee]|1|0)$' } as const;
export const booleanIn = (value: string | undefined): boolean | undefined => (value === undefined ? undefined : /^(true|1)$/i.test(value));

/** Matches `value` against `allowed` ignoring case (ASP.NET binds enums that way). */
export function enumIn<T extends string>(problems: FieldProblems, field: string, value: string | undefined, allowed: readonly T[]): T | undefined {
  if (value === undefined || value === '') return undefined;
  const match = allowed.find((a) => a.toLowerCase() === value.toLowerCase());
  if (!match) problems.add(field, `The value '${value}' is not valid for ${field}; use one of ${allowed.join(', ')}.`);
  return match;
}

export const sortDirIn = (value: string | undefined): 'asc' | 'desc' => (value?.toLowerCase() === 'desc' ? 'desc' : 'asc');

export interface V1Paging {
  page: number;
  pageSize: number;
}

export const rowsOf = ({ page, pageSize }: V1Paging) => ({ offset: (page - 1) * pageSize, limit: pageSize });

/** `{<plural>: [...], total, page, pages}` */
export function pageBody<K extends string, T>(key: K, items: T[], total: number, paging: V1Paging) {
  return { [key]: items, total, page: paging.page, pages: Math.ceil(total / paging.pageSize) } as { [P in K]: T[] } & { total: number; page: number; pages: number };
}

/** pageBody's JSON from the items' JSON pieces, commas included: the bytes JSON.stringify makes of pageBody. */
export function pageOfJson(key: string, items: Buffer[], total: number, paging: V1Paging): Buffer {
  const pages = Math.ceil(total / paging.pageSize);
  const head = `{${JSON.stringify(key)}:[`;
  const tail = `],"total":${JSON.stringify(total)},"page":${JSON.stringify(paging.page)},"pages":${JSON.stringify(pages)}}`;
  return Buffer.concat([Buffer.from(head), ...items, Buffer.from(tail)]);
}
