/**
 * `buildTimeline`: every dated happening of a storyline's articles, merged across articles (the
 * same happening reported by three outlets is one entry with three sources), ordered by date.
 * Mentions are aligned when their dates agree (equal, or one a partial form of the other) and their
 * sentences share enough content words.
 */
import type { Citation, TimelineEntry } from '../model/index.js';
import { contentStems } from '../compare/text.js';
import { datedMentions, type DatedMention, type DatedOptions, type TimelineArticle } from './dated.js';

/** Options of `buildTimeline`; every field has a default. */
export interface TimelineOptions extends DatedOptions {
  /** Content overlap (Dice over content stems) from which two mentions of the same date are one happening. */
  sameDateOverlap: number;
  /** Overlap needed to merge a partial date into a more precise one ("in 2022" into "February 24, 2022"). */
  partialDateOverlap: number;
  /** Sentences up to this length are quoted whole; longer ones are trimmed to the dated clause. */
  maxWholeSentence: number;
}

// Tuned on the five seeds: the Sochi meeting sentences of one outlet overlap at 0.2–0.3 ("met",
// "Erdogan", "Russia"), while different happenings of one year ("peace talks in 2022" vs "invasion
// in 2022") stay below 0.15. Partial-into-precise merging needs more evidence.
export const DEFAULT_TIMELINE_OPTIONS: TimelineOptions = {
  sameDateOverlap: 0.2,
  partialDateOverlap: 0.3,
  maxWholeSentence: 220,
};

interface Group {
  date: string;
  mentions: DatedMention[];
  stems: Set<string>;
}

/** Dice coefficient of two sets. */
function dice(a: Set<string>, b: Set<string>): number {
  if (!a.size || !b.size) return 0;
  let n = 0;
  for (const x of a) if (b.has(x)) n++;
  return (2 * n) / (a.size + b.size);
}

/** Whether `a` and `b` can be the same day: equal, or one is a partial form (prefix) of the other. */
export function compatibleDates(a: string, b: string): boolean {
  return a === b || a.startsWith(`${b}-`) || b.startsWith(`${a}-`);
}

function rootOf(id: string, byId: Map<string, TimelineArticle>): string {
  const seen = new Set<string>();
  let cur = id;
  while (!seen.has(cur)) {
    seen.add(cur);
    const next = byId.get(cur)?.duplicateOf;
    if (!next || !byId.has(next)) break;
    cur = next;
  }
  return cur;
}

/** Text of a mention: the whole sentence when short, else the dated clause. */
function mentionText(m: DatedMention, article: TimelineArticle, maxWhole: number): string {
  const src = m.caption !== undefined ? (article.captions?.[m.caption] ?? '') : article.text;
  if (m.alone && m.sentence.text.length <= maxWhole) return m.sentence.text;
  return src.slice(m.clause.start, m.clause.end).trim();
}

function citationOf(m: DatedMention): Citation {
  return { article: m.article, sentence: m.sentence.text, start: m.sentence.start, end: m.sentence.end, ...(m.caption !== undefined ? { caption: m.caption } : {}) };
}

/**
 * The words a mention is compared on, without the date's own words: the whole sentence when it dates
 * only this happening, else the stretch around the date (reason: "met in Tehran in July 2022 …
 * following the invasion on February 24, 2022" dates two happenings with different words).
 */
function stemsOf(m: DatedMention): Set<string> {
  const s = m.sentence;
  const a = m.alone ? s.start : m.clause.start;
  const b = m.alone ? s.end : m.clause.end;
  const text = `${s.text.slice(a - s.start, Math.max(a, m.timex.start) - s.start)} ${s.text.slice(Math.min(b, m.timex.end) - s.start, b - s.start)}`;
  return new Set(contentStems(text));
}

/**
 * Builds the timeline of a storyline: one entry per dated happening, with its date (partial dates
 * stay partial), a one-line description quoted from a source, its sources and citations; ordered by
 * date (a partial date sorts before the days it contains). Articles without text are skipped.
 */
export function buildTimeline(articles: TimelineArticle[], options: Partial<TimelineOptions> = {}): TimelineEntry[] {
  const o = { ...DEFAULT_TIMELINE_OPTIONS, ...options };
  const byId = new Map(articles.filter((a) => a && typeof a.id === 'string').map((a) => [a.id, a]));
  const groups: Group[] = [];
  const mentions = articles.flatMap((a) => (a && typeof a.text === 'string' ? datedMentions(a, o) : []));
  // Precise dates first, so partial mentions can join the precise happening they belong to.
  const order = mentions.map((m, i) => ({ m, i, stems: stemsOf(m) })).sort((x, y) => y.m.date.length - x.m.date.length || x.i - y.i);
  for (const { m, stems } of order) {
    let best: Group | null = null;
    let bestScore = 0;
    for (const g of groups) {
      if (!compatibleDates(g.date, m.date)) continue;
      const need = g.date === m.date ? o.sameDateOverlap : o.partialDateOverlap;
      const score = dice(stems, g.stems);
      if (score >= need && score > bestScore) {
        best = g;
        bestScore = score;
      }
    }
    if (best) {
      best.mentions.push(m);
      for (const s of stems) best.stems.add(s);
    } else groups.push({ date: m.date, mentions: [m], stems: new Set(stems) });
  }
  const entries = groups.map((g): TimelineEntry => {
    // Representative: a body sentence (not a caption) whose date is the group's, most central.
    const scored = g.mentions.map((m) => {
      const own = stemsOf(m);
      let central = 0;
      for (const n of g.mentions) if (n !== m) central += dice(own, stemsOf(n));
      return { m, s: central + (m.date === g.date ? 1 : 0) + (m.caption === undefined ? 0.5 : 0) };
    });
    scored.sort((x, y) => y.s - x.s);
    const rep = scored[0]!.m;
    const sources = [...new Set(g.mentions.map((m) => {
      const root = rootOf(m.article, byId);
      return byId.get(root)?.outlet?.trim() || root;
    }))];
    const seen = new Set<string>();
    const citations = g.mentions
      .map(citationOf)
      .filter((c) => {
        const k = `${c.article}:${c.caption ?? ''}:${c.start}`;
        if (seen.has(k)) return false;
        seen.add(k);
        return true;
      })
      .sort((x, y) => (x.article === y.article ? (x.caption ?? -1) - (y.caption ?? -1) || x.start - y.start : x.article < y.article ? -1 : 1));
    return { date: g.date, text: mentionText(rep, byId.get(rep.article)!, o.maxWholeSentence), sources, citations };
  });
  return entries.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}
