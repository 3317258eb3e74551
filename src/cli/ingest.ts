import { existsSync, rmSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import {
  chooseProfile,
  createFetcher,
  createIngester,
  DEFAULT_SOURCE_LIMITS,
  isClusterProfile,
  PROFILE_SAMPLE_SIZE,
  ProfileMismatchError,
  readInputs,
  rootRelativeItem,
  unreadDateField,
  unreadDateFieldWarning,
  unreadDateWarning,
  type DocItem,
  type InputItem,
  type ProfileChoice,
  type SourceContext,
} from '../ingest/index.js';
import { predateInputs } from '../pipeline/predate.js';
import { refineStoredDates } from '../pipeline/refine-dates.js';
import { linePrinter, parseOptions, UsageError, type CliOutput, type Command } from './command.js';
import { createErrorLinePrinter, REPEATS_SHOWN } from './error-lines.js';
import { isPostgresUrl } from '../store/index.js';
import { dbLabel, DB_USAGE, defaultDb, openStoreForWriting } from './open-store.js';

const USAGE = `Usage: storyline ingest [--db FILE|URL] [--profile auto|news|headlines] PATH|URL...

Stores articles, finds duplicates and groups them into events and storylines, as they arrive.
Inputs: article files and folders (.txt, .html, .htm, each possibly .gz; folders recursively), JSON
lines (.jsonl/.ndjson: id, url, title, text or html, published (or pub_date, date, …), outlet; other
fields are kept), RSS, Atom and JSON Feed files or URLs, OPML lists of feeds, and article URLs. Ingesting the same input
again adds nothing; a feed polled again is fetched conditionally (ETag / Last-Modified).

Options:
  --db FILE|URL    ${DB_USAGE}; created when missing
  --timeout MS     per-fetch timeout in milliseconds (default 20000)
  --wait-timeout S longest wait, in seconds, while another process writes to the database
                   (default: wait until it is done); then fail (1), naming that process
  --profile P      how articles are grouped: news (full articles with titles), headlines (bare
                   short texts without titles, one per line), or auto (default): the database's
                   profile, or on a new database the one its first ${PROFILE_SAMPLE_SIZE} articles suggest.
                   The choice is saved in the database: another profile needs another database
  --no-fetch-links keep the summaries of remote feeds instead of fetching their linked pages
                   (items of local feed files are always taken as they are)
  --quiet          no progress bar and no per-item error lines
  --help           this text

Files are stored under their path from the database's folder, so running the command again from
another folder finds them stored. Prints one line per input that could not be read (with its position;
after ${REPEATS_SHOWN} lines of the same error in one file, one line counts the rest; all are kept in the
database) and closes with "added N, duplicates N, errors N, already stored N, profile P".
Exit status: 0 unless every input failed or the database cannot be opened (1), 2 on wrong usage.`;

/** A one-line progress display, redrawn at most every 100 ms; only on a terminal. */
function createProgress(enabled: boolean, stderr: CliOutput) {
  const started = Date.now();
  let last = 0;
  return {
    update(c: { added: number; duplicates: number; skipped: number; errors: number }, force = false) {
      if (!enabled) return;
      const now = Date.now();
      if (!force && now - last < 100) return;
      last = now;
      const done = c.added + c.duplicates + c.skipped + c.errors;
      const rate = done / Math.max((now - started) / 1000, 0.001);
      const spin = '|/-\\'[Math.floor(now / 150) % 4];
      stderr.write(`\r${spin} ${done} items · added ${c.added} · duplicates ${c.duplicates} · stored before ${c.skipped} · errors ${c.errors} · ${rate.toFixed(0)}/s \x1b[K`);
    },
    clear() {
      if (enabled) stderr.write('\r\x1b[K');
    },
  };
}

export const ingestCommand: Command = {
  name: 'ingest',
  usage: USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: defaultDb() },
      timeout: { type: 'string' },
      'wait-timeout': { type: 'string' },
      'no-fetch-links': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      profile: { type: 'string', default: 'auto' },
    });
    if (positionals.length === 0) throw new UsageError('no PATH or URL given');
    const choice = values.profile!;
    if (choice !== 'auto' && !isClusterProfile(choice)) throw new UsageError(`--profile must be auto, news or headlines, not '${choice}'`);
    const timeoutMs = values.timeout === undefined ? undefined : Number(values.timeout);
    if (timeoutMs !== undefined && !(timeoutMs > 0)) throw new UsageError(`--timeout must be a positive number of milliseconds, not '${values.timeout}'`);
    const waitS = values['wait-timeout'] === undefined ? undefined : Number(values['wait-timeout']);
    if (waitS !== undefined && !(waitS >= 0)) throw new UsageError(`--wait-timeout must be a number of seconds (0 or more), not '${values['wait-timeout']}'`);
    // A database this run creates and stores nothing in is removed again: a mistyped path leaves no empty file behind.
    const created = !isPostgresUrl(values.db!) && !existsSync(values.db!);
    // The clusterer is built from what the last writer left, once this run holds the store.
    const { store, lock } = await openStoreForWriting(values.db!, 'storyline ingest', warn, waitS === undefined ? undefined : waitS * 1000);
    try {
      const ctx: SourceContext = {
        ...DEFAULT_SOURCE_LIMITS,
        fetcher: createFetcher(timeoutMs ? { timeoutMs } : {}),
        getFeedState: (url) => store.getFeedState(url),
        saveFeedState: (s) => store.saveFeedState(s),
        fetchLinks: !values['no-fetch-links'],
      };
      // Files are named by their path from the database's folder, the same from any working folder (a server's
      // database has no folder here: from the working folder).
      const root = isPostgresUrl(values.db!) ? process.cwd() : dirname(resolve(values.db!));
      async function* named(): AsyncGenerator<InputItem> {
        for await (const found of readInputs(positionals, ctx)) yield rootRelativeItem(found, root);
      }
      let chosen: Awaited<ReturnType<typeof chooseProfile>>;
      try {
        chosen = await chooseProfile(store, choice as ProfileChoice, named());
      } catch (err) {
        if (!(err instanceof ProfileMismatchError)) throw err;
        warn(`storyline ingest: ${err.message}`);
        return 2;
      }
      const ingester = await createIngester(store, { profile: chosen.profile });
      if (chosen.sampled && !values.quiet) warn(`storyline ingest: clustering profile '${chosen.profile}', chosen from the first ${chosen.sampled} articles (kept in ${dbLabel(values.db!)})`);
      if (ingester.replayed > 0 && !values.quiet) warn(`storyline ingest: replayed ${ingester.replayed} articles stored after the last clusterer snapshot`);
      const progress = createProgress(!values.quiet && io.stderr.isTTY === true, io.stderr);
      /** Files already told that a date-like field of theirs is not read: once per file, not per line. */
      const toldDateField = new Set<string>();
      const dateWarning = async (item: DocItem): Promise<string | null> => {
        const unread = unreadDateWarning(item.extra);
        if (unread || !item.extra || toldDateField.has(item.source)) return unread;
        const raw = await item.load();
        const field = 'error' in raw ? null : unreadDateField(raw, item.extra);
        if (!field) return null;
        toldDateField.add(item.source);
        return unreadDateFieldWarning(field);
      };
      let warnings = 0;
      const errorLines = createErrorLinePrinter((line) => {
        progress.clear();
        warn(`storyline ingest: ${line}`);
      });
      // Articles dated only by their text are dated against the batch they arrive with before they are grouped.
      const known = async (item: DocItem) => (await store.getArticle(item.id)) !== null;
      for await (const item of predateInputs(chosen.items, known)) {
        const outcome = await ingester.ingest(item);
        const e = outcome === 'error' ? ingester.lastError : null;
        if (e && !values.quiet) errorLines.report(e);
        const kept = ingester.lastKeptOut;
        if (kept && !values.quiet) {
          progress.clear();
          warn(`storyline ingest: ${kept.source}${kept.position ? ` (${kept.position})` : ''}: ${kept.message}`);
        }
        // A date the reader could not read is stored as none: say so, as the API does.
        const warning = item.type === 'doc' && (outcome === 'added' || outcome === 'duplicate') ? await dateWarning(item) : null;
        if (item.type === 'doc' && warning) {
          warnings++;
          if (!values.quiet) {
            progress.clear();
            warn(`storyline ingest: ${item.source}${item.position ? ` (${item.position})` : ''}: warning: ${warning}`);
          }
        }
        progress.update(ingester.counts);
      }
      await ingester.finish();
      // The storylines re-date their loosely dated articles, so `stories` shows what reports show.
      const redated = await refineStoredDates(store, ingester.looselyDated);
      if (!values.quiet) errorLines.flush();
      progress.clear();
      if (redated && !values.quiet) warn(`storyline ingest: ${redated} loosely dated ${redated === 1 ? 'article re-dated from its storyline' : 'articles re-dated from their storylines'}`);
      const c = ingester.counts;
      const unchanged = `${c.unchanged ? `, feeds unchanged ${c.unchanged}` : ''}${c.keptOut ? `, kept out of events ${c.keptOut} (not articles)` : ''}`;
      log(`added ${c.added}, duplicates ${c.duplicates}, errors ${c.errors}, already stored ${c.skipped}${unchanged}${warnings ? `, warnings ${warnings}` : ''}, profile ${ingester.profile}`);
      return c.errors > 0 && c.added + c.duplicates + c.skipped + c.unchanged === 0 ? 1 : 0;
    } finally {
      // Asked of the store, not the counts: a run that stored articles and then failed keeps them.
      const empty = created && (await store.lastSeq().catch(() => 1)) === 0;
      await store.close();
      lock.release();
      if (empty) for (const suffix of ['', '-wal', '-shm', '-journal']) rmSync(values.db! + suffix, { force: true });
    }
  },
};
