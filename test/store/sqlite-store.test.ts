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

  it('refuses a database written by a newer schema', () => {
    const path = join(dir, 'newer.db');
    const db = new Database(path);
    db.pragma(`user_version = ${SCHEMA_VERSION + 1}`);
    db.close();
    assert.throws(() => openSqliteStore(path), /newer/);
  });
});
