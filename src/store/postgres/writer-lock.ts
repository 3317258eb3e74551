/**
 * The writer lock of a PostgreSQL store: a session advisory lock on a connection of its own, the counterpart of the
 * SQLite store's lock file (one writer places articles with its clusterer at a time). The server frees it when the
 * holder's connection ends, so a killed writer leaves no stale lock. Who holds it is read from the holder's
 * connection (`application_name`, client address, start time) in `pg_stat_activity`.
 */
import { hostname } from 'node:os';
import type { WriterHolder, WriterLock } from '../writer-lock.js';
import { connectSession } from './session.js';
import { redactUrl } from './url.js';

/** Advisory-lock key of the writer ('stor' 'writ'); the migration lock uses another. */
const WRITER_LOCK_KEY = [0x73746f72, 0x77726974] as const;

/** A connection that takes and gives back a store's writer lock. */
export interface PostgresWriterLocks {
  /** Takes the lock now, or says who holds it. */
  tryLock(): Promise<WriterLock | WriterHolder>;
  /** Ends the connection (and with it any lock still held). */
  close(): Promise<void>;
}

/** `application_name` of a lock connection: who the holder is, for the one who waits (at most 63 bytes are kept). */
function nameOf(role: string): string {
  return `${role} pid ${process.pid} ${hostname()}`.slice(0, 63);
}

function holderFrom(row: { name: string; addr: string | null; since: Date }): WriterHolder {
  const m = /^(.*) pid (\d+) (.*)$/.exec(row.name);
  return { role: m?.[1] ?? row.name, pid: Number(m?.[2] ?? 0), host: m?.[3] || row.addr || 'unknown host', since: row.since.toISOString() };
}

/**
 * Opens a lock connection to the store at `url` for a writer of `role` (`storyline ingest`).
 * @example
 *   const locks = await openPostgresWriterLocks(url, 'storyline serve');
 *   const got = await locks.tryLock();
 *   if ('release' in got) { …write…; got.release(); }
 */
export async function openPostgresWriterLocks(url: string, role: string): Promise<PostgresWriterLocks> {
  const session = await connectSession(url, nameOf(role));
  let held = false;
  return {
    tryLock: () =>
      session.exclusive(async (q) => {
        // The lock is reentrant within a session: a second claim while held would need two releases.
        if (held) return { pid: process.pid, role, host: hostname(), since: new Date().toISOString() };
        const [got] = await q<{ ok: boolean }>('SELECT pg_try_advisory_lock($1, $2) AS ok', [...WRITER_LOCK_KEY]);
        if (!got?.ok) {
          const [row] = await q<{ name: string; addr: string | null; since: Date }>(
            `SELECT a.application_name AS name, host(a.client_addr) AS addr, COALESCE(a.state_change, a.backend_start) AS since FROM pg_locks l
              JOIN pg_stat_activity a ON a.pid = l.pid WHERE l.locktype = 'advisory' AND l.classid = $1 AND l.objid = $2 AND l.granted LIMIT 1`,
            [...WRITER_LOCK_KEY],
          );
          return row ? holderFrom(row) : { pid: 0, role: 'another writer', host: 'unknown host', since: new Date().toISOString() };
        }
        held = true;
        return {
          path: redactUrl(url),
          release() {
            if (!held) return;
            held = false;
            // Queued on the lock's connection: the next tryLock runs after it.
            void session.exclusive((q2) => q2('SELECT pg_advisory_unlock($1, $2)', [...WRITER_LOCK_KEY])).catch(() => undefined);
          },
        };
      }),
    close: () => session.close(),
  };
}
