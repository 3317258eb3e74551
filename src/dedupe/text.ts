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
 * Hashes of all word n-grams (shingles) of width `n`, as a set. A text shorter than `n` words is one
 * shingle, so very short texts still compare.
 */
export function shingleSet(hashes: Uint32Array, n: number): Set<number> {
  const out = new Set<number>();
  if (hashes.length === 0) return out;
  const width = Math.min(n, hashes.length);
  for (let i = 0; i + width <= hashes.length; i++) {
    let h = 0x811c9dc5;
    for (let j = 0; j < width; j++) {
      h ^= hashes[i + j]!;
      h = Math.imul(h, 0x01000193);
      h ^= h >>> 15;
    }
    out.add(h >>> 0);
  }
  return out;
}

/** Jaccard similarity of two sets. */
export function jaccard(a: Set<number>, b: Set<number>): number {
  if (a.size === 0 && b.size === 0) return 1;
  const [small, large] = a.size <= b.size ? [a, b] : [b, a];
  let inter = 0;
  for (const x of small) if (large.has(x)) inter++;
  return inter / (a.size + b.size - inter);
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
    if (inB.has(h >>> 0)) covered.fill(1, i, i + width);
  }
  let sum = 0;
  for (const c of covered) sum += c;
  return sum / a.length;
}
