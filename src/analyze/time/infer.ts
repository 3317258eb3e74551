/**
 * Publication-date inference for an undated article from its own text (Chambers, ACL 2012;
 * Kanhabua & Nørvåg 2008). Each candidate publication month is scored by how well the article's
 * own dates fit it: dated happenings support the months just after them and cost when they would
 * come after publication (so one stray footer date or typo is outvoted instead of winning as "the
 * latest"); year-less mentions ("last September", "in December", "June 25") are resolved against
 * the candidate and pin the month, because a writer drops the year only for recent dates; future-
 * tense mentions must still be ahead.
 */
import type { DateEvidence } from '../../model/index.js';
import { daysInMonth, formatDay, formatMonth, toDayNumber, weekday } from './calendar.js';
import { resolveMeaning, scanTimexes, type TimexMention } from './timex.js';

export interface InferredDate {
  /** `YYYY-MM-DD`, or `YYYY-MM` when only the month is supported. */
  date: string;
  evidence: DateEvidence[];
  /**
   * `YYYY-MM`, set when the text only bounds the publication from below: every supporting mention is
   * a past happening ("The two leaders last met in November 2024") and nothing pins the month, so the
   * article appeared in this month or later; `date` is then only the year of that month.
   */
  after?: string;
}

export interface InferOptions {
  /** Latest plausible date (`YYYY-MM-DD`): mentions after it are ignored as typos or plans. Default: none. */
  notAfter?: string | null;
  /** ISO 639-1 code of the text when the caller knows it (saves detecting it again); detected when absent. */
  language?: string | null;
}

/** A dated or year-less mention weighed by the inference. */
interface Item {
  m: TimexMention;
  explicit: boolean;
  future: boolean;
  iv?: Interval;
  weight: number;
}

/** How many months after an explicit date a publication is looked for (news rarely reports older dates as latest). */
const SEARCH_MONTHS = 24;
/** Months over which a mention's support for a publication month fades (e^-age/τ); tuned on TempEval-3 dev half + Timeline17. */
const RECENCY_MONTHS = 6;
/** Weight of a year-less mention relative to an explicit date: it pins the month, not the year; same data. */
const YEARLESS_WEIGHT = 0.5;
/** Weight of a past year-less day in the lede ("On June 25, …"): the happening being reported; same data. */
const LEDE_DAY_WEIGHT = 1.5;
/** Where the lede ends (characters): title, dateline and first sentence; same data. */
const LEDE_CHARS = 400;
/** Weight of an explicit full date, relative to a month; Timeline17 (every 2nd article) + TempEval-3 dev half. */
const DAY_DATE_WEIGHT = 3;
/** Weight of an explicit year, season or quarter, relative to a month; same data. */
const YEAR_DATE_WEIGHT = 0.5;
/** Cost of an explicit past-tense date after the publication (a typo, a footer, a misread plan); same data. */
const AFTER_PUBLICATION_COST = 1.5;
/** Cost of a future-tense date that would already be past; same data. */
const FUTURE_PAST_COST = 1;
/** Cost of a past-tense bare month name in the publication month ("in December" is not "this month"); same data. */
const SAME_MONTH_COST = 0.5;
/** Cost of a year-less past mention read as in an earlier year than an explicit date before
 * publication: the writer would have given its year (TempEval-3 dev half + Timeline17). */
const BEFORE_EXPLICIT_COST = 1;
/** Weight of each further mention of the same explicit date: repeats (datelines, widgets) add little; same data. */
const REPEAT_WEIGHT = 0.3;
/** Cost of a year in which a dated weekday ("Monday, Oct. 26") falls on another day; same data. */
const WEEKDAY_MISMATCH_COST = 2;
/**
 * Cost of a publication year more than {@link LOOKED_BACK_SLACK} years from one the text looks back from ("1978,
 * three decades ago"). Not tuned: as firm as the weekday cost; TempEval-3 and Timeline17 dating are unchanged by it.
 */
const LOOKED_BACK_COST = 2;
/** Characters between a named year and the "… ago" beside it: "three decades ago, in the 1978 playoff". */
const LOOKED_BACK_CHARS = 30;
/** "Three decades ago" is a round figure: a year either side still fits. */
const LOOKED_BACK_SLACK = 1;
/** Months after a dated weekday's day searched as publication months (a report follows within weeks). */
const WEEKDAY_CANDIDATE_MONTHS = 2;

interface Interval {
  /** Month index y*12+m-1 of the first and last month covered. */
  from: number;
  to: number;
  /** Day precision when the mention names a day. */
  day?: number;
}

/** The months covered by an explicit TIMEX3 value, or null for decades, durations, unanchored values. */
function intervalOf(value: string): Interval | null {
  let m = /^(\d{4})-(\d\d)-(\d\d)/.exec(value);
  if (m) { const k = +m[1]! * 12 + +m[2]! - 1; return { from: k, to: k, day: +m[3]! }; }
  m = /^(\d{4})-(\d\d)$/.exec(value);
  if (m) { const k = +m[1]! * 12 + +m[2]! - 1; return { from: k, to: k }; }
  m = /^(\d{4})-Q([1-4])$/.exec(value);
  if (m) { const k = +m[1]! * 12 + (+m[2]! - 1) * 3; return { from: k, to: k + 2 }; }
  m = /^(\d{4})-(SP|SU|FA|WI)$/.exec(value);
  if (m) { const k = +m[1]! * 12 + { SP: 2, SU: 5, FA: 8, WI: 11 }[m[2] as 'SP']!; return { from: k, to: k + 2 }; }
  m = /^(\d{4})-H([12])$/.exec(value);
  if (m) { const k = +m[1]! * 12 + (m[2] === '1' ? 0 : 6); return { from: k, to: k + 5 }; }
  m = /^(\d{4})$/.exec(value);
  if (m) { const k = +m[1]! * 12; return { from: k, to: k + 11 }; }
  return null;
}

// A clock time right after a full date makes it a timestamp: "February 1, 2011: 3:19 AM ET", "26 April 2009 18.45 BST";
// a space may follow the colon ("May 2, 2013, 1: 12 PM"), as in text rebuilt from tokens.
const DATELINE_TIME_AFTER = /^\s*[,:\-–|]?\s*(?:at\s+|@\s*)?(?:\d{1,2}(?::\s?|\.)\d\d(?:[:.]\d\d)?(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)(?:\s+[A-Z]{2,4}\b)?/i;
// "Published: 3 May 2009", "Last updated on May 3, 2009", "Date: 2023-06-15".
const DATELINE_WORD_BEFORE = /\b(?:published|updated|posted|first published|last updated|last modified|date)\s*(?:on|at)?\s*[:\-–]?\s*$/i;
// "by 2030", "until 2025": a deadline or plan, not a happening.
// "due March 1, 2011", "maturing in 2009": a bond's or a bill's term lies ahead, it is no happening.
const PLAN_BEFORE = /\b(?:by|until|till|through|before|ahead of|target(?:ed|s)? for|plans? for|due(?:\s+in)?|matur(?:e|es|ing)(?:\s+in)?|expir(?:e|es|ing)(?:\s+in)?)\s+(?:the\s+)?(?:end\s+of\s+|early\s+|mid-?|late\s+)?$/i;

// A street type after the number and up to three name words: "2016 Ontario Street", "1501 E. 5th Ave.".
const STREET_AFTER = /^\s+(?:[A-Z0-9][\w'’-]*\.?\s+){1,3}(?:Street|St|Avenue|Ave|Road|Rd|Boulevard|Blvd|Drive|Dr|Lane|Ln|Way|Place|Pl|Court|Ct|Crescent|Terrace|Highway|Hwy|Parkway|Pkwy|Square|Sq)\b/;
// "a home at 2016 Ontario": a number after "at" and before a name is an address; a year is "in 2016".
const ADDRESS_AT = /\bat\s+$/i;
const NAME_AFTER = /^\s+[A-Z][a-z]/;

/**
 * A four-digit number that is a house number, not a year (reason: "a heritage home at 2016 Ontario" dated
 * an ECB+ report to Christmas 2016): one before a street name, or after "at" and before a capitalised name.
 * @example isHouseNumber('a heritage home at 2016 Ontario, he said', 18, 22) // → true
 */
export function isHouseNumber(text: string, start: number, end: number): boolean {
  if (!/^\d{4}$/.test(text.slice(start, end))) return false;
  const after = text.slice(end, end + 60);
  return STREET_AFTER.test(after) || (ADDRESS_AT.test(text.slice(Math.max(0, start - 8), start)) && NAME_AFTER.test(after));
}

/** "last year", "next year", "30 years ago", "three decades ago"; not "the last year", which as often means the past twelve months. */
function isRelativeYear(m: TimexMention): boolean {
  return m.type === 'DATE' && m.meaning.k === 'unit' && m.meaning.unit === 'year' && /^(?:(?:last|next)\s+year|.*\bago)$/i.test(m.text);
}

/** Whether two mentions share a sentence (no sentence end between them). */
function sameSentence(text: string, a: TimexMention, b: TimexMention): boolean {
  return !/[.!?]\s/.test(text.slice(Math.min(a.end, b.end), Math.max(a.start, b.start)));
}

/**
 * The most likely publication date of an undated article, from its own text, with the phrases it
 * rests on; null when the text names no year to anchor on. When its dates only bound the publication
 * from below ("last met in November 2024"), or only a year is pinned (a plan for 1990 above a 1988
 * happening, "last year" next to a named year, "Friday, Oct. 23"), the answer is a year with `after`
 * set to the bound month; with nothing pinning even the year, null.
 *
 * ```ts
 * inferPublicationDate('On March 3 the council voted … The plan was first put forward in 2021 …');
 * // → { date: '2022-03-03', evidence: [...] }  (the first March 3 after the 2021 mention)
 * ```
 */
export function inferPublicationDate(text: string, options: InferOptions = {}): InferredDate | null {
  let mentions: TimexMention[];
  try {
    mentions = scanTimexes(text, options.language);
  } catch {
    return null; // odd input never breaks extraction
  }
  const notAfter = options.notAfter ? intervalOf(options.notAfter.slice(0, 7)) : null;

  // Explicit dates (with a year) and year-less ones ("last September", "June 25"); no tense reads as past.
  const items: Item[] = [];
  for (const m of mentions) {
    if (m.type !== 'DATE') continue;
    if (m.meaning.k === 'abs') {
      if (isHouseNumber(text, m.start, m.end)) continue;
      const iv = intervalOf(m.meaning.value);
      if (!iv || (notAfter && iv.from > notAfter.to)) continue;
      const plan = PLAN_BEFORE.test(text.slice(Math.max(0, m.start - 30), m.start));
      const future = m.tense === 'future' || plan;
      const repeat = items.some((i) => i.explicit && i.future === future && i.iv!.from === iv.from && i.iv!.to === iv.to && i.iv!.day === iv.day);
      // A full date ("25 April 2009") pins more than a bare year ("in 2005"), often the dateline itself.
      const precision = iv.day !== undefined ? DAY_DATE_WEIGHT : iv.from === iv.to ? 1 : YEAR_DATE_WEIGHT;
      items.push({ m, explicit: true, future, iv, weight: (repeat ? REPEAT_WEIGHT : 1) * precision });
    } else if (m.meaning.k === 'month' || m.meaning.k === 'season' || m.meaning.k === 'quarter') {
      // A year-less day in the lede ("On June 25, it was announced") names the reported happening itself.
      const lede = m.meaning.k === 'month' && m.meaning.d !== undefined && m.start < LEDE_CHARS && m.tense !== 'future';
      items.push({ m, explicit: false, future: m.tense === 'future', weight: lede ? LEDE_DAY_WEIGHT : YEARLESS_WEIGHT });
    }
  }
  const explicit = items.filter((i) => i.explicit);
  if (!explicit.length) return null;

  // A dateline — a full date stamped with a clock time or after "Published"/"Updated" — says it outright.
  for (const i of explicit) {
    if (i.iv!.day === undefined || i.future) continue;
    const after = text.slice(i.m.end, i.m.end + 24);
    const before = text.slice(Math.max(0, i.m.start - 24), i.m.start);
    const stamped = DATELINE_TIME_AFTER.test(after);
    if (stamped || DATELINE_WORD_BEFORE.test(before)) {
      const date = formatDay({ y: Math.floor(i.iv!.from / 12), m: (i.iv!.from % 12) + 1, d: i.iv!.day });
      const phrase = stamped ? `${i.m.text}${DATELINE_TIME_AFTER.exec(after)![0]}` : `${before.trim().split(/\s+/).pop()} ${i.m.text}`;
      return { date, evidence: [{ text: phrase, reason: stamped ? 'dateline: a full date stamped with a clock time' : 'dateline: a full date after "published"/"updated"' }] };
    }
  }
  const explicitPast = explicit.filter((i) => !i.future);

  const candidates = new Set<number>();
  for (const i of explicit) for (let k = i.iv!.from; k <= i.iv!.to + SEARCH_MONTHS; k++) if (!notAfter || k <= notAfter.to) candidates.add(k);
  // "Friday, Oct. 23" is a Friday only every few years: the months just after each such day, up to
  // YEAR_SEARCH years past the dated happenings, are candidates too (the year may not be named at all).
  const firstYear = Math.min(...explicit.map((i) => Math.floor(i.iv!.from / 12)));
  const lastYear = Math.max(...explicit.map((i) => Math.floor(i.iv!.to / 12))) + YEAR_SEARCH;
  for (const i of items) {
    const mm = i.m.meaning;
    if (i.explicit || mm.k !== 'month' || mm.wd === undefined || mm.d === undefined) continue;
    for (let yy = firstYear; yy <= lastYear; yy++) {
      if (weekday(toDayNumber(yy, mm.m, mm.d)) !== mm.wd) continue;
      const k0 = yy * 12 + mm.m - 1;
      for (let k = k0; k <= k0 + WEEKDAY_CANDIDATE_MONTHS; k++) if (!notAfter || k <= notAfter.to) candidates.add(k);
    }
  }

  // A named year said to lie some years back ("in 1978, three decades ago") places the publication that many
  // years after it (reason: "three decades ago" sent a 2008 report to 1978, the year it looks back to). Only
  // a year right beside the phrase: further off in its sentence, it is often another happening ("visited in
  // 2020, … a warrant issued last year").
  const lookedBack: (DateEvidence & { year: number })[] = [];
  for (const r of mentions.filter((m) => isRelativeYear(m) && /\bago$/i.test(m.text))) {
    const off = (r.meaning as { off: number }).off;
    const beside = (m: TimexMention) => Math.max(m.start, r.start) - Math.min(m.end, r.end) <= LOOKED_BACK_CHARS && sameSentence(text, m, r);
    const named = off < 0 ? explicit.find((i) => i.iv!.from === i.iv!.to - 11 && beside(i.m)) : undefined;
    if (!named) continue;
    const year = Math.floor(named.iv!.from / 12) - off;
    lookedBack.push({ year, text: r.text, reason: `"${r.text}" looks back to ${named.m.text}: published about ${year}` });
    for (let k = year * 12; k < year * 12 + 12; k++) if (!notAfter || k <= notAfter.to) candidates.add(k);
  }
  /** Cost of publication month k against the years the text looks back from. */
  const lookedBackCost = (k: number): number => lookedBack.reduce((c, b) => c + (Math.abs(Math.floor(k / 12) - b.year) > LOOKED_BACK_SLACK ? LOOKED_BACK_COST : 0), 0);

  /** Interval of an item when the article is published in month k. */
  const at = (i: Item, k: number): Interval | null => {
    if (i.explicit) return i.iv!;
    const y = Math.floor(k / 12);
    const mo = (k % 12) + 1;
    return intervalOf(resolveMeaning(i.m.meaning, { y, m: mo, d: i.future ? 1 : daysInMonth(y, mo) }, i.future ? 'future' : 'past'));
  };
  /** Cost of one item for publication month k (negative = support). */
  const itemCost = (i: Item, k: number): number => {
    const iv = at(i, k);
    if (!iv) return 0;
    const w = i.weight;
    let cost = 0;
    if (i.future) {
      if (iv.to < k) return FUTURE_PAST_COST;
      return -w * Math.exp(-Math.max(0, iv.from - k) / RECENCY_MONTHS);
    }
    if (iv.from > k) return AFTER_PUBLICATION_COST;
    cost -= w * Math.exp(-Math.max(0, k - iv.to) / RECENCY_MONTHS);
    const mm = i.m.meaning;
    // A weekday named with a year-less date fixes the year: "Monday, Oct. 26" is a Monday only in some years.
    if (mm.k === 'month' && mm.wd !== undefined && iv.day !== undefined && weekday(toDayNumber(Math.floor(iv.from / 12), (iv.from % 12) + 1, iv.day)) !== mm.wd) cost += WEEKDAY_MISMATCH_COST;
    if (mm.k === 'month' && mm.d === undefined && mm.dir === 'tense' && mm.yoff === undefined && !i.m.mod && iv.from === k) cost += SAME_MONTH_COST;
    if (!i.explicit && explicitPast.some((e) => Math.floor(e.iv!.from / 12) > Math.floor(iv.to / 12) && e.iv!.from <= k)) cost += BEFORE_EXPLICIT_COST;
    return cost;
  };
  let best = { k: 0, cost: Infinity };
  for (const k of [...candidates].sort((a, b) => a - b)) {
    let cost = lookedBackCost(k);
    for (const i of items) cost += itemCost(i, k);
    if (cost < best.cost - 1e-9) best = { k, cost };
  }

  // Evidence: the mentions that support the chosen month most, and the ones it overrules.
  const P = best.k;
  const y = Math.floor(P / 12);
  const mo = (P % 12) + 1;
  const scored = items.map((i) => ({ i, iv: at(i, P), cost: itemCost(i, P) })).filter((x) => x.iv);
  const evidence: DateEvidence[] = lookedBack.filter((b) => Math.abs(y - b.year) <= LOOKED_BACK_SLACK).map(({ text, reason }) => ({ text, reason }));
  const label = (iv: Interval) => (iv.day !== undefined ? formatDay({ y: Math.floor(iv.from / 12), m: (iv.from % 12) + 1, d: iv.day }) : iv.from === iv.to ? formatMonth(Math.floor(iv.from / 12), (iv.from % 12) + 1) : String(Math.floor(iv.from / 12)));
  for (const { i, iv, cost } of [...scored].sort((a, b) => a.cost - b.cost)) {
    if (evidence.length >= 6) break;
    const v = label(iv!);
    let reason: string;
    if (cost > 0) reason = i.future ? `future tense, yet ${v} would be past: overruled` : `${v} would come after publication: overruled (a plan, footer or typo)`;
    else if (i.future) reason = `future tense: ${v} is still ahead, so published before it`;
    else if (i.explicit) reason = `dated happening ${v}: published on or after it`;
    else if (i.m.meaning.k === 'month' && i.m.meaning.dir === 'last') reason = `"last …" reads as ${v}, the latest such month before publication`;
    else reason = `year-less mention read as ${v}: a writer drops the year only for recent dates`;
    if (!evidence.some((e) => e.text === i.m.text && e.reason === reason)) evidence.push({ text: i.m.text, reason });
  }

  // Precision: a reported day in the publication month ("On June 25, it was announced"), else the month when a mention lies within it.
  let dayPick: { d: number; text: string } | null = null;
  let monthSupported = false;
  // Whether anything but a dated past happening supports the month: a year-less mention that pins it
  // or a future one that bounds it from above. Without that, the month is only a lower bound.
  const pinned = scored.some(({ i, cost }) => cost < 0 && (i.future || !i.explicit));
  for (const { i, iv } of scored) {
    if (i.future || iv!.from > P) continue;
    if (iv!.from === iv!.to && P - iv!.to <= 1) monthSupported = true;
    if (iv!.day !== undefined && iv!.from === P && (!dayPick || iv!.day > dayPick.d)) dayPick = { d: iv!.day, text: i.m.text };
  }
  let date: string;
  if (dayPick) {
    date = formatDay({ y, m: mo, d: dayPick.d });
    evidence.unshift({ text: dayPick.text, reason: `latest reported day in ${formatMonth(y, mo)}: news report the day's happening` });
  } else if (monthSupported && !pinned) {
    // "last met in November 2024": a past month says when the article was published at the earliest,
    // not that it was published then. On Timeline17 (every 2nd article) and TempEval-3 dev half all
    // such answers were more than a year off, so the month is given as a bound, not as the date.
    // The year alone is kept as a coarse answer (the month would be read as the publication month).
    const after = formatMonth(y, mo);
    const bound = scored
      .filter(({ i, cost }) => cost < 0 && i.explicit && !i.future)
      .sort((a, b) => a.cost - b.cost)
      .slice(0, 3)
      .map(({ i, iv }) => ({ text: i.m.text, reason: `past happening ${label(iv!)}: published after ${label(iv!)}, how long after the text does not say` }));
    // The month is only a bound: the year reading weighs every dated mention for the year.
    return yearReading(text, items, mentions) ?? { date: String(y), evidence: bound, after };
  } else if (monthSupported) date = formatMonth(y, mo);
  // Only years support the answer: a bare year guess is too weak to stand as a publication date, but
  // the year reading below still bounds it (`after`) and gives the likeliest year.
  else return yearReading(text, items, mentions);
  return { date, evidence };
}

/** Years after the latest dated past happening searched by the year reading. */
const YEAR_SEARCH = 12;
/** Years over which an explicit year's support for a publication year fades (e^-gap/τ); tuned on TempEval-3 dev half + Timeline17 sample. */
const YEAR_RECENCY = 2;
/** Support of a planned year for the years just before it, relative to a dated happening; same data. */
const FUTURE_YEAR_WEIGHT = 0.3;
/** Support of a relative year ("last year", "50 years ago") that lands on a year the text also names; same data. */
const RELATIVE_YEAR_MATCH = 1.5;
/** Cost of a year in which a dated weekday ("Friday, Oct. 13") falls on another day; same data. */
const YEAR_WEEKDAY_COST = 2;
/** Cost of a past-tense explicit year after the publication year, or of a future one before it; same data. */
const YEAR_ORDER_COST = 2;

/**
 * The likeliest publication year when no month is pinned (Chambers 2012, in rules): a dated past
 * happening bounds it from below and a planned one from above; a relative year ("last year", "50
 * years ago", "next year") that lands on a year the text also names pins it ("in 1988 … last year");
 * a weekday given with a year-less day ("Friday, Oct. 13") rules out the years where that day is
 * another weekday. The answer is the year with `after` set to the latest dated past month, so
 * callers treat it as a bound, not a date. Null without a dated past happening to bound it.
 */
function yearReading(text: string, items: Item[], mentions: TimexMention[]): InferredDate | null {
  const explicit = items.filter((i) => i.explicit);
  const past = explicit.filter((i) => !i.future);
  if (!past.length) return null;
  const yearOf = (k: number) => Math.floor(k / 12);
  // Every year from just before the earliest named one is weighed (every named year may still lie
  // ahead): one stray later date (a plan read as past, a typo) is outvoted by the order costs.
  const lo = Math.min(...explicit.map((i) => yearOf(i.iv!.from))) - 1;
  const hi = Math.max(...explicit.map((i) => yearOf(i.iv!.to))) + YEAR_SEARCH;
  // A year named in the same sentence as a relative one: "sold 4 million in 1996; last year it sold 3.5 million" contrasts the two.
  const namedNear = (m: TimexMention, y: number) => explicit.some((i) => yearOf(i.iv!.from) === y && sameSentence(text, i.m, m));
  const relatives = mentions.filter(isRelativeYear);
  const weekdayed = items.filter((i) => !i.explicit && i.m.meaning.k === 'month' && i.m.meaning.wd !== undefined && i.m.meaning.d !== undefined);
  const score = (P: number): { cost: number; why: DateEvidence[] } => {
    let cost = 0;
    const why: DateEvidence[] = [];
    for (const i of explicit) {
      const from = yearOf(i.iv!.from), to = yearOf(i.iv!.to);
      // A plan bounds the year from above; it attracts it only a little (a bond may fall due decades later).
      if (i.future) cost += to < P ? YEAR_ORDER_COST : -FUTURE_YEAR_WEIGHT * Math.exp(-(from - P) / YEAR_RECENCY);
      // A present-tense year ("is following the trend in 1989", "for a good part of 1990") may lie on either side.
      else if (from > P) cost += i.m.tense === 'present' ? 0 : YEAR_ORDER_COST;
      else cost -= i.weight * Math.exp(-(P - to) / YEAR_RECENCY);
    }
    for (const r of relatives) {
      const off = (r.meaning as { off: number }).off;
      if (off !== 0 && namedNear(r, P + off)) {
        cost -= RELATIVE_YEAR_MATCH;
        why.push({ text: r.text, reason: `"${r.text}" is ${P + off}, a year the text names: published in ${P}` });
      }
    }
    for (const i of weekdayed) {
      const mm = i.m.meaning as { m: number; d: number; wd: number };
      // The dated weekday lies within the year before publication or the publication year.
      if (![P, P - 1].some((yy) => weekday(toDayNumber(yy, mm.m, mm.d)) === mm.wd)) cost += YEAR_WEEKDAY_COST;
      else why.push({ text: i.m.text, reason: `${i.m.text} falls on that weekday in ${P} or the year before` });
    }
    return { cost, why };
  };
  let best = { P: lo, cost: Infinity, why: [] as DateEvidence[] };
  for (let P = lo; P <= hi; P++) {
    const s = score(P);
    if (s.cost < best.cost - 1e-9) best = { P, ...s };
  }
  // Only a pinned year is an answer: one bounded from above by a plan, or matched by a relative year or
  // a dated weekday. The bare latest named year was right for about one text in six on Timeline17.
  const capped = explicit.some((i) => i.future && yearOf(i.iv!.from) <= best.P + 1);
  if (!best.why.length && !capped) return null;
  // The bound: the latest month a dated past happening before the chosen year starts in; without
  // one nothing bounds the year from below, and there is no answer.
  const before = past.filter((i) => yearOf(i.iv!.from) <= best.P);
  if (!before.length) return null;
  const bound = before.reduce((a, b) => (b.iv!.from > a.iv!.from ? b : a));
  const after = formatMonth(yearOf(bound.iv!.from), (bound.iv!.from % 12) + 1);
  const evidence: DateEvidence[] = [{ text: bound.m.text, reason: `past happening ${bound.m.text}: published after ${after}, how long after the text does not say` }, ...best.why.slice(0, 3)];
  return { date: String(best.P), evidence, after };
}
