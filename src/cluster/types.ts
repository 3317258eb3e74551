/**
 * Contract between the clustering stage and its callers (ingest, benchmarks).
 * The clusterer keeps its state in memory; `snapshot()` serialises it so the store can persist it
 * and `createStoryClusterer(options, snapshot)` restores it.
 */

/** What the clusterer needs to know of an article. */
export interface ClusterDoc {
  id: string;
  title: string | null;
  text: string;
  /** `YYYY-MM-DD` (or longer ISO) publication date, when known. */
  published: string | null;
  outlet: string | null;
  /** Optional: entity keys found upstream (lower-cased, `_`-joined); the clusterer finds its own when absent. */
  entities?: string[];
  /** Optional: months (`YYYY-MM`) the text names, found upstream; the clusterer finds its own when absent. */
  mentionedMonths?: string[];
}

export interface GroupMerge {
  level: 'event' | 'storyline';
  /** The id that disappears; it redirects to `into` from now on. */
  from: string;
  into: string;
}

/** Where one article went. */
export interface Assignment {
  eventId: string;
  storylineId: string;
  newEvent: boolean;
  newStoryline: boolean;
  /** Groups that this article showed to be one. */
  merges: GroupMerge[];
}

export interface StoryClusterer {
  /** Places one article, in arrival order, and returns where it went. */
  add(doc: ClusterDoc): Assignment;
  /** Follows merge redirects to the id that is current now. */
  resolve(id: string): string;
  /** Serialised state, for persistence. */
  snapshot(): string;
}
