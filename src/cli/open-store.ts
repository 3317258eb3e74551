import { existsSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { acquireWriterLock, describeHolder, openSqliteStore, WriterLockTimeoutError, type Store, type WriterLock } from '../store/index.js';
import { CommandFailure } from './command.js';

/**
 * Opens the database of a command, failing with a message that names the file: a read command
 * (`readonly`) needs an existing database; a file that is not one (a `.jsonl` given to `--db` by
 * mistake) is named with what was probably meant.
 */
export function openCommandStore(path: string, options: { readonly: boolean }): Store {
  if (options.readonly && !existsSync(path)) throw new CommandFailure(`no database at ${path}; run storyline ingest first (or give another with --db)`);
  try {
    return openSqliteStore(path, { readonly: options.readonly });
  } catch (err) {
    throw new CommandFailure(describeOpenError(path, err));
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
  const folder = dirname(resolve(path));
  if (!existsSync(folder)) throw new CommandFailure(`cannot open the database ${path}: the folder ${folder} does not exist`);
  const lock = await acquireWriterLock(path, command, {
    onWait: (holder) => say(`${command}: waiting: another writer (${describeHolder(holder)}) is writing to ${path}; this run starts when it is done (${maxWaitMs === undefined ? 'Ctrl-C to give up' : `giving up after ${maxWaitMs / 1000} s`})`),
    maxWaitMs,
  }).catch((err: unknown) => {
    throw err instanceof WriterLockTimeoutError ? new CommandFailure(`${command}: ${err.message}`) : err;
  });
  try {
    return { store: openCommandStore(path, { readonly: false }), lock };
  } catch (err) {
    lock.release();
    throw err;
  }
}
