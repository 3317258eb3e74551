/**
 * Dates in a page's URL: `/2023/06/15/`, `/2023-06-15-title`, `_20230615`. A year and month
 * alone (`/2023/06/`) does not name a day, but it bounds the dates the text pass may pick.
 */
import { makeDay, monthNumber } from './patterns.js';

/** A full day or only a year-month found in a URL. */
export interface UrlDate {
  /** `YYYY-MM-DD`, or null when the URL names only a month. */
  day: string | null;
  /** `YYYY-MM` (always set when anything was found). */
  month: string;
  /** The part of the URL the date was read from. */
  text: string;
}

// Year, month, day as path or slug parts: /2023/06/15/, /2023-06-15-, /2023_06_15, /2023.06.15.
const URL_YMD = /(?:^|[/_\-.=])((?:19|20)\d\d)[/_\-.]([01]?\d)[/_\-.]([0-3]?\d)(?=$|[/_\-.?#&,]|[a-z])/i;
// Compact 20230615 as its own path or slug part.
const URL_COMPACT = /(?:^|[/_\-=])((?:19|20)\d\d)([01]\d)([0-3]\d)(?=$|[/_\-.?#&])/;
// Month as a word between year and day: /2023/october/03/, /2023/okt/03/ (archive paths of some CMSs).
const URL_Y_NAME_D = /\/((?:19|20)\d\d)\/(\p{L}{3,12})\/([0-3]?\d)(?=$|[/_\-.?#&])/iu;
// Year and month only: /2023/06/.
const URL_YM = /\/((?:19|20)\d\d)\/([01]?\d)\//;

/** The date a URL names, or null. */
export function urlDate(url: string | null): UrlDate | null {
  if (!url) return null;
  let path = url;
  // The host never names a date; query strings sometimes do (?date=2023-06-15) and are kept.
  const m0 = /^[a-z][a-z0-9+.-]*:\/\/[^/]+/i.exec(url);
  if (m0) path = url.slice(m0[0].length);
  for (const re of [URL_YMD, URL_COMPACT]) {
    const m = re.exec(path);
    if (!m) continue;
    const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (day) return { day, month: day.slice(0, 7), text: m[0].replace(/^[/_\-.=]/, '') };
  }
  const named = URL_Y_NAME_D.exec(path);
  const namedDay = named && makeDay(Number(named[1]), monthNumber(named[2]!), Number(named[3]));
  if (named && namedDay) return { day: namedDay, month: namedDay.slice(0, 7), text: named[0].slice(1) };
  const ym = URL_YM.exec(path);
  if (ym) {
    const month = Number(ym[2]);
    if (month >= 1 && month <= 12) return { day: null, month: `${ym[1]}-${String(month).padStart(2, '0')}`, text: ym[0] };
  }
  return null;
}
