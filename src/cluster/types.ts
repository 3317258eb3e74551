/**
 * Contract between the clustering stage and its callers (ingest, benchmarks).
 * The clusterer keeps its state in memory; `snapshot()` serialises it so the store can persist it
 * and `createStoryClusterer(options, snapshot)` restores it.
 */
import type { GroupMerge } from '../model/index.js';

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
  /** Optional: ISO 639-1 language found upstream; the clusterer guesses from function words when absent. */
  language?: string | null;
}

/** Defined in model/: the store records merges too. */
export type { GroupMerge };

/**
 * Articles that leave a group: `articleIds` leave `from` (which keeps its id and its other articles) for
 * `into` — a new group when one group was found to be two (a split), or an existing group that explains them
 * better (a reassignment of recent articles). The store moves each article; no id redirects.
 */
export interface GroupSplit {
  level: 'event';
  from: string;
  into: string;
  /** Storyline of `into` (for a split, the same as `from`'s: a split event stays in its storyline). */
  storylineId: string;
  articleIds: string[];
}

/** Where one article went. */
export interface Assignment {
  eventId: string;
  storylineId: string;
  newEvent: boolean;
  newStoryline: boolean;
  /** Groups that this article showed to be one. */
  merges: GroupMerge[];
  /**
   * Articles moved to another group (splits and reassignments), applied after `merges`, in order (the article
   * itself may be among the moved ones: `eventId` is then already its new group). Optional for other
   * implementations of the contract.
   */
  splits?: GroupSplit[];
}

export interface StoryClusterer {
  /** Places one article, in arrival order, and returns where it went. */
  add(doc: ClusterDoc): Assignment;
  /** Follows merge redirects to the id that is current now. */
  resolve(id: string): string;
  /** Serialised state, for persistence. */
  snapshot(): string;
}
