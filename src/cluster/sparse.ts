/** Sparse term vectors, truncated centroids and a capped inverted index: the clusterer's parts. */

import { dot, type SparseVector } from '../analyze/vectors.js';

export { dot, type SparseVector };

/** Keeps the `k` largest entries of `v` (all of them when it has no more than `k`). */
export function topEntries(v: SparseVector, k: number): [string, number][] {
  if (v.size > k && k <= SELECT_MAX_K) return selectTop(v, k);
  return topOfEntries([...v], k);
}

/** {@link topEntries} of entries with distinct keys, given as an array (which it may reorder and shorten). */
export function topOfEntries(entries: [string, number][], k: number): [string, number][] {
  if (entries.length <= k) return entries;
  if (k <= SELECT_MAX_K) return selectTop(entries, k);
  entries.sort(byWeight);
  entries.length = k;
  return entries;
}

// Ties broken by term so that the result never depends on insertion order.
const byWeight = (a: [string, number], b: [string, number]): number => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);

/** Up to this k, a running top-k (n·k, no array of all entries) beats sorting: index keys, queries, salient names. */
const SELECT_MAX_K = 16;

/** The `k` largest entries in the order `byWeight` sorts them (same result as sorting, without the sort). */
function selectTop(v: Iterable<[string, number]>, k: number): [string, number][] {
  const top: [string, number][] = [];
  for (const [key, x] of v) {
    if (top.length === k) {
      const worst = top[k - 1]!;
      if (x < worst[1] || (x === worst[1] && key > worst[0])) continue;
    }
    let i = top.length < k ? top.length : k - 1;
    // Shift lighter entries down one place to open a slot for this one.
    while (i > 0 && byWeight(top[i - 1]!, [key, x]) > 0) {
      if (i < k) top[i] = top[i - 1]!;
      i--;
    }
    top[i] = [key, x];
  }
  return top;
}

/** Scales `v` to unit length in place (an empty vector stays empty). */
export function normalise(v: SparseVector): SparseVector {
  let s = 0;
  for (const x of v.values()) s += x * x;
  if (s > 0) {
    const inv = 1 / Math.sqrt(s);
    for (const [k, x] of v) v.set(k, x * inv);
  }
  return v;
}

/** A unit vector of `entries` (distinct keys), in their order: `normalise(new Map(entries))` without the second pass over a map. */
export function unitVector(entries: readonly [string, number][]): SparseVector {
  let s = 0;
  for (const [, x] of entries) s += x * x;
  const inv = s > 0 ? 1 / Math.sqrt(s) : 1;
  const v: SparseVector = new Map();
  for (const [k, x] of entries) v.set(k, s > 0 ? x * inv : x);
  return v;
}

/**
 * A centroid kept as a sum of unit document vectors, truncated to its `k` heaviest terms
 * (reason: per-comparison cost and memory stay bounded however large a group grows).
 */
export interface Centroid {
  sum: SparseVector;
  /** Cached Euclidean norm of `sum`, or -1 when stale. */
  norm: number;
}

export function createCentroid(): Centroid {
  return { sum: new Map(), norm: -1 };
}

/** Adds `v` (times `scale`) to the centroid, truncating to `k` terms once it grows past 1.5 k. */
export function addToCentroid(c: Centroid, v: SparseVector, k: number, scale = 1): void {
  for (const [term, x] of v) c.sum.set(term, (c.sum.get(term) ?? 0) + x * scale);
  if (c.sum.size > k * 1.5) c.sum = new Map(topEntries(c.sum, k));
  c.norm = -1;
}

/**
 * Takes `v` out of the centroid (an article leaving its group). Entries that fall to about zero are dropped;
 * a term the centroid had truncated away stays away (the approximation of a truncated sum).
 */
export function subtractFromCentroid(c: Centroid, v: Iterable<[string, number]>): void {
  for (const [term, x] of v) {
    const y = c.sum.get(term);
    if (y === undefined) continue;
    if (y - x <= 1e-9) c.sum.delete(term);
    else c.sum.set(term, y - x);
  }
  c.norm = -1;
}

export function centroidNorm(c: Centroid): number {
  if (c.norm < 0) {
    let s = 0;
    for (const x of c.sum.values()) s += x * x;
    c.norm = Math.sqrt(s);
  }
  return c.norm;
}

/** Cosine of a unit vector and a centroid. */
export function cosineToCentroid(unit: SparseVector, c: Centroid): number {
  const n = centroidNorm(c);
  return n > 0 ? dot(unit, c.sum) / n : 0;
}

/** Cosine of two centroids. */
export function cosineCentroids(a: Centroid, b: Centroid): number {
  const na = centroidNorm(a);
  const nb = centroidNorm(b);
  return na > 0 && nb > 0 ? dot(a.sum, b.sum) / (na * nb) : 0;
}

/**
 * Inverted index key → group ids, each list capped at `cap` ids, most recently touched last
 * (reason: a common key must not make lookups scan every group ever made; the oldest fall out).
 */
export interface PostingIndex {
  lists: Map<string, string[]>;
  cap: number;
}

export function createPostingIndex(cap: number): PostingIndex {
  return { lists: new Map(), cap };
}

/** Puts `id` at the recent end of `key`'s list. */
export function touchPosting(index: PostingIndex, key: string, id: string): void {
  let list = index.lists.get(key);
  if (!list) index.lists.set(key, (list = []));
  // Already the most recent (a group touched again under the same key): nothing to move.
  if (list[list.length - 1] === id) return;
  const i = list.lastIndexOf(id);
  if (i >= 0) list.splice(i, 1);
  list.push(id);
  if (list.length > index.cap) list.shift();
}

export function removePosting(index: PostingIndex, key: string, id: string): void {
  const list = index.lists.get(key);
  if (!list) return;
  const i = list.lastIndexOf(id);
  if (i >= 0) list.splice(i, 1);
  if (!list.length) index.lists.delete(key);
}
