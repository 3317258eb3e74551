/**
 * The store: one async interface of domain operations, one implementation per backend
 * (`sqlite/` now, PostgreSQL later). Every backend runs the shared suite in `test/store/`.
 */
import type { GroupMerge } from '../cluster/types.js';
import type { DedupeStore } from '../dedupe/index.js';
import type { DateEvidence, DateSource, Event, StoredArticle, Storyline, Subscription } from '../model/index.js';

/** Where an event stands when an article joins it; the store keeps titles and date ranges. */
export interface EventUpsert {
  id: string;
  storylineId: string;
  /** Used when the event (or its storyline) is new. */
  title: string | null;
  /** Publication date of the joining article, widening the event's range. */
  date: string | null;
}

/** Everything stored for one article, in one transaction. */
export interface SaveArticleInput {
  article: StoredArticle;
  /** LSH band keys of the article's MinHash signature (empty for duplicates and short texts). */
  bandKeys: number[];
  /** The event the article joins (also for duplicates: their original's event). */
  event: EventUpsert | null;
  /** Groups the clusterer merged while placing this article. */
  merges: GroupMerge[];
}

/** One line of `storyline export --jsonl`. */
export interface ExportRow {
  id: string;
  url: string | null;
  event: string | null;
  storyline: string | null;
  duplicateOf: string | null;
  duplicateKind: string | null;
}

/** A full-text search hit. */
export interface SearchHit {
  id: string;
  title: string | null;
  /** Text around the match, with the matched words in [brackets]. */
  snippet: string;
}

/** An input that could not be ingested, with its position (`file:line`, `feed item 3`). */
export interface IngestError {
  source: string;
  position: string | null;
  code: string;
  message: string;
}

/** What a feed answered last time, for conditional GET. */
export interface FeedState {
  url: string;
  etag: string | null;
  lastModified: string | null;
  /** ISO datetime of the last fetch. */
  fetchedAt: string;
  status: number;
}

/** The clusterer's serialised state and the last article (by arrival sequence) it includes. */
export interface ClustererSnapshot {
  snapshot: string;
  /** Arrival sequence number of the last article included. */
  seq: number;
}

/** A stored article with its arrival sequence number. */
export interface SequencedArticle {
  seq: number;
  article: StoredArticle;
}

/** A publication date found for a stored article after it was stored. */
export interface PublicationDateUpdate {
  id: string;
  published: string;
  publishedFrom: DateSource;
  publishedEvidence: DateEvidence[];
}

export interface StoreCounts {
  articles: number;
  duplicates: number;
  events: number;
  storylines: number;
  errors: number;
}

/** The store's domain operations. All methods may be called concurrently from one process. */
export interface Store extends DedupeStore {
  /** Saves an article with its dedupe links, band keys, event and merges atomically; returns its sequence number. */
  saveArticle(input: SaveArticleInput): Promise<number>;
  /**
   * Moves a stored article (and its duplicates) to another event (a split, or replay after a crash), with the merges
   * that came with it. The event it leaves, and that event's storyline, get their date range and title again from
   * the articles that remain (an event left empty is dropped, and so is a storyline left without events).
   */
  reassignArticle(id: string, event: EventUpsert, merges: GroupMerge[]): Promise<void>;
  /**
   * Sets articles' publication dates (a storyline re-dated them: `publishedFrom` stays `inferred`, the
   * evidence names the articles that anchor them); their events and storylines get their date range
   * and title again. An unknown id is skipped.
   */
  setPublicationDates(dates: PublicationDateUpdate[]): Promise<void>;
  getArticle(id: string): Promise<StoredArticle | null>;
  getArticleByUrl(canonicalUrl: string): Promise<StoredArticle | null>;
  getArticleByHash(contentHash: string): Promise<StoredArticle | null>;
  /** Non-duplicate articles stored after sequence `seq`, in arrival order. */
  articlesAfter(seq: number): AsyncIterable<SequencedArticle>;
  /** Inserts or widens an event (and its storyline). */
  upsertEvent(event: EventUpsert): Promise<void>;
  /** Records merges: the `from` ids redirect to `into` from now on, their members move. */
  recordMerges(merges: GroupMerge[]): Promise<void>;
  /** Follows redirects to the current id of an event or storyline. */
  resolveId(level: 'event' | 'storyline', id: string): Promise<string>;
  getEvent(id: string): Promise<Event | null>;
  /** Storylines, most recently active first. */
  listStorylines(): Promise<Storyline[]>;
  exportArticles(): AsyncIterable<ExportRow>;
  /** Full-text search over titles and texts (FTS query syntax of the backend; plain words work everywhere). */
  search(query: string, limit?: number): Promise<SearchHit[]>;
  saveSnapshot(snapshot: ClustererSnapshot): Promise<void>;
  loadSnapshot(): Promise<ClustererSnapshot | null>;
  /** The highest arrival sequence number stored (0 when empty). */
  lastSeq(): Promise<number>;
  /**
   * Logs an input that could not be ingested. Idempotent: the same source, position and code again
   * replaces the earlier entry (its message is the latest one), so ingesting the same input twice
   * logs its bad lines once.
   */
  recordError(error: IngestError): Promise<void>;
  /** The error log, oldest entry first (an entry recorded again counts as new). */
  listErrors(): Promise<IngestError[]>;
  getFeedState(url: string): Promise<FeedState | null>;
  saveFeedState(state: FeedState): Promise<void>;
  /** Adds a followed feed, or replaces the stored record of its URL (settings and health). */
  saveSubscription(subscription: Subscription): Promise<void>;
  getSubscription(url: string): Promise<Subscription | null>;
  /** Every followed feed, in the order they were subscribed. */
  listSubscriptions(): Promise<Subscription[]>;
  /** Stops following a feed; false when it was not followed. Its articles stay. */
  deleteSubscription(url: string): Promise<boolean>;
  counts(): Promise<StoreCounts>;
  /** Makes every write so far durable (a backend may group writes into one commit). */
  flush(): Promise<void>;
  /** The clustering profile the store's events were built with (`news`, `headlines`), or null when none is saved yet. */
  loadClusterProfile(): Promise<string | null>;
  /**
   * Saves the clustering profile unless one is saved already, and returns the one in force: the saved one wins, so two
   * processes starting on a new store agree. Written in the same batch as the articles that follow it.
   */
  claimClusterProfile(profile: string): Promise<string>;
  /** Flushes, then releases the connection. */
  close(): Promise<void>;
}
