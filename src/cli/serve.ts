import { existsSync } from 'node:fs';
import { workerReportBuilds } from '../pipeline/report-builds.js';
import { startServer, type RunningServer } from '../server/index.js';
import { isPostgresUrl, type Store } from '../store/index.js';
import { CommandFailure, linePrinter, parseOptions, processIo, UsageError, type CliIo, type Command } from './command.js';
import { DB_USAGE, defaultDb, openCommandStore, requestWriteClaims } from './open-store.js';
import { createDatabaseWatcher, WATCH_OPTIONS, watchSettings, type WatchSettings } from './watch.js';
import { packageVersion } from './version.js';

const USAGE = `Usage: storyline serve [--db FILE|URL] [--port N] [--host H] [--token T] [--watch]

Serves the storylines of a database: web pages (storylines, one storyline with its summary,
timeline, fact matrix, quotes and framing, articles, search), a JSON API described at
/openapi.json, an Atom feed per storyline, and /health. POST /api/articles ingests articles.

Options:
  --db FILE|URL ${DB_USAGE}; must exist: run storyline ingest first
  --port N      TCP port (default 8080; 0 picks a free one)
  --host H      interface to bind (default 127.0.0.1: this machine only; 0.0.0.0 or :: for all)
  --token T     write token: POST /api/articles then needs "Authorization: Bearer T"
                (also read from the environment variable STORYLINE_WRITE_TOKEN)
  --max-body N  largest request body in bytes (default 8388608)
  --watch       also poll the followed feeds, as storyline watch does (its options --min, --max,
                --concurrency, --host-gap and --timeout apply); /feeds shows their health
  --help        this text

Prints the address it listens on (for 0.0.0.0 or ::, every interface, with a local URL).
Stops on Ctrl-C (SIGINT) or SIGTERM.
Exit status: 0 when stopped, 1 when it cannot serve (no database, port in use), 2 on wrong usage.`;

/** A port number from the command line (0..65535). */
export function parsePort(raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${raw}'`);
  return Number(raw);
}

/**
 * A bind error as a runtime failure the user can fix (exit 1, no usage text: the arguments were
 * well-formed), or null for an error this does not know.
 */
export function listenFailure(err: unknown, host: string, port: number): CommandFailure | null {
  switch ((err as NodeJS.ErrnoException).code) {
    case 'EADDRINUSE':
      return new CommandFailure(`port ${port} is in use on ${host} (another server?): choose another with --port`);
    case 'EACCES':
      return new CommandFailure(`no permission to listen on port ${port} of ${host} (ports below 1024 need privileges): choose another with --port`);
    case 'EADDRNOTAVAIL':
      return new CommandFailure(`${host} is not an address of this machine: choose another with --host`);
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return new CommandFailure(`cannot resolve the host name ${host}: choose another with --host`);
    default:
      return null;
  }
}

/** Resolves when the process is asked to stop (SIGINT, SIGTERM). */
export function untilStopped(): Promise<string> {
  return new Promise((resolve) => {
    const stop = (signal: string) => {
      process.off('SIGINT', onInt);
      process.off('SIGTERM', onTerm);
      resolve(signal);
    };
    const onInt = () => stop('SIGINT');
    const onTerm = () => stop('SIGTERM');
    process.once('SIGINT', onInt);
    process.once('SIGTERM', onTerm);
  });
}

/** Serves a store until stopped, then closes the server (the store stays the caller's). */
export async function serveUntilStopped(store: Store, options: { db: string; host: string; port: number; token: string | null; maxBodyBytes?: number; watch?: WatchSettings }, io: CliIo = processIo): Promise<void> {
  const log = linePrinter(io.stdout);
  const warn = linePrinter(io.stderr);
  let server: RunningServer;
  // Each POST takes the database's writer lock for its own length: while an ingest run holds it, POSTs get 503.
  // Reports are built in a worker thread reading the database itself: a large one never holds up a request.
  const claims = await requestWriteClaims(options.db, 'storyline serve');
  const service = { claimWrites: claims.claim, reportBuilds: workerReportBuilds(options.db) };
  try {
    server = await startServer({ store, host: options.host, port: options.port, writeToken: options.token, version: packageVersion(), service, ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  } catch (err) {
    await claims.close();
    throw listenFailure(err, options.host, options.port) ?? err;
  }
  // On a wildcard address the URL is only the local way in: say that it listens on every interface.
  const where = server.allInterfaces ? `all interfaces (${options.host}), port ${server.port}; from this machine: ${server.url}` : server.url;
  log(`Serving on ${where}  (API: ${server.url}openapi.json; Ctrl-C stops)`);
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1' && !options.token) {
    warn('storyline serve: warning: listening beyond this machine without a write token: anyone who reaches it can POST articles');
  }
  // The watcher stores under the same writer lock as POSTs: one request or one feed at a time.
  const watcher = options.watch ? createDatabaseWatcher(store, claims.claim, options.watch, (line) => warn(`storyline serve: watch: ${line}`)) : null;
  const stopWatching = new AbortController();
  const watching = watcher?.run(stopWatching.signal);
  await untilStopped();
  stopWatching.abort();
  await watching;
  await server.close();
  await claims.close();
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: defaultDb() },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'max-body': { type: 'string' },
      watch: { type: 'boolean', default: false },
      ...WATCH_OPTIONS,
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const port = parsePort(values.port, 8080);
    const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
    if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody > 0)) throw new UsageError(`--max-body must be a positive number of bytes, not '${values['max-body']}'`);
    if (!isPostgresUrl(values.db!) && !existsSync(values.db!)) throw new CommandFailure(`no database at ${values.db}; run storyline ingest first (or give another with --db)`);
    const token = values.token ?? (process.env.STORYLINE_WRITE_TOKEN?.trim() || null);
    // Opened for writing: POST /api/articles stores articles, and an older schema is migrated.
    const store = await openCommandStore(values.db!, { readonly: false, role: 'storyline serve' });
    try {
      const watch = values.watch ? watchSettings(values) : undefined;
      await serveUntilStopped(store, { db: values.db!, host: values.host!, port, token, ...(maxBody ? { maxBodyBytes: maxBody } : {}), ...(watch ? { watch } : {}) }, io);
      return 0;
    } finally {
      await store.close();
    }
  },
};
