import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore, SCHEMA_VERSION } from '../../src/store/index.js';
import { MIGRATIONS } from '../../src/store/sqlite/schema.js';
import { runStoreSuite, storedArticle } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

/** A database as an older Storyline left it: the migrations up to `version`, applied by hand. */
function databaseAtVersion(path: string, version: number): Database.Database {
  const old = new Database(path);
  for (const m of MIGRATIONS.filter((x) => x.version <= version)) {
    old.exec(m.sql);
    m.up?.(old);
  }
  old.pragma(`user_version = ${version}`);
  return old;
}

runStoreSuite('sqlite', async () => openSqliteStore(join(dir, `suite-${++n}.db`)));
// A commit per write takes other paths (no open batch for savepoints and units to join).
runStoreSuite('sqlite, a commit per write', async () => openSqliteStore(join(dir, `suite-${++n}.db`), { commitEvery: 1 }));

describe('sqlite store', () => {
  it('uses WAL, records the schema version, and reopens a database without migrating it again', async () => {
    const path = join(dir, 'reopen.db');
    const store = openSqliteStore(path);
    await store.saveArticle({ article: storedArticle({ id: 'a1' }), bandKeys: [], event: null, merges: [] });
    await store.close();
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
    const again = openSqliteStore(path, { readonly: true });
    assert.equal((await again.getArticle('a1'))?.id, 'a1');
    await again.close();
  });

  it('groups writes into one commit: other connections see them after flush, this one at once, search included', async () => {
    const path = join(dir, 'batch.db');
    const store = openSqliteStore(path, { commitEvery: 1000, commitWithinMs: 60_000 });
    const save = (id: string, text: string) => store.saveArticle({ article: storedArticle({ id, title: `Harbour report ${id}`, text }), bandKeys: [11, 12], event: null, merges: [] });
    await save('b1', 'The night ferry to Port Almera was cancelled after the storm.');
    await save('b2', 'Harbour officials reopened the pier on Tuesday morning.');
    const other = new Database(path, { readonly: true });
    const count = () => other.prepare('SELECT COUNT(*) FROM articles').pluck().get();
    assert.equal(count(), 0, 'uncommitted writes are invisible to another connection');
    assert.equal((await store.getArticle('b2'))?.id, 'b2');
    assert.deepEqual((await store.search({ words: ['ferry'], phrases: [] })).map((h) => h.id), ['b1'], 'search reads the batch too');
    // A write that fails (same id again) undoes only itself, not the batch before it.
    await assert.rejects(save('b1', 'Another text under a stored id.'));
    await save('b3', 'Ferries to the islands run again from Friday.');
    await store.flush();
    assert.equal(count(), 3);
    assert.equal(other.prepare("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'ferries OR ferry OR pier'").pluck().get(), 3, 'every committed article has its search row');
    other.close();
    await store.close();
  });

  it('runs a unit of work inside the open batch: undone alone, kept with the batch, committed even if the timer fired during it', async () => {
    const path = join(dir, 'batch-unit.db');
    const store = openSqliteStore(path, { commitEvery: 1000, commitWithinMs: 30 });
    const save = (id: string, text: string) => ({ article: storedArticle({ id, title: `Harbour report ${id}`, text }), bandKeys: [], event: null, merges: [] });
    await store.saveArticle(save('u1', 'The night ferry to Port Almera was cancelled after the storm.'));
    await assert.rejects(
      store.transaction(async (tx) => {
        await tx.saveArticle(save('u2', 'Ferries to the islands run again from Friday.'));
        throw new Error('the feed item was malformed');
      }),
      /malformed/,
    );
    await store.transaction(async (tx) => {
      await tx.saveArticle(save('u3', 'Harbour officials reopened the pier and the ferry berth.'));
      // The batch's commit timer fires while the unit is open: it commits once the unit ends, with the unit in it.
      await new Promise((r) => setTimeout(r, 80));
    });
    await new Promise((r) => setTimeout(r, 80));
    const other = new Database(path, { readonly: true });
    assert.deepEqual(other.prepare('SELECT id FROM articles ORDER BY seq').pluck().all(), ['u1', 'u3']);
    assert.equal(other.prepare("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'ferry OR ferries'").pluck().get(), 2, 'the undone unit left no search row');
    other.close();
    await store.close();
  });

  it('commits an open batch on its own after commitWithinMs', async () => {
    const path = join(dir, 'batch-timer.db');
    const store = openSqliteStore(path, { commitEvery: 1000, commitWithinMs: 20 });
    await store.saveArticle({ article: storedArticle({ id: 't1' }), bandKeys: [], event: null, merges: [] });
    await new Promise((r) => setTimeout(r, 80));
    const other = new Database(path, { readonly: true });
    assert.equal(other.prepare('SELECT COUNT(*) FROM articles').pluck().get(), 1);
    other.close();
    await store.close();
  });

  it('refuses a write on a read-only connection without opening a transaction, so its reads still see new commits', async () => {
    // A report worker reads through such a connection; an open transaction would pin its snapshot.
    const path = join(dir, `readonly-${++n}.db`);
    const writer = openSqliteStore(path);
    await writer.saveArticle({ article: storedArticle({ id: 'a1' }), bandKeys: [], event: { id: 'e1', storylineId: 's1', title: 'Quay closed', date: '2025-03-04' }, merges: [] });
    await writer.flush();
    const reader = openSqliteStore(path, { readonly: true });
    try {
      await assert.rejects(reader.saveArticleAnalyses([{ articleId: 'a1', analysis: { version: 1 } as never }]), /read-only/);
      const before = await reader.storylineVersion('s1');
      await writer.saveArticle({ article: storedArticle({ id: 'a2', contentHash: 'h2' }), bandKeys: [], event: { id: 'e1', storylineId: 's1', title: 'Quay closed', date: '2025-03-05' }, merges: [] });
      await writer.flush();
      assert.notEqual(await reader.storylineVersion('s1'), before, 'the reader sees the later commit');
      assert.equal((await reader.getArticle('a2'))?.id, 'a2');
    } finally {
      await reader.close();
      await writer.close();
    }
  });

  it('migrates a version-1 database: its band keys, kept in an SQL index then, are found again', async () => {
    const path = join(dir, 'v1.db');
    const old = new Database(path);
    old.exec(MIGRATIONS[0]!.sql);
    old.pragma('user_version = 1');
    const article = old.prepare(`INSERT INTO articles (id, content_hash, ingested_at, text, doc) VALUES (?, ?, '2026-01-01T00:00:00Z', 'Ferry cancelled.', '{}')`);
    article.run('old-1', 'h1');
    article.run('old-2', 'h2');
    const band = old.prepare('INSERT INTO lsh_bands (band_key, seq) VALUES (?, ?)');
    for (const [key, seq] of [[2 ** 50 + 3, 1], [21, 1], [21, 2], [22, 2]] as const) band.run(key, seq);
    old.close();
    const store = openSqliteStore(path);
    try {
      assert.deepEqual(await store.findNearDuplicateCandidates([21, 22], 5), ['old-2', 'old-1']);
      assert.deepEqual(await store.findNearDuplicateCandidates([2 ** 50 + 3], 5), ['old-1']);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    assert.equal(db.prepare("SELECT COUNT(*) FROM sqlite_master WHERE name = 'lsh_bands'").pluck().get(), 0);
    db.close();
  });

  it('migrates a version-2 database: a store with articles was built with the news profile, an empty one has none yet', async () => {
    /** A version-2 database, optionally with one article in it. */
    const v2 = (name: string, withArticle: boolean): string => {
      const path = join(dir, name);
      const old = databaseAtVersion(path, 2);
      if (withArticle) old.prepare(`INSERT INTO articles (id, content_hash, ingested_at, text, doc) VALUES ('old-1', 'h1', '2026-01-01T00:00:00Z', 'Ferry cancelled.', '{}')`).run();
      old.close();
      return path;
    };
    for (const [name, withArticle, expected] of [['v2-full.db', true, 'news'], ['v2-empty.db', false, null]] as const) {
      const store = openSqliteStore(v2(name, withArticle));
      try {
        assert.equal(await store.loadClusterProfile(), expected, name);
        if (withArticle) assert.equal((await store.getArticle('old-1'))?.text, 'Ferry cancelled.');
      } finally {
        await store.close();
      }
      const db = new Database(join(dir, name), { readonly: true });
      assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
      db.close();
    }
  });

  it('migrates a version-3 database: an error logged on every run of the same input is kept once, with its latest message', async () => {
    const path = join(dir, 'v3-errors.db');
    const old = databaseAtVersion(path, 3);
    const log = old.prepare('INSERT INTO ingest_errors (source, position, code, message, at) VALUES (?, ?, ?, ?, ?)');
    log.run('feeds/bay.jsonl', 'line 3', 'no-content', 'neither text nor html', '2026-01-01T00:00:00Z');
    log.run('feeds/dead.opml', null, 'unreadable', 'cannot read: ENOENT', '2026-01-01T00:00:01Z');
    log.run('feeds/bay.jsonl', 'line 3', 'no-content', 'neither text nor html (second run)', '2026-01-02T00:00:00Z');
    log.run('feeds/dead.opml', null, 'unreadable', 'cannot read: EACCES', '2026-01-02T00:00:01Z');
    old.close();
    const store = openSqliteStore(path);
    try {
      assert.deepEqual(await store.listErrors(), [
        { source: 'feeds/bay.jsonl', position: 'line 3', code: 'no-content', message: 'neither text nor html (second run)' },
        { source: 'feeds/dead.opml', position: null, code: 'unreadable', message: 'cannot read: EACCES' },
      ]);
      await store.recordError({ source: 'feeds/bay.jsonl', position: 'line 3', code: 'no-content', message: 'third run' });
      assert.equal((await store.counts()).errors, 2);
    } finally {
      await store.close();
    }
    const db = new Database(path, { readonly: true });
    assert.equal(db.pragma('user_version', { simple: true }), SCHEMA_VERSION);
    db.close();
  });

  it('migrates a version-4 database: the language of stored articles is read out of their documents, and filters find it', async () => {
    const path = join(dir, 'v4-language.db');
    const old = databaseAtVersion(path, 4);
    const insert = old.prepare(`INSERT INTO articles (id, content_hash, event_id, outlet, ingested_at, text, doc) VALUES (?, ?, ?, ?, '2026-01-01T00:00:00Z', ?, ?)`);
    insert.run('de-1', 'h1', 'e1', 'Bergblatt', 'Der Gletscher schmilzt.', JSON.stringify({ language: 'de', title: 'Gletscher' }));
    insert.run('en-1', 'h2', 'e2', 'Alpine Post', 'The glacier melts.', JSON.stringify({ language: 'en', title: 'Glacier' }));
    old.exec("INSERT INTO events (id, storyline_id) VALUES ('e1', 's1'), ('e2', 's2'); INSERT INTO storylines (id) VALUES ('s1'), ('s2')");
    old.close();
    const store = openSqliteStore(path);
    try {
      assert.deepEqual((await store.listStorylines({ language: 'de' })).items.map((l) => l.id), ['s1']);
      assert.deepEqual((await store.listStorylines({ outlet: 'alpine post' })).items.map((l) => l.id), ['s2']);
    } finally {
      await store.close();
    }
  });

  it("sees band keys another process stored after this one's first lookup", async () => {
    const path = join(dir, 'two-writers.db');
    const reader = openSqliteStore(path);
    const writer = openSqliteStore(path);
    try {
      assert.deepEqual(await reader.findNearDuplicateCandidates([31], 5), []);
      await writer.saveArticle({ article: storedArticle({ id: 'w1' }), bandKeys: [31, 32], event: null, merges: [] });
      await writer.flush();
      assert.deepEqual(await reader.findNearDuplicateCandidates([31], 5), ['w1']);
    } finally {
      await writer.close();
      await reader.close();
    }
  });

  it('refuses a database written by a newer schema', () => {
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openSqliteStore(path), /newer/);
  });
});
