/**
 * The PostgreSQL store: the shared suite, then what is its own (a unique index settling exact duplicates, language-
 * aware search, read-only opening, the writer lock, the CLI on a postgres:// URL giving what it gives on SQLite).
 * Each case runs on a fresh database of one throwaway cluster.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openPostgresStore, openPostgresWriterLocks, type SaveArticleInput, type Store } from '../../src/store/index.js';
import { storyline } from '../helpers/cli.js';
import { startThrowawayPostgres } from '../helpers/postgres.js';
import { sharedDir } from '../helpers/shared.js';
import { runStoreSuite, storedArticle } from './store-suite.js';

const cluster = await startThrowawayPostgres();

const save = (over: Parameters<typeof storedArticle>[0]): SaveArticleInput => ({ article: storedArticle(over), bandKeys: [], event: null, merges: [] });

async function withStore(work: (store: Store, url: string) => Promise<void>): Promise<void> {
  const url = await cluster!.freshDatabase();
  const store = await openPostgresStore(url);
  try {
    await work(store, url);
  } finally {
    await store.close();
  }
}

if (!cluster) {
  it('postgres store', { skip: 'PostgreSQL not found' }, () => undefined);
} else {
  after(() => cluster.stop());
  runStoreSuite('postgres', async () => openPostgresStore(await cluster.freshDatabase()));

  describe('postgres store', () => {
    it('settles an exact duplicate by its unique index: a second original of the same text is refused, a copy is stored', () =>
      withStore(async (store) => {
        await store.saveArticle(save({ id: 'wire-1', contentHash: 'same-text' }));
        // Two writers both found no stored copy of this text: the second one's save fails whole, with a typed code.
        await assert.rejects(store.saveArticle(save({ id: 'wire-2', contentHash: 'same-text' })), (err: NodeJS.ErrnoException) => err.code === 'STORE_CONFLICT' && /same text/.test(err.message));
        await store.saveArticle(save({ id: 'wire-2', contentHash: 'same-text', duplicateOf: 'wire-1', duplicateKind: 'exact' }));
        assert.deepEqual(await store.counts(), { articles: 2, duplicates: 1, events: 0, storylines: 0, errors: 0 });
      }));

    it('searches each article in its own language, title words above text words, with the snippet markup of SQLite', () =>
      withStore(async (store) => {
        await store.saveArticle(save({ id: 'fr', language: 'fr', title: 'Grève des traversiers', text: 'Les traversées vers les îles sont annulées jusqu’à vendredi, selon la compagnie maritime du port.' }));
        await store.saveArticle(save({ id: 'en-text', title: 'Harbour news', text: 'Storms cancelled every crossing; the island ferries stay in port until the weekend, the operator said on Monday.' }));
        await store.saveArticle(save({ id: 'en-title', title: 'Ferries cancelled', text: 'The operator kept its boats in port.' }));
        // French stemming: "annulé" finds "annulées"; English stemming: "ferry" finds "ferries".
        assert.deepEqual((await store.search('annulé')).map((h) => h.id), ['fr']);
        const hits = await store.search('ferry');
        assert.deepEqual(hits.map((h) => h.id), ['en-title', 'en-text'], 'the title match ranks first');
        assert.match(hits[1]!.snippet, /\[ferries\]/);
        // As SQLite's snippet(): a fragment from the text's start has no leading '…', one that stops before its end has a trailing one.
        assert.ok(hits[1]!.snippet.startsWith('Storms cancelled') && hits[1]!.snippet.endsWith('…'), hits[1]!.snippet);
        assert.deepEqual((await store.search('ferry -weekend')).map((h) => h.id), ['en-title'], 'web-search syntax: -word excludes');
        assert.deepEqual(await store.search('the of'), [], 'a query of stopwords finds nothing, without error');
      }));

    it('opens read-only: refuses a database without the schema, and refuses writes', async () => {
      const url = await cluster.freshDatabase();
      await assert.rejects(openPostgresStore(url, { readonly: true }), /no Storyline database/);
      await (await openPostgresStore(url)).close();
      const reader = await openPostgresStore(url, { readonly: true });
      try {
        assert.deepEqual(await reader.listStorylines(), []);
        await assert.rejects(reader.saveArticle(save({ id: 'a1' })), /read-only/);
      } finally {
        await reader.close();
      }
    });

    it('names the database in a connection error, without its password', async () => {
      await assert.rejects(openPostgresStore('postgres://reader:s3cret@127.0.0.1:1/news?connect_timeout=2'), (err: Error) => err.message.includes('postgres://reader:***@127.0.0.1:1/news') && !err.message.includes('s3cret'));
    });

    it('holds one writer lock per database and says who holds it', async () => {
      const url = await cluster.freshDatabase();
      const first = await openPostgresWriterLocks(url, 'storyline ingest');
      const second = await openPostgresWriterLocks(url, 'storyline serve');
      try {
        const held = await first.tryLock();
        assert.ok('release' in held);
        const busy = await second.tryLock();
        assert.ok(!('release' in busy));
        assert.deepEqual([busy.role, busy.pid], ['storyline ingest', process.pid]);
        held.release();
        const taken = await second.tryLock();
        assert.ok('release' in taken, 'released: the other writer takes it');
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('gives, from the CLI on a postgres:// URL, the storylines and report SQLite gives for the seeds', async (t) => {
      const shared = sharedDir(t);
      if (!shared) return;
      const url = await cluster.freshDatabase();
      const dir = mkdtempSync(join(tmpdir(), 'storyline-pg-cli-'));
      try {
        const file = join(dir, 'seeds.db');
        // Files are named from the SQLite file's folder, and from the working folder for a URL: the same folder here.
        for (const db of [file, url]) assert.equal(storyline(['ingest', '--db', db, join(shared, 'seeds')], undefined, { cwd: dir }).code, 0);
        const out = (db: string, ...args: string[]) => storyline([...args, '--db', db]).stdout;
        assert.equal(out(url, 'stories', '--json'), out(file, 'stories', '--json'));
        assert.equal(out(url, 'story', 's1', '--json'), out(file, 'story', 's1', '--json'));
        const viaEnv = storyline(['stories'], undefined, { env: { STORYLINE_DB: url } });
        assert.equal(viaEnv.stdout, out(file, 'stories'), 'STORYLINE_DB selects the database when --db is left out');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
