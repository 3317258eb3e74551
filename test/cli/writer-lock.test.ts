/**
 * One writer per store, with real processes: a second `ingest` waits for the first (and names it), a
 * stale lock left by a killed process is taken over, two concurrent runs group exactly as the same
 * runs one after the other, and `serve` answers POSTs with 503 while another process writes.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { writerLockPath } from '../../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const LOCK = join(ROOT, 'src', 'store', 'writer-lock.ts');
const dir = mkdtempSync(join(tmpdir(), 'storyline-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Node arguments running the CLI from source with `args`. */
function cliArgs(args: string[]): string[] {
  const script = `import(${JSON.stringify(MAIN)}).then((m) => m.main(${JSON.stringify(args)})).then((c) => { process.exitCode = c; });`;
  return ['--import', 'tsx', '--input-type=module', '-e', script];
}

interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** The CLI in its own process; `waiting` resolves once it says it waits for another writer. */
function run(args: string[]): { child: ChildProcess; done: Promise<Finished>; waiting: Promise<void> } {
  const started = Date.now();
  const child = spawn(process.execPath, cliArgs(args), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  let sawWaiting!: () => void;
  const waiting = new Promise<void>((r) => (sawWaiting = r));
  child.stdout!.on('data', (d) => (stdout += d));
  child.stderr!.on('data', (d) => {
    stderr += d;
    if (/waiting/.test(stderr)) sawWaiting();
  });
  const done = new Promise<Finished>((r) => child.on('exit', (code) => r({ code, stdout, stderr, ms: Date.now() - started })));
  return { child, done, waiting };
}

/**
 * A process holding the writer lock of `db` until `release()` (its stdin closes: also when this test
 * process dies); resolves with it once the lock is held. The tests release it on what they wait for
 * (another process saying it waits), not after a fixed sleep.
 */
async function holder(db: string): Promise<{ pid: number; release(): void; done: Promise<unknown> }> {
  const script = `import(${JSON.stringify(LOCK)}).then((m) => { const l = m.tryWriterLock(${JSON.stringify(db)}, 'test holder'); if (!('release' in l)) process.exit(3); console.log('held'); process.stdin.on('end', () => l.release()).resume(); });`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
  await new Promise<void>((r, reject) => {
    child.stdout!.once('data', () => r());
    child.once('exit', (code) => reject(new Error(`holder exited with ${code}`)));
  });
  return { pid: child.pid!, release: () => child.stdin!.end(), done: new Promise((r) => child.on('exit', r)) };
}

/** Invented articles on a few themes, seeded, so that events form. */
function corpus(prefix: string, n: number, seed: number): string {
  let s = seed;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const themes = ['harbour ferry timetable night crossings fares', 'tram line extension depot council vote', 'river flood defences barrier repair budget', 'hospital wing opening nurses beds waiting list', 'mine strike union pay talks shifts'];
  const lines: string[] = [];
  for (let i = 0; i < n; i++) {
    const theme = themes[Math.floor(rand() * themes.length)]!.split(' ');
    const w = () => theme[Math.floor(rand() * theme.length)]!;
    const text = Array.from({ length: 6 }, () => `Officials said the ${w()} and ${w()} plan for the ${w()} was discussed again on day ${Math.floor(rand() * 28) + 1}.`).join(' ');
    lines.push(JSON.stringify({ id: `${prefix}-${i}`, title: `${theme[0]} ${theme[1]} report ${i}`, text, published: `2025-03-${String(1 + (i % 28)).padStart(2, '0')}` }));
  }
  return `${lines.join('\n')}\n`;
}

/** Events as sets of article ids (ids of events aside): what grouping a store holds. */
function grouping(db: string): string[] {
  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare('SELECT id, event_id FROM articles WHERE event_id IS NOT NULL').all() as { id: string; event_id: string }[];
  conn.close();
  const byEvent = new Map<string, string[]>();
  for (const r of rows) byEvent.set(r.event_id, [...(byEvent.get(r.event_id) ?? []), r.id]);
  return [...byEvent.values()].map((ids) => ids.sort().join(' ')).sort();
}

describe('one writer per store', () => {
  it('a second ingest waits for the process that holds the store, naming it, then runs', { timeout: 60_000 }, async () => {
    const db = join(dir, 'wait.db');
    const input = join(dir, 'wait.jsonl');
    writeFileSync(input, corpus('w', 5, 7));
    const held = await holder(db);
    const waiter = run(['ingest', '--quiet', '--db', db, input]);
    await waiter.waiting;
    held.release();
    const ingest = await waiter.done;
    await held.done;
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.match(ingest.stderr, new RegExp(`waiting: another writer \\(pid ${held.pid}, test holder, since [^)]+\\) is writing to`));
    const summary = /added (\d+), duplicates (\d+), errors 0/.exec(ingest.stdout);
    assert.equal(Number(summary?.[1]) + Number(summary?.[2]), 5, ingest.stdout);
    assert.equal(existsSync(writerLockPath(db)), false, 'the lock is released on exit');
  });

  it('ingest --wait-timeout gives up after that many seconds, naming the writer, and stores nothing', { timeout: 60_000 }, async () => {
    const db = join(dir, 'timeout.db');
    const input = join(dir, 'timeout.jsonl');
    writeFileSync(input, corpus('t', 2, 5));
    const held = await holder(db);
    try {
      const ingest = await run(['ingest', '--quiet', '--wait-timeout', '1', '--db', db, input]).done;
      assert.equal(ingest.code, 1, ingest.stderr);
      assert.match(ingest.stderr, new RegExp(`gave up after 1\\.\\d s waiting to write to .*timeout\\.db: another writer \\(pid ${held.pid}, test holder, since `));
      assert.equal(existsSync(db), false, 'nothing was written');
    } finally {
      // Released only now: the ingest gave up while the holder still held the store.
      held.release();
      await held.done;
    }
  });

  it('a lock left by a killed process is stale and taken over at once', { timeout: 60_000 }, async () => {
    const db = join(dir, 'stale.db');
    const input = join(dir, 'stale.jsonl');
    writeFileSync(input, corpus('s', 3, 9));
    const dead = spawnSync(process.execPath, ['-e', 'console.log(process.pid)'], { encoding: 'utf8' });
    writeFileSync(writerLockPath(db), JSON.stringify({ pid: Number(dead.stdout.trim()), role: 'storyline ingest', host: hostname(), since: '2026-01-01T00:00:00.000Z' }));
    const ingest = await run(['ingest', '--quiet', '--db', db, input]).done;
    assert.equal(ingest.code, 0, ingest.stderr);
    assert.doesNotMatch(ingest.stderr, /waiting/);
  });

  it('two concurrent ingests on one store group exactly as the same runs one after the other', { timeout: 180_000 }, async () => {
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    writeFileSync(a, corpus('a', 60, 11));
    writeFileSync(b, corpus('b', 60, 13));
    const db = join(dir, 'both.db');
    // Both start while a third process holds the store, so they surely overlap; the first to get it goes first.
    const held = await holder(db);
    const runA = run(['ingest', '--quiet', '--db', db, a]);
    const runB = run(['ingest', '--quiet', '--db', db, b]);
    await Promise.all([runA.waiting, runB.waiting]);
    held.release();
    const [ra, rb] = await Promise.all([runA.done, runB.done]);
    await held.done;
    assert.equal(ra.code, 0, ra.stderr);
    assert.equal(rb.code, 0, rb.stderr);
    assert.match(ra.stderr + rb.stderr, /waiting/);
    const conn = new Database(db, { readonly: true });
    const firstId = conn.prepare('SELECT id FROM articles ORDER BY seq LIMIT 1').pluck().get() as string;
    conn.close();
    const [first, second] = firstId.startsWith('a-') ? [a, b] : [b, a];
    const sequential = join(dir, 'sequential.db');
    for (const input of [first, second]) assert.equal((await run(['ingest', '--quiet', '--db', sequential, input]).done).code, 0);
    assert.deepEqual(grouping(db), grouping(sequential));
  });

  it('serve answers a POST with 503 naming the process that writes, and stores it once that one is done', { timeout: 60_000 }, async () => {
    const db = join(dir, 'serve.db');
    const input = join(dir, 'serve.jsonl');
    writeFileSync(input, corpus('v', 3, 5));
    assert.equal((await run(['ingest', '--quiet', '--db', db, input]).done).code, 0);
    const server = run(['serve', '--db', db, '--port', '0']);
    try {
      const url = await new Promise<string>((r) => {
        const onData = (d: Buffer) => {
          const m = /Serving on (http:\/\/\S+\/)/.exec(String(d));
          if (m) r(m[1]!);
        };
        server.child.stdout!.on('data', onData);
      });
      const post = () => fetch(`${url}api/articles`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: corpus('p', 1, 21) });
      const held = await holder(db);
      const busy = await post();
      held.release();
      assert.equal(busy.status, 503);
      const body = (await busy.json()) as { error: { code: string; message: string } };
      assert.equal(body.error.code, 'store-busy');
      assert.match(body.error.message, new RegExp(`another writer \\(pid ${held.pid}, test holder`));
      await held.done;
      const stored = await post();
      assert.equal(stored.status, 201, await stored.text());
      assert.equal(existsSync(writerLockPath(db)), false, 'the server holds the lock only during a write');
    } finally {
      server.child.kill('SIGTERM');
      await server.done;
    }
  });
});
