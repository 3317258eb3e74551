/** Records of the storylines stage: stored articles, events and storylines. */
import type { Article } from './article.js';

/** How a duplicate relates to its original. */
export type DuplicateKind = 'exact' | 'near' | 'syndicated';

/** An article as kept in the store. */
export interface StoredArticle extends Article {
  /** Stable id: the input's id, else derived from the canonical URL or the content hash. */
  id: string;
  canonicalUrl: string | null;
  contentHash: string;
  duplicateOf: string | null;
  duplicateKind: DuplicateKind | null;
  eventId: string | null;
  storylineId: string | null;
  /** ISO datetime of ingestion. */
  ingestedAt: string;
  /** Fields of the input that Storyline does not use, kept as given. */
  extra?: Record<string, unknown>;
}

/** One happening: a visit announced, a meeting held, an earthquake. */
export interface Event {
  id: string;
  storylineId: string;
  title: string;
  articleIds: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/** A chain of related events followed over weeks or months. */
export interface Storyline {
  id: string;
  title: string;
  eventIds: string[];
  articleCount: number;
  /** Independent outlets: duplicates and syndicated copies count once. */
  outlets: string[];
  firstDate: string | null;
  lastDate: string | null;
}

/**
 * The original of a duplicate, following `duplicateOf` links within `byId` (a link to an article
 * outside the set stops there; a cycle stops where it closes). An article that is no copy is its
 * own original.
 */
export function originalOf(id: string, byId: ReadonlyMap<string, { duplicateOf?: string | null }>): string {
  const seen = new Set<string>();
  let current = id;
  while (!seen.has(current)) {
    seen.add(current);
    const next = byId.get(current)?.duplicateOf;
    if (!next || !byId.has(next)) break;
    current = next;
  }
  return current;
}
