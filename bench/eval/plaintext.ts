/**
 * Line-level evaluation of the plain-text cleaner on the TurkuNLP line annotations
 * (`data/plaintext-lines/<lang>.<split>.json`: `{text: [line…], labels: ["1"|"0"…]}`, 1 = keep).
 *
 * Counting: a line is "kept" when its content stays in the article record — as body text, as the
 * title, as a caption, or read into a metadata field (date, byline, section, tags, a masthead line,
 * a wire or reporting credit); a line that is dropped (boilerplate, a repeated title, an empty label
 * such as a bare "By") is "removed", also when the outlet is read from it (a copyright line, the site
 * name heading the navigation): that line is page furniture, not the article's own metadata.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { detectLanguage } from '../../src/analyze/language.js';
import { extractHtmlDetailed } from '../../src/extract/html/index.js';
import { analyzePlainText, cleanPlainText, readWireDateline, type PlainTextOptions } from '../../src/extract/plaintext/index.js';
import { readPage } from './extraction.js';

export interface LineDoc {
  text: string[];
  labels: string[];
}

export interface LineScores {
  docs: number;
  lines: number;
  tp: number;
  fp: number;
  fn: number;
  precision: number;
  recall: number;
  f1: number;
  /** Share of the words of the lines to keep that are kept: how much of the article text survives. */
  wordsKept: number;
}

/** Predicts keep (true) or drop for each line of one document. */
export type LinePredictor = (lines: string[]) => boolean[];

/** Every language and split shipped in ../shared. */
export const LINE_SETS: readonly { lang: string; split: string }[] = [
  { lang: 'en', split: 'dev' }, { lang: 'en', split: 'train' },
  { lang: 'de', split: 'dev' }, { lang: 'de', split: 'train' },
  { lang: 'es', split: 'dev' }, { lang: 'es', split: 'train' },
  { lang: 'fi', split: 'dev' }, { lang: 'fi', split: 'train' },
  { lang: 'fr', split: 'dev' }, { lang: 'sv', split: 'dev' },
];

/** Loads one annotated set, or null when it is not there. */
export function loadLineSet(shared: string, lang: string, split: string): LineDoc[] | null {
  const file = join(shared, 'data', 'plaintext-lines', `${lang}.${split}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, 'utf8')) as LineDoc[];
}

/** Precision, recall and F1 of the "keep" class over all lines of the documents. */
export function scoreLines(docs: readonly LineDoc[], predict: LinePredictor): LineScores {
  let tp = 0, fp = 0, fn = 0, lines = 0, goldWords = 0, keptWords = 0;
  for (const doc of docs) {
    const keep = predict(doc.text);
    doc.text.forEach((line, i) => {
      const gold = doc.labels[i] === '1';
      const sys = keep[i] === true;
      lines++;
      if (gold) {
        const words = wordCount(line);
        goldWords += words;
        if (sys) keptWords += words;
      }
      if (gold && sys) tp++;
      else if (sys) fp++;
      else if (gold) fn++;
    });
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { docs: docs.length, lines, tp, fp, fn, precision, recall, f1, wordsKept: goldWords ? keptWords / goldWords : 0 };
}

const WORD = /[\p{L}\p{N}]+/gu;
const wordCount = (text: string): number => text.match(WORD)?.length ?? 0;

/** How much of real article text in one language the cleaner keeps. */
export interface ProseKept {
  lang: string;
  docs: number;
  words: number;
  /** Share of the words kept. */
  kept: number;
  /** Documents that lose more than half their words. */
  halfLost: number;
}

/**
 * Article text of real pages in many languages, with no line labels: the text the HTML extractor
 * takes from every page of the htmldate and trafilatura sets, grouped by its language (when the
 * detector is sure of it). Fed back to the plain-text cleaner, it should come out nearly whole:
 * what is lost is prose judged as boilerplate (Italian, Polish, Russian prose was, for want of a list).
 */
export function pageProse(shared: string): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const set of ['htmldate', 'trafilatura']) {
    const dir = join(shared, 'data', 'extraction', set, 'html');
    if (!existsSync(dir)) continue;
    for (const file of readdirSync(dir).sort()) {
      const text = extractHtmlDetailed(readPage(join(dir, file))).fields.text;
      const lang = text.length >= MIN_PROSE_CHARS ? detectLanguage(text, { reliableOnly: true }) : null;
      if (!lang) continue;
      if (!out.has(lang)) out.set(lang, []);
      out.get(lang)!.push(text);
    }
  }
  return out;
}

/** Shorter texts are teasers or error pages, not articles. */
const MIN_PROSE_CHARS = 500;

/** Share of words the cleaner keeps (title and metadata readers off: only the prose decision counts). */
export function proseKept(lang: string, texts: readonly string[]): ProseKept {
  let words = 0, kept = 0, halfLost = 0;
  for (const text of texts) {
    const n = wordCount(text);
    const k = wordCount(cleanPlainText(text, { title: false, metadata: false }).text);
    words += n; kept += k;
    if (k < n / 2) halfLost++;
  }
  return { lang, docs: texts.length, words, kept: words ? kept / words : 0, halfLost };
}

/** Storyline's cleaner as a line predictor (title detection on or off). */
export function storylinePredictor(options: Partial<PlainTextOptions> = {}): LinePredictor {
  const opts: PlainTextOptions = { title: true, metadata: true, language: null, ...options };
  return (lines) => {
    // One annotated line is one input line, whatever newlines it holds.
    const analysis = analyzePlainText(lines.map((l) => l.replace(/[\r\n]+/g, ' ')).join('\n'), opts);
    const keep = new Array<boolean>(lines.length).fill(false);
    for (const d of analysis.lines) keep[d.line] = d.kind !== 'removed';
    return keep;
  };
}

/** Baseline: keep every line. */
export const keepAll: LinePredictor = (lines) => lines.map(() => true);

/** Baseline: keep lines of at least `minChars` characters. */
export function lengthThreshold(minChars: number): LinePredictor {
  return (lines) => lines.map((l) => l.trim().length >= minChars);
}

/** What the metadata readers find in wire copy: how many documents open with a dateline, and the outlets read. */
export interface WireScan {
  docs: number;
  /** Documents whose first paragraphs open with a wire dateline. */
  datelines: number;
  /** Documents whose cleaned record has an outlet, and the most frequent outlets. */
  withOutlet: number;
  outlets: [string, number][];
}

/**
 * Reads the TempEval-3 training articles (AP, NYT, WSJ and other wire copy of 1989–2000; no gold for
 * datelines or outlets) through the cleaner and counts datelines and outlets; null without the file.
 */
export function scanWireCopy(shared: string): WireScan | null {
  const file = join(shared, 'data', 'temporal', 'tempeval3', 'train.jsonl');
  if (!existsSync(file)) return null;
  const rows = readFileSync(file, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as { title?: string; text?: string });
  let datelines = 0, withOutlet = 0;
  const outlets = new Map<string, number>();
  for (const r of rows) {
    const text = String(r.text ?? '');
    if (text.split(/\n+/).map((p) => p.trim()).filter(Boolean).slice(0, 4).some((p) => readWireDateline(p))) datelines++;
    const outlet = cleanPlainText(`${r.title ?? ''}\n\n${text}`).outlet;
    if (outlet) { withOutlet++; outlets.set(outlet, (outlets.get(outlet) ?? 0) + 1); }
  }
  return { docs: rows.length, datelines, withOutlet, outlets: [...outlets].sort((a, b) => b[1] - a[1]).slice(0, 5) };
}
