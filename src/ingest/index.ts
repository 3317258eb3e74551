/**
 * The ingest stage: inputs (files, folders, JSON lines, feeds, OPML, URLs) → cleaned, deduplicated,
 * clustered articles in the store.
 */
export { canonicalUrl, linkUrl } from './canonical-url.js';
export { createFetcher, DEFAULT_FETCH_OPTIONS, type FetchOptions, type FetchResult, type Fetcher, type Validators } from './fetch.js';
export { htmlToText, parseFeed, sniffFeed, feedDate, DEFAULT_FEED_LIMITS, type FeedItem, type FeedKind, type FeedOutline, type FeedLimits, type ItemError, type ParsedFeed } from './feeds.js';
export { DATE_FIELDS, normaliseDate, parseJsonLine, unreadDateField, unreadDateFieldWarning, unreadDateWarning, type JsonLine } from './jsonl.js';
export { listedFeedUrl, readInput, readInputs, statelessSourceContext, INGEST_FILE, DEFAULT_SOURCE_LIMITS, type DocItem, type ErrorItem, type InputItem, type SourceContext, type UnchangedItem } from './sources.js';
export { expandPaths, rootRelativeItem } from './paths.js';
export {
  chooseProfile,
  cleanItem,
  CLUSTER_PROFILES,
  createIngester,
  DEFAULT_INGEST_OPTIONS,
  isClusterProfile,
  isStored,
  MAX_ID_CHARS,
  MIN_PROFILE_SAMPLE,
  PROFILE_SAMPLE_SIZE,
  ProfileMismatchError,
  readAhead,
  sampleInputs,
  suggestProfile,
  type CleanedDocItem,
  type ClusterProfile,
  type IngestCounts,
  type IngestOptions,
  type IngestTimings,
  type Ingester,
  type ItemOutcome,
  type ProfileChoice,
} from './ingest.js';
