/**
 * `findDevelopments`: how an anticipated event changes as reports come in — possible, invited,
 * being prepared, scheduled, postponed, rescheduled, cancelled, happened — from cue phrases
 * (`./cues.ts`) in sentences that name the event, ordered by publication date. Reports continue one
 * event only when its identity agrees (kind, place, occasion, participants: `./identity.ts`). A later
 * report that gives the same event a new date without saying "postponed" is read as rescheduled,
 * with the old date kept as `previousDate`.
 */
import type { Citation, Development, DevelopmentStatus } from '../model/index.js';
import { sentencesOf, timexesOf } from '../analyze/article.js';
import { BACKGROUND, DEVELOPMENT_CUES, EVENT_KINDS, SUBORDINATE_BEFORE, type DevelopmentCue } from './cues.js';
import { copyIdentity, eventIdentity, mergeIdentity, sameEvent, type EventIdentity } from './identity.js';
import { isHappeningTimex, isLongBefore, publicationDay, type DatedOptions, type TimelineArticle } from './dated.js';
import { compatibleDates } from './build.js';

/** Options of `findDevelopments`. */
export interface DevelopmentOptions extends DatedOptions {
  cues: DevelopmentCue[];
}

export const DEFAULT_DEVELOPMENT_OPTIONS: DevelopmentOptions = { cues: DEVELOPMENT_CUES };

/** Which status an article's report is, when several of its sentences carry cues (first wins). */
const REPORT_PRIORITY: DevelopmentStatus[] = ['EventCancelled', 'EventPostponed', 'EventRescheduled', 'EventScheduled', 'Happened', 'Preparing', 'Possible', 'Invited'];

// A date value, possibly unanchored ("XXXX-09", "XXXX-XX-16" in an undated article).
const DATE_VALUE = /^(?:\d{4}|XXXX)(?:-(?:\d{2}|XX)(?:-\d{2})?)?$/u;

interface Candidate {
  article: TimelineArticle;
  status: DevelopmentStatus;
  identity: EventIdentity;
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

/** The best cue of one sentence that names an anticipated event, or null. */
function readSentence(text: string, cues: DevelopmentCue[]): { cue: DevelopmentCue; at: number; identity: EventIdentity } | null {
  const kind = EVENT_KINDS.find((k) => k.pattern.test(text));
  if (!kind) return null;
  for (const cue of cues) {
    const m = cue.pattern.exec(text);
    if (!m) continue;
    if (BACKGROUND.test(text) && (cue.status === 'Happened' || cue.status === 'EventScheduled')) continue;
    return { cue, at: m.index + m[0].length, identity: eventIdentity(text, kind.kind)! };
  }
  return null;
}

/** A speech verb right before a date: "said on Friday", "told reporters on Monday", "announced Tuesday". */
const SPEECH_BEFORE = /\b(?:said|says|told(?: \w+){0,2}|announced|stated|added|confirmed)\s+(?:(?:late|early) )?(?:on |last )?$/iu;

/** A reporting clause right after a sentence's opening date: "On June 25, it was officially announced …", "On Monday, the ministry said …". */
const SPEECH_AFTER = /^,?\s+(?:it was\s+)?(?:[\p{L}'’-]+\s+){0,4}?(?:announced|said|says|reported|confirmed|told|stated)\b/iu;

/** A schedule in the past tense: "was set to", "were scheduled for", "had been due to". */
const PAST_PLAN = /\b(?:was|were|had been)\s+(?:set|scheduled|due|slated|planned)\s+(?:to|for|on)\b/iu;

/** What may stand before a date that opens its sentence ("On June 25, …"). */
const SENTENCE_OPENER = /^\s*(?:on|in|at|early|late)?\s*$/iu;

/** One candidate per article and anticipated event: its strongest report. */
function readArticle(a: TimelineArticle, order: number, o: DevelopmentOptions): Candidate[] {
  const dct = publicationDay(a.published);
  const find = o.findTimexes ?? ((t: string, x: { dct: string | null }) => timexesOf(t, x.dct, a.analysis));
  const dated = find(a.text, { dct }).filter((t) => t.type === 'DATE' || t.type === 'TIME');
  const timexes = dated.filter((t) => DATE_VALUE.test(t.value.split('T')[0]!) && (isHappeningTimex(t, a.text) || t.value.includes('X')));
  const best: Candidate[] = [];
  for (const s of sentencesOf(a.text, a.analysis)) {
    const r = readSentence(s.text, o.cues);
    if (!r) continue;
    let status = r.cue.status;
    // "…, the chief executive said on Friday", "On Monday, officials said …": that day dates the statement, not the event.
    // "resumed after being halted on Sunday": that day dates the halt, not the event.
    const dates = timexes
      .filter((t) => t.start >= s.start && t.end <= s.end && !SPEECH_BEFORE.test(a.text.slice(Math.max(s.start, t.start - 40), t.start)) && !(SENTENCE_OPENER.test(a.text.slice(s.start, t.start)) && SPEECH_AFTER.test(a.text.slice(t.end, s.end))) && !SUBORDINATE_BEFORE.test(a.text.slice(s.start, t.start)))
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
    // A date is what makes a schedule: without one, "will visit" says the event is being arranged
    // ("will visit … this Sunday" in an undated report is still a schedule, to a day nobody can name).
    const unknownDay = dated.some((t) => t.start >= s.start && t.end <= s.end && t.value.includes('X') && !SPEECH_BEFORE.test(a.text.slice(Math.max(s.start, t.start - 40), t.start)));
    if (status === 'EventScheduled' && !eventDate && !unknownDay) status = 'Preparing';
    // A plan for a date long past is history ("delayed his trial from 1990 to 1997" in a 2005 report).
    if (status !== 'Happened' && dct && eventDate && !eventDate.includes('X') && isLongBefore(eventDate, dct)) continue;
    // A plan told in the past tense with no date still ahead ("the day before he was set to visit the
    // club, he signed") is a plan that was, not where the event stands.
    if (r.cue.status === 'EventScheduled' && PAST_PLAN.test(s.text) && (!eventDate || (dct !== null && eventDate < dct.slice(0, eventDate.length)))) continue;
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
      identity: r.identity,
      ...(eventDate ? { eventDate } : {}),
      ...(previousDate ? { previousDate } : {}),
      text: s.text,
      citation: { article: a.id, sentence: s.text, start: s.start, end: s.end },
      order,
    };
    // Sentences of one article about one event compete; another event of the same kind stands apart.
    const i = best.findIndex((b) => sameEvent(b.identity, c.identity));
    const prev = best[i];
    if (!prev) best.push(c);
    else if (REPORT_PRIORITY.indexOf(status) < REPORT_PRIORITY.indexOf(prev.status) || (status === prev.status && !prev.eventDate && eventDate)) best[i] = c;
  }
  return best;
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
  // One thread per anticipated event: its identity so far, its last known date, its developments.
  const threads: Array<{ identity: EventIdentity; lastDate?: string; developments: Development[] }> = [];
  for (const c of candidates) {
    let thread = [...threads].reverse().find((t) => sameEvent(t.identity, c.identity));
    if (!thread) threads.push((thread = { identity: copyIdentity(c.identity), developments: [] }));
    else mergeIdentity(thread.identity, c.identity);
    const known = thread.lastDate;
    let eventDate = c.eventDate ? anchorValue(c.eventDate, known) : undefined;
    let previousDate = c.previousDate ? anchorValue(c.previousDate, known) : undefined;
    let status = c.status;
    if ((status === 'EventPostponed' || status === 'EventRescheduled' || status === 'EventCancelled') && !previousDate && known) previousDate = known;
    // A new date where one was set, without a postponement word, is a rescheduling of the same event
    // — while the old date is still ahead: once it has passed, a new date is the next session.
    const reportDay = day(c);
    if (status === 'EventScheduled' && known && eventDate && /^\d{4}-\d{2}-\d{2}$/u.test(known) && !compatibleDates(known, eventDate) && (!reportDay || reportDay < known)) {
      status = 'EventRescheduled';
      previousDate = known;
    }
    if (eventDate && !eventDate.includes('X')) thread.lastDate = eventDate;
    const prev = thread.developments[thread.developments.length - 1];
    if (prev && prev.status === status && (!prev.eventDate || !eventDate || compatibleDates(prev.eventDate, eventDate))) {
      // The same news from another outlet (or a wire copy): one development, more sources.
      if (!prev.sources.includes(sourceOf(c.article))) prev.sources.push(sourceOf(c.article));
      prev.citations.push(c.citation);
      if (!prev.eventDate && eventDate) prev.eventDate = eventDate;
      continue;
    }
    const d: Development = {
      status,
      event: c.identity.kind,
      ...(c.identity.place ? { place: c.identity.place } : {}),
      date: day(c),
      ...(eventDate ? { eventDate } : {}),
      ...(previousDate ? { previousDate } : {}),
      text: c.text,
      sources: [sourceOf(c.article)],
      citations: [c.citation],
    };
    thread.developments.push(d);
    out.push(d);
  }
  return out;
}
