/**
 * Query parameter checks: each returns the value or throws a 400 `ApiError` that names the
 * parameter and what it should be, so a client never gets a 500 for a typo.
 */
import { ApiError } from './errors.js';

/** A partial ISO date as the store keeps them: `2025`, `2025-03`, `2025-03-11`. */
const PARTIAL_DATE = /^\d{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01]))?)?$/;

/** Longest search query accepted, in characters (FTS cost grows with the terms). */
export const MAX_QUERY_CHARS = 500;

/** An integer parameter within bounds, or the default when absent. */
export function intParam(name: string, raw: string | undefined, def: number, min: number, max: number): number {
  if (raw === undefined || raw === '') return def;
  if (!/^-?\d+$/.test(raw)) throw new ApiError(400, 'bad-parameter', `${name} must be an integer, not '${raw.slice(0, 40)}'`);
  const n = Number(raw);
  if (n < min || n > max) throw new ApiError(400, 'bad-parameter', `${name} must be between ${min} and ${max}, not ${n}`);
  return n;
}

/** Whether a full date names a real day (`2025-02-30` does not); partial dates always do. */
function onCalendar(date: string): boolean {
  const [y, m, d] = date.split('-').map(Number);
  if (d === undefined) return true;
  const t = new Date(Date.UTC(y!, m! - 1, d));
  return t.getUTCFullYear() === y && t.getUTCMonth() === m! - 1 && t.getUTCDate() === d;
}

/** A partial ISO date parameter, or null when absent. */
export function dateParam(name: string, raw: string | undefined): string | null {
  if (raw === undefined || raw === '') return null;
  if (!PARTIAL_DATE.test(raw) || !onCalendar(raw)) throw new ApiError(400, 'bad-parameter', `${name} must be a date YYYY, YYYY-MM or YYYY-MM-DD, not '${raw.slice(0, 40)}'`);
  return raw;
}

/** One of a fixed set of values, or the default when absent. */
export function enumParam<T extends string>(name: string, raw: string | undefined, allowed: readonly T[], def: T): T {
  if (raw === undefined || raw === '') return def;
  if (!(allowed as readonly string[]).includes(raw)) throw new ApiError(400, 'bad-parameter', `${name} must be one of ${allowed.join(', ')}, not '${raw.slice(0, 40)}'`);
  return raw as T;
}

/** A required, non-blank search query of bounded length. */
export function queryParam(raw: string | undefined): string {
  const q = (raw ?? '').trim();
  if (!q) throw new ApiError(400, 'bad-parameter', 'q (the search words) is required');
  if (q.length > MAX_QUERY_CHARS) throw new ApiError(400, 'bad-parameter', `q must be at most ${MAX_QUERY_CHARS} characters`);
  return q;
}

/** A free-text filter (outlet, entity), trimmed and bounded, or null when absent. */
export function textParam(name: string, raw: string | undefined): string | null {
  const v = (raw ?? '').trim();
  if (!v) return null;
  if (v.length > 200) throw new ApiError(400, 'bad-parameter', `${name} must be at most 200 characters`);
  return v;
}
