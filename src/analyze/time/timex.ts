/**
 * Time expressions (TIMEX3) in news text, in the manner of HeidelTime: extraction rules per
 * expression type, each producing an unresolved meaning, then normalisation against the document
 * creation time (dct) and the tense of the sentence. The rules below read English; the words of
 * other languages ("ieri", "venerdì scorso", "letzten Freitag") are data, read by `language-rules.ts`.
 *
 * ```ts
 * findTimexes('He said on Monday that talks will resume next month.', { dct: '2024-02-07' });
 * // → [{ text: 'Monday', value: '2024-02-05', … }, { text: 'next month', value: '2024-03', … }]
 * ```
 */
import { addDays, addMonths, formatDay, formatMonth, formatWeek, parseDct, toDayNumber, weekday, type Ymd } from './calendar.js';
import { tenseAt, type Tense } from './tense.js';
import { detectLanguage } from '../language.js';
import { monthAlternation, monthNumbers, MONTH_NAMES } from '../month-names.js';
import { rulesForLanguage, tenseMarkersFor } from './language-rules.js';

export type TimexType = 'DATE' | 'TIME' | 'DURATION' | 'SET';
export type TimexMod = 'START' | 'MID' | 'END' | 'APPROX' | 'MORE_THAN' | 'LESS_THAN' | 'EQUAL_OR_MORE' | 'EQUAL_OR_LESS';

/** One time expression: character offsets [start, end) into the text, its type and TIMEX3 value. */
export interface Timex {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  /** TIMEX3 value: `2020`, `2023-09`, `2024-02-12`, `2013-W11`, `2012-SU`, `P3D`, `PAST_REF`, `XXXX-09`… */
  value: string;
  mod?: TimexMod;
  /**
   * Set on a DURATION that is an offset from another happening, not how long something lasted:
   * "two weeks after the talks" (`after`), "three days before the vote" (`before`).
   */
  offset?: TimexOffset;
}

/** Which side of another happening an offset duration points to. */
export type TimexOffset = 'before' | 'after';

export interface TimexOptions {
  /** Document creation (publication) time, `YYYY-MM-DD` or an ISO datetime; null leaves relative values unanchored (`XXXX-09`). */
  dct?: string | null;
  /** ISO 639-1 code of the text, for its own words ("ieri", "letzten Freitag"); detected when absent, none when null. */
  language?: string | null;
}

/** Which way a year-less or relative expression points. */
export type Direction = 'last' | 'next' | 'this' | 'tense';
export type Season = 'SP' | 'SU' | 'FA' | 'WI';

/** What an expression means before it is anchored to a date. */
export type TimexMeaning =
  | { k: 'abs'; value: string }
  | { k: 'day'; off: number }
  | { k: 'unit'; unit: 'week' | 'weekend' | 'month' | 'year' | 'decade' | 'quarter'; off: number; /** "the weekend": the nearest one, chosen by tense. */ near?: boolean }
  | { k: 'month'; m: number; d?: number; dir: Direction; yoff?: number; /** Weekday named with the date ("Monday, Oct. 26"), 0 = Sunday. */ wd?: number }
  | { k: 'weekday'; wd: number; dir: Direction }
  | { k: 'dom'; d: number }
  | { k: 'season'; s: Season; dir: Direction }
  | { k: 'quarter'; q: number; dir: Direction; /** Year relative to the dct's ("this year's third quarter": 0). */ yoff?: number }
  | { k: 'plain'; value: string }
  /** "the quarter", "the latest quarter": the quarter last named in the text, else the one before the dct. */
  | { k: 'quarterRef' }
  /** The n-th weekday of a month in the year of the dct ("Thanksgiving": 4th Thursday of November). */
  | { k: 'nthWeekday'; m: number; wd: number; n: number }
  /** "a year earlier", "the year-ago quarter": the same period a year before the last named quarter, else the year before the dct. */
  | { k: 'yearBeforePeriod' }
  | { k: 'time'; base: TimexMeaning; t: string };

/** A matched expression with its meaning and the tense of its sentence, before resolution. */
export interface TimexMention {
  start: number;
  end: number;
  text: string;
  type: TimexType;
  meaning: TimexMeaning;
  tense: Tense | null;
  mod?: TimexMod;
  offset?: TimexOffset;
}

// ---------------------------------------------------------------- lexicon

const MONTHS: Record<string, number> = {
  january: 1, jan: 1, february: 2, feb: 2, march: 3, mar: 3, april: 4, apr: 4, may: 5, june: 6, jun: 6,
  july: 7, jul: 7, august: 8, aug: 8, september: 9, sept: 9, sep: 9, october: 10, oct: 10,
  november: 11, nov: 11, december: 12, dec: 12,
};
// Abbreviations may lack their period ("Mar 2"); a bare one without it is rejected by the `month` rule.
const MONTH = String.raw`(?:January|February|March|April|May|June|July|August|September|October|November|December|Jan\.?|Feb\.?|Mar\.?|Apr\.?|Jun\.?|Jul\.?|Aug\.?|Sept\.?|Sep\.?|Oct\.?|Nov\.?|Dec\.?)`;
// Other languages' month names (`month-names.ts`), read in any text only inside a full day-month-year
// date ("12. Mai 2024", "25 gennaio 2011", "5 de mayo de 2024"): alone, "Mai", "Mars" or "Marzo" are
// too often names; the rules of the text's own language read them without a year.
const FOREIGN_MONTHS: ReadonlyMap<string, number> = monthNumbers(Object.keys(MONTH_NAMES).filter((l) => l !== 'en'));
const FOREIGN_MONTH = `(?:${monthAlternation(FOREIGN_MONTHS)})`;
const WEEKDAYS: Record<string, number> = { sunday: 0, monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6 };
const WEEKDAY = String.raw`(?:Sunday|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday)`;
/** Weekday abbreviations, accepted only in front of a full date ("Mon Mar 2, 2009"). */
const WEEKDAY_SHORT = String.raw`(?:Sun|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat)\.?`;
const DAY = String.raw`(?:3[01]|[12]\d|0?[1-9])(?:st|nd|rd|th)?`;
const YEAR = String.raw`(?:1[89]\d\d|20\d\d)`;
// Broadcast transcripts spell years out: "nineteen ninety-four", "nineteen eighty". "nineteen" plus a
// tens word is never a plain number in English, so it needs no context.
const UNITS_WORD = String.raw`(?:one|two|three|four|five|six|seven|eight|nine)`;
const SPELLED_YEAR = String.raw`nineteen[-\s](?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s]${UNITS_WORD})?|oh[-\s]${UNITS_WORD}|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen)`;
/** A year in digits, or spelled "nineteen ninety-four" (a twentieth-century year). */
const ANY_YEAR = `(?:${YEAR}|${SPELLED_YEAR})`;
/** The number of a year written in digits or spelled out; NaN when it is neither. */
function yearNumber(s: string): number {
  if (/^\d{4}$/.test(s)) return +s;
  const rest = s.toLowerCase().replace(/^nineteen[-\s]/, '').replace(/^oh[-\s]/, '');
  const n = parseNumber(rest);
  return n === null || n >= 100 ? NaN : 1900 + n;
}
// Spelled day ordinals after a month name in transcripts: "March eighth", "June twenty-first".
const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20, thirtieth: 30,
};
const ORDINAL_DAY = String.raw`(?:(?:twenty|thirty)[-\s](?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth)|${Object.keys(ORDINAL_WORDS).join('|')})`;
/** 21 from "twenty-first". */
function ordinalDay(s: string): number {
  const parts = s.toLowerCase().split(/[-\s]+/);
  return parts.length === 2 ? (parts[0] === 'twenty' ? 20 : 30) + (ORDINAL_WORDS[parts[1]!] ?? NaN) : (ORDINAL_WORDS[parts[0]!] ?? NaN);
}
const ORDINALS: Record<string, number> = { first: 1, second: 2, third: 3, fourth: 4, '1st': 1, '2nd': 2, '3rd': 3, '4th': 4 };
const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, thirteen: 13, fourteen: 14, fifteen: 15, sixteen: 16, seventeen: 17,
  eighteen: 18, nineteen: 19, twenty: 20, thirty: 30, forty: 40, fifty: 50, sixty: 60, seventy: 70,
  eighty: 80, ninety: 90, hundred: 100, couple: 2, dozen: 12,
};
const NUM_WORD = String.raw`(?:(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine))?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|a hundred|hundred|a couple of|a dozen|\d+(?:\.\d+)?)`;
const VAGUE = String.raw`(?:several|a few|few|many|some|recent|coming|the coming|next few|past few|last few|the past few|the last few|the next few)`;
const UNIT = String.raw`(?:second|minute|hour|day|week|month|year|decade|century|centuries)`;
const SEASONS: Record<string, Season> = { spring: 'SP', summer: 'SU', fall: 'FA', autumn: 'FA', winter: 'WI' };

/** Parses "two", "twenty-four", "24", "a couple of" into a number; null for vague words. */
function parseNumber(s: string): number | null {
  const w = s.toLowerCase().replace(/^a (?=hundred|couple|dozen)/, '').replace(/ of$/, '').trim();
  if (/^\d+(\.\d+)?$/.test(w)) return Number(w);
  const parts = w.split(/[-\s]+/);
  let n = 0;
  for (const p of parts) {
    const v = NUMBER_WORDS[p];
    if (v === undefined) return null;
    n += v;
  }
  return n;
}

function monthOf(s: string): number {
  const k = s.toLowerCase().replace(/\.$/, '');
  return MONTHS[k] ?? FOREIGN_MONTHS.get(k) ?? 0;
}

function durationValue(n: number | null, unit: string): string {
  const u = unit.toLowerCase().replace(/s$/, '').replace(/ie$/, 'y');
  const x = n === null ? 'X' : String(n);
  switch (u) {
    case 'second': return `PT${x}S`;
    case 'minute': return `PT${x}M`;
    case 'hour': return `PT${x}H`;
    case 'day': return `P${x}D`;
    case 'week': return `P${x}W`;
    case 'month': return `P${x}M`;
    // TimeBank writes quarters as months ("the next three quarters" = P9M).
    case 'quarter': return n === null ? 'PXM' : `P${n * 3}M`;
    case 'decade': return n === null ? 'PXDE' : `P${n * 10}Y`;
    case 'century': case 'centurie': case 'centry': return n === null ? 'PXCE' : `P${n * 100}Y`;
    default: return `P${x}Y`;
  }
}

const DIR_WORDS: Record<string, Direction> = { last: 'last', past: 'last', previous: 'last', next: 'next', coming: 'next', this: 'this', current: 'this' };
const dirOf = (w: string | undefined): Direction => (w ? (DIR_WORDS[w.toLowerCase()] ?? 'tense') : 'tense');
const offOf = (d: Direction): number => (d === 'last' ? -1 : d === 'next' ? 1 : 0);

// ---------------------------------------------------------------- rules

interface RuleHit {
  type: TimexType;
  meaning: TimexMeaning;
  mod?: TimexMod;
  offset?: TimexOffset;
}
interface Rule {
  name: string;
  re: RegExp;
  /** Null rejects the match (e.g. a lowercase "may"). */
  build(m: RegExpExecArray, text: string): RuleHit | null;
}

const B = String.raw`(?<![\w$€£#.,]|\d-)`; // no number, currency or word glued on the left
const E = String.raw`(?![\w]|[.,]\d)`; // nor on the right

function rule(name: string, pattern: string, build: Rule['build'], flags = 'g'): Rule {
  return { name, re: new RegExp(B + pattern + E, flags), build };
}

const date = (meaning: TimexMeaning): RuleHit => ({ type: 'DATE', meaning });
const abs = (value: string): RuleHit => date({ k: 'abs', value });
const dayStr = (y: number, m: number, d: number) => formatDay({ y, m, d });
const validDay = (m: number, d: number) => m >= 1 && m <= 12 && d >= 1 && d <= 31;

const RULES: Rule[] = [
  // ---- explicit calendar dates
  rule('iso-date', String.raw`(${YEAR})-(\d\d)-(\d\d)`, (m) => (validDay(+m[2]!, +m[3]!) ? abs(dayStr(+m[1]!, +m[2]!, +m[3]!)) : null)),
  rule('us-numeric-date', String.raw`(\d\d?)/(\d\d?)/(${YEAR})`, (m) => (validDay(+m[1]!, +m[2]!) ? abs(dayStr(+m[3]!, +m[1]!, +m[2]!)) : null)),
  rule('month-day-year', String.raw`(?:(?:${WEEKDAY}|${WEEKDAY_SHORT}),?\s+)?(${MONTH})\s+(${DAY})\s*,?\s+(${YEAR})`, (m) => abs(dayStr(+m[3]!, monthOf(m[1]!), parseInt(m[2]!, 10)))),
  rule('day-month-year', String.raw`(?:${WEEKDAY},?\s+)?(?:the\s+)?(${DAY})\s+(?:of\s+)?(${MONTH})\s*,?\s+(${YEAR})`, (m) => abs(dayStr(+m[3]!, monthOf(m[2]!), parseInt(m[1]!, 10)))),
  // "12. Mai 2024", "1er mars 2024", "5 de mayo de 2024": day-month-year as German, French and Spanish
  // write it (a period after the day, "de" between the parts); English names are accepted the same way.
  rule('day-month-year-intl', String.raw`(${DAY}|1er)(?:\.|º|°)?\s+(?:de\s+)?(${FOREIGN_MONTH}|${MONTH})\s+(?:de\s+|del\s+)?(${YEAR})`, (m) => {
    const mo = monthOf(m[2]!);
    const d = parseInt(m[1]!, 10);
    return mo && validDay(mo, d) ? abs(dayStr(+m[3]!, mo, d)) : null;
  }, 'gi'),
  rule('month-day', String.raw`(?:(${WEEKDAY}),?\s+)?(${MONTH})\s+(${DAY})(?!\s*,?\s*\d)`, (m) => date({ k: 'month', m: monthOf(m[2]!), d: parseInt(m[3]!, 10), dir: 'tense', ...weekdayOf(m[1]) })),
  rule('day-month', String.raw`(?:(${WEEKDAY}),?\s+)?(?:the\s+)?(${DAY})\s+(?:of\s+)?(${MONTH})(?!\s*,?\s*\d)`, (m) => date({ k: 'month', m: monthOf(m[3]!), d: parseInt(m[2]!, 10), dir: 'tense', ...weekdayOf(m[1]) })),
  rule('month-year', String.raw`(?:(?:early|mid|late)[-\s]+)?(${MONTH}),?\s+(?:of\s+)?(${ANY_YEAR})`, (m) => abs(formatMonth(yearNumber(m[2]!), monthOf(m[1]!)))),
  rule('month-ordinal-day', String.raw`(?:(${WEEKDAY}),?\s+)?(${MONTH})\s+(?:the\s+)?(${ORDINAL_DAY})(?:,?\s+(${SPELLED_YEAR}))?`, (m) => {
    const d = ordinalDay(m[3]!);
    if (!validDay(monthOf(m[2]!), d)) return null;
    return m[4] ? abs(dayStr(yearNumber(m[4]), monthOf(m[2]!), d)) : date({ k: 'month', m: monthOf(m[2]!), d, dir: 'tense', ...weekdayOf(m[1]) });
  }),
  rule('month-of-rel-year', String.raw`(${MONTH})\s+(?:of\s+)?(last|next|this)\s+year`, (m) => date({ k: 'month', m: monthOf(m[1]!), dir: 'this', yoff: offOf(dirOf(m[2])) }), 'gi'),
  rule('rel-month', String.raw`(last|next|this|past|coming)\s+(${MONTH})(?:\s+(${DAY})(?!\s*,?\s*\d))?`, (m) => (/^[A-Z]/.test(m[2]!) ? date({ k: 'month', m: monthOf(m[2]!), dir: dirOf(m[1]), ...(m[3] ? { d: parseInt(m[3], 10) } : {}) }) : null), 'gi'),
  rule('month', `(${MONTH})`, (m, text) => {
    // "Jan Kavan": an abbreviation without its period stands alone only as a name.
    if (/^[A-Z][a-z]{2,3}$/.test(m[1]!) && !(m[1]!.toLowerCase() in { may: 1, june: 1, july: 1 })) return null;
    // A bare "May" or "March" is a verb or a name too often: keep it only after a temporal preposition.
    // "the March accession", "the May elections": after "the", a capitalised name before a lowercase noun is the month.
    const attributive = /\bthe\s+$/i.test(text.slice(Math.max(0, m.index - 5), m.index)) && /^\s+(?!of\b|on\b|to\b|in\b|for\b|against\b)[a-z]{3,}/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16));
    if (/^(May|March)$/.test(m[1]!) && !attributive && !/\b(?:in|since|until|till|by|of|from|through|early|late|mid|before|after|during|last|next|this)[\s-]+$/i.test(text.slice(Math.max(0, m.index - 12), m.index))) return null;
    return date({ k: 'month', m: monthOf(m[1]!), dir: 'tense' });
  }),
  rule('day-of-this-month', String.raw`the\s+(${DAY})\s+of\s+(?:this|the)\s+month`, (m) => date({ k: 'dom', d: parseInt(m[1]!, 10) }), 'gi'),
  // Lookbehinds stand after the word they guard: placed first, `\s+` in them scanned back over a whole run
  // of white space at every position of it (quadratic: 20 kB of spaces took 2 s).
  rule('on-the-ordinal', String.raw`the(?<=\bon\s+the)\s+((?:3[01]|[12]\d|[1-9])(?:st|nd|rd|th))`, (m) => date({ k: 'dom', d: parseInt(m[1]!, 10) }), 'gi'),
  // ---- years, decades, centuries
  rule('fiscal-year', String.raw`(?:the\s+)?fiscal(?:\s+year)?\s+(${YEAR}|'\d\d)`, (m) => abs(m[1]!.startsWith("'") ? `19${m[1]!.slice(1)}` : m[1]!), 'gi'),
  rule('spelled-year', String.raw`(?:the\s+year\s+two\s+thousand(?:[-\s]and)?(?:[-\s]${UNITS_WORD})?|(?:the\s+year\s+)?${SPELLED_YEAR})`, (m) => {
    // "two thousand" alone is a number; only "the year two thousand" is a year.
    const w = m[0].toLowerCase().replace(/^the\s+year\s+/, '');
    if (w.startsWith('two')) {
      const rest = w.replace(/^two\s+thousand(?:[-\s]and)?[-\s]?/, '');
      const n = rest ? parseNumber(rest) : 0;
      return n === null ? null : abs(String(2000 + n));
    }
    const y = yearNumber(w);
    return Number.isNaN(y) ? null : abs(String(y));
  }, 'gi'),
  rule('year', `(${YEAR})`, (m, text) => {
    // A year is a number too: "1,990 troops" is filtered by the guards; "2020 people" here.
    if (/^\s+(?:people|persons|troops|soldiers|workers|employees|jobs|deaths|cases|votes|units|shares|tons|tonnes|miles|km|meters|metres|feet|dollars|euros|pounds|yuan|percent|per cent|points|[%])/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    if (/\b(?:No|no|number|Flight|flight|Route|route|Highway|page|pages|Resolution|resolution|Room|room)\.?\s+$/.test(text.slice(Math.max(0, m.index - 14), m.index))) return null;
    // A 24-hour clock time is four digits too: "at about 2045 GMT", "by 0930 local time", "1800 hours".
    if (/^\s*(?:GMT|UTC|BST|CET|CEST|EST|EDT|CST|CDT|PST|PDT|Z|hrs?\b|hours\b|local\s+time)/.test(text.slice(m.index + m[0].length, m.index + m[0].length + 12))) return null;
    return abs(m[1]!);
  }),
  rule('decade', String.raw`(?:the\s+)?(?:(early|mid|late)[-\s]+)?(1[89]|20)(\d)0['’]?s`, (m) => abs(`${m[2]}${m[3]}`), 'gi'),
  rule('short-decade', String.raw`(?:the\s+)?['’](\d)0s`, (m) => abs(`19${m[1]}`), 'gi'),
  rule('century', String.raw`(?:the\s+)?(\d\d?)(?:st|nd|rd|th)\s+century`, (m) => abs(String(+m[1]! - 1).padStart(2, '0')), 'gi'),
  // ---- seasons, quarters, halves
  rule('season-year', String.raw`(?:the\s+)?(spring|summer|fall|autumn|winter)\s+(?:of\s+)?(${ANY_YEAR})`, (m) => abs(`${yearNumber(m[2]!)}-${SEASONS[m[1]!.toLowerCase()]}`), 'gi'),
  rule('season', String.raw`(?:(this|last|next|past|coming)\s+(?:past\s+)?)?(spring|summer|fall|autumn|winter)`, (m, text) => {
    const s = SEASONS[m[2]!.toLowerCase()]!;
    // "fall" is a verb: without "this/last/next" keep it only after a temporal preposition.
    if (!m[1] && !/\b(?:in|this|the|since|until|by|during|early|late|mid)[\s-]+$/i.test(text.slice(Math.max(0, m.index - 10), m.index))) return null;
    return date({ k: 'season', s, dir: dirOf(m[1]) });
  }, 'gi'),
  rule('quarter-year', String.raw`(?:the\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal\s+)?quarter(?:\s+of)?,?\s+(?:fiscal\s+)?(${YEAR})`, (m) => abs(`${m[2]}-Q${ORDINALS[m[1]!.toLowerCase()]}`), 'gi'),
  rule('quarter', String.raw`(?:the\s+)?(?:(last|next|this|current|past|previous|coming)\s+)?(?:fiscal\s+)?(first|second|third|fourth|1st|2nd|3rd|4th)[-\s](?:fiscal\s+)?quarter`, (m) => date({ k: 'quarter', q: ORDINALS[m[2]!.toLowerCase()]!, dir: dirOf(m[1]) }), 'gi'),
  rule('year-quarter', String.raw`(?:the\s+)?(?:fiscal\s+)?(${YEAR})\s+(first|second|third|fourth)[-\s]quarter`, (m) => abs(`${m[1]}-Q${ORDINALS[m[2]!.toLowerCase()]}`), 'gi'),
  rule('q-quarter', String.raw`Q([1-4])\s+(${YEAR})`, (m) => abs(`${m[2]}-Q${m[1]}`)),
  // "the latest quarter" is the one just reported on, not the calendar quarter of the dct.
  rule('rel-quarter', String.raw`(?:the\s+)?(last|next|this|current|previous|latest|past|coming)\s+quarter`, (m) => date(m[1]!.toLowerCase() === 'latest' ? { k: 'quarterRef' } : { k: 'unit', unit: 'quarter', off: offOf(dirOf(m[1])) }), 'gi'),
  // "this year's third quarter", "the year-earlier second quarter": one expression, a quarter of a relative year.
  rule('rel-year-quarter', String.raw`(?:the\s+)?(?:(this|last|next)\s+year['’]s|year-(?:earlier|ago))\s+(?:fiscal\s+)?(first|second|third|fourth)[-\s](?:fiscal\s+)?quarter`, (m) => date({ k: 'quarter', q: ORDINALS[m[2]!.toLowerCase()]!, dir: 'this', yoff: m[1] ? offOf(dirOf(m[1])) : -1 }), 'gi'),
  // "the last half of 1989" is the second half, as "the latter half".
  rule('half-year', String.raw`(?:the\s+)?(first|second|last|latter)\s+half\s+(?:of\s+)?(${YEAR})`, (m) => abs(`${m[2]}-H${m[1]!.toLowerCase() === 'first' ? 1 : 2}`), 'gi'),
  // ---- weekdays and deictic days
  // "Sunday night" is annotated as the day in TimeBank (TempEval-3 train): a DATE, not a TIME.
  rule('weekday-part', String.raw`(?:(last|next|this|coming|past)\s+)?(${WEEKDAY})\s+(morning|afternoon|evening|night)`, (m) => date({ k: 'weekday', wd: WEEKDAYS[m[2]!.toLowerCase()]!, dir: dirOf(m[1]) }), 'g'),
  rule('clock-weekday', String.raw`(?:(\d\d?)(?:[:.](\d\d))?\s*(a\.m\.|p\.m\.)|(noon|midnight))\s+(?:on\s+)?(${WEEKDAY})`, (m) => ({ type: 'TIME', meaning: { k: 'time', base: { k: 'weekday', wd: WEEKDAYS[m[5]!.toLowerCase()]!, dir: 'tense' }, t: clockPart(m[1], m[2], m[3], m[4]) } }), 'g'),
  rule('weekday-clock', String.raw`(${WEEKDAY})\s+(?:at\s+)?(?:(\d\d?)(?:[:.](\d\d))?\s*(a\.m\.|p\.m\.)|(noon|midnight))`, (m) => ({ type: 'TIME', meaning: { k: 'time', base: { k: 'weekday', wd: WEEKDAYS[m[1]!.toLowerCase()]!, dir: 'tense' }, t: clockPart(m[2], m[3], m[4], m[5]) } }), 'g'),
  rule('weekday', String.raw`(?:(last|next|this|coming|past)\s+)?(${WEEKDAY})(?!['’]s\s+(?:edition|paper|issue))`, (m) => date({ k: 'weekday', wd: WEEKDAYS[m[2]!.toLowerCase()]!, dir: dirOf(m[1]) }), 'g'),
  rule('day-part', String.raw`(yesterday|today|tomorrow|this|last)\s+(morning|afternoon|evening|night)`, (m) => ({ type: 'TIME', meaning: { k: 'time', base: { k: 'day', off: m[1]!.toLowerCase() === 'yesterday' || m[1]!.toLowerCase() === 'last' ? -1 : m[1]!.toLowerCase() === 'tomorrow' ? 1 : 0 }, t: partOfDay(m[2]!) } }), 'gi'),
  rule('deictic-day', String.raw`(the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|yesterday|today|tonight|tomorrow)`, (m) => {
    const w = m[1]!.toLowerCase();
    const off = w.includes('before') ? -2 : w.includes('after') ? 2 : w === 'yesterday' ? -1 : w === 'tomorrow' ? 1 : 0;
    return date({ k: 'day', off });
  }, 'gi'),
  // ---- weeks, months, years relative to now
  rule('rel-unit', String.raw`(?:the\s+)?(this|last|next|past|coming|previous|current)\s+(week|weekend|month|year|decade)`, (m) => {
    // "This Week With David Brinkley": a capitalised unit word makes a title, even at a sentence start.
    if (/^[A-Z]/.test(m[2]!)) return null;
    const unit = m[2]!.toLowerCase() as 'week' | 'weekend' | 'month' | 'year' | 'decade';
    // "the past decade" is a stretch of time (a DURATION), "last decade" a date.
    if (m[1]!.toLowerCase() === 'past') return null;
    return date({ k: 'unit', unit, off: offOf(dirOf(m[1])) });
  }, 'gi'),
  // "for the year ended Aug. 31" is a twelve-month period; "a high for the year", "by the end of the
  // year" mean the current year (TimeBank tags both; the bare phrase is rarely anything else in news).
  rule('the-year', String.raw`the\s+(?:(current|latest|last|previous|past|next|coming)\s+)?(?:fiscal\s+)?year(?!-|\s+(?:earlier|ago|before|after|later|of\s+the\b|in\s+which|when|that|\d|two\s+thousand|nineteen)|['’]s)`, (m, text) => {
    if (/^\s+(?:ended|ending|to\s+(?:date|\w+\.?\s+\d))/i.test(text.slice(m.index + m[0].length, m.index + m[0].length + 16))) return { type: 'DURATION', meaning: { k: 'plain', value: 'P1Y' } };
    const w = m[1]?.toLowerCase();
    // Without a direction word "the (fiscal) year" is the dct's year; "the latest fiscal year" is the last one reported.
    const off = w === 'latest' || w === 'last' || w === 'previous' ? -1 : w === 'next' || w === 'coming' ? 1 : 0;
    if (w === 'past') return null; // "the past year" is a stretch of time, matched as a duration
    return date({ k: 'unit', unit: 'year', off });
  }, 'gi'),
  // "by year-end", "since year end": the last day of the dct's year, or of the year before after "since".
  rule('year-end', String.raw`year[-\s]end`, (m, text) => date({ k: 'month', m: 12, d: 31, dir: /\bsince\s+$/i.test(text.slice(Math.max(0, m.index - 8), m.index)) ? 'last' : 'tense' }), 'gi'),
  // "over the weekend" in a Monday paper is the one just past: resolved by tense, not by ISO week.
  rule('the-weekend', String.raw`the\s+weekend`, () => date({ k: 'unit', unit: 'weekend', off: 0, near: true }), 'gi'),
  rule('early-rel', String.raw`(?:earlier|later)\s+(this|last|next)\s+(week|month|year)`, (m) => date({ k: 'unit', unit: m[2]!.toLowerCase() as 'week', off: offOf(dirOf(m[1])) }), 'gi'),
  // "two weeks after the talks": an offset from another happening. TimeBank tags only "two weeks" (a
  // DURATION), so the extent stops there; `offset` says it is not how long anything lasted.
  rule('units-offset', String.raw`(${NUM_WORD}|a|an)\s+(${UNIT})s?(?=\s+(later|after|before)\b)`, (m, text) => {
    const n = parseNumber(m[1]!);
    if (n === null) return null;
    const word = /^\s+(later|after|before)/i.exec(text.slice(m.index + m[0].length))![1]!.toLowerCase();
    return { type: 'DURATION', meaning: { k: 'plain', value: durationValue(n, m[2]!) }, offset: word === 'before' ? 'before' : 'after' };
  }, 'gi'),
  // "a week or so ago" is a week ago, approximately.
  rule('units-ago', String.raw`(${NUM_WORD}|a|an)\s+(${UNIT})s?\s+(?:(or\s+so)\s+)?(ago|earlier|from now|hence)`, (m) => {
    const hit = unitsAgo(m[1]!, m[2]!, m[4]!);
    return hit && m[3] && hit.type === 'DATE' ? { ...hit, mod: 'APPROX' } : hit;
  }, 'gi'),
  rule('year-ago', String.raw`(?:the\s+)?year-(?:ago|earlier)(?:\s+(?:period|quarter|level|figures?))?`, () => date({ k: 'yearBeforePeriod' }), 'gi'),
  rule('vague-ago', String.raw`(?:(?:a\s+)?few|several|many|some|(?=\w+\s+ago))\s*(?:${UNIT})s\s+ago`, () => date({ k: 'plain', value: 'PAST_REF' }), 'gi'),
  rule('quarter-ref', String.raw`the\s+(?:latest\s+)?(?:quarter|period)(?!\s+of|-)`, (m) => (/period/i.test(m[0]) && !/latest/i.test(m[0]) ? null : date({ k: 'quarterRef' })), 'gi'),
  rule('a-unit', String.raw`(?<!(?:\b(?:once|twice|times|per|hours|million|billion)|\d|%)\s+)(?:about\s+|nearly\s+|almost\s+|over\s+)?(?:a|an|one)\s+(hour|day|week|month|year|decade)(?!-|\s+(?:ago|earlier|later|before|after)\b)`, (m) => ({ type: 'DURATION', meaning: { k: 'plain', value: durationValue(1, m[1]!) } }), 'gi'),
  rule('holiday', String.raw`(Christmas Eve|Christmas Day|Christmas|New Year['’]s Eve|New Year['’]s Day|Independence Day|Valentine['’]s Day|Halloween|Thanksgiving(?: Day)?)`, (m) => {
    const h = m[1]!.toLowerCase().replace(/['’]/g, '');
    if (h.startsWith('thanksgiving')) return date({ k: 'nthWeekday', m: 11, wd: 4, n: 4 });
    const md: Record<string, [number, number]> = { 'christmas eve': [12, 24], 'christmas day': [12, 25], christmas: [12, 25], 'new years eve': [12, 31], 'new years day': [1, 1], 'independence day': [7, 4], 'valentines day': [2, 14], halloween: [10, 31] };
    const [mo, d] = md[h]!;
    return date({ k: 'month', m: mo, d, dir: 'tense' });
  }),
  // ---- durations
  rule('duration', String.raw`(?:the\s+)?(?:(past|last|next|first|coming|previous|latest|final|following|remaining|initial)\s+)?(${NUM_WORD})(?:\s+more)?[-\s]+(${UNIT})s?(?:-long)?(?![-\s]old)`, (m) => {
    const n = parseNumber(m[2]!);
    if (n === null || n <= 0) return null;
    // "60 Minutes" mid-sentence is a title, not a stretch of time.
    if (/^[A-Z]/.test(m[3]!) && m.index > 0) return null;
    return { type: 'DURATION', meaning: { k: 'plain', value: durationValue(n, m[3]!) } };
  }, 'gi'),
  rule('duration-vague', String.raw`(?:(?:the|a|an)\s+)?(?:${VAGUE})\s+(${UNIT})s`, (m) => ({ type: 'DURATION', meaning: { k: 'plain', value: durationValue(null, m[1]!) } }), 'gi'),
  // "the past two quarters", "several quarters of losses": fiscal quarters as a unit of length. Not
  // "three quarters of the vote" or "three-quarters" (a fraction).
  rule('duration-quarters', String.raw`(?:the\s+)?(?:(?:past|last|next|first|coming|previous|following|remaining)\s+)?(${NUM_WORD}|${VAGUE})\s+quarters(?!\s+of\s+(?:the|a|an|all|its|their|his|her|our|those|these)\b)`, (m) => {
    const n = parseNumber(m[1]!);
    return { type: 'DURATION', meaning: { k: 'plain', value: durationValue(n, 'quarter') } };
  }, 'gi'),
  rule('duration-unit', String.raw`(?:(?:the)\s+)?(past|last|next|coming|previous)\s+(day|week|month|year|decade|century)`, (m) => (/^(last|next|previous|coming)$/i.test(m[1]!) && !/day|century/i.test(m[2]!) ? null : { type: 'DURATION', meaning: { k: 'plain', value: durationValue(1, m[2]!) } }), 'gi'),
  rule('for-units', String.raw`(days|weeks|months|years|decades|centuries|hours|minutes)(?<=\b(?:for|in|over|within)\s+\1)`, (m) => ({ type: 'DURATION', meaning: { k: 'plain', value: durationValue(null, m[1]!) } }), 'gi'),
  // ---- vague references
  rule('present-ref', String.raw`(now|currently|nowadays|at present|at the moment|these days|the present)`, (m, text) => {
    // "Now, he says, …" opening a sentence is a discourse marker ("so"), not a time.
    if (/^now$/i.test(m[1]!) && /^\s*,/.test(text.slice(m.index + 3, m.index + 5)) && /(?:^|[.!?"'`]\s*|\n\s*)$/.test(text.slice(Math.max(0, m.index - 4), m.index))) return null;
    return date({ k: 'plain', value: 'PRESENT_REF' });
  }, 'gi'),
  // "previously" and "formerly" are left out: TimeBank tags them rarely (TempEval-3 train, even half).
  rule('past-ref', String.raw`(recently|lately|the past|recent years)`, () => date({ k: 'plain', value: 'PAST_REF' }), 'gi'),
  rule('future-ref', String.raw`(the future|the near future|(?<!\bas\s)soon(?!\s+as\b)|in the coming (?:days|weeks|months|years)|someday)`, () => date({ k: 'plain', value: 'FUTURE_REF' }), 'gi'),
  // ---- sets
  // "quarterly" is left out: in results reports it is an adjective ("quarterly dividend"), not a SET.
  rule('set-adverb', String.raw`(hourly|daily|nightly|weekly|monthly|annually|yearly)`, (m) => {
    const v: Record<string, string> = { hourly: 'PT1H', daily: 'P1D', nightly: 'P1D', weekly: 'P1W', monthly: 'P1M', quarterly: 'P3M', annually: 'P1Y', yearly: 'P1Y' };
    return { type: 'SET', meaning: { k: 'plain', value: v[m[1]!.toLowerCase()]! } };
  }, 'gi'),
  // "each July": a month recurring every year (TIMEX3 SET XXXX-07).
  rule('set-every-month', String.raw`(?:every|each)\s+(${MONTH})`, (m) => {
    // Full month names only: "each Jan." is rare, "every Mar" a typo or a name.
    if (/\.$/.test(m[1]!) || (/^[A-Z][a-z]{2}$/.test(m[1]!) && m[1] !== 'May')) return null;
    return { type: 'SET', meaning: { k: 'plain', value: `XXXX-${String(monthOf(m[1]!)).padStart(2, '0')}` } };
  }),
  rule('set-every', String.raw`(?:every|each|per)\s+(?:(other|two|three)\s+)?(day|week|month|year|hour|${WEEKDAY}|morning|night|summer|winter)`, (m) => {
    const w = m[2]!.toLowerCase();
    const n = m[1] ? (m[1].toLowerCase() === 'other' ? 2 : parseNumber(m[1])!) : 1;
    if (w in WEEKDAYS) return { type: 'SET', meaning: { k: 'plain', value: `XXXX-WXX-${WEEKDAYS[w] || 7}` } };
    if (w === 'morning' || w === 'night') return { type: 'SET', meaning: { k: 'plain', value: 'P1D' } };
    if (w === 'summer' || w === 'winter') return { type: 'SET', meaning: { k: 'plain', value: `XXXX-${SEASONS[w]}` } };
    return { type: 'SET', meaning: { k: 'plain', value: durationValue(n, w) } };
  }, 'gi'),
  // ---- clock times
  rule('clock', String.raw`(\d\d?)(?:[:.](\d\d))?\s*(a\.m\.|p\.m\.|am|pm)(?:\s+(?:EST|EDT|CST|PST|GMT|UTC|ET|BST|local time))?`, (m) => {
    let h = +m[1]!;
    if (h < 1 || h > 12) return null;
    const pm = /^p/i.test(m[3]!);
    if (pm && h < 12) h += 12;
    if (!pm && h === 12) h = 0;
    return { type: 'TIME', meaning: { k: 'time', base: { k: 'day', off: 0 }, t: `T${String(h).padStart(2, '0')}:${m[2] ?? '00'}` } };
  }, 'gi'),
  rule('clock-24', String.raw`([01]\d|2[0-3])(?<=\bat\s+\d\d):([0-5]\d)(?:\s+(?:GMT|UTC|local time))?`, (m) => ({ type: 'TIME', meaning: { k: 'time', base: { k: 'day', off: 0 }, t: `T${m[1]}:${m[2]}` } }), 'gi'),
  rule('noon', String.raw`(noon|midday|midnight)`, (m) => ({ type: 'TIME', meaning: { k: 'time', base: { k: 'day', off: 0 }, t: m[1]!.toLowerCase() === 'midnight' ? 'T24:00' : 'T12:00' } }), 'gi'),
];

/** "two weeks ago", "a year earlier", "three days from now": a date that far from the dct, or a duration. */
function unitsAgo(num: string, unit: string, dir: string): RuleHit | null {
  const n = parseNumber(num);
  if (n === null) return null;
  const sign = /ago|earlier|before/i.test(dir) ? -1 : 1;
  const u = unit.toLowerCase();
  // "a year earlier" in a results report is the same period a year before.
  if (n === 1 && u === 'year' && /ago|earlier/i.test(dir)) return date({ k: 'yearBeforePeriod' });
  // "two weeks later", "a day after": measured from another happening, not from today.
  if (/earlier/i.test(dir) && u !== 'year') return { type: 'DURATION', meaning: { k: 'plain', value: durationValue(n, u) } };
  if (u === 'day' || u === 'week') return date({ k: 'day', off: sign * n * (u === 'week' ? 7 : 1) });
  if (u === 'month') return date({ k: 'unit', unit: 'month', off: sign * n });
  if (u === 'year' || u === 'decade') return date({ k: 'unit', unit: 'year', off: sign * n * (u === 'decade' ? 10 : 1) });
  return null;
}

const weekdayOf = (w: string | undefined) => (w ? { wd: WEEKDAYS[w.toLowerCase()]! } : {});

/** `T22:00` from "10 p.m." parts, or from "noon"/"midnight". */
function clockPart(h?: string, min?: string, ampm?: string, word?: string): string {
  if (word) return word.toLowerCase() === 'noon' ? 'T12:00' : 'T24:00';
  let hour = Number(h);
  if (/^p/i.test(ampm ?? '') && hour < 12) hour += 12;
  if (/^a/i.test(ampm ?? '') && hour === 12) hour = 0;
  return `T${String(hour).padStart(2, '0')}:${min ?? '00'}`;
}

function partOfDay(w: string): string {
  const k = w.toLowerCase();
  return k === 'morning' ? 'TMO' : k === 'afternoon' ? 'TAF' : k === 'evening' ? 'TEV' : 'TNI';
}

// Modifiers that extend an expression to the left: "early January", "about two weeks".
const MOD_RE =
  /(?:\b(early|late|the\s+(?:start|beginning|end|middle|turn)\s+of|about|around|approximately|roughly|nearly|almost|more\s+than|less\s+than|at\s+least|over|up\s+to|some|no\s+more\s+than)[-\s]+|\b(mid)-?)$/i;
const MOD_OF: Array<[RegExp, TimexMod]> = [
  [/^(early|earlier|the\s+(start|beginning)\s+of)/i, 'START'],
  [/^(late|later|the\s+end\s+of)/i, 'END'],
  [/^(mid|the\s+middle\s+of|the\s+turn\s+of)/i, 'MID'],
  [/^(more\s+than|over)/i, 'MORE_THAN'],
  [/^(less\s+than|nearly|almost)/i, 'LESS_THAN'],
  [/^at\s+least/i, 'EQUAL_OR_MORE'],
  [/^(up\s+to|no\s+more\s+than)/i, 'EQUAL_OR_LESS'],
  [/^(about|around|approximately|roughly|some)/i, 'APPROX'],
];

/**
 * Finds every time expression with its unanchored meaning and the tense of its sentence. The
 * English rules always run; the rules of the text's language (given, or detected when the detector
 * is sure of it) run with them.
 */
// Texts whose language was detected lately: the same article is scanned by several stages (publication
// date, batch dating, storyline re-dating), and detection cost 7 % of an ECB+ ingest's CPU time.
const LANGUAGE_CACHE_SIZE = 2048;
const recentLanguages = new Map<string, string | null>();

function languageOf(text: string): string | null {
  const known = recentLanguages.get(text);
  if (known !== undefined) return known;
  const lang = detectLanguage(text, { reliableOnly: true });
  if (recentLanguages.size >= LANGUAGE_CACHE_SIZE) recentLanguages.delete(recentLanguages.keys().next().value!);
  recentLanguages.set(text, lang);
  return lang;
}

export function scanTimexes(text: string, language?: string | null): TimexMention[] {
  const hits: Array<{ start: number; end: number; hit: RuleHit; order: number }> = [];
  const lang = language === undefined ? languageOf(text) : language;
  const own = rulesForLanguage(lang);
  const markers = tenseMarkersFor(lang);
  [...RULES, ...own].forEach((r, order) => {
    r.re.lastIndex = 0;
    for (const m of text.matchAll(r.re)) {
      let hit: RuleHit | null = null;
      try {
        hit = r.build(m as RegExpExecArray, text);
      } catch {
        hit = null; // a malformed number never stops the scan
      }
      // An expression never spans a line break: lines are headings, datelines or list items.
      if (hit && !m[0].includes('\n')) hits.push({ start: m.index, end: m.index + m[0].length, hit, order });
    }
  });
  // Longest match wins; among equals the rule listed first (the more specific one).
  hits.sort((a, b) => b.end - b.start - (a.end - a.start) || a.order - b.order || a.start - b.start);
  const taken: Array<{ start: number; end: number; hit: RuleHit }> = [];
  // Characters already inside a taken expression: checking a hit costs its own length, not the number
  // taken so far (reason: comparing with every taken span was quadratic in dates per text).
  const covered = new Uint8Array(text.length);
  for (const h of hits) {
    let free = true;
    for (let i = h.start; i < h.end && free; i++) free = !covered[i];
    if (!free) continue;
    covered.fill(1, h.start, h.end);
    taken.push(h);
  }
  taken.sort((a, b) => a.start - b.start);

  const out: TimexMention[] = [];
  for (const t of taken) {
    let { start } = t;
    const { end } = t;
    let mod: TimexMod | undefined = t.hit.mod;
    const head = text.slice(start, end);
    const inner = /^(?:the\s+)?(early|mid|late)[-\s]/i.exec(head);
    if (inner) mod = inner[1]!.toLowerCase() === 'early' ? 'START' : inner[1]!.toLowerCase() === 'late' ? 'END' : 'MID';
    const before = MOD_RE.exec(text.slice(Math.max(0, start - 24), start));
    if (before && !mod) {
      const word = before[0];
      const kind = MOD_OF.find(([re]) => re.test(word.trim()))?.[1];
      // Amount modifiers ("more than") belong to durations; position modifiers ("early") to dates.
      const amount = kind === 'MORE_THAN' || kind === 'LESS_THAN' || kind === 'EQUAL_OR_MORE' || kind === 'EQUAL_OR_LESS' || kind === 'APPROX';
      // "over the next three quarters", "about the past decade": before "the" these words are prepositions.
      const preposition = amount && /^the\s/i.test(text.slice(start, end));
      if (kind && !preposition && (amount ? t.hit.type === 'DURATION' : t.hit.type !== 'DURATION' && t.hit.type !== 'SET')) {
        mod = kind;
        // TimeBank leaves amount words ("about", "nearly") outside the extent of a duration.
        if (!amount) start -= word.length;
      }
    }
    // "the 14-day ultimatum", "the two day summit": a singular unit makes the duration an adjective,
    // and TimeBank leaves the article outside ("the nine months" keeps it).
    const adjectival = t.hit.type === 'DURATION' && /^the\s+(?!(?:past|last|next|first|coming|previous|latest|final|following|remaining|initial|fiscal|current)\b)\S.*(?:second|minute|hour|day|week|month|year|decade|century)(?:-long)?$/i.exec(text.slice(start, end));
    if (adjectival) start += /^the\s+/i.exec(adjectival[0])![0].length;
    const span = text.slice(start, end);
    out.push({ start, end, text: span, type: t.hit.type, meaning: t.hit.meaning, tense: tenseAt(text, start, end, markers), ...(mod ? { mod } : {}), ...(t.hit.offset ? { offset: t.hit.offset } : {}) });
    // "July 3-4": the second day of a range is a date of its own.
    if (t.hit.meaning.k === 'month' && t.hit.meaning.d !== undefined) {
      const range = /^\s*[-–]\s*(\d\d?)(?!\d)/.exec(text.slice(end, end + 6));
      if (range && +range[1]! > t.hit.meaning.d && +range[1]! <= 31) {
        const s2 = end + range[0].length - range[1]!.length;
        out.push({ start: s2, end: s2 + range[1]!.length, text: range[1]!, type: 'DATE', meaning: { ...t.hit.meaning, d: +range[1]! }, tense: tenseAt(text, start, end, markers) });
      }
    }
  }
  return out;
}

// ---------------------------------------------------------------- normalisation

const SEASON_START: Record<Season, number> = { SP: 3, SU: 6, FA: 9, WI: 12 };
const seasonIndex = (y: number, m: number) => y * 4 + (m === 12 ? 3 : m <= 2 ? -1 : Math.floor((m - 3) / 3));

/** Picks the year of a year-less (month, day) so that it falls before, after or nearest the reference. */
function yearFor(m: number, d: number | undefined, ref: Ymd, dir: Direction, tense: Tense | null): number {
  // With no tense marker, read as past: news mostly reports what happened.
  const y = yearByTense(m, d, ref, dir, tense ?? 'past');
  if (dir !== 'tense') return y;
  // Tense from marker words is a guess: when it sends a date most of a year away although the same
  // date lies within two months on the other side, the near one is meant ("Jan. 14" written on Jan. 6).
  const days = (yy: number) => toDayNumber(yy, m, d ?? 15) - toDayNumber(ref.y, ref.m, d === undefined ? 15 : ref.d);
  const near = [ref.y - 1, ref.y, ref.y + 1].sort((a, b) => Math.abs(days(a)) - Math.abs(days(b)))[0]!;
  // A forward marker ("will", "postponed to") is rarely wrong: a plan is not read as the day just past
  // (TempEval-3 dev half: value F1 unchanged, Timeline17 inference within 31 days +0.7 pt).
  if (tense === 'future') return y;
  return Math.abs(days(y)) > FAR_DAYS && Math.abs(days(near)) <= NEAR_DAYS ? near : y;
}

/** Beyond this many days a tense-chosen date is doubted; tuned on TempEval-3 train (even half). */
const FAR_DAYS = 180;
/** …and replaced by the other reading when that lies within this many days; same data. */
const NEAR_DAYS = 62;

function yearByTense(m: number, d: number | undefined, ref: Ymd, dir: Direction, tense: Tense | null): number {
  const here = m * 32 + (d ?? 0);
  const now = ref.m * 32 + (d === undefined ? 0 : ref.d);
  if (dir === 'last') return m < ref.m || (d !== undefined && m === ref.m && here < now) ? ref.y : ref.y - 1;
  if (dir === 'next') return m > ref.m || (d !== undefined && m === ref.m && here > now) ? ref.y : ref.y + 1;
  if (dir === 'this') return ref.y;
  if (tense === 'past') return here <= now ? ref.y : ref.y - 1;
  if (tense === 'future') return here >= now ? ref.y : ref.y + 1;
  // No tense: the nearest occurrence, within half a year.
  const diff = m - ref.m;
  return diff > 6 ? ref.y - 1 : diff < -6 ? ref.y + 1 : ref.y;
}

/** What earlier expressions of the same text said, for the ones that refer back ("the quarter"). */
export interface DiscourseState {
  /** The last quarter value resolved in the text, e.g. `1989-Q3`. */
  lastQuarter?: string;
}

/** The TIMEX3 value of a meaning, anchored at `ref` (the dct) or left unanchored (`XXXX-…`) without one. */
export function resolveMeaning(meaning: TimexMeaning, ref: Ymd | null, tense: Tense | null, state: DiscourseState = {}): string {
  const p2 = (n: number) => String(n).padStart(2, '0');
  switch (meaning.k) {
    case 'abs':
    case 'plain':
      return meaning.value;
    case 'quarterRef': {
      if (state.lastQuarter) return state.lastQuarter;
      if (!ref) return 'XXXX-QX';
      const k = ref.y * 4 + Math.floor((ref.m - 1) / 3) - 1; // results are reported for the quarter just ended
      return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`;
    }
    case 'yearBeforePeriod': {
      const q = state.lastQuarter ? /^(\d{4})-Q([1-4])$/.exec(state.lastQuarter) : null;
      if (q) return `${+q[1]! - 1}-Q${q[2]}`;
      return ref ? String(ref.y - 1) : 'XXXX';
    }
    case 'nthWeekday': {
      if (!ref) return `XXXX-${p2(meaning.m)}`;
      const dayIn = (y: number) => 1 + ((meaning.wd - weekday(toDayNumber(y, meaning.m, 1)) + 7) % 7) + 7 * (meaning.n - 1);
      let y = ref.y;
      // Unless the sentence looks ahead, a holiday later in the year is last year's.
      if (tense !== 'future' && toDayNumber(y, meaning.m, dayIn(y)) > toDayNumber(ref.y, ref.m, ref.d)) y--;
      return formatDay({ y, m: meaning.m, d: dayIn(y) });
    }
    case 'day':
      return ref ? formatDay(addDays(ref, meaning.off)) : 'XXXX-XX-XX';
    case 'dom':
      return ref ? `${formatMonth(ref.y, ref.m)}-${p2(meaning.d)}` : `XXXX-XX-${p2(meaning.d)}`;
    case 'unit': {
      if (!ref) return meaning.unit === 'year' ? 'XXXX' : meaning.unit === 'month' ? 'XXXX-XX' : meaning.unit === 'decade' ? 'XXX' : meaning.unit === 'quarter' ? 'XXXX-QX' : 'XXXX-WXX';
      switch (meaning.unit) {
        case 'year': return String(ref.y + meaning.off);
        case 'decade': return String(Math.floor(ref.y / 10) + meaning.off);
        case 'month': { const a = addMonths(ref.y, ref.m, meaning.off); return formatMonth(a.y, a.m); }
        case 'quarter': { const k = ref.y * 4 + Math.floor((ref.m - 1) / 3) + meaning.off; return `${Math.floor(k / 4)}-Q${(k % 4) + 1}`; }
        case 'week': return formatWeek(addDays(ref, 7 * meaning.off));
        case 'weekend': {
          if (!meaning.near) return `${formatWeek(addDays(ref, 7 * meaning.off))}-WE`;
          // The Saturday just past (or today), or the coming one when the sentence looks ahead.
          const wd = weekday(toDayNumber(ref.y, ref.m, ref.d));
          const shift = tense === 'future' ? (6 - wd + 7) % 7 : -((wd - 6 + 7) % 7);
          return `${formatWeek(addDays(ref, shift))}-WE`;
        }
      }
      return 'XXXX';
    }
    case 'month': {
      const mm = p2(meaning.m);
      const dd = meaning.d !== undefined ? `-${p2(meaning.d)}` : '';
      if (!ref) return `XXXX-${mm}${dd}`;
      let y = meaning.yoff !== undefined ? ref.y + meaning.yoff : yearFor(meaning.m, meaning.d, ref, meaning.dir, tense);
      // "Saturday, April 25": the weekday settles the year among the neighbouring ones.
      if (meaning.wd !== undefined && meaning.d !== undefined && meaning.yoff === undefined) {
        const fits = [y, y - 1, y + 1].filter((yy) => weekday(toDayNumber(yy, meaning.m, meaning.d!)) === meaning.wd);
        if (fits.length) y = fits[0]!;
      }
      return `${String(y).padStart(4, '0')}-${mm}${dd}`;
    }
    case 'weekday': {
      if (!ref) return `XXXX-WXX-${meaning.wd || 7}`;
      const today = weekday(toDayNumber(ref.y, ref.m, ref.d));
      const back = (today - meaning.wd + 7) % 7;
      const ahead = (meaning.wd - today + 7) % 7;
      let off: number;
      if (meaning.dir === 'last') off = -(back || 7);
      else if (meaning.dir === 'next') off = ahead || 7;
      else if (tense === 'future') off = ahead;
      else off = -back; // news reports mostly look back: "said on Monday"
      return formatDay(addDays(ref, off));
    }
    case 'season': {
      if (!ref) return `XXXX-${meaning.s}`;
      const cur = seasonIndex(ref.y, ref.m);
      const target = seasonIndex(ref.y, SEASON_START[meaning.s]); // that season in the dct's year
      let k = target;
      if (meaning.dir === 'last') k = target < cur ? target : target - 4;
      else if (meaning.dir === 'next') k = target > cur ? target : target + 4;
      else if (meaning.dir === 'tense' && tense === 'past') k = target <= cur ? target : target - 4;
      else if (meaning.dir === 'tense' && tense === 'future') k = target >= cur ? target : target + 4;
      const y = Math.floor(k / 4);
      return `${y}-${meaning.s}`;
    }
    case 'quarter': {
      if (!ref) return `XXXX-Q${meaning.q}`;
      const cur = Math.floor((ref.m - 1) / 3) + 1;
      let y = ref.y + (meaning.yoff ?? 0);
      if (meaning.dir === 'last') y = meaning.q < cur ? ref.y : ref.y - 1;
      else if (meaning.dir === 'next') y = meaning.q > cur ? ref.y : ref.y + 1;
      else if (meaning.dir === 'tense' && tense === 'past') y = meaning.q <= cur ? ref.y : ref.y - 1;
      return `${y}-Q${meaning.q}`;
    }
    case 'time':
      return `${resolveMeaning(meaning.base, ref, tense, state)}${meaning.t}`;
  }
}

/**
 * Finds the time expressions of a text and normalises them to TIMEX3 values, anchoring relative
 * ones ("last September", "on Monday", "next month") at `options.dct` and the sentence's tense.
 * Never throws on odd text; a bad `dct` is treated as absent.
 */
export function findTimexes(text: string, options: TimexOptions = {}): Timex[] {
  const ref = parseDct(options.dct);
  const state: DiscourseState = {};
  const mentions = scanTimexes(text, options.language);
  let lastDay: { end: number; day: string } | null = null;
  return mentions.map((m, idx) => {
    let value = resolveMeaning(m.meaning, ref, m.tense, state);
    // A clock time right after a day ("yesterday at 5 p.m.", "on Oct. 1 at 10:30") is on that day,
    // not on the publication day the time alone resolves to.
    if (m.type === 'TIME' && lastDay && /^T/.test(value.slice(10)) && /^,?\s*(?:at\s+|from\s+|by\s+)?(?:about\s+|around\s+)?$/i.test(text.slice(lastDay.end, m.start))) {
      value = lastDay.day + value.slice(10);
    }
    // "the quarter ended Sept. 30": the calendar quarter holding the closing day names the period.
    const next = mentions[idx + 1];
    if (m.meaning.k === 'quarterRef' && next && next.meaning.k === 'month' && /^\s+(?:ended|ending|to|through)\s+$/i.test(text.slice(m.end, next.start))) {
      const close = resolveMeaning(next.meaning, ref, next.tense, state);
      const cm = /^(\d{4})-(\d\d)/.exec(close);
      if (cm) value = `${cm[1]}-Q${Math.floor((+cm[2]! - 1) / 3) + 1}`;
    }
    if (/^\d{4}-Q[1-4]$/.test(value) && m.meaning.k !== 'yearBeforePeriod') state.lastQuarter = value;
    lastDay = m.type === 'DATE' && /^\d{4}-\d\d-\d\d$/.test(value) ? { end: m.end, day: value } : null;
    return { start: m.start, end: m.end, text: m.text, type: m.type, value, ...(m.mod ? { mod: m.mod } : {}), ...(m.offset ? { offset: m.offset } : {}) };
  });
}
