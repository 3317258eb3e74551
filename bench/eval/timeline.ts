/**
 * Evaluation of timeline summarisation on Timeline17 (Tran et al. 2013; four of its nine topics in
 * ../shared). Protocol of the shared README: for each reference timeline, the topic's articles
 * published within its date span, as many dates as it has, its mean sentences per date; Date-F1 =
 * exact-day overlap, precision and recall averaged over timelines first, then F1.
 * Text quality: alignment-based ROUGE (`./rouge.ts`) of the full summaries, the same way.
 * Used by bench/timeline.ts and the quality gate.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { TimelineSummary } from '../../src/model/index.js';
import type { TimelineArticle } from '../../src/timeline/dated.js';
import { baselineFromDays, collectDays, DEFAULT_SUMMARIZE_OPTIONS, rankDays, summarizeDays, type DayStats, type SummarizeOptions } from '../../src/timeline/summarize.js';
import { meanPRF, timelineRouge, type DatedText, type PRF } from './rouge.js';

export interface T17Article {
  id: string;
  topic: string;
  pub_date: string;
  text: string;
}
export interface T17Timeline {
  topic: string;
  timeline: string;
  n_dates: number;
  entries: Array<{ date: string; sentences: string[] }>;
}

/** One reference timeline with its input articles. */
export interface T17Task {
  /** Topic name (`egypt`, `h1n1`, `iraq`, `mj`). */
  topic: string;
  name: string;
  reference: T17Timeline;
  start: string;
  end: string;
  articles: TimelineArticle[];
}

/** Topics the sentence rules were tuned on (AR-1); the others are held out. The day ranking has no tuned weights. */
export const TUNING_TOPICS = ['h1n1', 'mj'];

/** Reads the Timeline17 tasks (optionally only some topics). */
export function loadTimeline17(shared: string, topics?: string[]): T17Task[] {
  const root = join(shared, 'data', 'temporal', 'timeline17');
  const topicMap = JSON.parse(readFileSync(join(root, 'topics.json'), 'utf8')) as Record<string, string[]>;
  const topicOf = new Map<string, string>();
  for (const [t, sources] of Object.entries(topicMap)) for (const s of sources) topicOf.set(s, t);
  const cache = new Map<string, T17Article[]>();
  const articlesOf = (topic: string): T17Article[] => {
    let list = cache.get(topic);
    if (!list) {
      list = topicMap[topic]!.flatMap((src) =>
        readFileSync(join(root, src, 'articles.jsonl'), 'utf8')
          .split('\n')
          .filter((l) => l.trim())
          .map((l) => JSON.parse(l) as T17Article),
      );
      cache.set(topic, list);
    }
    return list;
  };
  const tasks: T17Task[] = [];
  for (const line of readFileSync(join(root, 'timelines.jsonl'), 'utf8').split('\n')) {
    if (!line.trim()) continue;
    const reference = JSON.parse(line) as T17Timeline;
    const topic = topicOf.get(reference.topic) ?? reference.topic;
    if (topics && !topics.includes(topic)) continue;
    const dates = reference.entries.map((e) => e.date).sort();
    const start = dates[0]!;
    const end = dates[dates.length - 1]!;
    const articles = articlesOf(topic)
      .filter((a) => a.pub_date >= start && a.pub_date <= end && a.text.trim())
      .map((a) => ({ id: a.id, text: a.text, published: a.pub_date, outlet: a.topic }));
    tasks.push({ topic, name: `${reference.topic}/${reference.timeline}`, reference, start, end, articles });
  }
  return tasks;
}

/** Precision and recall of predicted days against a reference timeline's days. */
export function dateOverlap(predicted: string[], reference: string[]): { p: number; r: number } {
  const ref = new Set(reference);
  const hit = new Set(predicted.filter((d) => ref.has(d))).size;
  return { p: predicted.length ? hit / predicted.length : 0, r: ref.size ? hit / ref.size : 0 };
}

/** Date-F1 over timelines: mean precision and mean recall first, then their harmonic mean. */
export function dateF1(rows: Array<{ p: number; r: number }>): { p: number; r: number; f1: number } {
  if (!rows.length) return { p: 0, r: 0, f1: 0 };
  const p = rows.reduce((s, x) => s + x.p, 0) / rows.length;
  const r = rows.reduce((s, x) => s + x.r, 0) / rows.length;
  return { p, r, f1: p + r ? (2 * p * r) / (p + r) : 0 };
}

/** A task's days, collected once (the costly part), so that date weights can be varied cheaply. */
export interface PreparedTask {
  task: T17Task;
  days: Map<string, DayStats>;
}

export function prepareTasks(tasks: T17Task[], options: Partial<SummarizeOptions> = {}): PreparedTask[] {
  return tasks.map((task) => ({ task, days: collectDays(task.articles, { ...options, start: task.start, end: task.end }) }));
}

/** Days chosen by the DATEWISE-style ranking for one prepared task. */
export function chooseDays(p: PreparedTask): string[] {
  return rankDays(p.days).slice(0, p.task.reference.n_dates).map((d) => d.date);
}

/** Days chosen by the baseline: most sentences naming them. */
export function baselineDays(p: PreparedTask): string[] {
  return daysByCount(p, (d) => d.candidates.filter((c) => c.explicit).length);
}

/** Days chosen by a plain count: the `n` days with the highest `count` (ties: earlier first). */
export function daysByCount(p: PreparedTask, count: (d: DayStats) => number): string[] {
  return [...p.days.values()]
    .filter((d) => count(d) > 0)
    .sort((a, b) => count(b) - count(a) || (a.date < b.date ? -1 : 1))
    .slice(0, p.task.reference.n_dates)
    .map((d) => d.date);
}

/** Weights of the earlier weighted-sum ranking: mentions + pub × published + later × look-backs. */
export interface DayWeights {
  pub: number;
  later: number;
}
const weightedScore = (d: DayStats, w: DayWeights): number => d.mentionArticles + w.pub * d.published + w.later * d.laterArticles;

/**
 * Leave one topic out for the earlier weighted sum: its two weights are tuned on the other topics
 * (grid {0, .25, .5, 1, 2}², Date-F1, egypt left out of tuning as its reference covers every day)
 * and the topic is scored with them. Shows how tuned weights travel to a topic they never saw.
 */
export function weightedLeaveOneTopicOut(prepared: PreparedTask[]): Map<string, { weights: DayWeights; choose: (p: PreparedTask) => string[] }> {
  const grid = [0, 0.25, 0.5, 1, 2];
  const byWeights = (w: DayWeights) => (p: PreparedTask) => daysByCount(p, (d) => weightedScore(d, w) + 1e-9);
  const out = new Map<string, { weights: DayWeights; choose: (p: PreparedTask) => string[] }>();
  for (const topic of new Set(prepared.map((p) => p.task.topic))) {
    const train = prepared.filter((p) => p.task.topic !== topic && p.task.topic !== 'egypt');
    let best: DayWeights = { pub: 0, later: 0 };
    let bestF1 = -1;
    for (const pub of grid) {
      for (const later of grid) {
        const f1 = scoreDays(train, byWeights({ pub, later })).overall.f1;
        if (f1 > bestF1 + 1e-12) [best, bestF1] = [{ pub, later }, f1];
      }
    }
    out.set(topic, { weights: best, choose: byWeights(best) });
  }
  return out;
}

export interface TopicScore {
  topic: string;
  timelines: number;
  articles: number;
  p: number;
  r: number;
  f1: number;
}

/** Date-F1 per topic and over all given tasks for a day chooser. */
export function scoreDays(prepared: PreparedTask[], choose: (p: PreparedTask) => string[]): { perTopic: TopicScore[]; overall: TopicScore } {
  const rows = prepared.map((p) => ({ topic: p.task.topic, articles: p.task.articles.length, ...dateOverlap(choose(p), p.task.reference.entries.map((e) => e.date)) }));
  const topics = [...new Set(rows.map((r) => r.topic))].sort();
  const perTopic = topics.map((topic) => {
    const rs = rows.filter((r) => r.topic === topic);
    return { topic, timelines: rs.length, articles: rs.reduce((s, r) => s + r.articles, 0), ...dateF1(rs) };
  });
  return { perTopic, overall: { topic: 'all', timelines: rows.length, articles: rows.reduce((s, r) => s + r.articles, 0), ...dateF1(rows) } };
}

/** Mean sentences per date of a reference timeline, rounded, at least 1 (the protocol's budget). */
export function sentenceBudget(t: T17Timeline): number {
  const n = t.entries.reduce((s, e) => s + e.sentences.length, 0) / Math.max(1, t.entries.length);
  return Math.max(1, Math.round(n));
}

/** A full summary for one task (dates and sentences), as `storyline timeline` would print it. */
export type Summarizer = (task: T17Task) => TimelineSummary;

/** Our summary of a prepared task with the protocol's budget (dates and sentences per date). */
export function summaryOf(p: PreparedTask, options: Partial<SummarizeOptions> = {}): TimelineSummary {
  return summarizeDays(p.days, { ...options, maxDates: p.task.reference.n_dates, sentencesPerDate: sentenceBudget(p.task.reference) });
}

/** The baseline's summary of a prepared task with the same budget (its days are `baselineDays`). */
export function baselineSummaryOf(p: PreparedTask): TimelineSummary {
  return baselineFromDays(p.days, { maxDates: p.task.reference.n_dates, sentencesPerDate: sentenceBudget(p.task.reference) });
}

/** A summary as dated text for the ROUGE variants. */
export function datedText(s: TimelineSummary): DatedText {
  return s.dates.map((d) => ({ date: d.date, sentences: d.sentences.map((x) => x.text) }));
}

/** Text and date figures of one topic (or of all tasks), averaged as news-tls does: mean P and R, then F. */
export interface TextScore {
  topic: string;
  timelines: number;
  /** Date-F1 of the summary's dates. */
  date: PRF;
  /** align+ m:1 ROUGE-1 and ROUGE-2 (AR-1, AR-2). */
  ar1: PRF;
  ar2: PRF;
  concat1: PRF;
  agreement1: PRF;
}

/** Scores full summaries (dates and sentences) per topic and over all given tasks. */
export function scoreSummaries(prepared: PreparedTask[], summarise: (p: PreparedTask) => TimelineSummary): { perTopic: TextScore[]; overall: TextScore } {
  const rows = prepared.map((p) => {
    const summary = summarise(p);
    const rouge = timelineRouge(datedText(summary), p.task.reference.entries);
    const d = dateOverlap(summary.dates.map((x) => x.date), p.task.reference.entries.map((e) => e.date));
    return { topic: p.task.topic, date: { p: d.p, r: d.r, f: 0 }, ar1: rouge.align1, ar2: rouge.align2, concat1: rouge.concat1, agreement1: rouge.agreement1 };
  });
  const agg = (topic: string, rs: typeof rows): TextScore => ({
    topic,
    timelines: rs.length,
    date: meanPRF(rs.map((r) => r.date)),
    ar1: meanPRF(rs.map((r) => r.ar1)),
    ar2: meanPRF(rs.map((r) => r.ar2)),
    concat1: meanPRF(rs.map((r) => r.concat1)),
    agreement1: meanPRF(rs.map((r) => r.agreement1)),
  });
  const topics = [...new Set(rows.map((r) => r.topic))].sort();
  return { perTopic: topics.map((t) => agg(t, rows.filter((r) => r.topic === t))), overall: agg('all', rows) };
}

/**
 * The figures the quality gate checks, on a fixed fast subset (topics mj and iraq, about 450
 * articles; egypt is left out because its reference covers every day of its span): Date-F1 of the
 * DATEWISE-style ranking and of the baseline, and AR-1 / AR-2 F1 (align+ m:1) of our full summaries.
 */
export function gateFigures(shared: string): Record<string, number> {
  const prepared = prepareTasks(loadTimeline17(shared, ['iraq', 'mj']));
  const ours = scoreDays(prepared, (p) => chooseDays(p)).overall.f1;
  const text = scoreSummaries(prepared, (p) => summaryOf(p)).overall;
  return {
    timeline17_iraq_mj_date_f1: ours,
    timeline17_iraq_mj_margin_over_baseline: ours - scoreDays(prepared, baselineDays).overall.f1,
    timeline17_iraq_mj_ar1_f1: text.ar1.f,
    timeline17_iraq_mj_ar2_f1: text.ar2.f,
  };
}
