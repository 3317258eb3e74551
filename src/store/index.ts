/** Storage: the `Store` interface and its backends. */
export type * from './store.js';
export { openSqliteStore, SCHEMA_VERSION, type SqliteStoreOptions } from './sqlite/index.js';
export { acquireWriterLock, describeHolder, StoreBusyError, tryWriterLock, writerLockPath, type WriterHolder, type WriterLock } from './writer-lock.js';
export { copySqliteToPostgres, isPostgresUrl, openPostgresStore, openPostgresWriterLocks, POSTGRES_SCHEMA_VERSION, redactUrl, type PostgresStoreOptions, type PostgresWriterLocks } from './postgres/index.js';
