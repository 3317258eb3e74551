/**
 * The store: one async interface of domain operations, one implementation per backend
 * (`sqlite/` now, PostgreSQL later). Every backend runs the shared suite in `test/store/`.
 */
import type { DedupeStore } from '../dedupe/index.js';
import type {
  ClustererSnapshot,
  Event,
  EventUpsert,
  ExportRow,
  FeedState,
  GroupMerge,
  IngestError,
  PublicationDateUpdate,
  SaveArticleInput,
  SearchHit,
  SearchQuery,
  SequencedArticle,
  StoreCounts,
  StoredArticle,
  Storyline,
  StorylineContents,
  StorylinePage,
  StorylineQuery,
} from '../model/index.js';

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
  /** The stored articles among `ids`, in the order asked (unknown ids left out, a repeated id given once). */
  getArticles(ids: readonly string[]): Promise<StoredArticle[]>;
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
  /** A storyline by id, following merges (the record carries its current id), or null when unknown. */
  getStoryline(id: string): Promise<Storyline | null>;
  /** The storylines that pass `query`'s filters, in its order, one page of them (all without a limit), with their total. */
  listStorylines(query?: StorylineQuery): Promise<StorylinePage>;
  /** A storyline (following merges) with its events and their articles, in one call; null when unknown. */
  storylineContents(id: string): Promise<StorylineContents | null>;
  exportArticles(): AsyncIterable<ExportRow>;
  /** Full-text search over titles and texts: every word and phrase must appear; best hits first. */
  search(query: SearchQuery): Promise<SearchHit[]>;
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
  /**
   * Runs `work` as one unit: its writes through `tx` are kept together when it resolves (durable with the
   * store's next commit, as every write; `flush()` forces it) and undone together when it throws (the error is
   * thrown on). Other writes through the store wait until the unit ends; reads see committed data and, on a
   * one-connection backend, the unit's writes so far. Units do not nest.
   */
  transaction<T>(work: (tx: StoreTransaction) => Promise<T>): Promise<T>;
  /** Flushes, then releases the connection. */
  close(): Promise<void>;
}

/** The store as a unit of work sees it: every operation but those that end or group writes. */
export type StoreTransaction = Omit<Store, 'transaction' | 'flush' | 'close'>;
