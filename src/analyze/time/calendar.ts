/**
 * Small calendar arithmetic on plain year/month/day numbers (UTC, proleptic Gregorian), so that
 * time expressions can be resolved without a date library and without time-zone surprises.
 */

/** A calendar day. Months are 1–12. */
export interface Ymd {
  y: number;
  m: number;
  d: number;
}

const MS_PER_DAY = 86_400_000;

/** Days since 1970-01-01 for a calendar day (day overflow rolls into the next month). */
export function toDayNumber(y: number, m: number, d: number): number {
  return Math.floor(Date.UTC(y, m - 1, d) / MS_PER_DAY);
}

/** The calendar day of a day number. */
export function fromDayNumber(n: number): Ymd {
  const t = new Date(n * MS_PER_DAY);
  return { y: t.getUTCFullYear(), m: t.getUTCMonth() + 1, d: t.getUTCDate() };
}

/** 0 = Sunday … 6 = Saturday. */
export function weekday(day: number): number {
  return (((day + 4) % 7) + 7) % 7;
}

export function addDays(a: Ymd, n: number): Ymd {
  return fromDayNumber(toDayNumber(a.y, a.m, a.d) + n);
}

/** Adds months to a (year, month) pair. */
export function addMonths(y: number, m: number, n: number): { y: number; m: number } {
  const k = y * 12 + (m - 1) + n;
  return { y: Math.floor(k / 12), m: (k % 12) + 1 };
}

export function daysInMonth(y: number, m: number): number {
  return new Date(Date.UTC(y, m, 0)).getUTCDate();
}

/**
 * Whether an ISO 8601 date or datetime names a moment that exists: month 1–12, a day the month has,
 * hour 0–23, minute and second 0–59 (a leap second, 60, allowed). "2025-13-45T99:99" and
 * "0000-00-00" are refused (reason: scraped metadata carries such placeholders, and storing them put
 * articles at impossible dates). Anything that is not ISO-shaped is refused too.
 */
export function isPossibleIsoDate(value: string): boolean {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2})(?:[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:Z|[+-]\d{2}:?\d{2})?)?)?)?$/.exec(value);
  if (!m) return false;
  const [, y, mo, d, h, mi, sec] = m.map((x) => (x === undefined ? undefined : Number(x)));
  if (y! < 1) return false;
  if (mo !== undefined && (mo < 1 || mo > 12)) return false;
  if (d !== undefined && (d < 1 || d > daysInMonth(y!, mo!))) return false;
  if (h !== undefined && (h > 23 || mi! > 59)) return false;
  return sec === undefined || sec <= 60;
}

/** ISO 8601 week of a day: `{ year, week }`. */
export function isoWeek(a: Ymd): { year: number; week: number } {
  const n = toDayNumber(a.y, a.m, a.d);
  const wd = (weekday(n) + 6) % 7; // Monday = 0
  const thursday = fromDayNumber(n - wd + 3);
  const jan1 = toDayNumber(thursday.y, 1, 1);
  return { year: thursday.y, week: Math.floor((n - wd + 3 - jan1) / 7) + 1 };
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

export function formatDay(a: Ymd): string {
  return `${pad(a.y, 4)}-${pad(a.m)}-${pad(a.d)}`;
}

export function formatMonth(y: number, m: number): string {
  return `${pad(y, 4)}-${pad(m)}`;
}

export function formatWeek(a: Ymd): string {
  const w = isoWeek(a);
  return `${pad(w.year, 4)}-W${pad(w.week)}`;
}

/**
 * Parses the leading calendar part of an ISO-like date or datetime (`2024-02-12`, `2024-02-12T10:00`,
 * `20240212`, `2024-02`); a month-only date gets day 1. Null when there is no usable date.
 */
export function parseDct(s: string | null | undefined): Ymd | null {
  if (!s) return null;
  const m = /^(\d{4})-?(\d{2})(?:-?(\d{2}))?/.exec(s.trim());
  if (!m) return null;
  const y = Number(m[1]);
  const mo = Number(m[2]);
  const d = m[3] ? Number(m[3]) : 1;
  if (mo < 1 || mo > 12 || d < 1 || d > 31) return null;
  return { y, m: mo, d };
}
