/**
 * Quote evaluation against the hand-read gold in bench/audit/quotes.json (seeds and demo corpus):
 * a predicted quote matches the gold quote its span overlaps most (each gold quote once). Figures:
 * recall (gold quotes found), precision (predicted quotes that match a gold quote), speaker accuracy
 * (matched quotes with the right speaker) and exact-span accuracy (matched quotes whose span and
 * verbatim fragments are exactly the gold ones, edges trimmed alike).
 */
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { findQuotes, type QuoteMention } from '../../src/analyze/quotes.js';

type Span = [number, number];

interface GoldQuote {
  start: number;
  length: number;
  sha1: string;
  speaker: string;
  accept?: string[];
  verbatim?: Array<[number, number]>;
  reason: string;
}

export interface QuoteScores {
  articles: number;
  gold: number;
  predicted: number;
  matched: number;
  recall: number;
  precision: number;
  speakerAccuracy: number;
  exactSpan: number;
  /** One line per miss, wrong speaker or inexact span (offsets only: no article text). */
  errors: string[];
}

const ROOT = resolve(import.meta.dirname, '..', '..');
export const QUOTE_GOLD = join(ROOT, 'bench', 'audit', 'quotes.json');

// Edges that do not change what was said: spaces, quotation marks, a trailing comma or full stop.
const EDGE_LEFT = /[\s"“”«»'‘’]/u;
const EDGE_RIGHT = /[\s"“”«»'‘’.,;:]/u;

export function trimSpan(text: string, [s, e]: Span): Span {
  while (s < e && EDGE_LEFT.test(text[s]!)) s++;
  while (e > s && EDGE_RIGHT.test(text[e - 1]!)) e--;
  return [s, e];
}

/** Case, diacritics, a leading "the" and spacing do not make a speaker different. */
export function speakerKey(name: string): string {
  return name.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase().replace(/^the\s+/u, '').replace(/\s+/gu, ' ').trim();
}

/** A prediction's quote span: its exact offsets when it has them, else its text found in its sentence. */
function predictedSpan(text: string, q: QuoteMention): Span {
  if (q.quoteStart !== undefined && q.quoteEnd !== undefined) return [q.quoteStart, q.quoteEnd];
  const at = text.slice(q.start, q.end).indexOf(q.text);
  return at >= 0 ? [q.start + at, q.start + at + q.text.length] : [q.start, q.end];
}

function predictedVerbatim(text: string, q: QuoteMention, span: Span): Span[] {
  if (q.verbatim) return q.verbatim.map((v) => trimSpan(text, v));
  return q.direct ? [trimSpan(text, span)] : [];
}

const overlap = (a: Span, b: Span): number => Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
const sameSpans = (a: Span[], b: Span[]): boolean => a.length === b.length && a.every((x, i) => x[0] === b[i]![0] && x[1] === b[i]![1]);

/** An article's text: a file, or one `{id, text}` record of a JSON-lines file (`…/articles.jsonl#<id>`). */
function articleText(id: string, shared: string): string {
  const [location, record] = id.split('#');
  const path = location!.startsWith('shared:') ? join(shared, location!.slice('shared:'.length)) : location!.startsWith('repo:') ? join(ROOT, location!.slice('repo:'.length)) : null;
  if (!path) throw new Error(`quote gold: unknown article id ${id} (want shared:… or repo:…)`);
  if (!existsSync(path)) throw new Error(`quote gold: ${path} is missing`);
  const content = readFileSync(path, 'utf8');
  if (record === undefined) return content;
  for (const line of content.split('\n')) {
    if (!line.trim()) continue;
    const a = JSON.parse(line) as { id?: string; text?: string };
    if (a.id === record && typeof a.text === 'string') return a.text;
  }
  throw new Error(`quote gold: no record ${record} in ${path}`);
}

/** `articles`: the seeds and demo corpus (dev); `heldout`: ECB+ articles read after the rules were written. */
export type QuoteGoldSet = 'articles' | 'heldout';

/** Scores `find` (default: the project's quote finder) on the gold set. */
export function scoreQuotes(shared: string, set: QuoteGoldSet = 'articles', find: (text: string) => QuoteMention[] = (t) => findQuotes(t)): QuoteScores {
  const gold = (JSON.parse(readFileSync(QUOTE_GOLD, 'utf8')) as Record<QuoteGoldSet, Record<string, GoldQuote[]>>)[set];
  let nGold = 0;
  let nPred = 0;
  let matched = 0;
  let rightSpeaker = 0;
  let exact = 0;
  const errors: string[] = [];
  const ids = Object.keys(gold);
  for (const id of ids) {
    const text = articleText(id, shared);
    const golds = gold[id]!;
    for (const g of golds) {
      const sha = createHash('sha1').update(text.slice(g.start, g.start + g.length)).digest('hex').slice(0, 10);
      if (sha !== g.sha1) throw new Error(`quote gold: ${id} at ${g.start} no longer holds the judged span (file changed?)`);
    }
    nGold += golds.length;
    const preds = find(text).map((q) => {
      const span = trimSpan(text, predictedSpan(text, q));
      return { q, span, verbatim: predictedVerbatim(text, q, span) };
    });
    nPred += preds.length;
    const taken = new Set<number>();
    for (const g of golds) {
      const gs: Span = [g.start, g.start + g.length];
      let best = -1;
      let bestOverlap = 0;
      preds.forEach((p, i) => {
        const o = overlap(p.span, gs);
        if (!taken.has(i) && o > bestOverlap) [best, bestOverlap] = [i, o];
      });
      if (best < 0) {
        errors.push(`${id} @${g.start}+${g.length}: missed (${g.reason})`);
        continue;
      }
      taken.add(best);
      matched++;
      const p = preds[best]!;
      const names = [g.speaker, ...(g.accept ?? [])].map(speakerKey);
      if (names.includes(speakerKey(p.q.speaker))) rightSpeaker++;
      else errors.push(`${id} @${g.start}: speaker "${p.q.speaker}", gold "${g.speaker}"`);
      const goldVerbatim = (g.verbatim ?? []).map(([s, n]): Span => [s, s + n]);
      if (p.span[0] === gs[0] && p.span[1] === gs[1] && sameSpans(p.verbatim, goldVerbatim)) exact++;
      else errors.push(`${id} @${g.start}+${g.length}: span @${p.span[0]}+${p.span[1] - p.span[0]} verbatim ${JSON.stringify(p.verbatim.map(([s, e]) => [s, e - s]))}, gold verbatim ${JSON.stringify(g.verbatim ?? [])}`);
    }
    preds.forEach((p, i) => {
      if (!taken.has(i)) errors.push(`${id} @${p.span[0]}+${p.span[1] - p.span[0]}: predicted quote not in the gold (speaker "${p.q.speaker}")`);
    });
  }
  return {
    articles: ids.length,
    gold: nGold,
    predicted: nPred,
    matched,
    recall: nGold ? matched / nGold : 0,
    precision: nPred ? matched / nPred : 0,
    speakerAccuracy: matched ? rightSpeaker / matched : 0,
    exactSpan: matched ? exact / matched : 0,
    errors,
  };
}

/** The figures pinned in bench/floors/quotes.json. */
export function gateFigures(shared: string): Record<string, number> {
  const figures: Record<string, number> = {};
  for (const [set, prefix] of [['articles', 'quotes'], ['heldout', 'quotes_heldout']] as const) {
    const s = scoreQuotes(shared, set);
    Object.assign(figures, { [`${prefix}_recall`]: s.recall, [`${prefix}_precision`]: s.precision, [`${prefix}_speaker_accuracy`]: s.speakerAccuracy, [`${prefix}_exact_span`]: s.exactSpan });
  }
  return figures;
}
