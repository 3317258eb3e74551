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
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { analyzePlainText, cleanPlainText, readWireDateline, type PlainTextOptions } from '../../src/extract/plaintext/index.js';

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
  let tp = 0, fp = 0, fn = 0, lines = 0;
  for (const doc of docs) {
    const keep = predict(doc.text);
    doc.text.forEach((_, i) => {
      const gold = doc.labels[i] === '1';
      const sys = keep[i] === true;
      lines++;
      if (gold && sys) tp++;
      else if (sys) fp++;
      else if (gold) fn++;
    });
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { docs: docs.length, lines, tp, fp, fn, precision, recall, f1 };
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
