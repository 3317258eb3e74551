/** The writer lock's wait timeout: a writer gives up after the time it was given, naming who holds the store. */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { acquireWriterLock, StoreBusyError, tryWriterLock, WriterLockTimeoutError } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-lock-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('a writer that waits past its timeout fails with the holder pid and role, and soon after the deadline', async () => {
  const db = join(dir, 'busy.db');
  const held = tryWriterLock(db, 'storyline serve');
  assert.ok('release' in held, 'the first writer takes the lock');
  try {
    let told = 0;
    const started = Date.now();
    await assert.rejects(acquireWriterLock(db, 'storyline ingest', { maxWaitMs: 120, pollMs: 50, onWait: () => told++ }), (err: unknown) => {
      assert.ok(err instanceof WriterLockTimeoutError && err instanceof StoreBusyError);
      assert.equal(err.holder.pid, process.pid);
      assert.match(err.message, new RegExp(`gave up after 0\\.\\d s waiting to write to .*busy\\.db: another writer \\(pid ${process.pid}, storyline serve, since `));
      return true;
    });
    const waited = Date.now() - started;
    assert.ok(waited >= 120 && waited < 1000, `waited ${waited} ms for a 120 ms timeout`);
    assert.equal(told, 1, 'the wait is announced once');
  } finally {
    held.release();
  }
  // Once released, the same call takes the lock at once.
  const lock = await acquireWriterLock(db, 'storyline ingest', { maxWaitMs: 0 });
  lock.release();
});
