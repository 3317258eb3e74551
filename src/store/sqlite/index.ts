/** The SQLite backend of the store. */
export { openSqliteStore, DEFAULT_SQLITE_OPTIONS, type SqliteStoreOptions } from './sqlite-store.js';
export { MIGRATIONS, SCHEMA_VERSION, type Migration } from './schema.js';
