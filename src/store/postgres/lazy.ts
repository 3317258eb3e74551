/**
 * The PostgreSQL backend's entry points, loading it (and its driver) on first use: a command on an SQLite file never
 * loads node-postgres, so it starts as fast as before the backend existed.
 */
import type * as Backend from './index.js';

const backend = (): Promise<typeof Backend> => import('./index.js');

export const openPostgresStore: typeof Backend.openPostgresStore = async (...args) => (await backend()).openPostgresStore(...args);
export const openPostgresWriterLocks: typeof Backend.openPostgresWriterLocks = async (...args) => (await backend()).openPostgresWriterLocks(...args);
export const copySqliteToPostgres: typeof Backend.copySqliteToPostgres = async (...args) => (await backend()).copySqliteToPostgres(...args);
