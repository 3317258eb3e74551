import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireWriterLock, describeHolder, isPostgresUrl, openPostgresStore, openPostgresWriterLocks, openSqliteStore, redactUrl, tryWriterLock, WriterLockTimeoutError, type Store, type WriterHolder, type WriterLock } from '../store/index.js';
import { CommandFailure } from './command.js';

/** The `--db` of a command given none: $STORYLINE_DB (a file path or a postgres:// URL), else `./storyline.db`. */
export function defaultDb(): string {
  return process.env.STORYLINE_DB?.trim() || './storyline.db';
}

/** How `--db` is described in a command's usage. */
export const DB_USAGE = 'SQLite file, or postgres://… URL (default $STORYLINE_DB, else ./storyline.db)';

/** The database as a message names it: a path as given, a URL without its password. */
export function dbLabel(db: string): string {
  return isPostgresUrl(db) ? redactUrl(db) : db;
}

/**
 * Opens the database of a command (a `postgres://` URL or an SQLite file), failing with a message that names it:
 * a read command (`readonly`) needs an existing database; a file that is not one (a `.jsonl` given to `--db` by
 * mistake) is named with what was probably meant.
 */
export async function openCommandStore(db: string, options: { readonly: boolean; role?: string }): Promise<Store> {
  if (isPostgresUrl(db)) {
    try {
      return await openPostgresStore(db, { readonly: options.readonly, ...(options.role ? { applicationName: options.role } : {}) });
    } catch (err) {
      throw new CommandFailure((err as Error).message);
    }
  }
  if (options.readonly && !existsSync(db)) throw new CommandFailure(`no database at ${db}; run storyline ingest first (or give another with --db)`);
  try {
    return openSqliteStore(db, { readonly: options.readonly });
  } catch (err) {
    throw new CommandFailure(describeOpenError(db, err));
  }
}

/** What went wrong opening `path`, with the path in it (the driver's message names no file). */
export function describeOpenError(path: string, err: unknown): string {
  const e = err as { code?: string; message?: string };
  const message = e.message ?? String(err);
  // SQLITE_NOTADB: some other file; the likeliest slip is an input file given to --db.
  if (e.code === 'SQLITE_NOTADB' || /file is not a database/.test(message)) {
    return `${path} is not a Storyline database (SQLite: file is not a database)${/\.(jsonl|ndjson|txt|html?|xml|rss|atom|json|opml)(\.gz)?$/i.test(path) ? '; it looks like an input: give it to storyline ingest, and name the database with --db' : ''}`;
  }
  return message.includes(path) ? message : `cannot open the database ${path}: ${message}`;
}

/**
 * Opens the database of a command that writes (`ingest`, `demo`) holding its writer lock, waiting
 * while another process writes to it: two writers would each place articles with their own
 * clusterer. `say` is told once who is writing; after `maxWaitMs` (default: no limit) the command fails
 * naming the writer. The lock is taken before the store is opened: two runs creating a new database at
 * once would both create its tables.
 */
export async function openStoreForWriting(path: string, command: string, say: (message: string) => void, maxWaitMs?: number): Promise<{ store: Store; lock: WriterLock }> {
  if (isPostgresUrl(path)) return openPostgresForWriting(path, command, say, maxWaitMs);
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new CommandFailure(`cannot open the database ${path}: the folder ${folder} does not exist`);
  const lock = await acquireWriterLock(path, command, {
    onWait: (holder) => say(`${command}: waiting: another writer (${describeHolder(holder)}) is writing to ${path}; this run starts when it is done (${maxWaitMs === undefined ? 'Ctrl-C to give up' : `giving up after ${maxWaitMs / 1000} s`})`),
    maxWaitMs,
  }).catch((err: unknown) => {
    throw err instanceof WriterLockTimeoutError ? new CommandFailure(`${command}: ${err.message}`) : err;
  });
  try {
    return { store: await openCommandStore(path, { readonly: false }), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}

/** How often a writer waiting for a PostgreSQL store's writer lock asks again. */
const LOCK_POLL_MS = 250;

/**
 * The PostgreSQL side of `openStoreForWriting`: the store is opened first (its migrations take their own lock), then
 * the writer lock, on a connection of its own, waiting while another writer holds it.
 */
async function openPostgresForWriting(url: string, command: string, say: (message: string) => void, maxWaitMs?: number): Promise<{ store: Store; lock: WriterLock }> {
  const store = await openCommandStore(url, { readonly: false, role: command });
  let locks;
  try {
    locks = await openPostgresWriterLocks(url, command);
  } catch (err) {
    await store.close();
    throw new CommandFailure((err as Error).message);
  }
  const started = Date.now();
  let told = false;
  for (;;) {
    const got = await locks.tryLock();
    if ('release' in got) {
      const lock = locks;
      return {
        store,
        lock: {
          path: got.path,
          release() {
            got.release();
            void lock.close().catch(() => undefined);
          },
        },
      };
    }
    if (maxWaitMs !== undefined && Date.now() - started >= maxWaitMs) {
      await Promise.all([locks.close(), store.close()]);
      throw new CommandFailure(`${command}: ${new WriterLockTimeoutError(redactUrl(url), got, Date.now() - started).message}`);
    }
    if (!told) say(`${command}: waiting: another writer (${describeHolder(got)}) is writing to ${redactUrl(url)}; this run starts when it is done (${maxWaitMs === undefined ? 'Ctrl-C to give up' : `giving up after ${maxWaitMs / 1000} s`})`);
    told = true;
    await new Promise((r) => setTimeout(r, LOCK_POLL_MS));
  }
}

/**
 * The writer lock a server takes for each write request (a lock file beside an SQLite database, an advisory lock on
 * a connection of its own for PostgreSQL), and how to give its connection back.
 */
export async function requestWriteClaims(db: string, role: string): Promise<{ claim: () => Promise<WriterLock | WriterHolder>; close: () => Promise<void> }> {
  if (!isPostgresUrl(db)) return { claim: async () => tryWriterLock(db, role), close: async () => undefined };
  const locks = await openPostgresWriterLocks(db, role);
  return { claim: () => locks.tryLock(), close: () => locks.close() };
}
