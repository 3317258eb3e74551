/**
 * Anchors of the hand-checked audit set: a sentence (or clause, or boilerplate region) named by its
 * file and its character range in the RAW file, never by its text (the gold must not copy the
 * articles). A report cites sentences of the CLEANED text, so a citation is found again in the raw
 * file by its words: both sides are reduced to lower-case letters and digits, which survives the
 * cleaner's changes to quotes, dashes, spaces and markup.
 */

/** One anchor of the gold: `[start, start + length)` of the raw file, and why it is listed. */
export interface Anchor {
  file: string;
  start: number;
  length: number;
  reason: string;
}

/** A raw file reduced to its letters and digits, with the raw offset of every kept character. */
export interface FoldedText {
  folded: string;
  offsets: number[];
}

/**
 * The text a reader sees in a raw file: markup, scripts and styles blanked out (same length, so raw
 * offsets hold). HTML files only; other files pass unchanged.
 */
export function visibleText(raw: string, file: string): string {
  if (!/\.html?$/iu.test(file)) return raw;
  const blank = (m: string): string => ' '.repeat(m.length);
  return raw
    .replace(/<(script|style)\b[\s\S]*?<\/\1>/giu, blank)
    .replace(/<!--[\s\S]*?-->/gu, blank)
    .replace(/<[^>]*>/gu, blank)
    .replace(/&[#\w]+;/gu, blank);
}

/** Letters and digits only, lower-cased, each with its offset in `text`. */
export function fold(text: string): FoldedText {
  let folded = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (!/[\p{L}\p{N}]/u.test(ch)) continue;
    const lower = ch.toLowerCase();
    // Some lower-case forms are longer than one code unit (e.g. "İ"): keep offsets aligned.
    for (const c of lower) {
      folded += c;
      offsets.push(i);
    }
  }
  return { folded, offsets };
}

/**
 * Where a cited sentence lies in the raw file: `[start, end)`, or null when its words are not there
 * in this order. When it occurs more than once (a title repeated as a caption heading), the
 * occurrence nearest to `near` (the citation's offset in the cleaned text, which is close to the
 * raw one) wins.
 */
export function locate(raw: FoldedText, sentence: string, near = 0): [number, number] | null {
  const needle = fold(sentence).folded;
  if (!needle) return null;
  let best: number | null = null;
  for (let at = raw.folded.indexOf(needle); at >= 0; at = raw.folded.indexOf(needle, at + 1)) {
    if (best === null || Math.abs(raw.offsets[at]! - near) < Math.abs(raw.offsets[best]! - near)) best = at;
  }
  if (best === null) return null;
  return [raw.offsets[best]!, raw.offsets[best + needle.length - 1]! + 1];
}

/** Characters shared by two ranges. */
export function overlap(a: [number, number], b: [number, number]): number {
  return Math.max(0, Math.min(a[1], b[1]) - Math.max(a[0], b[0]));
}

/**
 * Whether a cited range is about an anchor: they share at least half of the shorter one. A whole
 * sentence then matches a clause anchor inside it, and a clause matches the sentence that holds it;
 * a neighbouring sentence that merely touches the anchor does not.
 */
export function citesAnchor(cited: [number, number], anchor: Anchor): boolean {
  const a: [number, number] = [anchor.start, anchor.start + anchor.length];
  return overlap(cited, a) >= 0.5 * Math.min(cited[1] - cited[0], anchor.length);
}

/** A sentence end: a stop, then closing quotes or brackets, then white space or the end. */
const sentenceEnd = (): RegExp => /[.!?]["'”’)]*(?=\s|$)/gu;

/**
 * The sentence of `raw` that holds offset `at`: from after the previous sentence end or line
 * break to the next sentence end or line break. Used to write anchors (see `audit-anchor-cli.ts`).
 */
export function sentenceAround(raw: string, at: number): [number, number] {
  let start = 0;
  for (const m of raw.slice(0, at).matchAll(sentenceEnd())) start = m.index + m[0].length;
  const lineStart = raw.lastIndexOf('\n', at - 1) + 1;
  start = Math.max(start, lineStart);
  while (start < at && /\s/u.test(raw[start]!)) start++;
  const ends = sentenceEnd();
  ends.lastIndex = at;
  const endMatch = ends.exec(raw);
  const lineEnd = raw.indexOf('\n', at);
  let end = endMatch ? endMatch.index + endMatch[0].length : raw.length;
  if (lineEnd >= 0 && lineEnd < end) end = lineEnd;
  return [start, end];
}
