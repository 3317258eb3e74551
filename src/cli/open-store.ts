import { existsSync } from 'node:fs';
import { openSqliteStore, type Store } from '../store/index.js';
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
