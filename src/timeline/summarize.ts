/**
 * Budgeted timeline summarisation in the DATEWISE manner (Ghalandari & Ifrim 2020): rank the days
 * of a collection by how many articles mention them and how many are published on them, keep the
 * top N, then pick K sentences per day by centrality with maximal marginal relevance (MMR).
 * Unsupervised: DATEWISE learns its date weights; ours are two tuned constants.
 */
import type { TimelineSummary, TimelineSummaryDate } from '../model/index.js';
import { contentStems } from '../compare/text.js';
import { splitSentences } from '../analyze/sentences.js';
import { datedMentions, publicationDay, type DatedOptions, type TimelineArticle } from './dated.js';

/** Options of `summarizeTimeline`; every field has a default. */
export interface SummarizeOptions extends DatedOptions {
  /** How many dates to keep. */
  maxDates: number;
  /** Sentences per date. */
  sentencesPerDate: number;
  /** Only days within [start, end] (`YYYY-MM-DD`, inclusive) are candidates; null = no bound. */
  start: string | null;
  end: string | null;
  /** Weight of an article published on a day, against 1 for an article mentioning it. */
  pubWeight: number;
  /** Extra weight of a mention made after the day (looking back marks a day that mattered). */
  laterWeight: number;
  /** MMR trade-off: 1 = centrality only, 0 = novelty only. */
  mmrLambda: number;
  /** Lead sentences of an article with no date of their own that stand for its publication day. */
  leadSentences: number;
  /**
   * Also rank months and years (`2023-09`, `2020`), not only days (reason: a storyline of a few
   * articles over several years dates much of its background by month or year). Off for Timeline17,
   * whose reference timelines are days.
   */
  partialDates: boolean;
}

// pubWeight / laterWeight tuned on Timeline17 h1n1 and mj (grid {0, .25, .5, 1, 2}²; h1n1 does not
// move, mj prefers look-back mentions), egypt and iraq held out; λ = 0.7 is the usual MMR setting
// (not tuned: Date-F1 does not see sentences).
export const DEFAULT_SUMMARIZE_OPTIONS: SummarizeOptions = {
  maxDates: 10,
  sentencesPerDate: 1,
  start: null,
  end: null,
  pubWeight: 0.5,
  laterWeight: 2,
  mmrLambda: 0.7,
  leadSentences: 1,
  partialDates: false,
};

/** One sentence that may describe a day. */
export interface DayCandidate {
  article: string;
  text: string;
  /** True when the sentence names the day itself (not only the article's publication day). */
  explicit: boolean;
}

/** What the summariser knows of each day: its score parts and its candidate sentences. */
export interface DayStats {
  date: string;
  mentionArticles: number;
  laterArticles: number;
  published: number;
  candidates: DayCandidate[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** A lead shorter than this is a heading or dateline, not a report of the day (reason: "PARIS (Reuters) -"). */
const MIN_LEAD_WORDS = 6;
/** Lead sentences are looked for among the first few only (reason: deep in a report, undated is not "today"). */
const LEAD_WINDOW = 3;

/** Collects, per day, who mentions it, who is published on it, and the sentences about it. */
export function collectDays(articles: TimelineArticle[], options: Partial<SummarizeOptions> = {}): Map<string, DayStats> {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  const days = new Map<string, DayStats & { mentionSet: Set<string>; laterSet: Set<string> }>();
  const inRange = (d: string): boolean => (!o.start || d >= o.start) && (!o.end || d <= o.end);
  const day = (d: string) => {
    let s = days.get(d);
    if (!s) days.set(d, (s = { date: d, mentionArticles: 0, laterArticles: 0, published: 0, candidates: [], mentionSet: new Set(), laterSet: new Set() }));
    return s;
  };
  for (const a of articles) {
    if (!a || typeof a.text !== 'string') continue;
    const pub = publicationDay(a.published);
    const mentions = datedMentions({ ...a, captions: [] }, o);
    const dated = new Set<number>();
    for (const m of mentions) {
      dated.add(m.sentence.start);
      if ((!o.partialDates && !DAY.test(m.date)) || !inRange(m.date)) continue;
      const s = day(m.date);
      s.mentionSet.add(a.id);
      if (pub && pub > m.date && !pub.startsWith(m.date)) s.laterSet.add(a.id);
      // A sentence dating several happenings is quoted only around this one (with its subject); a
      // reporting clause ("the ministry said on Wednesday") is quoted with what was said.
      const text = m.alone || m.reporting ? m.sentence.text : a.text.slice(m.description.start, m.description.end).trim();
      if (!s.candidates.some((c) => c.article === a.id && c.text === text)) s.candidates.push({ article: a.id, text, explicit: true });
    }
    if (pub && inRange(pub)) {
      const s = day(pub);
      s.published++;
      // The lead of a report tells what happened on its day (reason: news writes the event first).
      let taken = 0;
      for (const sentence of splitSentences(a.text).slice(0, LEAD_WINDOW)) {
        if (taken >= o.leadSentences) break;
        if (sentence.text.split(/\s+/u).length < MIN_LEAD_WORDS || dated.has(sentence.start)) continue;
        s.candidates.push({ article: a.id, text: sentence.text, explicit: false });
        taken++;
      }
    }
  }
  const out = new Map<string, DayStats>();
  for (const [d, { mentionSet, laterSet, ...s }] of days) out.set(d, { ...s, mentionArticles: mentionSet.size, laterArticles: laterSet.size });
  return out;
}

/** The score of a day: articles mentioning it, plus weighted publication and look-back counts. */
export function dayScore(s: DayStats, o: Pick<SummarizeOptions, 'pubWeight' | 'laterWeight'>): number {
  return s.mentionArticles + o.pubWeight * s.published + o.laterWeight * s.laterArticles;
}

/** Ranks days by score (ties: earlier day first). */
export function rankDays(days: Map<string, DayStats>, options: Partial<SummarizeOptions> = {}): DayStats[] {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  return [...days.values()].sort((a, b) => dayScore(b, o) - dayScore(a, o) || (a.date < b.date ? -1 : 1));
}

type Vec = Map<string, number>;

function vector(text: string, idf: Map<string, number>): Vec {
  const v: Vec = new Map();
  for (const s of contentStems(text)) v.set(s, (v.get(s) ?? 0) + (idf.get(s) ?? 1));
  let n = 0;
  for (const x of v.values()) n += x * x;
  n = Math.sqrt(n) || 1;
  for (const [k, x] of v) v.set(k, x / n);
  return v;
}

function cos(a: Vec, b: Vec): number {
  let s = 0;
  const [x, y] = a.size < b.size ? [a, b] : [b, a];
  for (const [k, w] of x) s += w * (y.get(k) ?? 0);
  return s;
}

/** Picks `k` sentences among a day's candidates: central ones first, redundant ones skipped (MMR). */
export function pickSentences(candidates: DayCandidate[], k: number, lambda: number, idf: Map<string, number>): DayCandidate[] {
  if (k <= 0 || !candidates.length) return [];
  // Sentences naming the day are preferred over lead sentences that only share its publication day.
  const pool = candidates.some((c) => c.explicit) ? candidates.filter((c) => c.explicit) : candidates;
  const vecs = pool.map((c) => vector(c.text, idf));
  const centroid: Vec = new Map();
  for (const v of vecs) for (const [t, w] of v) centroid.set(t, (centroid.get(t) ?? 0) + w);
  const central = vecs.map((v) => cos(v, centroid) / Math.sqrt([...centroid.values()].reduce((s, x) => s + x * x, 0) || 1));
  const chosen: number[] = [];
  while (chosen.length < Math.min(k, pool.length)) {
    let best = -1;
    let bestScore = -Infinity;
    for (let i = 0; i < pool.length; i++) {
      if (chosen.includes(i)) continue;
      const red = chosen.reduce((m, j) => Math.max(m, cos(vecs[i]!, vecs[j]!)), 0);
      const s = lambda * central[i]! - (1 - lambda) * red;
      if (s > bestScore) {
        bestScore = s;
        best = i;
      }
    }
    chosen.push(best);
  }
  return chosen.map((i) => pool[i]!);
}

/** Inverse document frequencies of content stems over all candidate sentences. */
function idfOf(days: Iterable<DayStats>): Map<string, number> {
  const df = new Map<string, number>();
  let n = 0;
  for (const d of days) {
    for (const c of d.candidates) {
      n++;
      for (const s of new Set(contentStems(c.text))) df.set(s, (df.get(s) ?? 0) + 1);
    }
  }
  const idf = new Map<string, number>();
  for (const [s, f] of df) idf.set(s, Math.log((n + 1) / (f + 0.5)));
  return idf;
}

/**
 * Builds a budgeted timeline: the `maxDates` best-ranked days, each with `sentencesPerDate`
 * sentences quoted from the articles, ordered by date. Sources are outlets when known, else ids.
 */
export function summarizeTimeline(articles: TimelineArticle[], options: Partial<SummarizeOptions> = {}): TimelineSummary {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  const days = collectDays(articles, o);
  const ranked = rankDays(days, o).slice(0, Math.max(0, o.maxDates));
  const idf = idfOf(ranked);
  const outletOf = new Map(articles.filter(Boolean).map((a) => [a.id, a.outlet?.trim() || a.id]));
  const dates: TimelineSummaryDate[] = ranked.map((d) => {
    const picked = pickSentences(d.candidates, o.sentencesPerDate, o.mmrLambda, idf);
    return {
      date: d.date,
      sentences: picked.map((c) => {
        // Every article that carries the same sentence is a source of it (wire copies, repeats).
        const same = d.candidates.filter((x) => x.text === c.text).map((x) => outletOf.get(x.article) ?? x.article);
        return { text: c.text, sources: [...new Set(same)] };
      }),
    };
  });
  return { dates: dates.sort((a, b) => (a.date < b.date ? -1 : 1)) };
}

/**
 * The simple baseline: the days most often mentioned (by sentence count), each with the first
 * sentence that names it. For side-by-side figures.
 */
export function baselineTimeline(articles: TimelineArticle[], options: Partial<SummarizeOptions> = {}): TimelineSummary {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  const days = collectDays(articles, o);
  const ranked = [...days.values()]
    .map((d) => ({ d, n: d.candidates.filter((c) => c.explicit).length }))
    .filter((x) => x.n > 0)
    .sort((a, b) => b.n - a.n || (a.d.date < b.d.date ? -1 : 1))
    .slice(0, o.maxDates);
  return {
    dates: ranked
      .map(({ d }) => ({ date: d.date, sentences: d.candidates.filter((c) => c.explicit).slice(0, o.sentencesPerDate).map((c) => ({ text: c.text, sources: [c.article] })) }))
      .sort((a, b) => (a.date < b.date ? -1 : 1)),
  };
}
