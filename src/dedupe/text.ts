/**
 * Text normalisation, content hashing and word shingles shared by every duplicate check.
 */
import { createHash } from 'node:crypto';

/**
 * Lower-cased words of a text, punctuation and markup-like symbols dropped, so that a copy with
 * different quotes, dashes or spacing compares equal.
 */
export function normalizedWords(text: string): string[] {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[’']/g, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w.length > 0);
}

/**
 * Hex SHA-256 (first 32 hex digits) of the normalised text: equal for exact copies. Takes the
 * text, or its `normalizedWords` when the caller has them already (they are the costly part).
 */
export function contentHash(text: string | readonly string[]): string {
  const words = typeof text === 'string' ? normalizedWords(text) : text;
  return createHash('sha256').update(words.join(' ')).digest('hex').slice(0, 32);
}

/** 32-bit FNV-1a hash of a string. */
export function fnv1a(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** Hashes of each word, computed once so shingles of any width reuse them. */
export function wordHashes(words: string[]): Uint32Array {
  const out = new Uint32Array(words.length);
  for (let i = 0; i < words.length; i++) out[i] = fnv1a(words[i]!);
  return out;
}

/**
 * Hashes of all word n-grams (shingles) of width `n`, as a set: sorted, each once. A text shorter
 * than `n` words is one shingle, so very short texts still compare. A sorted typed array rather
 * than a `Set`: building and walking a Set of 600 numbers cost more than hashing them.
 */
export function shingleSet(hashes: Uint32Array, n: number): Uint32Array {
  if (hashes.length === 0) return new Uint32Array(0);
  const width = Math.min(n, hashes.length);
  const all = new Uint32Array(hashes.length - width + 1);
  for (let i = 0; i < all.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < width; j++) {
      h ^= hashes[i + j]!;
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 15;
    }
    all[i] = h >>> 0;
  }
  all.sort();
  let unique = 0;
  for (let i = 0; i < all.length; i++) if (i === 0 || all[i] !== all[unique - 1]) all[unique++] = all[i]!;
  return all.subarray(0, unique);
}

/** Jaccard similarity of two shingle sets (sorted, unique: see `shingleSet`). */
export function jaccard(a: Uint32Array, b: Uint32Array): number {
  if (a.length === 0 && b.length === 0) return 1;
  let inter = 0;
  for (let i = 0, j = 0; i < a.length && j < b.length; ) {
    if (a[i] === b[j]) {
      inter++;
      i++;
      j++;
    } else if (a[i]! < b[j]!) i++;
    else j++;
  }
  return inter / (a.length + b.length - inter);
}

/** Whether the sorted array `set` holds `x` (binary search). */
function holds(set: Uint32Array, x: number): boolean {
  let lo = 0;
  let hi = set.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const v = set[mid]!;
    if (v === x) return true;
    if (v < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/**
 * Share of the words of `a` that lie inside a run of at least `n` words that also occurs in `b`:
 * how much of `a` is copied from `b`. Robust to local edits (one changed word only uncovers the
 * words around it that are in no other shared run).
 */
export function runCoverage(a: Uint32Array, b: Uint32Array, n: number): number {
  if (a.length < n || b.length < n) return 0;
  const inB = shingleSet(b, n);
  const covered = new Uint8Array(a.length);
  const width = n;
  for (let i = 0; i + width <= a.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < width; j++) {
      h ^= a[i + j]!;
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 15;
    }
    if (holds(inB, h >>> 0)) covered.fill(1, i, i + width);
  }
  let sum = 0;
  for (const c of covered) sum += c;
  return sum / a.length;
}

/** English number words and ordinals; digits are read in every language. */
const NUMBER_WORDS = new Set(
  `one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen
  twenty thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million millions billion dozen dozens
  first second third fourth fifth sixth seventh eighth ninth tenth both`.split(/\s+/),
);
/** A sentence with fewer letter words than this is a stamp or a caption ("Last updated 15:48 15/09/2013"), not prose. */
const MIN_PROSE_WORDS = 5;

/**
 * The numbers a text states in its prose: digits (thousands separators dropped) and English number
 * words, from sentences of at least five letter words. Reason: an update of a report changes or adds
 * a count ("the second climber", "two deaths"); a re-post changes only its time stamp.
 * @example proseNumbers('Last updated 15:48\nTwo climbers died after a fall of 600 metres.') // → Set { 'two', '600' }
 */
export function proseNumbers(text: string): Set<string> {
  const out = new Set<string>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/u)) {
    const words = normalizedWords(sentence.replace(/(\d),(?=\d{3}\b)/gu, '$1'));
    if (words.filter((w) => /^\p{L}+$/u.test(w)).length < MIN_PROSE_WORDS) continue;
    for (const w of words) if (/^\d+$/u.test(w) || NUMBER_WORDS.has(w)) out.add(w);
  }
  return out;
}
