/** The PostgreSQL backend of the store. */
export { DEFAULT_POSTGRES_OPTIONS, openPostgresStore, type PostgresStoreOptions } from './postgres-store.js';
export { POSTGRES_MIGRATIONS, POSTGRES_SCHEMA_VERSION, type PostgresMigration } from './schema.js';
export { isPostgresUrl, redactUrl } from './url.js';
export { openPostgresWriterLocks, type PostgresWriterLocks } from './writer-lock.js';
export { copySqliteToPostgres, type CopyCounts } from './copy-from-sqlite.js';
