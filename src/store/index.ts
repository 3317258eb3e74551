/** Storage: the `Store` interface and its backends. */
export type * from './store.js';
// The records of the interface live in model/; named here too, for callers that import them with the store.
export type { ClustererSnapshot, EventUpsert, ExportRow, FeedState, IngestError, PublicationDateUpdate, SaveArticleInput, SearchHit, SearchQuery, SequencedArticle, StoreCounts, StoredReport, StorylineContents, StorylinePage, StorylineQuery } from '../model/index.js';
export { StoreConflictError } from './errors.js';
export { openSqliteStore, SCHEMA_VERSION, type SqliteStoreOptions } from './sqlite/index.js';
export { acquireWriterLock, describeHolder, StoreBusyError, tryWriterLock, WriterLockTimeoutError, writerLockPath, type WriterHolder, type WriterLock } from './writer-lock.js';
// The PostgreSQL backend loads on first use (`postgres/lazy.ts`); its types cost nothing at run time.
export { copySqliteToPostgres, openPostgresStore, openPostgresWriterLocks } from './postgres/lazy.js';
export { isPostgresUrl, redactUrl } from './postgres/url.js';
export type { PostgresStoreOptions, PostgresWriterLocks } from './postgres/index.js';
