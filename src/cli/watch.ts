import { existsSync } from 'node:fs';
import { createWatcher, DEFAULT_SCHEDULE, DEFAULT_WATCH_OPTIONS, formatDuration, parseDuration, type ClaimWrites, type CycleReport, type ScheduleOptions, type Watcher } from '../follow/index.js';
import { createFetcher } from '../ingest/index.js';
import { isPostgresUrl, type Store } from '../store/index.js';
import { CommandFailure, linePrinter, parseOptions, UsageError, type Command } from './command.js';
import { DB_USAGE, dbLabel, defaultDb, openCommandStore, requestWriteClaims } from './open-store.js';

const USAGE = `Usage: storyline watch [--db FILE|URL] [--once] [options]

Polls every followed feed (storyline subscribe) on its own schedule and stores its new articles as
storyline ingest does. Each feed is polled as often as it publishes, from --min to --max, with
conditional GET, jitter and one request at a time per host; a failing feed is retried with growing
waits, and disabled after repeated failures (storyline subscriptions shows why; storyline enable
polls it again). New articles are stored while holding the database's writer lock, so storyline
ingest and storyline serve can run beside it. Stops cleanly on Ctrl-C (SIGINT) or SIGTERM and
resumes each feed's schedule where it was.

Options:
  --db FILE|URL      ${DB_USAGE}; must exist: storyline subscribe creates it
  --once             poll the feeds that are due once, then stop
  --min DURATION     shortest time between polls of one feed (default ${formatDuration(DEFAULT_SCHEDULE.minSeconds)})
  --max DURATION     longest time between polls of a healthy feed (default ${formatDuration(DEFAULT_SCHEDULE.maxSeconds)})
  --concurrency N    feeds fetched at the same time (default ${DEFAULT_WATCH_OPTIONS.concurrency})
  --host-gap MS      pause between two requests to one host, in ms (default ${DEFAULT_WATCH_OPTIONS.hostGapMs})
  --timeout MS       per-fetch timeout in ms, headers and body (default 20000)
  --quiet            print nothing but errors
  --help             this text

Prints one line per feed with new articles or an error (--once: a summary of the cycle at the end).
Exit status: 0 when stopped, 1 when the database cannot be opened, 2 on wrong usage.`;

/** A positive integer option, or the default. */
function positiveInt(name: string, raw: string | undefined, def: number, min = 1): number {
  if (raw === undefined) return def;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < min) throw new UsageError(`--${name} must be a whole number of at least ${min}, not '${raw}'`);
  return n;
}

function durationOption(name: string, raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  const s = parseDuration(raw);
  if (s === null) throw new UsageError(`--${name} must be a duration such as 90s, 15m or 2h, not '${raw}'`);
  return s;
}

/** The watcher's settings from command-line values (`watch`, `serve --watch`). */
export interface WatchSettings {
  schedule: ScheduleOptions;
  concurrency: number;
  hostGapMs: number;
  timeoutMs: number | undefined;
}

export function watchSettings(values: { min?: string; max?: string; concurrency?: string; 'host-gap'?: string; timeout?: string }): WatchSettings {
  const minSeconds = durationOption('min', values.min, DEFAULT_SCHEDULE.minSeconds);
  const maxSeconds = durationOption('max', values.max, Math.max(DEFAULT_SCHEDULE.maxSeconds, minSeconds));
  if (maxSeconds < minSeconds) throw new UsageError(`--max (${formatDuration(maxSeconds)}) is shorter than --min (${formatDuration(minSeconds)})`);
  const timeout = values.timeout === undefined ? undefined : positiveInt('timeout', values.timeout, 0);
  return {
    schedule: { ...DEFAULT_SCHEDULE, minSeconds, maxSeconds, initialSeconds: Math.min(maxSeconds, Math.max(minSeconds, DEFAULT_SCHEDULE.initialSeconds)) },
    concurrency: positiveInt('concurrency', values.concurrency, DEFAULT_WATCH_OPTIONS.concurrency),
    hostGapMs: positiveInt('host-gap', values['host-gap'], DEFAULT_WATCH_OPTIONS.hostGapMs, 0),
    timeoutMs: timeout,
  };
}

/** The options `watch` and `serve --watch` share. */
export const WATCH_OPTIONS = {
  min: { type: 'string' },
  max: { type: 'string' },
  concurrency: { type: 'string' },
  'host-gap': { type: 'string' },
  timeout: { type: 'string' },
} as const;

/** A watcher over a database's store, storing under its writer lock (`claimWrites`, from requestWriteClaims). */
export function createDatabaseWatcher(store: Store, claimWrites: ClaimWrites, settings: WatchSettings, log: (line: string) => void): Watcher {
  return createWatcher(store, {
    fetcher: createFetcher(settings.timeoutMs ? { timeoutMs: settings.timeoutMs } : {}),
    schedule: settings.schedule,
    concurrency: settings.concurrency,
    hostGapMs: settings.hostGapMs,
    claimWrites,
    log,
  });
}

/** An abort signal raised by SIGINT or SIGTERM, and a function removing the handlers. */
export function stopOnSignal(): { stop: AbortSignal; dispose(): void } {
  const controller = new AbortController();
  const onSignal = () => controller.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  return {
    stop: controller.signal,
    dispose() {
      process.off('SIGINT', onSignal);
      process.off('SIGTERM', onSignal);
    },
  };
}

function summary(r: CycleReport): string {
  return `polled ${r.polled}: new articles ${r.stored}, unchanged ${r.unchanged}, failed ${r.failed}${r.disabled.length ? `, disabled ${r.disabled.length}` : ''}`;
}

export const watchCommand: Command = {
  name: 'watch',
  usage: USAGE,
  async run(args, io) {
    const log = linePrinter(io.stdout);
    const warn = linePrinter(io.stderr);
    const { values, positionals } = parseOptions(args, { db: { type: 'string', default: defaultDb() }, once: { type: 'boolean', default: false }, quiet: { type: 'boolean', default: false }, ...WATCH_OPTIONS });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}' (storyline subscribe URL follows a feed)`);
    const settings = watchSettings(values);
    if (!isPostgresUrl(values.db!) && !existsSync(values.db!)) throw new CommandFailure(`no database at ${values.db}; storyline subscribe URL creates it with a first feed`);
    const store = await openCommandStore(values.db!, { readonly: false, role: 'storyline watch' });
    let claims: Awaited<ReturnType<typeof requestWriteClaims>>;
    try {
      // The writer lock of the database's kind: a lock file beside an SQLite file, an advisory lock on PostgreSQL.
      claims = await requestWriteClaims(values.db!, 'storyline watch');
    } catch (err) {
      await store.close();
      throw new CommandFailure((err as Error).message);
    }
    const say = (line: string) => {
      if (!values.quiet) warn(`storyline watch: ${line}`);
    };
    const { stop, dispose } = stopOnSignal();
    try {
      if (!(await store.listSubscriptions()).length) say('no feeds followed yet (storyline subscribe URL adds one)');
      const watcher = createDatabaseWatcher(store, claims.claim, settings, say);
      if (values.once) {
        const report = await watcher.cycle(stop);
        await watcher.finish();
        log(summary(report));
      } else {
        say(`watching the feeds of ${dbLabel(values.db!)} (Ctrl-C stops)`);
        await watcher.run(stop);
        say('stopped');
      }
      return 0;
    } finally {
      dispose();
      await claims.close();
      await store.close();
    }
  },
};
