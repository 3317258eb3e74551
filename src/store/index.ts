/** Storage: the `Store` interface and its backends. */
export type * from './store.js';
export { openSqliteStore, SCHEMA_VERSION, type SqliteStoreOptions } from './sqlite/index.js';
