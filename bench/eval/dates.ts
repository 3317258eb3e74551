/**
 * Evaluation of publication dates on the shared dev sets: htmldate's set (`{url: {file, date}}`,
 * 335 pages) and the `date` field of trafilatura's set. Metric: exact day. Counting as in
 * htmldate's comparison: a right day is a TP, a wrong day or a day where the gold has none an FP,
 * no answer where the gold has a day an FN, no answer where the gold has none a TN;
 * accuracy = (TP + TN) / pages, precision = TP / (TP + FP), recall = TP / (TP + FN).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToDocument } from '../../src/extract/read.js';
import { parseHtml } from '../../src/extract/html/index.js';
import { findHtmlDates, urlDate, type HtmlDates } from '../../src/extract/html-date/index.js';

/** One page with its gold publication day (null: the page has none). */
export interface DatePage {
  url: string;
  path: string;
  gold: string | null;
}

/** Exact-day scores. */
export interface DateScores {
  pages: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
  accuracy: number;
  precision: number;
  recall: number;
  f1: number;
}

/** A date finder under test: HTML text and URL in, a date string (day first) or null out. */
export type DatePredictor = (html: string, url: string) => string | null;

function goldDay(v: unknown): string | null {
  return typeof v === 'string' && /^\d{4}-\d\d-\d\d/.test(v) ? v.slice(0, 10) : null;
}

/** htmldate's dev set. Its JSON writes a missing date as a bare `NaN`, which JSON.parse refuses. */
export function loadHtmldateSet(shared: string): DatePage[] {
  const dir = join(shared, 'data/extraction/htmldate');
  const raw = readFileSync(join(dir, 'evaldata.json'), 'utf8').replace(/:\s*NaN\b/g, ': null');
  const data = JSON.parse(raw) as Record<string, { file: string; date: unknown }>;
  return Object.entries(data).map(([url, v]) => ({ url, path: join(dir, 'html', `${v.file}.gz`), gold: goldDay(v.date) }));
}

/** Trafilatura's dev set, the pages whose `date` is filled in (an empty or missing field is unlabelled, not "no date"). */
export function loadTrafilaturaSet(shared: string): DatePage[] {
  const dir = join(shared, 'data/extraction/trafilatura');
  const raw = readFileSync(join(dir, 'evaldata.json'), 'utf8').replace(/:\s*NaN\b/g, ': null');
  const data = JSON.parse(raw) as Record<string, { file: string; date?: unknown }>;
  return Object.entries(data)
    .filter(([, v]) => goldDay(v.date) !== null)
    .map(([url, v]) => ({ url, path: join(dir, 'html', `${v.file}.gz`), gold: goldDay(v.date) }));
}

/**
 * WCXB's dev split, the pages whose `published` names a day (780 of 1,497, every page type). No
 * date rule was written or tuned on it, so it is the check that stands in for pages never seen.
 */
export function loadWcxbSet(shared: string): DatePage[] {
  const dir = join(shared, 'data/extraction/wcxb-dev');
  const rows = readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { url: string; file: string; published?: unknown });
  return rows.filter((r) => goldDay(r.published) !== null).map((r) => ({ url: r.url, path: join(dir, r.file), gold: goldDay(r.published) }));
}

/** The decoded HTML of a page (charset detected as the extractor does), or '' when unreadable. */
export function readHtml(path: string): string {
  const doc = bytesToDocument(path, readFileSync(path));
  return 'content' in doc ? doc.content : '';
}

/** Storyline's finder: the extractor's htmlparser2 parse plus `findHtmlDates`. */
export const storylineDates: DatePredictor = (html, url) => storylineResult(html, url).published;

/** Why a page's answer is wrong, in words a reader of the bench can act on. */
export type ErrorCause =
  | 'no candidate at all'
  | 'dated a page the gold leaves undated'
  | "gold is the page's modified date"
  | 'took an "updated" date'
  | 'one day off (time zone)'
  | 'day and month swapped'
  | 'the URL names the gold day'
  | 'another date of the text (event, comment, related)'
  | 'another date element (teaser, sidebar, listing)'
  | 'metadata names another day';

const DAY_MS = 86_400_000;

/** The cause of a wrong answer (null when the answer is right), read from the answer's rule and the page's other dates. */
export function errorCause(page: DatePage, result: HtmlDates): ErrorCause | null {
  const day = result.published?.slice(0, 10) ?? null;
  if (day === page.gold) return null;
  if (day === null) return 'no candidate at all';
  if (page.gold === null) return 'dated a page the gold leaves undated';
  if (result.modified?.slice(0, 10) === page.gold) return "gold is the page's modified date";
  const rule = result.evidence?.[0]?.reason ?? '';
  if (/updated/.test(rule)) return 'took an "updated" date';
  if (Math.abs(Date.parse(day) - Date.parse(page.gold)) === DAY_MS) return 'one day off (time zone)';
  if (day.slice(0, 4) === page.gold.slice(0, 4) && day.slice(5, 7) === page.gold.slice(8, 10) && day.slice(8, 10) === page.gold.slice(5, 7)) return 'day and month swapped';
  if (urlDate(page.url)?.day === page.gold) return 'the URL names the gold day';
  if (/by rule text/.test(rule)) return 'another date of the text (event, comment, related)';
  if (/by rule (?:class|time|abbr)/.test(rule)) return 'another date element (teaser, sidebar, listing)';
  return 'metadata names another day';
}

/** Storyline's full answer (published, modified, evidence) for one page, parsed as the extractor parses it. */
export function storylineResult(html: string, url: string): HtmlDates {
  return findHtmlDates(parseHtml(html), url);
}

/** Scores a predictor's answers against gold days. */
export function scoreDates(golds: Array<string | null>, answers: Array<string | null>): DateScores {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  golds.forEach((gold, i) => {
    const day = answers[i] ? answers[i]!.slice(0, 10) : null;
    if (day === null) {
      if (gold === null) tn++;
      else fn++;
    } else if (day === gold) tp++;
    else fp++;
  });
  const pages = golds.length;
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { pages, tp, fp, fn, tn, accuracy: pages ? (tp + tn) / pages : 0, precision, recall, f1 };
}

/** A stable half of a set (by a hash of the URL), so rules tuned on one half can be checked on the other. */
export function half(url: string): 0 | 1 {
  let h = 0;
  for (let i = 0; i < url.length; i++) h = (h * 31 + url.charCodeAt(i)) | 0;
  return (h & 1) as 0 | 1;
}

/** Number of folds of the k-fold figures (each fold about 20 % of a set). */
export const FOLDS = 5;

/**
 * The fold of a page, by an FNV-1a hash of its URL: stable across runs and independent of the
 * `half` split, so the spread over folds shows how much a figure moves on pages it was not tuned on.
 */
export function fold(url: string, k = FOLDS): number {
  let h = 2166136261;
  for (let i = 0; i < url.length; i++) {
    h ^= url.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return (h >>> 0) % k;
}

/** Accuracy in each fold, their mean and (sample) standard deviation. */
export function foldAccuracy(pages: DatePage[], answers: Array<string | null>, k = FOLDS): { folds: number[]; mean: number; sd: number } {
  const folds: number[] = [];
  for (let f = 0; f < k; f++) {
    const idx = pages.map((p, i) => (fold(p.url, k) === f ? i : -1)).filter((i) => i >= 0);
    folds.push(scoreDates(idx.map((i) => pages[i]!.gold), idx.map((i) => answers[i]!)).accuracy);
  }
  const mean = folds.reduce((a, b) => a + b, 0) / k;
  const sd = Math.sqrt(folds.reduce((a, b) => a + (b - mean) ** 2, 0) / (k - 1));
  return { folds, mean, sd };
}

/** Runs a predictor over pages whose HTML is already read; returns answers and seconds spent. */
export function runPredictor(predict: DatePredictor, pages: DatePage[], htmls: string[]): { answers: Array<string | null>; seconds: number } {
  const started = process.hrtime.bigint();
  const answers = pages.map((p, i) => {
    try {
      return predict(htmls[i]!, p.url);
    } catch {
      return null;
    }
  });
  return { answers, seconds: Number(process.hrtime.bigint() - started) / 1e9 };
}

/** Storyline's scores on the three dev sets (the gate test and the bench share this). */
export function evaluateDates(shared: string): { htmldate: DateScores; trafilatura: DateScores; wcxb: DateScores } {
  const out = {} as { htmldate: DateScores; trafilatura: DateScores; wcxb: DateScores };
  const sets = [['htmldate', loadHtmldateSet(shared)], ['trafilatura', loadTrafilaturaSet(shared)], ['wcxb', loadWcxbSet(shared)]] as const;
  for (const [name, pages] of sets) {
    const htmls = pages.map((p) => readHtml(p.path));
    const { answers } = runPredictor(storylineDates, pages, htmls);
    out[name] = scoreDates(pages.map((p) => p.gold), answers);
  }
  return out;
}
