/**
 * Records the store reads and writes for its callers (ingest, pipeline, server, CLI): what is saved with an
 * article, how storylines are asked for, what a search is and returns. Backends translate these; no backend
 * syntax (SQL, FTS5, tsquery) appears in them.
 */
import type { DateEvidence, DateSource } from './article.js';
import type { Event, StoredArticle, Storyline } from './story.js';

/** Two groups the clusterer merged: `from` disappears and redirects to `into` from now on. */
export interface GroupMerge {
  level: 'event' | 'storyline';
  /** The id that disappears; it redirects to `into` from now on. */
  from: string;
  into: string;
}

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

/**
 * Which storylines to list. Every filter is optional; given ones must all hold. Dates may be partial
 * (`2025-03`): a range overlaps [from, to] when its last date is not before `from` and its first not after `to`,
 * a partial date counting as its whole period.
 */
export interface StorylineQuery {
  /** Only these storylines (current ids; merged-away ids match nothing). */
  ids?: readonly string[] | null;
  /** An outlet with its own (non-duplicate) article in the storyline; case is ignored. */
  outlet?: string | null;
  /** A language (ISO 639-1) of one of the storyline's articles. */
  language?: string | null;
  from?: string | null;
  to?: string | null;
  /** A name or words that one of the storyline's articles contains as a phrase (title or text). */
  entity?: string | null;
  /** `activity`: most recently active first (default); `articles`: most articles first, then activity. */
  sort?: 'activity' | 'articles';
  /** Most storylines returned (default: all). */
  limit?: number;
  /** Matching storylines skipped before the first returned (default 0). */
  offset?: number;
}

/** One page of a storyline listing, with how many match in all. */
export interface StorylinePage {
  total: number;
  items: Storyline[];
}

/** A storyline with its events and articles, read together (events in the storyline's order, articles event by event). */
export interface StorylineContents {
  storyline: Storyline;
  events: Event[];
  articles: StoredArticle[];
}

/** Filters of a search, on the matching article itself. */
export interface SearchFilters {
  outlet?: string | null;
  language?: string | null;
  /** Publication dates, partial dates counting as their whole period; an undated article fails a date filter. */
  from?: string | null;
  to?: string | null;
}

/**
 * A full-text search as the domain asks it: every word and every phrase must appear (title or text). Words
 * and phrases are plain text; the backend tokenises them as its index does and reads no operator in them.
 */
export interface SearchQuery {
  words: string[];
  /** Word sequences that must appear as given, each as written (`"ferry terminal"`). */
  phrases: string[];
  filters?: SearchFilters;
  /** Most hits returned, best first (default 20). */
  limit?: number;
}

/** A full-text search hit, with what a listing of hits shows. */
export interface SearchHit {
  id: string;
  title: string | null;
  /** Text around the match, with the matched words in [brackets]. */
  snippet: string;
  outlet: string | null;
  published: string | null;
  eventId: string | null;
  storylineId: string | null;
}
