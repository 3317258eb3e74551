/**
 * Size sweep over pathological input shapes, one per parser path that was once quadratic:
 * `node --import tsx bench/pathological.ts [--max-kb N] [shape...]`. Prints milliseconds per size
 * and per MB; a shape stops growing once one size takes longer than `--budget-ms` (default 10 s).
 * The shapes are built here (no data from ../shared): each is what a hostile or broken page sends.
 */
import { findTimexes } from '../src/analyze/time/index.js';
import { extractHtml } from '../src/extract/html/index.js';
import { cleanPlainText } from '../src/extract/plaintext/index.js';
import { parseFeed } from '../src/ingest/feeds.js';

/** A pathological input of about `bytes` characters for one parser, and the call that parses it. */
export interface Shape {
  name: string;
  build(bytes: number): string;
  parse(input: string): unknown;
}

const fill = (unit: string, bytes: number): string => unit.repeat(Math.max(1, Math.floor(bytes / unit.length)));

export const SHAPES: Shape[] = [
  // One long token without spaces: the e-mail pattern once retried \S+ from every start.
  { name: 'plaintext: token without spaces', build: (n) => `Headline\n\nThe council met on Tuesday. Write to ${fill('a@', n)} for more.\n`, parse: (s) => cleanPlainText(s) },
  // Dates packed into one endless sentence: the tense reader once walked the sentence per date.
  { name: 'timex: "Jan. Feb. Mar." in one sentence', build: (n) => `It was ${fill('Jan. Feb. Mar. ', n)}`, parse: (s) => findTimexes(s, { dct: '2025-01-01' }) },
  // A long run of white space: the time tagger's lookbehinds once rescanned the run at every position.
  { name: 'timex: white-space run', build: (n) => `It was ${' '.repeat(n)}over`, parse: (s) => findTimexes(s, { dct: '2025-01-01' }) },
  // `<` never closed: the nesting guard's tag pattern once scanned to the end from every `<`.
  { name: 'html: "<a " without ">"', build: (n) => `<html><body><p>${fill('<a ', n)}`, parse: (s) => extractHtml(s) },
  // Deeply nested tags in a feed item: the XML parser's stack costs time per level.
  // The deepest nesting a feed may keep, over and over: the worst a feed below the cap can do.
  { name: 'feed: 250 levels, repeated', build: (n) => `<?xml version="1.0"?><rss><channel><title>t</title><item><title>x</title><description>${fill(`${'<b>'.repeat(250)}${'</b>'.repeat(250)}`, n)}</description></item></channel></rss>`, parse: (s) => parseFeed(s) },
  { name: 'feed: nested tags', build: (n) => `<?xml version="1.0"?><rss><channel><title>t</title><item><title>x</title><description>${fill('<b>', n)}</description></item></channel></rss>`, parse: (s) => parseFeed(s) },
];

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
}

/** Times one parse of a shape at a size, in milliseconds. */
export function timeShape(shape: Shape, bytes: number): { ms: number; chars: number } {
  const input = shape.build(bytes);
  const started = performance.now();
  shape.parse(input);
  return { ms: performance.now() - started, chars: input.length };
}

function main(): void {
  const maxKb = arg('--max-kb', 10_240);
  const budget = arg('--budget-ms', 10_000);
  const wanted = process.argv.slice(2).filter((a, i, all) => !a.startsWith('--') && !all[i - 1]?.startsWith('--'));
  const sizes = [1, 10, 100, 1024, 10_240].filter((kb) => kb <= maxKb);
  for (const shape of SHAPES.filter((s) => !wanted.length || wanted.some((w) => s.name.includes(w)))) {
    timeShape(shape, 1024); // warm-up: compile the parser's patterns before timing
    for (const kb of sizes) {
      const { ms, chars } = timeShape(shape, kb * 1024);
      console.log(`${shape.name.padEnd(42)} ${String(kb).padStart(6)} KB  ${ms.toFixed(0).padStart(7)} ms  ${(ms / (chars / 2 ** 20)).toFixed(0).padStart(8)} ms/MB`);
      if (ms > budget) break;
    }
  }
}

if (import.meta.url === `file://${process.argv[1]}`) main();
