/**
 * WCXB dev (`../shared/data/extraction/wcxb-dev/`): main-content extraction on seven page types and
 * which pages are articles. Metric as the benchmark defines it: tokens are lower-cased `\w+`; per page,
 * bag-of-words overlap P/R/F1 between the extracted and the gold text (a page with empty gold scores 1
 * only for empty output); F1 is the mean over pages, reported per page type.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { PageType } from '../../src/model/index.js';
import { readPage } from './extraction.js';

export interface WcxbPage {
  id: string;
  file: string;
  url: string | null;
  type: PageType;
  text: string;
}

export function loadWcxb(shared: string): WcxbPage[] {
  const dir = join(shared, 'data/extraction/wcxb-dev');
  return readFileSync(join(dir, 'gold.jsonl'), 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((l) => JSON.parse(l) as { id: string; file: string; url?: string; page_type: PageType; text?: string })
    .map((r) => ({ id: r.id, file: join(dir, r.file), url: r.url ?? null, type: r.page_type, text: r.text ?? '' }));
}

/** Pages with even ids were used to tune the page-type rules; odd ids are the check. */
export const wcxbHalf = (p: WcxbPage): 'even' | 'odd' => (Number.parseInt(p.id, 10) % 2 === 0 ? 'even' : 'odd');

function bag(text: string): Map<string, number> {
  const out = new Map<string, number>();
  for (const t of text.toLowerCase().match(/[\p{L}\p{N}_]+/gu) ?? []) out.set(t, (out.get(t) ?? 0) + 1);
  return out;
}

/** Word-bag F1 of one page as WCXB scores it. */
export function wordF1(predicted: string, gold: string): number {
  const g = bag(gold);
  const p = bag(predicted);
  if (g.size === 0) return p.size === 0 ? 1 : 0;
  let overlap = 0;
  let pn = 0;
  let gn = 0;
  for (const [t, c] of p) {
    pn += c;
    overlap += Math.min(c, g.get(t) ?? 0);
  }
  for (const c of g.values()) gn += c;
  if (overlap === 0) return 0;
  const precision = overlap / pn;
  const recall = overlap / gn;
  return (2 * precision * recall) / (precision + recall);
}

/** One page's result: its F1 and, for Storyline, the page type it was judged. */
export interface PageResult {
  page: WcxbPage;
  f1: number;
  judged?: PageType;
}

export function readWcxbPage(p: WcxbPage): string {
  return readPage(p.file);
}
