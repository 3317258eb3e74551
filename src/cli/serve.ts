import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { startServer, type RunningServer } from '../server/index.js';
import { openSqliteStore, type Store } from '../store/index.js';
import { parseOptions, UsageError, type Command } from './command.js';

const USAGE = `Usage: storyline serve [--db FILE] [--port N] [--host H] [--token T]

Serves the storylines of a database: web pages (storylines, one storyline with its summary,
timeline, fact matrix, quotes and framing, articles, search), a JSON API described at
/openapi.json, an Atom feed per storyline, and /health. POST /api/articles ingests articles.

Options:
  --db FILE     SQLite database (default ./storyline.db; must exist: run storyline ingest first)
  --port N      TCP port (default 8080; 0 picks a free one)
  --host H      interface to bind (default 127.0.0.1: this machine only)
  --token T     write token: POST /api/articles then needs "Authorization: Bearer T"
                (also read from the environment variable STORYLINE_WRITE_TOKEN)
  --max-body N  largest request body in bytes (default 8388608)
  --help        this text

Stops on Ctrl-C (SIGINT) or SIGTERM.`;

const ROOT = resolve(import.meta.dirname, '..', '..');

/** The package version, for the OpenAPI document. */
export function packageVersion(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

/** A port number from the command line (0..65535). */
export function parsePort(raw: string | undefined, def: number): number {
  if (raw === undefined) return def;
  if (!/^\d{1,5}$/.test(raw) || Number(raw) > 65535) throw new UsageError(`--port must be a number from 0 to 65535, not '${raw}'`);
  return Number(raw);
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
export async function serveUntilStopped(store: Store, options: { host: string; port: number; token: string | null; maxBodyBytes?: number }): Promise<void> {
  let server: RunningServer;
  try {
    server = await startServer({ store, host: options.host, port: options.port, writeToken: options.token, version: packageVersion(), ...(options.maxBodyBytes ? { maxBodyBytes: options.maxBodyBytes } : {}) });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'EADDRINUSE') throw new UsageError(`port ${options.port} on ${options.host} is in use; choose another with --port`);
    throw err;
  }
  console.log(`Serving on ${server.url}  (API: ${server.url}openapi.json; Ctrl-C stops)`);
  if (options.host !== '127.0.0.1' && options.host !== 'localhost' && options.host !== '::1' && !options.token) {
    console.error('storyline serve: warning: listening beyond this machine without a write token: anyone who reaches it can POST articles');
  }
  await untilStopped();
  await server.close();
}

export const serveCommand: Command = {
  name: 'serve',
  usage: USAGE,
  async run(args) {
    const { values, positionals } = parseOptions(args, {
      db: { type: 'string', default: './storyline.db' },
      port: { type: 'string' },
      host: { type: 'string', default: '127.0.0.1' },
      token: { type: 'string' },
      'max-body': { type: 'string' },
    });
    if (positionals.length) throw new UsageError(`unexpected argument '${positionals[0]}'`);
    const port = parsePort(values.port, 8080);
    const maxBody = values['max-body'] === undefined ? undefined : Number(values['max-body']);
    if (maxBody !== undefined && !(Number.isInteger(maxBody) && maxBody > 0)) throw new UsageError(`--max-body must be a positive number of bytes, not '${values['max-body']}'`);
    if (!existsSync(values.db!)) {
      console.error(`storyline serve: no database at ${values.db}; run storyline ingest first`);
      return 1;
    }
    const token = values.token ?? (process.env.STORYLINE_WRITE_TOKEN?.trim() || null);
    const store = openSqliteStore(values.db!);
    try {
      await serveUntilStopped(store, { host: values.host!, port, token, ...(maxBody ? { maxBodyBytes: maxBody } : {}) });
      return 0;
    } finally {
      await store.close();
    }
  },
};
