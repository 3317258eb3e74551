import { existsSync } from 'node:fs';
import { copySqliteToPostgres, isPostgresUrl, redactUrl, tryWriterLock } from '../store/index.js';
import { CommandFailure, linePrinter, parseOptions, UsageError, type Command } from './command.js';

const USAGE = `Usage: storyline migrate --from FILE.db --to postgres://…

Copies an SQLite database into an empty PostgreSQL database, losslessly: every article with its
arrival number, duplicate links and dates, events, storylines, merges, the clusterer's snapshot, the
error log, feed state and the clustering profile. The copy is one transaction: all of it or nothing.
The PostgreSQL database must exist (createdb); its tables are created. The SQLite file is only read.

Options:
  --from FILE   the SQLite database
  --to URL      the PostgreSQL database (postgres://user@host/name)
  --help        this text`;

export const migrateCommand: Command = {
  name: 'migrate',
  usage: USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { from: { type: 'string' }, to: { type: 'string' } });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    if (!values.from || !values.to) throw new UsageError('give both --from FILE.db and --to postgres://…');
    if (!isPostgresUrl(values.to)) throw new UsageError(`--to must be a postgres:// URL, not '${values.to}'`);
    if (isPostgresUrl(values.from) || !existsSync(values.from)) throw new CommandFailure(`no SQLite database at ${values.from}`);
    // An ingest writing meanwhile would leave the copy behind the file: the copy holds the file's writer lock.
    const lock = tryWriterLock(values.from, 'storyline migrate');
    if (!('release' in lock)) throw new CommandFailure(`another writer (pid ${lock.pid}, ${lock.role}) is writing to ${values.from}; migrate when it is done`);
    try {
      const counts = await copySqliteToPostgres(values.from, values.to, (table, rows) => warn(`storyline migrate: ${table}: ${rows.toLocaleString('en')} rows`));
      log(`Copied ${values.from} into ${redactUrl(values.to)}: ${counts.articles ?? 0} articles, ${counts.events ?? 0} events, ${counts.storylines ?? 0} storylines`);
      return 0;
    } catch (err) {
      throw new CommandFailure(`storyline migrate: ${(err as Error).message}`);
    } finally {
      lock.release();
    }
  },
};
