/**
 * Evaluation of main-content extraction on the shared dev sets (metrics exactly as in
 * ../shared/README.md):
 *
 * - `aeb/`: `\w+` tokens (case-sensitive), multisets of 4-token shingles; per page precision and
 *   recall of the shingle overlap; precision is the mean over pages with output, recall the mean
 *   over all pages, F1 the harmonic mean of the two means.
 * - `trafilatura/`: whitespace collapsed; each `with` snippet found is a TP (else FN), each
 *   `without` snippet found an FP (else TN); micro P/R/F1 over all pages.
 *
 * Pages are split into two fixed halves by their position in sorted key order (`even` = the half
 * the heuristics were tuned on, `odd` = the half kept for checking), so both can be reported.
 *
 * Run as a script it measures one system in its own process (so peak memory is that system's):
 * `node --import tsx bench/eval/extraction.ts --system storyline|readability [--limit N]`
 * prints one JSON line of `SystemRun`.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { bytesToDocument } from '../../src/extract/read.js';

/** What an extractor under test returns for one page. */
export interface Extracted {
  text: string;
  title?: string | null;
  author?: string | null;
}

/** An extractor under test: page HTML (decoded) and its URL in, text (and title, author) out. */
export type Extractor = (html: string, url: string | null) => Extracted;

export interface AebPage {
  id: string;
  file: string;
  url: string | null;
  truth: string;
}

export interface TrafilaturaPage {
  url: string;
  file: string;
  with: string[];
  without: string[];
  /** Gold title and author, where the set gives them. */
  title: string | null;
  author: string | null;
}

export interface PRF {
  precision: number;
  recall: number;
  f1: number;
}

export interface AebScore extends PRF {
  pages: number;
}

export interface SnippetScore extends PRF {
  pages: number;
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export type Half = 'all' | 'even' | 'odd';

/** Keeps the pages of one half of the sorted key order. */
export function half<T>(items: T[], which: Half): T[] {
  if (which === 'all') return items;
  return items.filter((_, i) => (i % 2 === 0) === (which === 'even'));
}

/** The aeb dev pages, sorted by id. */
export function loadAeb(shared: string): AebPage[] {
  const dir = join(shared, 'data', 'extraction', 'aeb');
  const truth = JSON.parse(readFileSync(join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url?: string }>;
  const files = new Set(readdirSync(join(dir, 'html')));
  return Object.keys(truth)
    .sort()
    .filter((id) => files.has(`${id}.html.gz`))
    .map((id) => ({ id, file: join(dir, 'html', `${id}.html.gz`), url: truth[id]!.url ?? null, truth: truth[id]!.articleBody ?? '' }));
}

/** The trafilatura dev pages, sorted by URL. */
export function loadTrafilatura(shared: string): TrafilaturaPage[] {
  const dir = join(shared, 'data', 'extraction', 'trafilatura');
  const data = JSON.parse(readFileSync(join(dir, 'evaldata.json'), 'utf8')) as Record<
    string,
    { file: string; with?: string[]; without?: string[]; title?: string | null; author?: string | string[] | null }
  >;
  const files = new Set(readdirSync(join(dir, 'html')));
  return Object.keys(data)
    .sort()
    .filter((url) => files.has(`${data[url]!.file}.gz`) || files.has(data[url]!.file))
    .map((url) => {
      const e = data[url]!;
      const file = files.has(`${e.file}.gz`) ? `${e.file}.gz` : e.file;
      const author = Array.isArray(e.author) ? e.author.join(', ') : e.author ?? null;
      return { url, file: join(dir, 'html', file), with: e.with ?? [], without: e.without ?? [], title: e.title ?? null, author };
    });
}

/** Reads a (gzipped) page with charset detection, as the extract stage does. */
export function readPage(file: string): string {
  const doc = bytesToDocument(file, readFileSync(file));
  return 'error' in doc ? '' : doc.content;
}

const TOKEN = /[\p{L}\p{N}_]+/gu;

function shingles(text: string): Map<string, number> {
  const tokens = text.match(TOKEN) ?? [];
  const out = new Map<string, number>();
  if (tokens.length === 0) return out;
  if (tokens.length < 4) {
    out.set(tokens.join(' '), 1);
    return out;
  }
  for (let i = 0; i + 4 <= tokens.length; i++) {
    const key = `${tokens[i]} ${tokens[i + 1]} ${tokens[i + 2]} ${tokens[i + 3]}`;
    out.set(key, (out.get(key) ?? 0) + 1);
  }
  return out;
}

/** Per-page shingle precision and recall (precision null when the prediction is empty). */
export function shinglePR(predicted: string, truth: string): { precision: number | null; recall: number } {
  const p = shingles(predicted);
  const t = shingles(truth);
  let tp = 0;
  let np = 0;
  let nt = 0;
  for (const [k, c] of p) {
    np += c;
    const tc = t.get(k);
    if (tc) tp += Math.min(c, tc);
  }
  for (const c of t.values()) nt += c;
  const fp = np - tp;
  const fn = nt - tp;
  const precision = np === 0 ? null : tp / (tp + fp);
  const recall = tp + fn === 0 ? (np === 0 ? 1 : 0) : tp / (tp + fn);
  return { precision, recall };
}

function f1(p: number, r: number): number {
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
}

/** aeb score of a list of per-page (predicted, truth) pairs. */
export function aebScore(pairs: { predicted: string; truth: string }[]): AebScore {
  let pSum = 0;
  let pN = 0;
  let rSum = 0;
  for (const { predicted, truth } of pairs) {
    const { precision, recall } = shinglePR(predicted, truth);
    if (precision !== null) {
      pSum += precision;
      pN++;
    }
    rSum += recall;
  }
  const precision = pN ? pSum / pN : 0;
  const recall = pairs.length ? rSum / pairs.length : 0;
  return { precision, recall, f1: f1(precision, recall), pages: pairs.length };
}

const ws = (s: string): string => s.replace(/\s+/g, ' ').trim();

/** Snippet counts for one page. */
export function snippetCounts(predicted: string, page: Pick<TrafilaturaPage, 'with' | 'without'>): { tp: number; fp: number; fn: number; tn: number } {
  const text = ws(predicted);
  let tp = 0;
  let fn = 0;
  let fp = 0;
  let tn = 0;
  for (const s of page.with) if (text.includes(ws(s))) tp++; else fn++;
  for (const s of page.without) if (text.includes(ws(s))) fp++; else tn++;
  return { tp, fp, fn, tn };
}

/** Micro P/R/F1 over pages. */
export function snippetScore(pages: { predicted: string; page: Pick<TrafilaturaPage, 'with' | 'without'> }[]): SnippetScore {
  const sum = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (const { predicted, page } of pages) {
    const c = snippetCounts(predicted, page);
    sum.tp += c.tp;
    sum.fp += c.fp;
    sum.fn += c.fn;
    sum.tn += c.tn;
  }
  const precision = sum.tp + sum.fp ? sum.tp / (sum.tp + sum.fp) : 0;
  const recall = sum.tp + sum.fn ? sum.tp / (sum.tp + sum.fn) : 0;
  return { precision, recall, f1: f1(precision, recall), pages: pages.length, ...sum };
}

const metaKey = (s: string): string => s.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, ' ').trim();

/** Share of pages with a gold title whose extracted title matches it (case and punctuation ignored). */
export function titleAccuracy(pairs: { got: string | null | undefined; gold: string | null }[]): number {
  const scored = pairs.filter((p) => p.gold);
  if (!scored.length) return 0;
  return scored.filter((p) => p.got && metaKey(p.got) === metaKey(p.gold!)).length / scored.length;
}

/** Share of pages with a gold author whose extracted author names it (either contains the other). */
export function authorAccuracy(pairs: { got: string | null | undefined; gold: string | null }[]): number {
  const scored = pairs.filter((p) => p.gold);
  if (!scored.length) return 0;
  const ok = scored.filter((p) => {
    if (!p.got) return false;
    const got = metaKey(p.got);
    const gold = metaKey(p.gold!);
    return got !== '' && (got === gold || got.includes(gold) || gold.includes(got));
  });
  return ok.length / scored.length;
}

/** Figures of one system on both sets, per half, with time spent inside the extractor. */
export interface SystemRun {
  system: string;
  aeb: Record<Half, AebScore>;
  trafilatura: Record<Half, SnippetScore>;
  /** Title and author accuracy on the trafilatura pages that give them. */
  metadata: { title: number; titlePages: number; author: number; authorPages: number };
  pages: number;
  /** CPU seconds spent inside the extractor (reading and decoding excluded). */
  seconds: number;
  pagesPerSecond: number;
  /** Peak resident memory of the process, MiB (`process.resourceUsage().maxRSS`). */
  peakRssMiB: number;
}

/** Runs an extractor over both sets and scores it; pages are read one at a time. */
export function evaluate(system: string, extract: Extractor, shared: string, limit = Infinity): SystemRun {
  let seconds = 0;
  let pages = 0;
  const timed = (html: string, url: string | null): Extracted => {
    // CPU time, not wall time: the machine is shared, and CPU time is what the extractor costs.
    const t0 = process.cpuUsage();
    let out: Extracted = { text: '' };
    try {
      out = extract(html, url) ?? { text: '' };
    } catch {
      out = { text: '' };
    }
    const used = process.cpuUsage(t0);
    seconds += (used.user + used.system) / 1e6;
    pages++;
    return out;
  };
  const aebPages = loadAeb(shared).slice(0, limit);
  const aebPairs = aebPages.map((p) => ({ predicted: timed(readPage(p.file), p.url).text, truth: p.truth }));
  const trafPages = loadTrafilatura(shared).slice(0, limit);
  const trafOut = trafPages.map((p) => timed(readPage(p.file), p.url));
  const trafPairs = trafPages.map((p, i) => ({ predicted: trafOut[i]!.text, page: p }));
  const titles = trafPages.map((p, i) => ({ got: trafOut[i]!.title, gold: p.title }));
  const authors = trafPages.map((p, i) => ({ got: trafOut[i]!.author, gold: p.author }));
  const halves: Half[] = ['all', 'even', 'odd'];
  return {
    system,
    aeb: Object.fromEntries(halves.map((h) => [h, aebScore(half(aebPairs, h))])) as Record<Half, AebScore>,
    trafilatura: Object.fromEntries(halves.map((h) => [h, snippetScore(half(trafPairs, h))])) as Record<Half, SnippetScore>,
    metadata: {
      title: titleAccuracy(titles),
      titlePages: titles.filter((t) => t.gold).length,
      author: authorAccuracy(authors),
      authorPages: authors.filter((a) => a.gold).length,
    },
    pages,
    seconds,
    pagesPerSecond: seconds ? pages / seconds : 0,
    peakRssMiB: process.resourceUsage().maxRSS / 1024,
  };
}

/** The systems the benchmark compares, loaded lazily so each child process loads only its own. */
export async function loadExtractor(system: string): Promise<Extractor> {
  if (system === 'storyline') {
    const { extractHtml } = await import('../../src/extract/html/index.js');
    return (html, url) => {
      const r = extractHtml(html, { url });
      return { text: r.text, title: r.title, author: r.author };
    };
  }
  if (system === 'readability') {
    const { Readability } = await import('@mozilla/readability');
    const { parseHTML } = await import('linkedom');
    return (html) => {
      const { document } = parseHTML(html);
      // textContent is what Readability's API offers for plain text.
      const r = new Readability(document as unknown as Document).parse();
      return { text: r?.textContent ?? '', title: r?.title ?? null, author: r?.byline ?? null };
    };
  }
  throw new Error(`unknown system ${system}`);
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const arg = (name: string): string | undefined => {
    const i = args.indexOf(name);
    return i >= 0 ? args[i + 1] : undefined;
  };
  const system = arg('--system') ?? 'storyline';
  const shared = arg('--shared') ?? process.env.STORYLINE_SHARED ?? join(import.meta.dirname, '..', '..', '..', 'shared');
  const limit = arg('--limit') ? Number(arg('--limit')) : Infinity;
  const extract = await loadExtractor(system);
  process.stdout.write(`${JSON.stringify(evaluate(system, extract, shared, limit))}\n`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  });
}
