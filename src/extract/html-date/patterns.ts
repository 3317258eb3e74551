/**
 * Date strings in the many shapes pages write them: ISO 8601 (with or without a time), numeric
 * day-month-year, and day/month names in English, German, French, Spanish, Italian, Dutch,
 * Portuguese, Russian, Ukrainian, Polish, Turkish, the Scandinavian languages and Czech. Parsing
 * keeps the calendar day as written: a time zone never shifts the day.
 */
import { monthAlternation, monthNumbers } from '../../analyze/month-names.js';

/** A date found in a string: the day (`YYYY-MM-DD`), the ISO datetime when a time was given, and the matched text. */
export interface ParsedDate {
  day: string;
  /** `YYYY-MM-DDTHH:MM[:SS][zone]` as written, when the source gives a time; else null. */
  datetime: string | null;
  /** The exact substring the date was read from. */
  text: string;
  /** Offset of `text` in the searched string. */
  index: number;
}

/** Name or abbreviation → month number, every language of the shared table. */
const MONTHS = monthNumbers();
const MONTH_ALT = monthAlternation(MONTHS);

/** Earliest year a web page can carry as its own date. */
export const MIN_YEAR = 1995;

/** The month number for a name or abbreviation, or 0. */
export function monthNumber(name: string): number {
  return MONTHS.get(name.toLowerCase().replace(/\.$/, '')) ?? 0;
}

const pad = (n: number): string => String(n).padStart(2, '0');

/** `YYYY-MM-DD` when the parts form a real calendar day, else null. */
export function makeDay(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || year < 1000 || year > 9999) return null;
  if (month < 1 || month > 12 || day < 1) return null;
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day > days) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** A two-digit year read the way pages mean it (`23` → 2023, `98` → 1998). */
function fullYear(y: string): number {
  const n = Number(y);
  if (y.length === 4) return n;
  return n < 70 ? 2000 + n : 1900 + n;
}

// ISO 8601 date, optionally with a time and a zone: 2023-06-15, 2023-06-15T08:30:00+02:00, 2023-06-15 08:30.
const ISO = /(?<![\d])((?:19|20)\d\d)-([01]?\d)-([0-3]?\d)(?:[T ]([0-2]\d):([0-5]\d)(?::([0-5]\d)(?:[.,]\d+)?)?\s?(Z|[+-][0-2]\d:?[0-5]\d|[+-][0-2]\d)?)?(?![\d])/;
// Slashed or dotted year-first: 2023/06/15, 2023.06.15.
const YMD = /(?<![\d./])((?:19|20)\d\d)[/.]([01]?\d)[/.]([0-3]?\d)(?![\d])/;
// Compact 20230615 (only in attributes and URLs: in text an 8-digit number is usually something else).
const COMPACT = /(?<![\d])((?:19|20)\d\d)([01]\d)([0-3]\d)(?![\d])/;
// Day-first numeric with dots: 15.06.2023, 15.6.23 (German, most of Europe).
const DMY_DOT = /(?<![\d.])([0-3]?\d)\.\s?([01]?\d)\.\s?((?:19|20)\d\d|\d\d)(?![\d]|\.\d)/;
// Slashed or dashed: 15/06/2023 or 06/15/2023 (ambiguous; resolved by value, then by the page's convention).
const SLASHED = /(?<![\d/])([0-3]?\d)[/-]([0-3]?\d)[/-]((?:19|20)\d\d)(?![\d/])/;
// Day before the month name: 15. Juni 2023, 15 June 2023, 15th of June, 2023, 15 de junio de 2023.
const D_MONTH_Y = new RegExp(
  `(?<![\\d\\p{L}])([0-3]?\\d)(?:\\.|st|nd|rd|th|er|º)?\\s*(?:of\\s+|de\\s+|-)?(${MONTH_ALT})\\.?,?(?:\\s+de|\\s*-)?\\s*((?:19|20)\\d\\d)(?![\\d])`,
  'iu',
);
// Month name first: June 15, 2023, Jun. 15th 2023, Juni 15, 2023.
const MONTH_D_Y = new RegExp(
  `(?<![\\p{L}])(${MONTH_ALT})\\.?\\s+([0-3]?\\d)(?:st|nd|rd|th)?,?\\s+((?:19|20)\\d\\d)(?![\\d])`,
  'iu',
);
// CJK: 2023年6月15日.
const CJK = /((?:19|20)\d\d)\s?年\s?([01]?\d)\s?月\s?([0-3]?\d)\s?日/;

/** How to read a date whose day and month could be swapped (04/05/2023). */
export type DayOrder = 'dmy' | 'mdy';

/** Options of the string parser. */
export interface ParseOptions {
  /** Reading of ambiguous slashed dates; pages in US English write month first. */
  order?: DayOrder;
  /** Accept compact `20230615` (attributes, URLs). */
  compact?: boolean;
}

function fromIso(m: RegExpExecArray): ParsedDate | null {
  const day = makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
  if (!day) return null;
  let datetime: string | null = null;
  if (m[4] !== undefined && m[5] !== undefined) {
    const zone = m[7] ? (m[7] === 'Z' ? 'Z' : m[7].length === 3 ? `${m[7]}:00` : m[7].includes(':') ? m[7] : `${m[7].slice(0, 3)}:${m[7].slice(3)}`) : '';
    datetime = `${day}T${m[4]}:${m[5]}:${m[6] ?? '00'}${zone}`;
  }
  return { day, datetime, text: m[0], index: m.index };
}

type Reader = (m: RegExpExecArray, opts: ParseOptions) => string | null;

const READERS: Array<[RegExp, Reader]> = [
  [YMD, (m) => makeDay(Number(m[1]), Number(m[2]), Number(m[3]))],
  [D_MONTH_Y, (m) => makeDay(Number(m[3]), monthNumber(m[2]!), Number(m[1]))],
  [MONTH_D_Y, (m) => makeDay(Number(m[3]), monthNumber(m[1]!), Number(m[2]))],
  [DMY_DOT, (m) => makeDay(fullYear(m[3]!), Number(m[2]), Number(m[1]))],
  [SLASHED, (m, o) => {
    const a = Number(m[1]);
    const b = Number(m[2]);
    const y = Number(m[3]);
    if (a > 12) return makeDay(y, b, a);
    if (b > 12) return makeDay(y, a, b);
    return o.order === 'mdy' ? makeDay(y, a, b) : makeDay(y, b, a);
  }],
  [CJK, (m) => makeDay(Number(m[1]), Number(m[2]), Number(m[3]))],
];

// Decimal digits of other scripts (Arabic-Indic, Persian, Devanagari, Bengali, fullwidth, ...): each is
// one UTF-16 unit, so replacing them by ASCII digits keeps every offset.
const OTHER_DIGIT = /[\u0660-\u0669\u06f0-\u06f9\u0966-\u096f\u09e6-\u09ef\u0e50-\u0e59\uff10-\uff19]/g;
const DIGIT_ZERO = [0x0660, 0x06f0, 0x0966, 0x09e6, 0x0e50, 0xff10];

/** The string with other scripts' digits written as ASCII digits, same length. */
export function asciiDigits(s: string): string {
  return s.replace(OTHER_DIGIT, (c) => {
    const code = c.charCodeAt(0);
    const zero = DIGIT_ZERO.find((z) => code >= z && code <= z + 9)!;
    return String(code - zero);
  });
}

/** The first date in a short string (an attribute value or an element's text), or null. */
export function parseDate(input: string, options: ParseOptions = {}): ParsedDate | null {
  const head = input.length > 400 ? input.slice(0, 400) : input;
  const s = asciiDigits(head);
  const found = firstDate(s, options);
  // Evidence quotes the page as written, not the ASCII-digit copy.
  return found && s !== head ? { ...found, text: head.slice(found.index, found.index + found.text.length) } : found;
}

function firstDate(s: string, options: ParseOptions): ParsedDate | null {
  const iso = ISO.exec(s);
  if (iso) {
    const r = fromIso(iso);
    if (r) return r;
  }
  let best: ParsedDate | null = null;
  for (const [re, read] of READERS) {
    const m = re.exec(s);
    if (!m) continue;
    const day = read(m, options);
    if (day && (!best || m.index < best.index)) best = { day, datetime: null, text: m[0], index: m.index };
  }
  if (best) return best;
  if (options.compact) {
    const m = COMPACT.exec(s);
    const day = m && makeDay(Number(m[1]), Number(m[2]), Number(m[3]));
    if (m && day) return { day, datetime: null, text: m[0], index: m.index };
  }
  return null;
}

const GLOBAL_READERS: Array<[RegExp, Reader | 'iso']> = [
  [new RegExp(ISO.source, 'g'), 'iso'],
  ...READERS.map(([re, read]): [RegExp, Reader] => [new RegExp(re.source, re.flags.includes('g') ? re.flags : `${re.flags}g`), read]),
];

/** Every date in a longer text, in order of position (overlapping matches dropped). */
export function findAllDates(original: string, options: ParseOptions = {}): ParsedDate[] {
  const text = asciiDigits(original);
  const found: ParsedDate[] = [];
  for (const [source, read] of GLOBAL_READERS) {
    const re = new RegExp(source.source, source.flags);
    let m: RegExpExecArray | null;
    while ((m = re.exec(text))) {
      if (read === 'iso') {
        const r = fromIso(m);
        if (r) found.push(r);
      } else {
        const day = read(m, options);
        if (day) found.push({ day, datetime: null, text: m[0], index: m.index });
      }
    }
  }
  found.sort((a, b) => a.index - b.index || b.text.length - a.text.length);
  const out: ParsedDate[] = [];
  let end = -1;
  for (const d of found) {
    if (d.index < end) continue;
    // Evidence quotes the page as written, not the ASCII-digit copy.
    out.push(text === original ? d : { ...d, text: original.slice(d.index, d.index + d.text.length) });
    end = d.index + d.text.length;
  }
  return out;
}
