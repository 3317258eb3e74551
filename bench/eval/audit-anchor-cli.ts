/**
 * Writes an anchor for the audit gold without copying text into it:
 *   node --import tsx bench/eval/audit-anchor-cli.ts RAW_FILE "a few words of the sentence" [--to "words of its last sentence"] [--exact]
 * prints `{"file", "start", "length"}` of the sentence holding the words (through the sentence
 * holding `--to`, for a multi-sentence anchor), or of the words alone with `--exact` (a clause).
 * Add a one-line `reason` in your own words and paste it into bench/audit/<corpus>.json.
 */
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { sentenceAround } from './audit-anchors.js';

/** The anchor range of `words` in `raw` (see the file comment); throws when the words are not found once. */
export function anchorRange(raw: string, words: string, options: { to?: string; exact?: boolean } = {}): [number, number] {
  const found = [...raw.matchAll(wordsPattern(words))];
  if (!found.length) throw new Error(`not found: ${words}`);
  if (found.length > 1 && !options.exact) throw new Error(`found more than once (give more words): ${words}`);
  const at = found[0]!.index;
  if (options.exact) return [at, at + found[0]![0].length];
  const [start, end] = sentenceAround(raw, at);
  if (!options.to) return [start, end];
  const to = wordsPattern(options.to);
  to.lastIndex = at;
  const toMatch = to.exec(raw);
  if (!toMatch) throw new Error(`not found after the start: ${options.to}`);
  return [start, Math.max(end, sentenceAround(raw, toMatch.index)[1])];
}

/** The words as a pattern in which any run of spaces (scraped text has no-break spaces) matches any run of white space. */
function wordsPattern(words: string): RegExp {
  return new RegExp(words.trim().split(/\s+/u).map((w) => w.replace(/[.*+?^${}()|[\]\\]/gu, '\\$&')).join('\\s+'), 'gu');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [file, words, ...rest] = process.argv.slice(2);
  if (!file || !words) {
    console.error('usage: audit-anchor-cli.ts RAW_FILE "words" [--to "words"] [--exact]');
    process.exit(2);
  }
  const toIndex = rest.indexOf('--to');
  const [start, end] = anchorRange(readFileSync(file, 'utf8'), words, { to: toIndex >= 0 ? rest[toIndex + 1] : undefined, exact: rest.includes('--exact') });
  console.log(JSON.stringify({ file: basename(file), start, length: end - start }));
}
