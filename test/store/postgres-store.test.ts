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
import { copySqliteToPostgres, openPostgresStore, openPostgresWriterLocks, openSqliteStore, StoreConflictError, type SaveArticleInput, type Store } from '../../src/store/index.js';
import { DEFAULT_SCHEDULE, newSubscription } from '../../src/follow/index.js';
import type { ArticleAnalysis } from '../../src/model/index.js';
import { startFeedServer } from '../follow/feed-server.js';
import { storyline, storylineAsync } from '../helpers/cli.js';
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
        await assert.rejects(store.saveArticle(save({ id: 'wire-2', contentHash: 'same-text' })), (err: unknown) => err instanceof StoreConflictError && err.key === 'contentHash' && err.value === 'same-text');
        await store.saveArticle(save({ id: 'wire-2', contentHash: 'same-text', duplicateOf: 'wire-1', duplicateKind: 'exact' }));
        assert.deepEqual(await store.counts(), { articles: 2, duplicates: 1, events: 0, storylines: 0, errors: 0 });
      }));

    it('searches each article in its own language, title words above text words, with the snippet markup of SQLite', () =>
      withStore(async (store) => {
        await store.saveArticle(save({ id: 'fr', language: 'fr', title: 'Grève des traversiers', text: 'Les traversées vers les îles sont annulées jusqu’à vendredi, selon la compagnie maritime du port.' }));
        await store.saveArticle(save({ id: 'en-text', title: 'Harbour news', text: 'Storms cancelled every crossing; the island ferries stay in port until the weekend, the operator said on Monday.' }));
        await store.saveArticle(save({ id: 'en-title', title: 'Ferries cancelled', text: 'The operator kept its boats in port.' }));
        const search = (...words: string[]) => store.search({ words, phrases: [] });
        // French stemming: "annulé" finds "annulées"; English stemming: "ferry" finds "ferries".
        assert.deepEqual((await search('annulé')).map((h) => h.id), ['fr']);
        const hits = await search('ferry');
        assert.deepEqual(hits.map((h) => h.id), ['en-title', 'en-text'], 'the title match ranks first');
        assert.match(hits[1]!.snippet, /\[ferries\]/);
        // As SQLite's snippet(): a fragment from the text's start has no leading '…', one that stops before its end has a trailing one.
        assert.ok(hits[1]!.snippet.startsWith('Storms cancelled') && hits[1]!.snippet.endsWith('…'), hits[1]!.snippet);
        assert.deepEqual(await search('the', 'of'), [], 'stopwords are not indexed: a query of them alone finds nothing, without error');
      }));

    it('opens read-only: refuses a database without the schema, and refuses writes', async () => {
      const url = await cluster.freshDatabase();
      await assert.rejects(openPostgresStore(url, { readonly: true }), /no Storyline database/);
      await (await openPostgresStore(url)).close();
      const reader = await openPostgresStore(url, { readonly: true });
      try {
        assert.deepEqual(await reader.listStorylines(), { total: 0, items: [] });
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
        // The release is sent on the holder's connection without waiting: the other writer gets it on a later try.
        let taken = await second.tryLock();
        for (let i = 0; i < 50 && !('release' in taken); i++) taken = await new Promise((r) => setTimeout(r, 20)).then(() => second.tryLock());
        assert.ok('release' in taken, 'released: the other writer takes it');
      } finally {
        await first.close();
        await second.close();
      }
    });

    it('copies an SQLite store losslessly: articles with their numbers, events, storylines, merges, snapshot, errors, feeds, profile', async () => {
      const dir = mkdtempSync(join(tmpdir(), 'storyline-pg-copy-'));
      try {
        const file = join(dir, 'copy.db');
        const lite = openSqliteStore(file);
        await lite.claimClusterProfile('headlines');
        await lite.saveArticle({ ...save({ id: 'a1', published: '2025-03-01', language: 'fr', extra: { desk: 'ports' } }), bandKeys: [5, 6], event: { id: 'e1', storylineId: 's1', title: 'Harbour authority approves ferry terminal (a1)', date: '2025-03-01' } });
        await lite.saveArticle({ ...save({ id: 'a2', published: '2025-03-08', duplicateOf: 'a1', duplicateKind: 'near' }), event: { id: 'e1', storylineId: 's1', title: 'x', date: '2025-03-08' } });
        await lite.saveArticle({ ...save({ id: 'b1', title: 'Dredging starts', published: '2025-04-02' }), bandKeys: [6, 7], event: { id: 'e2', storylineId: 's2', title: 'Dredging starts', date: '2025-04-02' }, merges: [{ level: 'storyline', from: 's1', into: 's2' }] });
        await lite.saveSnapshot({ snapshot: '{"k":3}', seq: 3 });
        await lite.recordError({ source: 'feed.xml', position: 'item 4', code: 'empty-item', message: 'no title, no content' });
        await lite.saveFeedState({ url: 'https://courier.example/rss', etag: '"v2"', lastModified: null, fetchedAt: '2025-04-02T08:00:00.000Z', status: 200 });
        await lite.saveReport({ storylineId: 's2', version: (await lite.storylineVersion('s2'))!, builder: 'test-build', builtAt: '2025-04-02T09:00:00.000Z', json: '{"headline":"Dredging starts"}' });
        // A stored analysis is opaque JSON to the store: a few fields stand for the whole record.
        await lite.saveArticleAnalyses([{ articleId: 'a1', analysis: { version: 1, textLength: 12, sentences: [{ start: 0, end: 12 }], timexDct: '2025-03-01' } as unknown as ArticleAnalysis }]);
        const followed = (url: string) => newSubscription(url, { title: null, everySeconds: null }, Date.parse('2025-04-02T10:00:00Z'), DEFAULT_SCHEDULE);
        await lite.saveSubscription(followed('https://courier.example/rss'));
        await lite.saveSubscription(followed('https://valleypost.example/atom'));
        await lite.deleteSubscription('https://courier.example/rss');
        // The copy reads the file: what the SQLite store still batches in memory is committed first.
        await lite.flush();
        const url = await cluster.freshDatabase();
        const counts = await copySqliteToPostgres(file, url);
        assert.equal(counts.articles, 3);
        const copy = await openPostgresStore(url);
        try {
          const both = async <T>(read: (s: Store) => Promise<T>) => assert.deepEqual(await read(copy), await read(lite));
          const all = async (it: AsyncIterable<unknown>) => {
            const out = [];
            for await (const x of it) out.push(x);
            return out;
          };
          for (const id of ['a1', 'a2', 'b1']) await both((s) => s.getArticle(id));
          for (const id of ['e1', 'e2']) await both((s) => s.getEvent(id));
          await both((s) => s.listStorylines());
          await both((s) => s.resolveId('storyline', 's1'));
          await both((s) => all(s.exportArticles()));
          await both((s) => all(s.articlesAfter(0)));
          await both((s) => s.findNearDuplicateCandidates([6, 7], 5));
          await both((s) => s.loadSnapshot());
          await both((s) => s.listErrors());
          await both((s) => s.getFeedState('https://courier.example/rss'));
          await both((s) => s.loadClusterProfile());
          await both((s) => s.counts());
          await both((s) => s.lastSeq());
          // The stored report stays fresh (the version came along), analyses and followed feeds are there.
          await both((s) => s.getReport('s2'));
          await both((s) => s.staleReports());
          await both((s) => s.getArticleAnalyses(['a1', 'a2'], 1));
          await both((s) => s.listSubscriptions());
          await copy.saveSubscription(followed('https://wire.example/feed'));
          assert.deepEqual((await copy.listSubscriptions()).map((f) => f.url), ['https://valleypost.example/atom', 'https://wire.example/feed'], 'a feed followed after the copy lists after the copied ones');
          // Title matches first (a1, a2), then the text match (b1): the copy is searchable at once.
          assert.deepEqual((await copy.search({ words: ['terminal'], phrases: [] })).map((h) => h.id), ['a1', 'a2', 'b1']);
          // New articles continue after the copied numbers; the copy refuses to run into a store that holds articles.
          assert.equal(await copy.saveArticle(save({ id: 'c1' })), (await lite.lastSeq()) + 1);
          await assert.rejects(copySqliteToPostgres(file, url), /holds 4 articles already/);
        } finally {
          await copy.close();
          await lite.close();
        }
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('watches the followed feeds of a postgres:// store under its advisory writer lock: it waits while another writer holds it, then stores', async () => {
      const url = await cluster.freshDatabase();
      const feeds = await startFeedServer();
      const other = await openPostgresWriterLocks(url, 'storyline ingest');
      try {
        feeds.publish(new Date(Date.now() - 600_000).toISOString());
        assert.equal(storyline(['subscribe', '--db', url, feeds.url('/wire.rss')]).code, 0);
        const held = await other.tryLock();
        assert.ok('release' in held);
        const watch = storylineAsync(['watch', '--db', url, '--once', '--host-gap', '0']);
        // Another process's lock on the same database (not a file beside it) holds the watcher back until released.
        await watch.until(/waiting: another writer/);
        held.release();
        const done = await watch.done;
        assert.equal(done.code, 0, done.stderr);
        assert.match(done.stdout, /polled 1: new articles 1, unchanged 0, failed 0/);
        assert.match(storyline(['stories', '--db', url]).stdout, /Council approves project/);
        assert.match(storyline(['subscriptions', '--db', url]).stdout, /1 stored/);
      } finally {
        await other.close();
        await feeds.close();
      }
    });

    it('gives, from the CLI on a postgres:// URL (ingested, or migrated from SQLite), the storylines and report SQLite gives for the seeds', async (t) => {
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
        // The server builds the report in its worker thread, which opens the PostgreSQL store itself, and stores it there.
        const serve = storylineAsync(['serve', '--db', url, '--port', '0']);
        try {
          const base = (await serve.until(/Serving on (http:\/\/\S+\/)/))[1]!;
          let res = await fetch(`${base}api/storylines/s1`);
          for (let tries = 0; res.status === 202 && tries < 120; tries++) {
            await new Promise((r) => setTimeout(r, 250));
            res = await fetch(`${base}api/storylines/s1`);
          }
          assert.equal(res.status, 200);
          assert.equal(await res.text(), out(file, 'story', 's1', '--json').trimEnd(), 'the served report is the one story --json prints');
        } finally {
          serve.kill('SIGTERM');
          await serve.done;
        }
        const migrated = await cluster.freshDatabase();
        assert.equal(storyline(['migrate', '--from', file, '--to', migrated]).code, 0);
        assert.equal(out(migrated, 'story', 's1', '--json'), out(file, 'story', 's1', '--json'), 'migrate copies what the report reads');
        const viaEnv = storyline(['stories'], undefined, { env: { STORYLINE_DB: url } });
        assert.equal(viaEnv.stdout, out(file, 'stories'), 'STORYLINE_DB selects the database when --db is left out');
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}
