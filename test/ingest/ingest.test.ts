import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { createFetcher, createIngester, DEFAULT_SOURCE_LIMITS, readInputs, type IngestCounts, type SourceContext } from '../../src/ingest/index.js';
import { clusterDate, clusterMonths } from '../../src/ingest/ingest.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { ATOM, JSON_FEED, OPML, OTHER_STORY, RSS, WIRE_REPUBLISHED, WIRE_STORY } from './fixtures.js';
import { startServer } from './http-server.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-ingest-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

function context(store: Store, over: Partial<SourceContext> = {}): SourceContext {
  return {
    ...DEFAULT_SOURCE_LIMITS,
    fetcher: createFetcher({ timeoutMs: 3000 }),
    getFeedState: (url) => store.getFeedState(url),
    saveFeedState: (s) => store.saveFeedState(s),
    fetchLinks: false,
    ...over,
  };
}

async function run(store: Store, inputs: string[], over: Partial<SourceContext> = {}): Promise<IngestCounts> {
  const ingester = await createIngester(store);
  for await (const item of readInputs(inputs, context(store, over))) await ingester.ingest(item);
  await ingester.finish();
  return { ...ingester.counts };
}

function jsonl(lines: unknown[]): string {
  return lines.map((l) => (typeof l === 'string' ? l : JSON.stringify(l))).join('\n') + '\n';
}

const LINES = [
  { id: 'wire-1', url: 'https://northwire.example/storm?utm_source=x', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, published: '2025-10-13', outlet: 'Northwire', desk: 'world', tags: ['storm'] },
  { id: 'coast-9', url: 'https://coastdaily.example/storm-rescue', title: 'Weekend storm: 23 rescued', text: WIRE_REPUBLISHED, published: '2025-10-13', outlet: 'Coast Daily' },
  '{"id": "broken", "text": "unterminated',
  { id: 'empty', title: 'No body' },
  { id: 'tram-1', title: 'Tram line extended', html: `<html><body><article><h1>Tram line extended</h1>${OTHER_STORY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`, published: '2025-10-10', outlet: 'Brannock Herald' },
];

describe('ingest', () => {
  it('reads JSON lines, reports a malformed line and one without content by line number, keeps unknown fields', async () => {
    const file = join(dir, 'articles.jsonl');
    writeFileSync(file, jsonl(LINES));
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const counts = await run(store, [file]);
      assert.deepEqual(counts, { added: 2, duplicates: 1, skipped: 0, unchanged: 0, errors: 2, keptOut: 0 });
      const errors = await store.listErrors();
      assert.deepEqual(errors.map((e) => [e.position, e.code]), [['line 3', 'bad-json'], ['line 4', 'no-content']]);
      const wire = await store.getArticle('wire-1');
      assert.deepEqual(wire?.extra, { desk: 'world', tags: ['storm'] });
      assert.equal(wire?.canonicalUrl, 'https://northwire.example/storm');
      assert.equal(wire?.outlet, 'Northwire');
      const copy = await store.getArticle('coast-9');
      assert.equal(copy?.duplicateOf, 'wire-1');
      assert.equal(copy?.duplicateKind, 'syndicated');
      assert.equal(copy?.eventId, wire?.eventId, 'a duplicate joins its original’s event');
      const tram = await store.getArticle('tram-1');
      assert.match(tram!.text, /eastern tram line/);
      assert.equal(tram?.duplicateOf, null);
      const lines = (await store.listStorylines()).items;
      const storm = lines.find((l) => l.id === wire?.storylineId);
      assert.deepEqual(storm?.outlets, ['Northwire'], 'a syndicated copy is not an independent outlet');
    } finally {
      await store.close();
    }
  });

  it('is idempotent: the same input again adds nothing, and a tracking-parameter variant of a stored URL is known', async () => {
    const file = join(dir, 'again.jsonl');
    writeFileSync(file, jsonl(LINES));
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      await run(store, [file]);
      const before = await store.counts();
      const second = await run(store, [file]);
      assert.equal(second.added + second.duplicates, 0);
      assert.equal(second.skipped, 3);
      const variant = join(dir, 'variant.jsonl');
      writeFileSync(variant, jsonl([{ id: 'other-id', url: 'http://m.northwire.example/storm/amp?fbclid=1', text: 'Different text, same page.' }]));
      const third = await run(store, [variant]);
      assert.equal(third.skipped, 1);
      const afterCounts = await store.counts();
      assert.equal(afterCounts.articles, before.articles);
      assert.equal(afterCounts.events, before.events);
    } finally {
      await store.close();
    }
  });

  it('reads a folder of article files and RSS, Atom and JSON Feed files, twice without adding', async () => {
    const folder = join(dir, 'mixed');
    mkdirSync(join(folder, 'feeds'), { recursive: true });
    writeFileSync(join(folder, 'storm.txt'), `Storm capsizes trawlers\n\n${WIRE_STORY}\n`);
    writeFileSync(join(folder, 'tram.html'), `<html><head><title>Tram line extended</title></head><body><article>${OTHER_STORY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`);
    writeFileSync(join(folder, 'notes.md.bak'), 'ignored');
    writeFileSync(join(folder, 'feeds', 'courier.rss'), RSS);
    writeFileSync(join(folder, 'feeds', 'post.atom'), ATOM);
    writeFileSync(join(folder, 'feeds', 'ridge.json'), JSON_FEED);
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const first = await run(store, [folder]);
      // RSS 2 items (+1 empty), Atom 3, JSON Feed 2 (+1 broken), 2 files.
      assert.equal(first.added + first.duplicates, 9, JSON.stringify([first, await store.listErrors()]));
      assert.equal(first.errors, 2);
      const positions = (await store.listErrors()).map((e) => `${e.source.split('/').pop()} ${e.position}`);
      assert.deepEqual(positions.sort(), ['courier.rss item 2', 'ridge.json item 2']);
      const rss = await store.getArticle(`${join(folder, 'feeds', 'courier.rss')}#courier-1001`);
      assert.equal(rss?.outlet, 'Elsworth Courier');
      assert.match(rss!.text, /ferry terminal/);
      assert.equal(rss?.canonicalUrl, 'https://courier.example/news/ferry-terminal');
      const second = await run(store, [folder]);
      assert.equal(second.added + second.duplicates, 0);
      assert.equal(second.skipped, 9);
    } finally {
      await store.close();
    }
  });

  it('refuses a hostile feed and goes on with the next input', async () => {
    const hostile = join(dir, 'lol.xml');
    writeFileSync(hostile, `<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">]><rss version="2.0"><channel><item><title>&b;</title><description>&b;</description></item></channel></rss>`);
    const good = join(dir, 'good.jsonl');
    writeFileSync(good, jsonl([{ id: 'tram-2', text: OTHER_STORY }]));
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const counts = await run(store, [hostile, good]);
      assert.equal(counts.errors, 1);
      assert.equal(counts.added, 1);
      assert.equal((await store.listErrors())[0]!.code, 'entity-declaration');
    } finally {
      await store.close();
    }
  });

  it('polls an OPML list over HTTP; the second poll gets 304s and fetches no items', async () => {
    let hits = 0;
    const server = await startServer({
      '/list.opml': (_req, res) => res.writeHead(200, { 'content-type': 'text/x-opml' }).end(OPML.replace('https://courier.example/rss', '/rss').replace('https://valleypost.example/atom', '/atom')),
      '/rss': (req, res) => {
        hits++;
        if (req.headers['if-none-match'] === '"r1"') return void res.writeHead(304).end();
        res.writeHead(200, { etag: '"r1"' }).end(RSS);
      },
      '/atom': (req, res) => {
        hits++;
        if (req.headers['if-modified-since'] === 'Wed, 05 Mar 2025 08:00:00 GMT') return void res.writeHead(304).end();
        res.writeHead(200, { 'last-modified': 'Wed, 05 Mar 2025 08:00:00 GMT' }).end(ATOM);
      },
    });
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      // OPML lists feeds by absolute URL; the relative ones here resolve against the list's URL.
      const opml = server.url('/list.opml');
      const first = await run(store, [opml]);
      assert.ok(first.added >= 4, JSON.stringify(first));
      assert.equal(hits, 2);
      const second = await run(store, [opml]);
      assert.deepEqual([second.added, second.duplicates, second.unchanged], [0, 0, 2]);
      assert.equal((await store.getFeedState(server.url('/rss')))?.etag, '"r1"');
    } finally {
      await store.close();
      await server.close();
    }
  });

  it('fetches the page of a feed item that carries only a summary', async () => {
    const server = await startServer({
      '/feed': (_req, res) => res.writeHead(200).end(`<rss version="2.0"><channel><title>Brannock Herald</title><item><title>Tram line extended</title><link>${'LINK'}</link><description>Council votes on trams.</description></item></channel></rss>`.replace('LINK', `http://127.0.0.1:${new URL(server.url('/')).port}/tram`)),
      '/tram': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Tram line extended</title></head><body><article>${OTHER_STORY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`),
    });
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const counts = await run(store, [server.url('/feed')], { fetchLinks: true });
      assert.equal(counts.added, 1);
      const [row] = await collect(store);
      const article = await store.getArticle(row!);
      assert.match(article!.text, /Mill Street/);
    } finally {
      await store.close();
      await server.close();
    }
  });

  it("names a fetched page's outlet by the page's own og:site_name, not by the feed's title", async () => {
    const server = await startServer({
      '/teasers': (_req, res) => res.writeHead(200).end(`<rss version="2.0"><channel><title>Harbour Wire Teasers</title><item><title>Ferry pier reopens</title><link>LINK</link><description>Pier reopens.</description></item></channel></rss>`.replace('LINK', `http://127.0.0.1:${new URL(server.url('/')).port}/pier`)),
      '/pier': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(`<html><head><title>Ferry pier reopens</title><meta property="og:site_name" content="Harbour Wire"></head><body><article>${OTHER_STORY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`),
    });
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      await run(store, [server.url('/teasers')], { fetchLinks: true });
      const [row] = await collect(store);
      assert.equal((await store.getArticle(row!))?.outlet, 'Harbour Wire');
    } finally {
      await store.close();
      await server.close();
    }
  });
});

describe('clusterer snapshot', () => {
  it('replays articles stored after the last snapshot into the restored clusterer', async () => {
    const file = join(dir, 'replay.jsonl');
    writeFileSync(file, jsonl(LINES));
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const ingester = await createIngester(store, { snapshotEvery: 1 });
      for await (const item of readInputs([file], context(store))) await ingester.ingest(item);
      // No finish(): as if the process died after the last article was stored.
      const saved = await store.loadSnapshot();
      assert.ok(saved && saved.seq > 0);
      await store.saveSnapshot({ snapshot: saved.snapshot, seq: 0 });
      const seen: string[] = [];
      const restored = await createIngester(store, {
        createClusterer: (snapshot) => ({
          add: (doc) => (seen.push(doc.id), { eventId: `r-${doc.id}`, storylineId: 'r', newEvent: true, newStoryline: false, merges: [] }),
          resolve: (id) => id,
          snapshot: () => snapshot ?? '',
        }),
      });
      assert.equal(restored.replayed, 2);
      assert.deepEqual(seen, ['wire-1', 'tram-1'], 'non-duplicates, in arrival order');
      assert.equal((await store.getArticle('coast-9'))?.eventId, 'r-wire-1', 'the duplicate follows its original');
      assert.equal((await store.loadSnapshot())?.seq, await store.lastSeq());
    } finally {
      await store.close();
    }
  });

  it('hands the clusterer a month-dated article as mid-month, a day as it is (the clusterer reads days only), a text-only month as it is', async () => {
    const file = join(dir, 'months.jsonl');
    writeFileSync(file, jsonl([{ id: 'm1', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, published: '2025-10' }, { id: 'd1', title: 'Tram line extended', text: OTHER_STORY, published: '2025-10-10' }]));
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      const seen: (string | null)[] = [];
      const ingester = await createIngester(store, {
        createClusterer: () => ({
          add: (doc) => (seen.push(doc.published), { eventId: `e-${doc.id}`, storylineId: 's', newEvent: true, newStoryline: false, merges: [] }),
          resolve: (id) => id,
          snapshot: () => '',
        }),
      });
      for await (const item of readInputs([file], context(store))) await ingester.ingest(item);
      assert.deepEqual(seen, ['2025-10-15', '2025-10-10']);
      assert.equal((await store.getArticle('m1'))?.published, '2025-10', 'the store keeps the month');
      // A month guessed from the text alone stays a month (undated to the clusterer); one other articles pinned is read as a day.
      assert.equal(clusterDate({ published: '2023-01', publishedFrom: 'inferred', publishedEvidence: [{ text: '2022', reason: 'dated happening 2022' }] }), '2023-01');
      assert.equal(clusterDate({ published: '2024-01', publishedFrom: 'inferred', publishedEvidence: [{ text: 'last September', reason: 'the same happening as …', article: 'a7' }] }), '2024-01-15');
    } finally {
      await store.close();
    }
  });

  it('gives the clusterer the month of a date line cut from the text, not of a guess', () => {
    // The cleaner moved "Friday, June 6, 2025" into `published`: the month still tells this flood from last year's.
    const text = 'The river burst its banks on Friday, flooding the old town. A flood in March 2024 was smaller.';
    assert.deepEqual(clusterMonths({ title: 'River floods old town', text, published: '2025-06-06', publishedFrom: 'text' }), ['2024-03', '2025-06']);
    // Already named in the text, or only inferred from it: the clusterer reads the text's months itself.
    assert.equal(clusterMonths({ title: 'River floods old town', text, published: '2024-03-09', publishedFrom: 'metadata' }), undefined);
    assert.equal(clusterMonths({ title: 'River floods old town', text, published: '2025-06-06', publishedFrom: 'inferred' }), undefined);
  });

  it('ingests an article URL once: the second run knows it without storing it again', async () => {
    const page = `<html><head><title>Tram line extended</title><link rel="canonical" href="https://herald.example/tram"></head><body><article>${OTHER_STORY.split('\n\n').map((p) => `<p>${p}</p>`).join('')}</article></body></html>`;
    const server = await startServer({ '/tram': (_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(page) });
    const store = openSqliteStore(join(dir, `t${++n}.db`));
    try {
      assert.equal((await run(store, [server.url('/tram?utm_medium=social')])).added, 1);
      const again = await run(store, [server.url('/tram')]);
      assert.deepEqual([again.added, again.skipped], [0, 1]);
    } finally {
      await store.close();
      await server.close();
    }
  });
});

async function collect(store: Store): Promise<string[]> {
  const ids: string[] = [];
  for await (const row of store.exportArticles()) ids.push(row.id);
  return ids;
}
