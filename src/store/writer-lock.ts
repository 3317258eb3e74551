/**
 * One writer per store. Every writer (an `ingest` run, a server taking POSTs) keeps its own
 * clusterer in memory; two at once hand out the same event ids and mix unrelated articles. The
 * writer of a SQLite store holds a lock file beside it (`<db>.writer`, created exclusively, naming
 * the holder's pid, role and host), and builds its clusterer only once it holds it (from the saved
 * snapshot and the articles stored after it). A lock whose process is gone (killed, crashed) is
 * stale and taken over. PostgreSQL stores would use their placer lease instead.
 */
import { closeSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeSync } from 'node:fs';
import { hostname } from 'node:os';

/** Who holds a store's writer lock. */
export interface WriterHolder {
  pid: number;
  /** What the holder is (`storyline ingest`, `storyline serve`). */
  role: string;
  host: string;
  /** ISO datetime the lock was taken. */
  since: string;
}

/** A held writer lock; `release` is idempotent. */
export interface WriterLock {
  readonly path: string;
  release(): void;
}

/** A store another process is writing to. */
export class StoreBusyError extends Error {
  constructor(readonly holder: WriterHolder) {
    super(`store busy: another writer (${describeHolder(holder)}) holds it, retry later`);
    this.name = 'StoreBusyError';
  }
}

/** A writer gave up waiting for the lock: says how long it waited and who held it all along. */
export class WriterLockTimeoutError extends StoreBusyError {
  constructor(
    readonly dbPath: string,
    holder: WriterHolder,
    readonly waitedMs: number,
  ) {
    super(holder);
    this.name = 'WriterLockTimeoutError';
    this.message = `gave up after ${(waitedMs / 1000).toFixed(1)} s waiting to write to ${dbPath}: another writer (${describeHolder(holder)}) still holds it; retry when it is done`;
  }
}

export function describeHolder(h: WriterHolder): string {
  return `pid ${h.pid}, ${h.role}${h.host === hostname() ? '' : ` on ${h.host}`}, since ${h.since}`;
}

/** The lock file of a database file. */
export function writerLockPath(dbPath: string): string {
  return `${dbPath}.writer`;
}

function readHolder(path: string): WriterHolder | null {
  try {
    const h = JSON.parse(readFileSync(path, 'utf8')) as WriterHolder;
    return Number.isInteger(h.pid) && typeof h.role === 'string' ? h : null;
  } catch {
    return null;
  }
}

/** Whether a process of this machine is alive (EPERM: alive, another user's). */
function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A file this old, unreadable, is a lock whose writer died between creating and filling it. */
const HALF_WRITTEN_MS = 10_000;

/** Whether the lock at `path` can be taken over: its holder is dead (on this host) or it was never filled in. */
function isStale(path: string, holder: WriterHolder | null): boolean {
  if (holder) return holder.host === hostname() && holder.pid !== process.pid && !alive(holder.pid);
  try {
    return Date.now() - statSync(path).mtimeMs > HALF_WRITTEN_MS;
  } catch {
    return true;
  }
}

/**
 * Takes the writer lock of `dbPath` now, or returns who holds it. A stale lock is moved aside
 * (rename is atomic: of two processes breaking it, one wins) and taken.
 */
export function tryWriterLock(dbPath: string, role: string): WriterLock | WriterHolder {
  const path = writerLockPath(dbPath);
  const me: WriterHolder = { pid: process.pid, role, host: hostname(), since: new Date().toISOString() };
  for (let attempt = 0; attempt < 3; attempt++) {
    let fd: number;
    try {
      fd = openSync(path, 'wx');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = readHolder(path);
      if (!isStale(path, holder)) return holder ?? { pid: 0, role: 'unknown writer (lock being written)', host: me.host, since: me.since };
      const aside = `${path}.stale-${process.pid}`;
      try {
        renameSync(path, aside);
        const moved = readHolder(aside);
        // Another process broke it first and took it: that fresh lock goes back.
        if (moved && (moved.pid !== holder?.pid || moved.since !== holder?.since)) renameSync(aside, path);
        else unlinkSync(aside);
      } catch {
        // Another process broke it first: try again.
      }
      continue;
    }
    writeSync(fd, JSON.stringify(me));
    closeSync(fd);
    return heldLock(path, me);
  }
  const holder = readHolder(path);
  return holder ?? { pid: 0, role: 'unknown writer', host: me.host, since: me.since };
}

function heldLock(path: string, me: WriterHolder): WriterLock {
  let held = true;
  const release = (): void => {
    if (!held) return;
    held = false;
    process.off('exit', release);
    // Only our own file: a lock taken over as stale (it should not be, we are alive) is not ours to remove.
    if (readHolder(path)?.pid === me.pid) {
      try {
        unlinkSync(path);
      } catch {
        // Already gone.
      }
    }
  };
  // A process that ends without releasing (an exception, process.exit) still frees the store; kill -9 leaves a stale lock.
  process.on('exit', release);
  return { path, release };
}

/**
 * Takes the writer lock of `dbPath`, waiting while another live process holds it. `onWait` is told
 * once who holds it; after `maxWaitMs` (default: no limit) a {@link WriterLockTimeoutError} names the holder.
 */
export async function acquireWriterLock(dbPath: string, role: string, options: { onWait?: (holder: WriterHolder) => void; maxWaitMs?: number; pollMs?: number } = {}): Promise<WriterLock> {
  const started = Date.now();
  let told = false;
  for (;;) {
    const got = tryWriterLock(dbPath, role);
    if ('release' in got) return got;
    const waited = Date.now() - started;
    if (options.maxWaitMs !== undefined && waited >= options.maxWaitMs) throw new WriterLockTimeoutError(dbPath, got, waited);
    if (!told) options.onWait?.(got);
    told = true;
    // Never sleep past the deadline: a timeout of 100 ms is not a wait of 250.
    const left = options.maxWaitMs === undefined ? Infinity : options.maxWaitMs - waited;
    await new Promise((r) => setTimeout(r, Math.max(1, Math.min(options.pollMs ?? 250, left))));
  }
}
