/**
 * Crash safety: a child process ingesting a JSON lines file is killed with SIGKILL mid-run; running
 * the same ingest again must lose nothing and duplicate nothing, and end where an uninterrupted run
 * ends.
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';

const ROOT = resolve(import.meta.dirname, '..', '..');
const MAIN = join(ROOT, 'src', 'cli', 'main.ts');
const dir = mkdtempSync(join(tmpdir(), 'storyline-crash-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TOTAL = 300;

/** Invented articles from a seeded generator: distinct texts, and every 10th an exact copy of an earlier one. */
function corpus(): string {
  let s = 12345;
  const rand = () => ((s = (Math.imul(s, 1103515245) + 12345) >>> 0) / 2 ** 32);
  const words = 'harbour council ferry tram storm mine river bridge school hospital budget vote strike port rail road market festival museum library court police fire flood drought farm factory union mayor minister border treaty summit'.split(' ');
  const verbs = 'approved delayed opened closed repaired rejected funded inspected announced extended'.split(' ');
  const lines: string[] = [];
  const texts: string[] = [];
  for (let i = 0; i < TOTAL; i++) {
    let text: string;
    if (i % 10 === 9) text = texts[Math.floor(rand() * texts.length)]!;
    else {
      const sentences = [];
      for (let k = 0; k < 8; k++) {
        const w = () => words[Math.floor(rand() * words.length)]!;
        sentences.push(`The ${w()} board of district ${Math.floor(rand() * 900)} ${verbs[Math.floor(rand() * verbs.length)]} the ${w()} plan for the ${w()} on day ${Math.floor(rand() * 28) + 1}.`);
      }
      text = sentences.join(' ');
    }
    texts.push(text);
    lines.push(JSON.stringify({ id: `doc-${i}`, title: `Report ${i}`, text, published: `2025-0${1 + (i % 9)}-1${i % 10}`, outlet: `Outlet ${i % 7}` }));
  }
  return `${lines.join('\n')}\n`;
}

function ingestArgs(db: string, input: string): string[] {
  const script = `import(${JSON.stringify(MAIN)}).then((m) => m.main(['ingest', '--quiet', '--db', ${JSON.stringify(db)}, ${JSON.stringify(input)}])).then((c) => { process.exitCode = c; });`;
  return ['--import', 'tsx', '--input-type=module', '-e', script];
}

function count(db: string): number {
  if (!existsSync(db)) return 0;
  try {
    const conn = new Database(db, { readonly: true, fileMustExist: true });
    try {
      return conn.prepare('SELECT COUNT(*) FROM articles').pluck().get() as number;
    } finally {
      conn.close();
    }
  } catch {
    // The schema may not exist yet while the child is still migrating.
    return 0;
  }
}

function exported(db: string): Map<string, { dup: string | null; kind: string | null; hasEvent: boolean }> {
  const conn = new Database(db, { readonly: true });
  const rows = conn.prepare('SELECT a.id, a.duplicate_of, a.duplicate_kind, e.id AS event FROM articles a LEFT JOIN events e ON e.id = a.event_id').all() as { id: string; duplicate_of: string | null; duplicate_kind: string | null; event: string | null }[];
  conn.close();
  return new Map(rows.map((r) => [r.id, { dup: r.duplicate_of, kind: r.duplicate_kind, hasEvent: r.event !== null }]));
}

describe('ingest after SIGKILL', () => {
  it('loses nothing and duplicates nothing when killed mid-ingest and run again', { timeout: 120_000 }, async () => {
    const input = join(dir, 'articles.jsonl');
    writeFileSync(input, corpus());
    const db = join(dir, 'crash.db');
    const child = spawn(process.execPath, ingestArgs(db, input), { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
    let atKill = 0;
    for (;;) {
      await new Promise((r) => setTimeout(r, 15));
      atKill = count(db);
      if (atKill >= 30 || child.exitCode !== null) break;
    }
    child.kill('SIGKILL');
    await exited;
    assert.ok(atKill > 0 && atKill < TOTAL, `the kill must land mid-ingest (stored ${atKill} of ${TOTAL}); ${stderr}`);
    const afterKill = count(db);
    assert.ok(afterKill < TOTAL);

    const rerun = spawnSync(process.execPath, ingestArgs(db, input), { cwd: ROOT, encoding: 'utf8' });
    assert.equal(rerun.status, 0, rerun.stderr);
    const summary = /added (\d+), duplicates (\d+), errors (\d+), already stored (\d+)/.exec(rerun.stdout);
    assert.ok(summary, rerun.stdout);
    assert.equal(Number(summary[4]), afterKill, 'everything stored before the kill is recognised');
    assert.equal(Number(summary[1]) + Number(summary[2]), TOTAL - afterKill);
    assert.equal(count(db), TOTAL);

    const clean = join(dir, 'clean.db');
    const straight = spawnSync(process.execPath, ingestArgs(clean, input), { cwd: ROOT, encoding: 'utf8' });
    assert.equal(straight.status, 0, straight.stderr);
    const a = exported(db);
    const b = exported(clean);
    assert.equal(a.size, TOTAL);
    assert.deepEqual([...a.keys()].sort(), [...b.keys()].sort());
    for (const [id, row] of a) {
      assert.ok(row.hasEvent, `${id} has an event`);
      assert.deepEqual([row.dup, row.kind], [b.get(id)!.dup, b.get(id)!.kind], `duplicate link of ${id}`);
    }
    const conn = new Database(db, { readonly: true });
    const snap = conn.prepare('SELECT seq FROM clusterer_state').pluck().get() as number;
    const maxSeq = conn.prepare('SELECT MAX(seq) FROM articles').pluck().get() as number;
    conn.close();
    assert.equal(snap, maxSeq, 'the clusterer snapshot covers every stored article');
  });
});
