/**
 * `findDevelopments`: how an anticipated event changes as reports come in — invited, being
 * prepared, scheduled, postponed, rescheduled, cancelled, happened — from cue phrases
 * (`./cues.ts`) in sentences that name the event, ordered by publication date. A later report that
 * gives the event a new date without saying "postponed" is read as rescheduled, with the old date
 * kept as `previousDate`.
 */
import type { Citation, Development, DevelopmentStatus } from '../model/index.js';
import { findTimexes } from '../analyze/time/index.js';
import { splitSentences } from '../analyze/sentences.js';
import { BACKGROUND, DEVELOPMENT_CUES, EVENT_KINDS, type DevelopmentCue } from './cues.js';
import { isHappeningTimex, publicationDay, type DatedOptions, type TimelineArticle } from './dated.js';
import { compatibleDates } from './build.js';

/** Options of `findDevelopments`. */
export interface DevelopmentOptions extends DatedOptions {
  cues: DevelopmentCue[];
}

export const DEFAULT_DEVELOPMENT_OPTIONS: DevelopmentOptions = { cues: DEVELOPMENT_CUES };

/** Which status an article's report is, when several of its sentences carry cues (first wins). */
const REPORT_PRIORITY: DevelopmentStatus[] = ['EventCancelled', 'EventPostponed', 'EventRescheduled', 'EventScheduled', 'Happened', 'Preparing', 'Invited'];

// A date value, possibly unanchored ("XXXX-09", "XXXX-XX-16" in an undated article).
const DATE_VALUE = /^(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-\d{2})?)?$/u;

interface Candidate {
  article: TimelineArticle;
  status: DevelopmentStatus;
  kind: string;
  eventDate?: string;
  previousDate?: string;
  text: string;
  citation: Citation;
  order: number;
}

function sourceOf(a: TimelineArticle): string {
  return a.outlet?.trim() || a.id;
}

/** Fills the unknown parts of an unanchored value (`XXXX-09`) from a known date (`2025-06-16` → `2025-09`). */
export function anchorValue(value: string, known: string | undefined): string | undefined {
  if (!value.includes('X')) return value;
  // "next month" in an undated report (XXXX-XX) is relative to a day nobody knows, not to another report's date.
  if (!known || !/\d/u.test(value)) return undefined;
  const [ky, km] = known.split('-');
  const parts = value.split('-');
  if (parts[0] === 'XXXX') parts[0] = ky!;
  if (parts[1] === 'XX') {
    if (!km) return undefined;
    parts[1] = km;
  } else if (parts[1] && km && value.startsWith('XXXX') && Number(parts[1]) < Number(km)) {
    // A month before the known one, named without a year, is next year's (reason: "postponed to March" after a June date).
    parts[0] = String(Number(ky) + 1);
  }
  return parts.join('-');
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

/** The best cue of one sentence that names an anticipated event, or null. */
function readSentence(text: string, cues: DevelopmentCue[]): { cue: DevelopmentCue; at: number; kind: string } | null {
  const kind = EVENT_KINDS.find((k) => k.pattern.test(text));
  if (!kind) return null;
  for (const cue of cues) {
    const m = cue.pattern.exec(text);
    if (!m) continue;
    if (BACKGROUND.test(text) && (cue.status === 'Happened' || cue.status === 'EventScheduled')) continue;
    return { cue, at: m.index + m[0].length, kind: kind.kind };
  }
  return null;
}

/** A speech verb right before a date: "said on Friday", "told reporters on Monday", "announced Tuesday". */
const SPEECH_BEFORE = /\b(?:said|says|told(?: \w+){0,2}|announced|stated|added|confirmed)\s+(?:(?:late|early) )?(?:on |last )?$/iu;

/** One candidate per article and event kind: its strongest report. */
function readArticle(a: TimelineArticle, order: number, o: DevelopmentOptions): Candidate[] {
  const dct = publicationDay(a.published);
  const find = o.findTimexes ?? ((t: string, x: { dct: string | null }) => findTimexes(t, x));
  const timexes = find(a.text, { dct }).filter((t) => (t.type === 'DATE' || t.type === 'TIME') && DATE_VALUE.test(t.value.split('T')[0]!) && (isHappeningTimex(t, a.text) || t.value.includes('X')));
  const best = new Map<string, Candidate>();
  for (const s of splitSentences(a.text)) {
    const r = readSentence(s.text, o.cues);
    if (!r) continue;
    let status = r.cue.status;
    // "…, the chief executive said on Friday": that day dates the statement, not the event.
    const dates = timexes
      .filter((t) => t.start >= s.start && t.end <= s.end && !SPEECH_BEFORE.test(a.text.slice(Math.max(s.start, t.start - 40), t.start)))
      .map((t) => ({ rel: t.start - s.start, value: t.value.split('T')[0]! }));
    // The date after the cue is the event's (new) date; one before it is the date it had.
    const after = dates.find((d) => d.rel >= r.at - 1);
    const before = [...dates].reverse().find((d) => d.rel < r.at);
    let eventDate: string | undefined;
    let previousDate: string | undefined;
    if (status === 'EventPostponed' || status === 'EventRescheduled') {
      // The tagger reads a postponement's target ("postponed to May 30") as ahead of the report.
      eventDate = after?.value;
      previousDate = before?.value;
    } else {
      // The latest date that is not before the report names when the event is expected or was held.
      const ahead = dates.filter((d) => !dct || d.value.includes('X') || d.value >= dct.slice(0, d.value.length));
      eventDate = (after ?? (status === 'Happened' ? dates[dates.length - 1] : ahead[ahead.length - 1]))?.value;
    }
    // A date is what makes a schedule: without one, "will visit" says the event is being arranged.
    if (status === 'EventScheduled' && !eventDate) status = 'Preparing';
    if (status === 'Happened') {
      // A happening is reported after it: without a report date and an event date on or before it
      // there is nothing to place (a date after the report is a misread plan or another occasion;
      // an undated "met in September" would be anchored on other reports' dates).
      if (!dct || !eventDate || eventDate.includes('X') || eventDate > dct.slice(0, eventDate.length)) continue;
      // News of a happening comes within weeks; "they met in Sochi in September" in a January report is background.
      if (isLongBefore(eventDate, dct)) continue;
    }
    const c: Candidate = {
      article: a,
      status,
      kind: r.kind,
      ...(eventDate ? { eventDate } : {}),
      ...(previousDate ? { previousDate } : {}),
      text: s.text,
      citation: { article: a.id, sentence: s.text, start: s.start, end: s.end },
      order,
    };
    const prev = best.get(r.kind);
    if (!prev || REPORT_PRIORITY.indexOf(status) < REPORT_PRIORITY.indexOf(prev.status) || (status === prev.status && !prev.eventDate && eventDate)) best.set(r.kind, c);
  }
  return [...best.values()];
}

/**
 * The developments of the anticipated events in a storyline's articles, ordered by publication date.
 * A report without a publication day comes last with `date: null` (render it as undated) and never
 * as Happened: with no report date, nothing says the event lies behind it. Reports of the same status and date that follow each
 * other are one development with several sources. Never throws on odd input.
 */
export function findDevelopments(articles: TimelineArticle[], options: Partial<DevelopmentOptions> = {}): Development[] {
  const o = { ...DEFAULT_DEVELOPMENT_OPTIONS, ...options };
  const candidates = articles.flatMap((a, i) => (a && typeof a.text === 'string' ? readArticle(a, i, o) : []));
  const day = (c: Candidate): string | null => publicationDay(c.article.published);
  candidates.sort((x, y) => {
    const dx = day(x);
    const dy = day(y);
    if (dx && dy && dx !== dy) return dx < dy ? -1 : 1;
    if (!dx !== !dy) return dx ? -1 : 1;
    return x.order - y.order;
  });
  const out: Development[] = [];
  const lastDate = new Map<string, string>();
  for (const c of candidates) {
    const known = lastDate.get(c.kind);
    let eventDate = c.eventDate ? anchorValue(c.eventDate, known) : undefined;
    let previousDate = c.previousDate ? anchorValue(c.previousDate, known) : undefined;
    let status = c.status;
    if ((status === 'EventPostponed' || status === 'EventRescheduled' || status === 'EventCancelled') && !previousDate && known) previousDate = known;
    // A new date where one was set, without a postponement word, is a rescheduling.
    if (status === 'EventScheduled' && known && eventDate && /^\d{4}-\d{2}-\d{2}$/u.test(known) && !compatibleDates(known, eventDate)) {
      status = 'EventRescheduled';
      previousDate = known;
    }
    if (eventDate && !eventDate.includes('X')) lastDate.set(c.kind, eventDate);
    const prev = [...out].reverse().find((d) => d.event === c.kind);
    if (prev && prev.status === status && (!prev.eventDate || !eventDate || compatibleDates(prev.eventDate, eventDate))) {
      // The same news from another outlet (or a wire copy): one development, more sources.
      if (!prev.sources.includes(sourceOf(c.article))) prev.sources.push(sourceOf(c.article));
      prev.citations.push(c.citation);
      if (!prev.eventDate && eventDate) prev.eventDate = eventDate;
      continue;
    }
    out.push({
      status,
      event: c.kind,
      date: day(c),
      ...(eventDate ? { eventDate } : {}),
      ...(previousDate ? { previousDate } : {}),
      text: c.text,
      sources: [sourceOf(c.article)],
      citations: [c.citation],
    });
  }
  return out;
}
