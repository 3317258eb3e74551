/**
 * Duplicate detection: exact copies (content hash), near-duplicates (MinHash/LSH candidates, then
 * shingle Jaccard) and syndicated wire copies (long shared word runs covering most of the shorter
 * text). Candidates come from the band-key index in the store.
 */
import type { DuplicateKind } from '../model/index.js';
import { createMinHasher, type MinHashOptions } from './minhash.js';
import { contentHash, jaccard, normalizedWords, proseNumbers, runCoverage, shingleSet, wordHashes } from './text.js';

/** What the detector needs from the store: lookups by hash, by band key, and candidate texts. */
export interface DedupeStore {
  /** The article stored with this content hash (the earliest), if any. */
  findByContentHash(hash: string): Promise<DedupeCandidate | null>;
  /** Ids of stored articles sharing at least one band key, most shared keys first, at most `limit`. */
  findNearDuplicateCandidates(bandKeys: number[], limit: number): Promise<string[]>;
  getDedupeCandidate(id: string): Promise<DedupeCandidate | null>;
}

/** A stored article as the detector sees it. */
export interface DedupeCandidate {
  id: string;
  text: string;
  outlet: string | null;
  duplicateOf: string | null;
}

export interface DedupeOptions {
  minhash: MinHashOptions;
  /** Shingle width (words) for the Jaccard check. */
  shingleWords: number;
  /** Jaccard of word shingles at or above which two texts are the same article lightly edited. */
  nearJaccard: number;
  /** Length (words) of a shared run that counts as copied text. */
  runWords: number;
  /** Share of the shorter text inside shared runs at or above which it is a syndicated copy. */
  syndicatedCoverage: number;
  /** Texts shorter than this (words) are only checked for exact copies: too little to compare. */
  minWords: number;
  /** Candidates checked per article, at most. */
  maxCandidates: number;
}

/**
 * Defaults tuned on synthetic near-duplicates and wire copies made from ECB+ texts
 * (`bench/eval/ingest.ts`): nearJaccard 0.7 keeps copies with a few edited sentences; a coverage of
 * 0.5 by 8-word runs separates rewrites of one wire story from different reports on one topic.
 */
export const DEFAULT_DEDUPE_OPTIONS: DedupeOptions = {
  minhash: { numHashes: 64, bands: 32, rows: 2, seed: 0x5eed },
  shingleWords: 5,
  nearJaccard: 0.7,
  runWords: 8,
  syndicatedCoverage: 0.5,
  minWords: 25,
  maxCandidates: 12,
};

/** What the detector computes once per article; `bandKeys` go to the store with the article. */
export interface Fingerprint {
  contentHash: string;
  words: Uint32Array;
  /** Sorted, each once (see `shingleSet`). */
  shingles: Uint32Array;
  bandKeys: number[];
  /** The numbers its prose states (see `proseNumbers`): an update changes or adds one. */
  numbers: Set<string>;
}

/** The original an article duplicates, and how. */
export interface DuplicateMatch {
  kind: DuplicateKind;
  /** The original (never itself a duplicate). */
  of: string;
  /** Jaccard (near) or run coverage (syndicated); 1 for exact copies. */
  score: number;
}

export interface DuplicateDetector {
  readonly options: DedupeOptions;
  fingerprint(text: string): Fingerprint;
  /** Finds the original of an article, or null when it is new. */
  check(fp: Fingerprint, outlet: string | null): Promise<DuplicateMatch | null>;
}

/**
 * Builds a detector over a store (the store keeps the band-key index).
 * @example
 *   const dedupe = createDuplicateDetector(store);
 *   const fp = dedupe.fingerprint(article.text);
 *   const match = await dedupe.check(fp, article.outlet); // { kind: 'syndicated', of: 'a17', score: 0.83 }
 */
export function createDuplicateDetector(store: DedupeStore, options: Partial<DedupeOptions> = {}): DuplicateDetector {
  const opts: DedupeOptions = { ...DEFAULT_DEDUPE_OPTIONS, ...options };
  const hasher = createMinHasher(opts.minhash);
  const fingerprint = (text: string): Fingerprint => {
    const normalized = normalizedWords(text);
    const words = wordHashes(normalized);
    const shingles = shingleSet(words, opts.shingleWords);
    const bandKeys = words.length >= opts.minWords ? hasher.bandKeys(hasher.signature(shingles)) : [];
    return { contentHash: contentHash(normalized), words, shingles, bandKeys, numbers: proseNumbers(text) };
  };
  return {
    options: opts,
    fingerprint,
    async check(fp, outlet) {
      const exact = await store.findByContentHash(fp.contentHash);
      if (exact) {
        // The same text under another outlet's name is a wire story republished (syndicated), even word for word.
        const otherOutlet = outlet && exact.outlet && outlet.toLowerCase() !== exact.outlet.toLowerCase();
        return { kind: otherOutlet ? 'syndicated' : 'exact', of: exact.duplicateOf ?? exact.id, score: 1 };
      }
      if (fp.bandKeys.length === 0) return null;
      const ids = await store.findNearDuplicateCandidates(fp.bandKeys, opts.maxCandidates);
      let best: DuplicateMatch | null = null;
      for (const id of ids) {
        const cand = await store.getDedupeCandidate(id);
        if (!cand) continue;
        // Only words and shingles are needed to compare: no signature for a candidate.
        const otherWords = wordHashes(normalizedWords(cand.text));
        const other = { words: otherWords, shingles: shingleSet(otherWords, opts.shingleWords) };
        const j = jaccard(fp.shingles, other.shingles);
        let match: DuplicateMatch | null = null;
        if (j >= opts.nearJaccard) {
          // The same text under another outlet's name is a republished (syndicated) copy.
          const otherOutlet = outlet && cand.outlet && outlet.toLowerCase() !== cand.outlet.toLowerCase();
          match = { kind: otherOutlet ? 'syndicated' : 'near', of: cand.duplicateOf ?? cand.id, score: j };
        } else {
          const [short, long] = fp.words.length <= other.words.length ? [fp.words, other.words] : [other.words, fp.words];
          const coverage = runCoverage(short, long, opts.runWords);
          if (coverage >= opts.syndicatedCoverage) match = { kind: 'syndicated', of: cand.duplicateOf ?? cand.id, score: coverage };
        }
        if (match && sameOutlet(outlet, cand.outlet) && isUpdate(fp, otherWords, cand.text, opts.runWords)) match = null;
        if (match && (!best || rank(match) > rank(best))) best = match;
      }
      return best;
    },
  };
}

/** Both outlets known and the same (an unknown outlet may be anyone: no update is read then). */
function sameOutlet(a: string | null, b: string | null): boolean {
  return !!a && !!b && a.trim().toLowerCase() === b.trim().toLowerCase();
}

/**
 * Whether a text that shares much with an earlier one of the same outlet is that outlet's update of
 * its report, not a copy: it states a number the earlier one does not ("the second climber", "two
 * deaths" after "a climber died"), or most of its words are new. Reason: an update tells what
 * changed, and calling it a copy hides that from the reader. Only within one outlet: across outlets
 * a longer version of a wire story is still not an independent source.
 */
function isUpdate(fp: Fingerprint, earlierWords: Uint32Array, earlierText: string, runWords: number): boolean {
  const earlier = proseNumbers(earlierText);
  for (const n of fp.numbers) if (!earlier.has(n)) return true;
  return runCoverage(fp.words, earlierWords, runWords) < MOSTLY_COPIED;
}

/** Share of a text inside runs shared with an earlier one below which most of it is new (half: a copy is mostly copied). */
const MOSTLY_COPIED = 0.5;

/** Near copies outrank syndicated ones; within a kind the higher score wins. */
function rank(m: DuplicateMatch): number {
  return (m.kind === 'near' ? 2 : 1) + m.score;
}
