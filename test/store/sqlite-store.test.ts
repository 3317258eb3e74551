import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import Database from 'better-sqlite3';
import { openSqliteStore, SCHEMA_VERSION } from '../../src/store/index.js';
import { runStoreSuite, storedArticle } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-store-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

runStoreSuite('sqlite', async () => openSqliteStore(join(dir, `suite-${++n}.db`)));

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
    assert.deepEqual((await store.search('ferry')).map((h) => h.id), ['b1'], 'search reads the batch too');
    // A write that fails (same id again) undoes only itself, not the batch before it.
    await assert.rejects(save('b1', 'Another text under a stored id.'));
    await save('b3', 'Ferries to the islands run again from Friday.');
    await store.flush();
    assert.equal(count(), 3);
    assert.equal(other.prepare("SELECT COUNT(*) FROM articles_fts WHERE articles_fts MATCH 'ferries OR ferry OR pier'").pluck().get(), 3, 'every committed article has its search row');
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

  it('refuses a database written by a newer schema', () => {
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openSqliteStore(path), /newer/);
  });
});
