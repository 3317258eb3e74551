/**
 * Budgeted timeline summarisation in the DATEWISE manner (Ghalandari & Ifrim 2020): rank the days
 * of a collection by how many articles mention them, look back at them, are published on them and
 * the day after, keep the top N, then pick K sentences per day by centrality with maximal marginal
 * relevance (MMR), among the sentences that name the day and the leads of reports published on it
 * or the day after, kept to sentences of some length that name one of the story's keywords.
 * Unsupervised: DATEWISE learns its date weights; ours fuses the four counts by rank, with no
 * weights (see `rankDays`). Sentence rules are tuned on alignment-based ROUGE (bench/eval/rouge.ts)
 * of Timeline17 h1n1 and mj.
 */
import type { TimelineSummary, TimelineSummaryDate } from '../model/index.js';
import { contentStems } from '../compare/index.js';
import { sentencesOf } from '../analyze/article.js';
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
  /** MMR trade-off: 1 = centrality only, 0 = novelty only. */
  mmrLambda: number;
  /**
   * Lead sentences of an article with no date of their own that stand for its publication day (and
   * describe the day before, when that day is a candidate anyway).
   */
  leadSentences: number;
  /**
   * Also rank months and years (`2023-09`, `2020`), not only days (reason: a storyline of a few
   * articles over several years dates much of its background by month or year). Off for Timeline17,
   * whose reference timelines are days.
   */
  partialDates: boolean;
}

// λ = 0.7 is the usual MMR setting
// (kept: 0.5, 0.8 and 0.9 scored lower AR-1 on h1n1 + mj, 0.6 the same); leadSentences 3 tuned on h1n1 + mj AR-1
// (1 → 3: 0.128 → 0.135 with the other sentence rules; 5 with a wider window did not help).
export const DEFAULT_SUMMARIZE_OPTIONS: SummarizeOptions = {
  maxDates: 10,
  sentencesPerDate: 1,
  start: null,
  end: null,
  mmrLambda: 0.7,
  leadSentences: 3,
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
  /** Articles published on the day after (news of a day often runs the next morning). */
  publishedNextDay: number;
  candidates: DayCandidate[];
}

const DAY = /^\d{4}-\d{2}-\d{2}$/u;
/** A lead shorter than this is a heading or dateline, not a report of the day (reason: "PARIS (Reuters) -"). */
const MIN_LEAD_WORDS = 6;
/** Lead sentences are looked for among the first few only (reason: deep in a report, undated is not "today"). */
const LEAD_WINDOW = 3;

/**
 * Collects, per day, who mentions it, who is published on it, and the sentences about it: those
 * that name the day, and the undated lead sentences of the articles published on it or the day after.
 */
export function collectDays(articles: TimelineArticle[], options: Partial<SummarizeOptions> = {}): Map<string, DayStats> {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  const days = new Map<string, DayStats & { mentionSet: Set<string>; laterSet: Set<string> }>();
  const inRange = (d: string): boolean => (!o.start || d >= o.start) && (!o.end || d <= o.end);
  const day = (d: string) => {
    let s = days.get(d);
    if (!s) days.set(d, (s = { date: d, mentionArticles: 0, laterArticles: 0, published: 0, publishedNextDay: 0, candidates: [], mentionSet: new Set(), laterSet: new Set() }));
    return s;
  };
  // Leads of articles published the day after a day (DATEWISE's pub_end = 2): news of day d often
  // runs on d + 1 without naming d (AR-1 on h1n1 + mj 0.140 → 0.147). Added at the end, and only to
  // days that are candidates anyway.
  const nextDayLeads: Array<{ day: string; candidate: DayCandidate }> = [];
  const publishedAfter: string[] = [];
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
    const before = pub && dayBefore(pub);
    if (before) publishedAfter.push(before);
    if (pub && inRange(pub)) {
      const s = day(pub);
      s.published++;
      // The lead of a report tells what happened on its day (reason: news writes the event first).
      let taken = 0;
      for (const sentence of sentencesOf(a.text, a.analysis).slice(0, LEAD_WINDOW)) {
        if (taken >= o.leadSentences) break;
        if (sentence.text.split(/\s+/u).length < MIN_LEAD_WORDS || dated.has(sentence.start)) continue;
        s.candidates.push({ article: a.id, text: sentence.text, explicit: false });
        if (before) nextDayLeads.push({ day: before, candidate: { article: a.id, text: sentence.text, explicit: false } });
        taken++;
      }
    }
  }
  for (const { day: d, candidate } of nextDayLeads) days.get(d)?.candidates.push(candidate);
  for (const d of publishedAfter) {
    const s = days.get(d);
    if (s) s.publishedNextDay++;
  }
  const out = new Map<string, DayStats>();
  for (const [d, { mentionSet, laterSet, ...s }] of days) out.set(d, { ...s, mentionArticles: mentionSet.size, laterArticles: laterSet.size });
  return out;
}

/** The day before a `YYYY-MM-DD` day, or null for anything else. */
function dayBefore(day: string): string | null {
  const t = DAY.test(day) ? Date.parse(`${day}T00:00:00Z`) : NaN;
  return Number.isFinite(t) ? new Date(t - 86_400_000).toISOString().slice(0, 10) : null;
}

/** The four counts a day is ranked by, each a sign that the day mattered to the story. */
const RANK_SIGNALS: Array<(s: DayStats) => number> = [
  (s) => s.mentionArticles, // articles name it
  (s) => s.published, // reports ran on it
  (s) => s.publishedNextDay, // reports ran the morning after
  (s) => s.laterArticles, // later reports look back at it
];

/**
 * Reciprocal-rank fusion constant, the published default (Cormack, Clarke & Büttcher 2009), not
 * tuned here: on Timeline17's four topics 10, 30, 60 and 100 give Date-F1 0.719–0.725.
 */
const FUSION_K = 60;

/**
 * The rank (1 = highest count) of every day under one count; tied days share their mean rank
 * (reason: a tie must not favour the day that happens to sort first).
 */
function ranksBy(days: DayStats[], count: (s: DayStats) => number): Map<DayStats, number> {
  const sorted = [...days].sort((a, b) => count(b) - count(a));
  const ranks = new Map<DayStats, number>();
  for (let i = 0; i < sorted.length; ) {
    let j = i;
    while (j < sorted.length && count(sorted[j]!) === count(sorted[i]!)) j++;
    for (let k = i; k < j; k++) ranks.set(sorted[k]!, (i + 1 + j) / 2);
    i = j;
  }
  return ranks;
}

/**
 * The score of every day: the sum over the four counts of 1 / (k + its rank under that count).
 * Reason: the counts live on scales that differ from one collection to the next (a wire feed
 * publishes every day, a timeline page names every day), so weights tuned on one collection do not
 * travel: tuned on three Timeline17 topics and tested on the fourth, weighted sums scored Date-F1
 * 0.690; rank fusion needs no weights and scores 0.724 (`npm run bench -- timeline`).
 */
export function dayScores(days: Iterable<DayStats>): Map<DayStats, number> {
  const list = [...days];
  const scores = new Map<DayStats, number>(list.map((d) => [d, 0]));
  for (const signal of RANK_SIGNALS) {
    for (const [d, rank] of ranksBy(list, signal)) scores.set(d, scores.get(d)! + 1 / (FUSION_K + rank));
  }
  return scores;
}

/** Ranks days by fused score (ties: earlier day first). */
export function rankDays(days: Map<string, DayStats>): DayStats[] {
  const scores = dayScores(days.values());
  return [...days.values()].sort((a, b) => scores.get(b)! - scores.get(a)! || (a.date < b.date ? -1 : 1));
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

/**
 * A candidate shorter than this many words rarely tells what happened (reason: headings, captions,
 * "Shops remain closed."); tuned on Timeline17 h1n1 + mj AR-1 (none 0.133, 6: 0.134, 8: 0.134, 10: 0.135,
 * before the keyword rule).
 */
const MIN_SUMMARY_WORDS = 10;
/**
 * How many of the stems most widespread in a story are its keywords, one of which a picked sentence
 * must name (reason: collections carry off-topic text, e.g. a radio schedule dated the same day);
 * tuned on Timeline17 h1n1 + mj AR-1 (no rule 0.135, 3: 0.136, 5: 0.140, 8: 0.137, 12: 0.136).
 */
const STORY_KEYWORDS = 5;

/**
 * The story's keywords: the content stems (letters only) found in the candidate sentences of the
 * most articles, over all days. A sentence naming none of them is likely off the story.
 */
export function storyKeywords(days: Iterable<DayStats>, n = STORY_KEYWORDS): Set<string> {
  const articlesOf = new Map<string, Set<string>>();
  for (const d of days) {
    for (const c of d.candidates) {
      for (const s of contentStems(c.text)) {
        if (!/^\p{L}+$/u.test(s)) continue; // reason: tokeniser escapes such as "-LRB-" are not words
        let a = articlesOf.get(s);
        if (!a) articlesOf.set(s, (a = new Set()));
        a.add(c.article);
      }
    }
  }
  return new Set([...articlesOf.entries()].sort((a, b) => b[1].size - a[1].size || (a[0] < b[0] ? -1 : 1)).slice(0, n).map(([s]) => s));
}

const wordCount = (text: string): number => text.split(/\s+/u).filter(Boolean).length;

/**
 * Picks `k` sentences among a day's candidates: central ones first, redundant ones skipped (MMR).
 * Sentences of fewer than 10 words and sentences naming none of `keywords` are dropped first,
 * each rule only when some candidate passes it.
 */
export function pickSentences(candidates: DayCandidate[], k: number, lambda: number, idf: Map<string, number>, keywords: ReadonlySet<string> = new Set()): DayCandidate[] {
  if (k <= 0 || !candidates.length) return [];
  // Lead sentences compete with those naming the day (AR-1 on h1n1 + mj: explicit-only 0.129, all 0.140).
  let pool = candidates;
  const long = pool.filter((c) => wordCount(c.text) >= MIN_SUMMARY_WORDS);
  if (long.length) pool = long;
  const onStory = keywords.size ? pool.filter((c) => contentStems(c.text).some((s) => keywords.has(s))) : [];
  if (onStory.length) pool = onStory;
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
  const outletOf = new Map(articles.filter(Boolean).map((a) => [a.id, a.outlet?.trim() || a.id]));
  return summarizeDays(collectDays(articles, o), o, outletOf);
}

/**
 * `summarizeTimeline` from days already collected (`collectDays`), so that the costly time tagging
 * runs once when several budgets or settings are tried. `outletOf` maps article ids to the source
 * names to print (ids are printed when missing).
 */
export function summarizeDays(days: Map<string, DayStats>, options: Partial<SummarizeOptions> = {}, outletOf: ReadonlyMap<string, string> = new Map()): TimelineSummary {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
  const ranked = rankDays(days).slice(0, Math.max(0, o.maxDates));
  const idf = idfOf(ranked);
  const keywords = storyKeywords(days.values());
  // A sentence is quoted under one date only, the best-ranked that picks it (reason: a next-day lead
  // is a candidate for two days; AR-1 on h1n1 + mj 0.149 → 0.151).
  const used = new Set<string>();
  const dates: TimelineSummaryDate[] = ranked.map((d) => {
    const fresh = d.candidates.filter((c) => !used.has(c.text));
    const picked = pickSentences(fresh.length ? fresh : d.candidates, o.sentencesPerDate, o.mmrLambda, idf, keywords);
    for (const c of picked) used.add(c.text);
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
  return baselineFromDays(collectDays(articles, { ...DEFAULT_SUMMARIZE_OPTIONS, ...options }), options);
}

/** `baselineTimeline` from days already collected. */
export function baselineFromDays(days: Map<string, DayStats>, options: Partial<SummarizeOptions> = {}): TimelineSummary {
  const o = { ...DEFAULT_SUMMARIZE_OPTIONS, ...options };
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
