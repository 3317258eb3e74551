/** Storage: the `Store` interface and its backends. */
export type * from './store.js';
// The records of the interface live in model/; named here too, for callers that import them with the store.
export type { ClustererSnapshot, EventUpsert, ExportRow, FeedState, IngestError, PublicationDateUpdate, SaveArticleInput, SearchHit, SearchQuery, SequencedArticle, StoreCounts, StoredReport, StorylineContents, StorylinePage, StorylineQuery } from '../model/index.js';
export { StoreConflictError } from './errors.js';
export { openSqliteStore, SCHEMA_VERSION, type SqliteStoreOptions } from './sqlite/index.js';
export { acquireWriterLock, describeHolder, StoreBusyError, tryWriterLock, WriterLockTimeoutError, writerLockPath, type WriterHolder, type WriterLock } from './writer-lock.js';
export { copySqliteToPostgres, isPostgresUrl, openPostgresStore, openPostgresWriterLocks, POSTGRES_SCHEMA_VERSION, redactUrl, type PostgresStoreOptions, type PostgresWriterLocks } from './postgres/index.js';
