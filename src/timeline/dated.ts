/**
 * Dated happenings of one article: every sentence with a calendar time expression, resolved against
 * the article's publication date. Durations, sets, generic references ("now", "recently"), weeks,
 * seasons and boundaries ("since 2020", "until June") are not happenings and are left out.
 */
import type { Timex } from '../analyze/time/index.js';
import { findTimexes } from '../analyze/time/index.js';
import { type Sentence } from '../analyze/sentences.js';
import { sentencesOf, timexesOf } from '../analyze/article.js';
import type { ArticleAnalysis } from '../model/index.js';
import { CLAUSE_OPENER, FUTURE_BEFORE, PLAN_TARGET_BEFORE, SUBORDINATE_BEFORE } from './cues.js';

/** The article fields the timeline stage reads (a subset of `Article` / `StoredArticle`). */
export interface TimelineArticle {
  id: string;
  text: string;
  /** `YYYY-MM-DD` or an ISO datetime; null leaves relative expressions unresolved (and unused). */
  published: string | null;
  outlet?: string | null;
  title?: string | null;
  /** Photo captions, kept out of `text` by the cleaner; their dates count too. */
  captions?: string[];
  /** The original, when this article is a copy: copies do not count as extra sources. */
  duplicateOf?: string | null;
  /** The stored analysis of `text` (sentences, time expressions); made on the spot when absent or stale. */
  analysis?: ArticleAnalysis | null;
}

/** One time expression in one sentence of one article. */
export interface DatedMention {
  article: string;
  /** Calendar value: `YYYY`, `YYYY-MM` or `YYYY-MM-DD`. */
  date: string;
  sentence: Sentence;
  /** Index into the article's captions when the sentence is from a caption. */
  caption?: number;
  timex: Timex;
  /** The stretch of the sentence around the expression, offsets into the article text (or caption). */
  clause: { start: number; end: number };
  /** True when the sentence dates no other happening: then the whole sentence describes this one. */
  alone: boolean;
  /**
   * The stretch to quote when the sentence dates several happenings: the clause, or — when the clause
   * has no subject of its own ("was last fully inspected in 2021") — the sentence up to its end.
   */
  description: { start: number; end: number };
  /** True when the date belongs to a reporting clause ("the ministry said on Wednesday"): the report's date, not a happening's. */
  reporting: boolean;
  /** True when the date is a plan's target ("the visit scheduled for next month", "will meet on June 12"), not the day of what the sentence reports. */
  planned: boolean;
}

/** Options of mention finding. */
export interface DatedOptions {
  /** The time tagger (the time stage's `findTimexes` by default; a test may pass a stub). */
  findTimexes?: (text: string, options: { dct: string | null }) => Timex[];
  /**
   * For an undated article: a day it cannot precede (the latest publication date of the storyline's
   * other articles). Year-less months and days on or after it ("postponed to September") are
   * anchored in its year; anything relative to the unknown day ("this month", "Thursday") stays out.
   */
  contextDate?: string | null;
}

const UNANCHORED = /^XXXX-(\d{2})(-\d{2})?$/u;

/**
 * A year-less value (`XXXX-09`) of an undated article placed in the year of its lower bound when
 * the month is not before the bound's (reason: a later report's "September" is the next September;
 * an earlier month could be last year's or next year's, so it is left out).
 */
export function anchorOnContext(value: string, contextDate: string | null | undefined): string {
  const m = UNANCHORED.exec(value);
  const ctx = publicationDay(contextDate);
  if (!m || !ctx) return value;
  if (m[1]! < ctx.slice(5, 7)) return value;
  const anchored = `${ctx.slice(0, 4)}-${m[1]}${m[2] ?? ''}`;
  return anchored.length === 10 && anchored < ctx ? value : anchored;
}

const CALENDAR = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/u;

// Boundaries say when a state began or ends, not that something happened then
// (reason: "barred since 2020", "talks run until June" are not happenings of 2020 / June).
const BOUNDARY_BEFORE = /\b(?:since|until|till|through|throughout|by|before)\s+(?:the\s+)?(?:start\s+of\s+|end\s+of\s+)?$/iu;

/**
 * The calendar part of a TIMEX3 value, or null when it is not a calendar date: `2024-02-12T20:00`
 * → `2024-02-12`, `2005-01-12TNI` → `2005-01-12`; weeks, seasons, quarters, decades and references
 * (`PRESENT_REF`, `XXXX-09`) give null.
 */
export function calendarValue(value: string): string | null {
  const v = value.split('T')[0]!;
  const m = CALENDAR.exec(v);
  if (!m) return null;
  const month = m[2] ? Number(m[2]) : 1;
  const day = m[3] ? Number(m[3]) : 1;
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  return v;
}

/** Whether a time expression names a happening's date (not a duration, set, boundary or generic reference). */
export function isHappeningTimex(t: Timex, text: string): boolean {
  if (t.type !== 'DATE' && t.type !== 'TIME') return false;
  if (!calendarValue(t.value)) return false;
  const before = text.slice(Math.max(0, t.start - 30), t.start);
  // A year naming an occasion ("the 2022 Winter Olympics") still dates a happening, so it stays.
  return !BOUNDARY_BEFORE.test(before);
}

// Description pieces end at commas, semicolons and dashes outside a date ("February 24, 2022" holds one).
const SEGMENT_BREAK = /[,;]\s+|\s+[—–]\s+/gu;
/** A description piece shorter than this many characters takes in a neighbour (too little to read alone). */
const MIN_SEGMENT = 50;
/** When every neighbour dates another happening, a piece this long is kept as it is ("The bridge, opened in 1978"). */
const MIN_CROWDED_SEGMENT = 20;

/**
 * The comma-delimited stretch of `sentence` around the time expression [start, end) (absolute
 * offsets), widened until it reads on its own, preferring neighbours that hold no other date.
 */
export function segmentAround(sentence: Sentence, start: number, end: number, others: Array<{ start: number; end: number }>): { start: number; end: number } {
  const text = sentence.text;
  const cuts: Array<[number, number]> = [];
  let from = 0;
  const inside = (i: number): boolean => [{ start, end }, ...others].some((t) => t.start - sentence.start <= i && i < t.end - sentence.start);
  for (const m of text.matchAll(SEGMENT_BREAK)) {
    if (inside(m.index)) continue;
    cuts.push([from, m.index]);
    from = m.index + m[0].length;
  }
  cuts.push([from, text.length]);
  const rel = start - sentence.start;
  let i = cuts.findIndex(([, b]) => rel < b);
  if (i < 0) i = cuts.length - 1;
  let lo = i;
  let hi = i;
  const hasOther = (k: number): boolean => others.some((t) => t.start - sentence.start >= cuts[k]![0] && t.end - sentence.start <= cuts[k]![1]);
  const len = (): number => cuts[hi]![1] - cuts[lo]![0];
  while (len() < MIN_SEGMENT && (lo > 0 || hi < cuts.length - 1)) {
    const leftOk = lo > 0 && !hasOther(lo - 1);
    const rightOk = hi < cuts.length - 1 && !hasOther(hi + 1);
    if (leftOk) lo--;
    else if (rightOk) hi++;
    else if (len() >= MIN_CROWDED_SEGMENT) break;
    else if (hi < cuts.length - 1) hi++;
    else lo--;
  }
  return { start: sentence.start + cuts[lo]![0], end: sentence.start + cuts[hi]![1] };
}

// A clause that starts with one of these (or a capital, a digit, a quote) names its subject: "the
// ministry said …", "Orkan said …"; one that starts with a verb, participle, preposition or relative
// word ("was last inspected …", "confirming that …", "for talks …", "which …") does not.
const SUBJECT_START = /^[\s"“‘'(]*(?:\p{Lu}|\d|(?:the|a|an|his|her|its|their|our|my|your|both|this|these|those|some|many|several|most|all|each|every|no|he|she|it|they|we|i|you)\b)/u;

/** Whether a stretch of text starts with its own subject (see SUBJECT_START). */
export function startsWithSubject(text: string): boolean {
  return SUBJECT_START.test(text);
}

// "the ministry said on Wednesday", "told reporters on Monday", "announced in a statement on Friday":
// the date of the statement, which is the report's own date (or the day before).
const REPORTING_BEFORE = /\b(?:said|says|announced|told (?:\w+ ){0,2}?|reported|confirmed|stated|added|wrote|declared|noted|warned|explained|claimed|revealed|insisted)\s+(?:in an? (?:statement|interview|briefing|post) |at an? (?:briefing|news conference|press conference) |late |early )?(?:on\s+)?$/iu;

// What follows a subject and its aside: a comma or dash, then a finite auxiliary or copula.
const VERB_AFTER = /^\s*(?:,|[—–])\s*(?:was|were|is|are|has|have|had|will|would|could|can|may|might|must|should|did|does|do|remains?|remained)\b/u;

// A range's second day ("July 3-4", "3 to 4 July") belongs to the happening its first day dates.
const RANGE_JOIN = /^\s*(?:[-–—]|to|and)\s*$/u;

function mentionsIn(article: string, text: string, dct: string | null, find: NonNullable<DatedOptions['findTimexes']>, caption?: number, contextDate?: string | null, analysis?: ArticleAnalysis | null): DatedMention[] {
  const out: DatedMention[] = [];
  const found = find(text, { dct });
  const anchored = !dct && contextDate ? found.map((t) => ({ ...t, value: anchorOnContext(t.value, contextDate) })) : found;
  const timexes = anchored.filter((t) => isHappeningTimex(t, text));
  if (!timexes.length) return out;
  const sentences = sentencesOf(text, analysis);
  let si = 0;
  timexes.forEach((t, k) => {
    const prev = timexes[k - 1];
    if (prev && RANGE_JOIN.test(text.slice(prev.end, t.start))) return;
    while (si < sentences.length && sentences[si]!.end <= t.start) si++;
    const s = sentences[si];
    if (!s || s.start > t.start) return;
    const others = timexes.filter((x) => x !== t && x.start >= s.start && x.end <= s.end && calendarValue(x.value) !== calendarValue(t.value));
    const clause = segmentAround(s, t.start, t.end, others);
    let description = clause.start > s.start && !startsWithSubject(text.slice(clause.start, clause.end)) ? { start: s.start, end: clause.end } : clause;
    // A stretch whose verb comes after it is a subject with an aside, not a clause ("The bridge,
    // opened in 1978, was last inspected …"): the whole sentence is quoted instead.
    if (description.end < s.end && VERB_AFTER.test(text.slice(description.end, s.end))) description = { start: s.start, end: s.end };
    // "… following Russia's invasion on February 24, 2022": the date dates the phrase, which is quoted alone.
    const sub = SUBORDINATE_BEFORE.exec(text.slice(s.start, t.start));
    if (sub && others.length) description = { start: s.start + sub.index + sub[0].indexOf(sub[1]!), end: t.end };
    const reporting = REPORTING_BEFORE.test(text.slice(Math.max(s.start, t.start - 60), t.start));
    // Future wording counts from the end of the sentence's previous date on (reason: "which will
    // reopen in June, was closed on Sunday": Sunday is a happening's day).
    const from = Math.max(s.start, ...timexes.filter((x) => x.end <= t.start && x.start >= s.start).map((x) => x.end));
    const lead = text.slice(from, t.start);
    const opener = [...lead.matchAll(CLAUSE_OPENER)].at(-1);
    const planned = PLAN_TARGET_BEFORE.test(text.slice(Math.max(s.start, t.start - 40), t.start)) || FUTURE_BEFORE.test(opener ? lead.slice(opener.index) : lead);
    out.push({ article, date: calendarValue(t.value)!, sentence: s, timex: t, clause, description, reporting, planned, alone: others.length === 0, ...(caption !== undefined ? { caption } : {}) });
  });
  return out;
}

/** Days after which a reported happening is background rather than news (a monthly magazine's lag). */
const NEWS_LAG_DAYS = 31;

/** Whether a (possibly partial) date ends more than NEWS_LAG_DAYS before the report's day. */
export function isLongBefore(value: string, reportDay: string): boolean {
  if (!/^\d{4}/u.test(value)) return false;
  const [y, m, d] = value.split('-').map(Number) as [number, number | undefined, number | undefined];
  // The last day the value can mean: a month's last day, a year's 31 December.
  // Date.UTC(y, m, 0) is the last day of month m (1-based); Date.UTC(y, 12, 0) is 31 December.
  const last = m === undefined ? Date.UTC(y, 12, 0) : d === undefined ? Date.UTC(y, m, 0) : Date.UTC(y, m - 1, d);
  const report = Date.parse(`${reportDay}T00:00:00Z`);
  return Number.isFinite(report) && report - last > NEWS_LAG_DAYS * 86_400_000;
}

/** Publication day (`YYYY-MM-DD`) of an ISO date or datetime, or null. */
export function publicationDay(published: string | null | undefined): string | null {
  if (typeof published !== 'string') return null;
  const m = /^(\d{4}-\d{2}-\d{2})/u.exec(published.trim());
  return m ? m[1]! : null;
}

/**
 * Every dated happening an article mentions, in text order (body first, then captions). Never
 * throws on odd input: an article without text or date gives what can be read.
 */
export function datedMentions(article: TimelineArticle, options: DatedOptions = {}): DatedMention[] {
  const find = options.findTimexes ?? ((text: string, o: { dct: string | null }) => findTimexes(text, o));
  if (!article || typeof article.text !== 'string') return [];
  const dct = publicationDay(article.published);
  // The body's time expressions and sentences come from its stored analysis when it fits.
  const findInBody = options.findTimexes ?? ((text: string, o: { dct: string | null }) => timexesOf(text, o.dct, article.analysis));
  const out = mentionsIn(article.id, article.text, dct, findInBody, undefined, options.contextDate, article.analysis);
  (article.captions ?? []).forEach((cap, i) => {
    if (typeof cap === 'string' && cap.trim()) out.push(...mentionsIn(article.id, cap, dct, find, i, options.contextDate));
  });
  return out;
}
