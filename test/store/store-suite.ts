/**
 * The shared store suite: every backend runs these cases (`runStoreSuite(name, open)`), so the
 * SQLite and later PostgreSQL stores behave the same.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { ArticleAnalysis, SaveArticleInput, SearchQuery, StoredArticle, StorylineQuery, Subscription } from '../../src/model/index.js';
import { StoreConflictError } from '../../src/store/errors.js';
import type { Store } from '../../src/store/store.js';

/** An invented stored article; fields can be overridden. */
export function storedArticle(over: Partial<StoredArticle> & { id: string }): StoredArticle {
  return {
    file: `${over.id}.txt`,
    url: null,
    title: `Harbour authority approves ferry terminal (${over.id})`,
    text: 'The harbour authority of Port Elsworth approved the new ferry terminal on Tuesday after a two-year review.',
    published: '2025-03-04',
    publishedFrom: 'metadata',
    modified: null,
    author: null,
    outlet: 'Elsworth Courier',
    language: 'en',
    captions: [],
    removed: [],
    canonicalUrl: null,
    contentHash: `hash-${over.id}`,
    duplicateOf: null,
    duplicateKind: null,
    eventId: null,
    storylineId: null,
    ingestedAt: '2025-03-05T10:00:00.000Z',
    ...over,
  };
}

function save(article: StoredArticle, event: string | null, storyline: string, extra: Partial<SaveArticleInput> = {}): SaveArticleInput {
  return { article, bandKeys: [], event: event ? { id: event, storylineId: storyline, title: article.title, date: article.published } : null, merges: [], ...extra };
}

/**
 * Every method of the `Store` interface, each exercised by a case below. A method added to the interface
 * fails the coverage case until it is named here, and so gets its test.
 */
export const SUITE_METHODS = [
  'saveArticle', 'reassignArticle', 'setPublicationDates', 'getArticle', 'getArticles', 'getArticleByUrl', 'getArticleByHash',
  'articlesAfter', 'upsertEvent', 'recordMerges', 'resolveId', 'getEvent', 'getStoryline', 'listStorylines', 'storylineContents',
  'exportArticles', 'search', 'saveSnapshot', 'loadSnapshot', 'lastSeq', 'recordError', 'listErrors', 'getFeedState', 'saveFeedState',
  'counts', 'flush', 'loadClusterProfile', 'claimClusterProfile', 'transaction', 'close',
  // Stored reports.
  'storylineVersion', 'getReport', 'saveReport', 'staleReports',
  // Stored article analyses.
  'saveArticleAnalyses', 'getArticleAnalyses',
  // Followed feeds.
  'saveSubscription', 'getSubscription', 'listSubscriptions', 'deleteSubscription',
  // DedupeStore, which Store extends.
  'findByContentHash', 'findNearDuplicateCandidates', 'getDedupeCandidate',
] as const;

/** The callable members of a store object (own and inherited: a backend may be a class). */
function methodsOf(store: object): string[] {
  const names = new Set<string>();
  for (let o: object | null = store; o && o !== Object.prototype; o = Object.getPrototypeOf(o) as object | null) {
    for (const name of Object.getOwnPropertyNames(o)) if (name !== 'constructor' && typeof (store as Record<string, unknown>)[name] === 'function') names.add(name);
  }
  return [...names].sort();
}

/** Opens a fresh store, runs `use`, and always closes it. */
async function withStore(open: () => Promise<Store>, use: (store: Store) => Promise<void>): Promise<void> {
  const store = await open();
  try {
    await use(store);
  } finally {
    await store.close();
  }
}

/** Runs the shared cases against a backend; `open` returns a fresh, empty store. */
export function runStoreSuite(name: string, open: () => Promise<Store>): void {
  describe(`store suite: ${name}`, () => {
    it('saves an article and reads it back by id, canonical URL and content hash', async () => {
      const store = await open();
      try {
        const a = storedArticle({ id: 'a1', canonicalUrl: 'https://courier.example/ferry', contentHash: 'h1', extra: { section: 'local', score: 3 } });
        const seq = await store.saveArticle(save(a, 'e1', 's1'));
        assert.ok(seq > 0);
        const byId = await store.getArticle('a1');
        assert.equal(byId?.text, a.text);
        assert.equal(byId?.eventId, 'e1');
        assert.equal(byId?.storylineId, 's1');
        assert.deepEqual(byId?.extra, { section: 'local', score: 3 });
        assert.equal((await store.getArticleByUrl('https://courier.example/ferry'))?.id, 'a1');
        assert.equal((await store.getArticleByHash('h1'))?.id, 'a1');
        assert.equal(await store.getArticle('missing'), null);
        assert.equal(await store.lastSeq(), seq);
      } finally {
        await store.close();
      }
    });

    it('refuses a second article with the same id and keeps the first (the transaction rolls back)', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1', { bandKeys: [11, 12] }));
        await assert.rejects(store.saveArticle(save(storedArticle({ id: 'a1', text: 'other' }), 'e2', 's2', { bandKeys: [13] })), (err: unknown) => {
          assert.ok(err instanceof StoreConflictError, `a typed conflict, not ${String(err)}`);
          assert.deepEqual([err.record, err.key, err.value], ['article', 'id', 'a1']);
          return true;
        });
        assert.equal((await store.counts()).articles, 1);
        assert.equal(await store.getEvent('e2'), null, 'the event of the failed save is rolled back');
        assert.deepEqual(await store.findNearDuplicateCandidates([13], 5), []);
      } finally {
        await store.close();
      }
    });

    it('finds near-duplicate candidates by band key, most shared keys first', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1', { bandKeys: [1, 2, 3] }));
        await store.saveArticle(save(storedArticle({ id: 'a2' }), 'e2', 's1', { bandKeys: [3, 4, 5] }));
        await store.saveArticle(save(storedArticle({ id: 'a3' }), 'e3', 's1', { bandKeys: [9] }));
        assert.deepEqual(await store.findNearDuplicateCandidates([3, 4, 5, 7], 10), ['a2', 'a1']);
        assert.deepEqual(await store.findNearDuplicateCandidates([3, 4, 5, 7], 1), ['a2']);
        assert.deepEqual(await store.findNearDuplicateCandidates([2 ** 52 + 1], 10), []);
        const cand = await store.getDedupeCandidate('a1');
        assert.equal(cand?.outlet, 'Elsworth Courier');
        assert.equal((await store.findByContentHash('hash-a2'))?.id, 'a2');
      } finally {
        await store.close();
      }
    });

    it('keeps event and storyline date ranges and lists storylines most recently active first', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1', published: '2025-03-04', outlet: 'Elsworth Courier' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2', published: '2025-03-09', outlet: 'Valley Post' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a3', published: '2025-03-06', outlet: 'Valley Post', duplicateOf: 'a2', duplicateKind: 'syndicated' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'b1', published: '2025-01-10', outlet: 'Ridge Times', title: 'Mine closes' }), 'e9', 's9'));
        const event = await store.getEvent('e1');
        assert.deepEqual(event?.articleIds, ['a1', 'a2', 'a3']);
        assert.equal(event?.firstDate, '2025-03-04');
        assert.equal(event?.lastDate, '2025-03-09');
        const lines = (await store.listStorylines()).items;
        assert.deepEqual(lines.map((l) => l.id), ['s1', 's9']);
        assert.equal(lines[0]!.articleCount, 3);
        assert.deepEqual(lines[0]!.outlets, ['Elsworth Courier', 'Valley Post']);
        assert.deepEqual(lines[0]!.eventIds, ['e1']);
        assert.equal(lines[0]!.title, 'Harbour authority approves ferry terminal (a1)');
        assert.equal(lines[1]!.firstDate, '2025-01-10');
      } finally {
        await store.close();
      }
    });

    it('titles events and storylines after their earliest-dated article, whatever the arrival order', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'late', title: 'Mill owner vows to rebuild', published: '2025-09-12' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'early', title: 'Fire guts Harnby paper mill', published: '2025-09-02' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'undated', title: 'Inquiry opened into mill fire', published: null }), 'e1', 's1'));
        assert.equal((await store.getEvent('e1'))?.title, 'Fire guts Harnby paper mill');
        assert.equal((await store.listStorylines()).items[0]?.title, 'Fire guts Harnby paper mill');
      } finally {
        await store.close();
      }
    });

    it('records merges as redirects and moves the members', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1', published: '2025-03-01' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2', published: '2025-03-08' }), 'e2', 's2'));
        await store.saveArticle(
          save(storedArticle({ id: 'a3', published: '2025-03-09' }), 'e2', 's2', {
            merges: [
              { level: 'event', from: 'e1', into: 'e2' },
              { level: 'storyline', from: 's1', into: 's2' },
            ],
          }),
        );
        assert.equal(await store.resolveId('event', 'e1'), 'e2');
        assert.equal(await store.resolveId('storyline', 's1'), 's2');
        assert.equal(await store.resolveId('event', 'e2'), 'e2');
        assert.equal((await store.getArticle('a1'))?.eventId, 'e2');
        assert.equal((await store.getArticle('a1'))?.storylineId, 's2');
        assert.equal(await store.getEvent('e1'), null);
        const e2 = await store.getEvent('e2');
        assert.equal(e2?.firstDate, '2025-03-01');
        assert.deepEqual(e2?.articleIds, ['a1', 'a2', 'a3']);
        await store.recordMerges([{ level: 'event', from: 'e2', into: 'e7' }]);
        assert.equal(await store.resolveId('event', 'e1'), 'e7', 'a chain of merges resolves to the newest id');
        const lines = (await store.listStorylines()).items;
        assert.deepEqual(lines.map((l) => l.id), ['s2']);
        assert.equal(lines[0]!.articleCount, 3);
      } finally {
        await store.close();
      }
    });

    it('moves an article to another event on replay, its duplicates with it', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2', duplicateOf: 'a1', duplicateKind: 'exact' }), 'e1', 's1'));
        await store.reassignArticle('a1', { id: 'e5', storylineId: 's5', title: 'x', date: '2025-03-04' }, []);
        assert.equal((await store.getArticle('a1'))?.eventId, 'e5');
        assert.equal((await store.getArticle('a2'))?.storylineId, 's5');
      } finally {
        await store.close();
      }
    });

    it('iterates non-duplicate articles after a sequence number, and exports every article', async () => {
      const store = await open();
      try {
        const s1 = await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2' }), 'e2', 's2'));
        await store.saveArticle(save(storedArticle({ id: 'a3', duplicateOf: 'a2', duplicateKind: 'near' }), 'e2', 's2'));
        const after: string[] = [];
        for await (const { article } of store.articlesAfter(s1)) after.push(article.id);
        assert.deepEqual(after, ['a2']);
        const rows = [];
        for await (const row of store.exportArticles()) rows.push(row);
        assert.deepEqual(rows.map((r) => [r.id, r.event, r.storyline, r.duplicateOf]), [
          ['a1', 'e1', 's1', null],
          ['a2', 'e2', 's2', null],
          ['a3', 'e2', 's2', 'a2'],
        ]);
      } finally {
        await store.close();
      }
    });

    it('searches titles and texts: words all required, phrases in order, filters, limit, what a hit shows', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1', title: 'Glacier retreat measured', text: 'Survey teams measured the retreat of the Hollin glacier.', outlet: 'Alpine Post', published: '2025-02-10' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2' }), 'e2', 's2'));
        await store.saveArticle(save(storedArticle({ id: 'a3', title: 'Terminal delays', text: 'The terminal for the ferry opened late.', language: 'de', published: null }), 'e3', 's3'));
        const search = (words: string[], phrases: string[] = [], more: Omit<SearchQuery, 'words' | 'phrases'> = {}) => store.search({ words, phrases, ...more });
        const hits = await search(['glacier']);
        assert.deepEqual(hits.map((h) => h.id), ['a1']);
        assert.match(hits[0]!.snippet, /\[glacier\]/i);
        assert.deepEqual({ ...hits[0]!, snippet: '' }, { id: 'a1', title: 'Glacier retreat measured', snippet: '', outlet: 'Alpine Post', published: '2025-02-10', eventId: 'e1', storylineId: 's1' });
        assert.deepEqual((await search(['ferry', 'terminal'])).map((h) => h.id).sort(), ['a2', 'a3']);
        assert.deepEqual((await search([], ['ferry terminal'])).map((h) => h.id), ['a2'], 'a phrase keeps its word order');
        assert.deepEqual((await search(['ferry'], [], { filters: { outlet: 'elsworth COURIER', language: 'en' } })).map((h) => h.id), ['a2']);
        assert.deepEqual((await search(['ferry'], [], { filters: { language: 'de' } })).map((h) => h.id), ['a3']);
        // Dates may be partial; an undated article fails a date filter.
        assert.deepEqual((await search(['ferry'], [], { filters: { from: '2025-03', to: '2025-03' } })).map((h) => h.id), ['a2']);
        assert.deepEqual(await search(['ferry'], [], { filters: { to: '2025-02' } }), []);
        assert.equal((await search(['ferry'], [], { limit: 1 })).length, 1);
        // Operators and quotes a user typed are plain text, never syntax.
        assert.deepEqual(await search(['"unbalanced', 'NEAR(', 'OR']), []);
        assert.deepEqual(await search(['*()']), [], 'a term with no word in it matches nothing');
        assert.deepEqual(await search([]), []);
      } finally {
        await store.close();
      }
    });

    it('shrinks the date range and retitles the event and storyline that a split leaves', async () => {
      const store = await open();
      try {
        // A quarry blast report, then two weeks later a separate council vote that the clusterer first put in the same event.
        await store.saveArticle(save(storedArticle({ id: 'blast-1', title: 'Blast at Corran quarry shakes village', published: '2025-05-02' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'blast-2', title: 'Quarry blast: inspectors on site', published: '2025-05-03' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'vote-1', title: 'Council votes to close Corran quarry road', published: '2025-05-19' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'vote-2', title: 'Quarry road closure passes', published: '2025-05-20', duplicateOf: 'vote-1', duplicateKind: 'syndicated' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'old-1', title: 'Quarry expansion approved', published: '2024-11-08' }), 'e0', 's0'));
        assert.equal((await store.getEvent('e1'))?.lastDate, '2025-05-20');
        // The split moves the council vote to a new event of the same storyline; its copy follows it.
        await store.reassignArticle('vote-1', { id: 'e2', storylineId: 's1', title: 'Council votes to close Corran quarry road', date: '2025-05-19' }, []);
        const left = await store.getEvent('e1');
        assert.deepEqual(left?.articleIds, ['blast-1', 'blast-2']);
        assert.deepEqual([left?.firstDate, left?.lastDate, left?.title], ['2025-05-02', '2025-05-03', 'Blast at Corran quarry shakes village']);
        const line = (await store.listStorylines()).items.find((l) => l.id === 's1');
        assert.deepEqual([line?.firstDate, line?.lastDate], ['2025-05-02', '2025-05-19']);
        // The earliest article leaves: the event's title and start move to what remains, in another storyline.
        await store.reassignArticle('blast-1', { id: 'e0', storylineId: 's0', title: 'Blast at Corran quarry shakes village', date: '2025-05-02' }, []);
        const rest = await store.getEvent('e1');
        assert.deepEqual([rest?.firstDate, rest?.lastDate, rest?.title], ['2025-05-03', '2025-05-03', 'Quarry blast: inspectors on site']);
        const s1 = (await store.listStorylines()).items.find((l) => l.id === 's1');
        assert.deepEqual([s1?.firstDate, s1?.title], ['2025-05-03', 'Quarry blast: inspectors on site']);
        // Its last article leaves: the empty event is dropped from its storyline.
        await store.reassignArticle('blast-2', { id: 'e2', storylineId: 's1', title: 'Quarry blast: inspectors on site', date: '2025-05-03' }, []);
        assert.equal(await store.getEvent('e1'), null);
        assert.deepEqual((await store.listStorylines()).items.find((l) => l.id === 's1')?.eventIds, ['e2']);
        // Reassigning to the event an article is in (replay) changes nothing.
        await store.reassignArticle('old-1', { id: 'e0', storylineId: 's0', title: 'Quarry expansion approved', date: '2024-11-08' }, []);
        const e0 = await store.getEvent('e0');
        assert.deepEqual([e0?.firstDate, e0?.lastDate, e0?.title], ['2024-11-08', '2025-05-02', 'Quarry expansion approved']);
      } finally {
        await store.close();
      }
    });

    it('sets publication dates found later and redraws the event and storyline ranges and titles', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'd1', title: 'Ferry terminal plans revived', published: '2023-01', publishedFrom: 'inferred' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'd2', title: 'Ferry terminal approved', published: '2024-03-04' }), 'e1', 's1'));
        assert.equal((await store.getEvent('e1'))?.firstDate, '2023-01');
        const evidence = [{ text: 'last spring', reason: 'the same happening as "in March" in article d2', article: 'd2' }];
        await store.setPublicationDates([{ id: 'd1', published: '2024-05', publishedFrom: 'inferred', publishedEvidence: evidence }, { id: 'unknown', published: '2024-05', publishedFrom: 'inferred', publishedEvidence: [] }]);
        const d1 = await store.getArticle('d1');
        assert.equal(d1?.published, '2024-05');
        assert.deepEqual(d1?.publishedEvidence, evidence);
        const event = await store.getEvent('e1');
        assert.deepEqual([event?.firstDate, event?.lastDate, event?.title], ['2024-03-04', '2024-05', 'Ferry terminal approved']);
        const [line] = (await store.listStorylines()).items;
        assert.deepEqual([line?.firstDate, line?.lastDate, line?.title], ['2024-03-04', '2024-05', 'Ferry terminal approved']);
      } finally {
        await store.close();
      }
    });

    it('keeps the first clustering profile claimed', async () => {
      const store = await open();
      try {
        assert.equal(await store.loadClusterProfile(), null);
        assert.equal(await store.claimClusterProfile('headlines'), 'headlines');
        assert.equal(await store.claimClusterProfile('news'), 'headlines', 'the saved profile wins');
        assert.equal(await store.loadClusterProfile(), 'headlines');
      } finally {
        await store.close();
      }
    });

    it('stores article analyses by article and version: the latest one replaces the earlier, other versions are not read', async () => {
      const store = await open();
      try {
        const text = 'The harbour authority approved the terminal on Tuesday. It opens in May.';
        const analysis = (version: number, dct: string | null): ArticleAnalysis => ({
          version,
          textLength: text.length,
          sentences: [{ start: 0, end: 55 }, { start: 56, end: 72 }],
          timexDct: dct,
          timexes: [{ start: 47, end: 54, type: 'DATE', value: '2025-03-04' }],
          mentions: [],
          reportable: [{ start: 0, end: 55 }, null],
          entities: [[{ start: 0, end: 4, text: 'The harbour', kind: 'unknown' }], []],
          commentsStart: text.length,
          quotes: [{ start: 0, end: 55, speaker: 'Ann Holt', verb: 'said', direct: false, quoteStart: 23, quoteEnd: 44, verbatim: [[23, 31]] }],
        });
        assert.deepEqual(await store.getArticleAnalyses(['a1'], 1), new Map());
        await store.saveArticleAnalyses([{ articleId: 'a1', analysis: analysis(1, '2025-03-05') }, { articleId: 'a2', analysis: analysis(1, null) }]);
        await store.saveArticleAnalyses([{ articleId: 'a1', analysis: analysis(1, '2025-03-06') }]);
        await store.flush();
        const read = await store.getArticleAnalyses(['a1', 'a2', 'a3'], 1);
        assert.deepEqual([...read.keys()].sort(), ['a1', 'a2']);
        assert.deepEqual(read.get('a1'), analysis(1, '2025-03-06'));
        assert.deepEqual(await store.getArticleAnalyses(['a1', 'a2'], 2), new Map(), 'an older version is not read as a newer one');
      } finally {
        await store.close();
      }
    });

    it('saves and loads the clusterer snapshot, errors and feed state', async () => {
      const store = await open();
      try {
        assert.equal(await store.loadSnapshot(), null);
        await store.saveSnapshot({ snapshot: '{"n":3}', seq: 3 });
        await store.saveSnapshot({ snapshot: '{"n":4}', seq: 4 });
        assert.deepEqual(await store.loadSnapshot(), { snapshot: '{"n":4}', seq: 4 });
        await store.recordError({ source: 'feed.xml', position: 'item 2', code: 'empty-item', message: 'item has no title and no content' });
        assert.deepEqual(await store.listErrors(), [{ source: 'feed.xml', position: 'item 2', code: 'empty-item', message: 'item has no title and no content' }]);
        assert.equal(await store.getFeedState('https://courier.example/rss'), null);
        const state = { url: 'https://courier.example/rss', etag: '"v1"', lastModified: 'Tue, 04 Mar 2025 10:00:00 GMT', fetchedAt: '2025-03-04T10:00:00.000Z', status: 200 };
        await store.saveFeedState(state);
        assert.deepEqual(await store.getFeedState(state.url), state);
        assert.equal((await store.counts()).errors, 1);
      } finally {
        await store.close();
      }
    });

    it('keeps subscriptions: saved, read back, updated in place (their order kept), listed, deleted', async () => {
      const store = await open();
      try {
        const health = {
          lastPollAt: null, lastOutcome: null, lastStatus: null, lastItems: null, lastNew: 0, lastNewAt: null, totalNew: 0,
          failures: 0, errorScore: 0, lastError: null, intervalSeconds: 1800, nextPollAt: '2025-03-04T10:00:00.000Z', disabled: null,
        };
        const courier: Subscription = { url: 'https://courier.example/rss', title: 'Elsworth Courier', everySeconds: null, addedAt: '2025-03-04T10:00:00.000Z', health };
        const valley: Subscription = { url: 'https://valleypost.example/atom', title: null, everySeconds: 900, addedAt: '2025-03-04T10:01:00.000Z', health };
        assert.deepEqual(await store.listSubscriptions(), []);
        assert.equal(await store.getSubscription(courier.url), null);
        await store.saveSubscription(courier);
        await store.saveSubscription(valley);
        const failing: Subscription = {
          ...courier,
          health: { ...health, failures: 1, errorScore: 1, lastError: { at: '2025-03-04T10:05:00.000Z', code: 'timeout', status: null, message: 'no answer' }, disabled: { at: '2025-03-04T10:05:00.000Z', reason: 'gone' } },
        };
        await store.saveSubscription(failing);
        assert.deepEqual(await store.getSubscription(courier.url), failing);
        assert.deepEqual((await store.listSubscriptions()).map((s) => s.url), [courier.url, valley.url]);
        assert.equal(await store.deleteSubscription(courier.url), true);
        assert.equal(await store.deleteSubscription(courier.url), false);
        assert.deepEqual(await store.listSubscriptions(), [valley]);
      } finally {
        await store.close();
      }
    });

    it('logs an error once per source, position and code: ingesting the same bad line again keeps the latest message', async () => {
      const store = await open();
      try {
        const line = { source: 'wires/harbour.jsonl', position: 'line 7', code: 'no-content' };
        await store.recordError({ ...line, message: 'neither text nor html' });
        await store.recordError({ source: 'wires/harbour.jsonl', position: null, code: 'unreadable', message: 'cannot read: EACCES' });
        await store.recordError({ ...line, message: 'neither text nor html (fields: Id, textCleaned)' });
        await store.recordError({ source: 'wires/harbour.jsonl', position: null, code: 'unreadable', message: 'cannot read: EIO' });
        // Another code at the same place is another error.
        await store.recordError({ ...line, code: 'bad-json', message: 'malformed JSON' });
        const errors = await store.listErrors();
        assert.equal(errors.length, 3, JSON.stringify(errors));
        assert.equal(errors.find((e) => e.code === 'no-content')?.message, 'neither text nor html (fields: Id, textCleaned)');
        assert.equal(errors.find((e) => e.code === 'unreadable')?.message, 'cannot read: EIO');
        assert.equal((await store.counts()).errors, 3);
      } finally {
        await store.close();
      }
    });

    it('raises a storyline version on every change its report would show: a join, a re-dating, a move, a merge', async () => {
      const store = await open();
      try {
        assert.equal(await store.storylineVersion('s1'), null, 'no storyline, no version');
        await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'b1', title: 'Quarry road closed after blast' }), 'e9', 's9'));
        const v1 = await store.storylineVersion('s1');
        assert.ok(v1 !== null);
        await store.saveArticle(save(storedArticle({ id: 'a2', published: '2025-03-06' }), 'e1', 's1'));
        const joined = await store.storylineVersion('s1');
        assert.ok(joined !== v1, 'an article joining changes its storyline');
        const v9 = await store.storylineVersion('s9');
        await store.setPublicationDates([{ id: 'a2', published: '2025-03', publishedFrom: 'inferred', publishedEvidence: [] }]);
        const redated = await store.storylineVersion('s1');
        assert.ok(redated !== joined, 'a re-dated article changes its storyline');
        assert.equal(await store.storylineVersion('s9'), v9, 'another storyline is untouched');
        await store.reassignArticle('a2', { id: 'e2', storylineId: 's1', title: 'x', date: '2025-03' }, []);
        assert.ok((await store.storylineVersion('s1')) !== redated, 'an article moving between two events of the storyline changes it');
        const before = await store.storylineVersion('s1');
        await store.recordMerges([{ level: 'storyline', from: 's9', into: 's1' }]);
        assert.ok((await store.storylineVersion('s1')) !== before, 'a storyline merged in changes it');
        assert.equal(await store.storylineVersion('s9'), null, 'the merged-away storyline has no version of its own');
        const beforeEventMerge = await store.storylineVersion('s1');
        await store.recordMerges([{ level: 'event', from: 'e9', into: 'e1' }]);
        assert.ok((await store.storylineVersion('s1')) !== beforeEventMerge, 'an event merged in changes it');
      } finally {
        await store.close();
      }
    });

    it('stores one report per storyline, says which are stale, and drops the report of a storyline merged away', async () => {
      const store = await open();
      try {
        await store.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'b1', title: 'Quarry road closed after blast' }), 'e9', 's9'));
        assert.equal(await store.getReport('s1'), null);
        const report = (id: string, version: number, json: string) => ({ storylineId: id, version, builder: 'test-build', builtAt: '2025-03-07T09:00:00.000Z', json });
        const v1 = (await store.storylineVersion('s1'))!;
        await store.saveReport(report('s1', v1, '{"headline":"first"}'));
        await store.saveReport(report('s1', v1, '{"headline":"again"}'));
        await store.saveReport(report('s9', (await store.storylineVersion('s9'))!, '{"headline":"quarry"}'));
        assert.deepEqual(await store.getReport('s1'), report('s1', v1, '{"headline":"again"}'), 'the later save replaces the earlier');
        assert.deepEqual(await store.staleReports(), []);
        await store.saveArticle(save(storedArticle({ id: 'a2', published: '2025-03-06' }), 'e1', 's1'));
        assert.deepEqual(await store.staleReports(), ['s1'], 'a new article makes its storyline report stale, and only that one');
        assert.equal((await store.getReport('s1'))?.version, v1, 'the stale report is kept until a new one replaces it');
        await store.recordMerges([{ level: 'storyline', from: 's9', into: 's1' }]);
        assert.equal(await store.getReport('s9'), null, 'a storyline merged away loses its report');
        await store.saveReport(report('s9', 0, '{"headline":"late"}'));
        assert.equal(await store.getReport('s9'), null, 'a build finishing after the merge stores nothing');
      } finally {
        await store.close();
      }
    });

    it('covers every method of the interface (a new method needs its case here)', async () => {
      await withStore(open, async (store) => {
        assert.deepEqual(methodsOf(store), [...SUITE_METHODS].sort());
      });
    });

    it('reads several articles in one call, in the order asked, unknown ids left out', async () => {
      await withStore(open, async (store) => {
        for (const id of ['a1', 'a2', 'a3']) await store.saveArticle(save(storedArticle({ id }), 'e1', 's1'));
        const got = await store.getArticles(['a3', 'missing', 'a1', 'a3']);
        assert.deepEqual(got.map((a) => [a.id, a.eventId, a.storylineId]), [['a3', 'e1', 's1'], ['a1', 'e1', 's1']]);
        assert.equal(got[0]!.text, storedArticle({ id: 'a3' }).text);
        assert.deepEqual(await store.getArticles([]), []);
      });
    });

    it('reads one storyline by id, following merges, and its events and articles in one call', async () => {
      await withStore(open, async (store) => {
        await store.saveArticle(save(storedArticle({ id: 'a1', published: '2025-03-01', outlet: 'Elsworth Courier' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'a2', published: '2025-03-08', outlet: 'Harbour Gazette', title: 'Terminal opens to ferries' }), 'e2', 's2'));
        await store.saveArticle(save(storedArticle({ id: 'a3', published: '2025-03-09', duplicateOf: 'a2', duplicateKind: 'exact' }), 'e2', 's2', { merges: [{ level: 'storyline', from: 's1', into: 's2' }] }));
        const line = await store.getStoryline('s1');
        assert.equal(line?.id, 's2', 'a merged-away id reads the storyline it went into');
        assert.deepEqual(line?.eventIds, ['e1', 'e2']);
        assert.equal(line?.articleCount, 3);
        assert.deepEqual(line?.outlets, ['Elsworth Courier', 'Harbour Gazette'], 'a duplicate adds no outlet');
        assert.deepEqual([line?.firstDate, line?.lastDate], ['2025-03-01', '2025-03-09']);
        assert.equal(await store.getStoryline('nowhere'), null);
        const contents = await store.storylineContents('s1');
        assert.deepEqual(contents?.storyline, line);
        assert.deepEqual(contents?.events.map((e) => [e.id, e.storylineId, e.articleIds]), [['e1', 's2', ['a1']], ['e2', 's2', ['a2', 'a3']]]);
        assert.deepEqual(contents?.events[1], await store.getEvent('e2'));
        assert.deepEqual(contents?.articles.map((a) => a.id), ['a1', 'a2', 'a3'], 'articles event by event');
        assert.deepEqual(contents?.articles[1], await store.getArticle('a2'));
        assert.equal(await store.storylineContents('nowhere'), null);
      });
    });

    it('lists storylines by outlet, language, date range and entity, sorted and paged, with the total', async () => {
      await withStore(open, async (store) => {
        // s1: a ferry story in March (two outlets); s2: a glacier story in February, in German too; s3: undated.
        await store.saveArticle(save(storedArticle({ id: 'f1', published: '2025-03-04', outlet: 'Elsworth Courier' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'f2', published: '2025-03-06', outlet: 'Harbour Gazette' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'f3', published: '2025-03-07', outlet: 'Wire Copy', duplicateOf: 'f2', duplicateKind: 'syndicated' }), 'e1', 's1'));
        await store.saveArticle(save(storedArticle({ id: 'g1', published: '2025-02-10', outlet: 'Alpine Post', title: 'Hollin glacier retreats', text: 'Survey teams saw Mira Okafor measure the Hollin glacier.' }), 'e2', 's2'));
        await store.saveArticle(save(storedArticle({ id: 'g2', published: '2025-02-11', outlet: 'Bergblatt', language: 'de', title: 'Gletscher', text: 'Der Hollin-Gletscher schmilzt weiter.' }), 'e2', 's2'));
        await store.saveArticle(save(storedArticle({ id: 'u1', published: null, outlet: 'Élan Hebdo', title: 'Notes', text: 'Undated notes from the valley.' }), 'e3', 's3'));
        const ids = async (q: StorylineQuery) => (await store.listStorylines(q)).items.map((l) => l.id);
        assert.deepEqual(await ids({}), ['s1', 's2', 's3'], 'most recently active first, undated last');
        assert.deepEqual(await ids({ sort: 'articles' }), ['s1', 's2', 's3']);
        assert.deepEqual(await ids({ outlet: 'harbour GAZETTE' }), ['s1'], 'outlet case is ignored');
        assert.deepEqual(await ids({ outlet: 'élan hebdo' }), ['s3'], 'beyond ASCII too');
        assert.deepEqual(await ids({ outlet: 'Wire Copy' }), [], 'a syndicated copy is not its outlet\'s own reporting');
        assert.deepEqual(await ids({ language: 'DE' }), ['s2']);
        assert.deepEqual(await ids({ from: '2025-03' }), ['s1'], 'a partial date counts as its whole period');
        assert.deepEqual(await ids({ to: '2025-02' }), ['s2']);
        assert.deepEqual(await ids({ from: '2025-02-11', to: '2025-03-04' }), ['s1', 's2'], 'ranges that overlap');
        assert.deepEqual(await ids({ entity: 'Mira Okafor' }), ['s2']);
        assert.deepEqual(await ids({ entity: 'Okafor Mira' }), [], 'an entity is a phrase, not loose words');
        assert.deepEqual(await ids({ entity: '"*(' }), [], 'an entity without a word names nothing');
        assert.deepEqual(await ids({ ids: ['s3', 's1', 'gone'] }), ['s1', 's3']);
        const page = await store.listStorylines({ limit: 1, offset: 1 });
        assert.equal(page.total, 3);
        assert.deepEqual(page.items.map((l) => l.id), ['s2']);
        assert.deepEqual(page.items[0], await store.getStoryline('s2'), 'a listed storyline is the one read alone');
        assert.deepEqual(await store.listStorylines({ limit: 5, offset: 9 }), { total: 3, items: [] });
      });
    });

    it('upserts an event: a new one makes its storyline, a later date widens both; flush keeps them', async () => {
      await withStore(open, async (store) => {
        await store.upsertEvent({ id: 'e1', storylineId: 's1', title: 'Ferry terminal approved', date: '2025-03-04' });
        await store.upsertEvent({ id: 'e1', storylineId: 's1', title: 'Ferry terminal opens', date: '2025-04-20' });
        await store.flush();
        const e1 = await store.getEvent('e1');
        assert.deepEqual([e1?.title, e1?.firstDate, e1?.lastDate, e1?.articleIds], ['Ferry terminal approved', '2025-03-04', '2025-04-20', []]);
        const s1 = await store.getStoryline('s1');
        assert.deepEqual([s1?.title, s1?.firstDate, s1?.lastDate, s1?.eventIds], ['Ferry terminal approved', '2025-03-04', '2025-04-20', ['e1']]);
      });
    });

    it('runs a unit of work: its writes commit together or not at all, and other writes wait for it', async () => {
      await withStore(open, async (store) => {
        const seq = await store.transaction(async (tx) => {
          await tx.saveArticle(save(storedArticle({ id: 'a1' }), 'e1', 's1'));
          await tx.saveFeedState({ url: 'https://courier.example/rss', etag: '"v1"', lastModified: null, fetchedAt: '2025-03-05T10:00:00.000Z', status: 200 });
          return tx.lastSeq();
        });
        assert.ok(seq > 0, 'the unit returns what its work returns');
        assert.equal((await store.getArticle('a1'))?.eventId, 'e1');
        const failed = new Error('the feed answered garbage');
        await assert.rejects(
          store.transaction(async (tx) => {
            await tx.saveArticle(save(storedArticle({ id: 'a2', contentHash: 'h2' }), 'e2', 's2', { bandKeys: [21] }));
            await tx.recordError({ source: 'feed', position: null, code: 'bad-feed', message: 'garbage' });
            assert.equal((await tx.getArticle('a2'))?.id, 'a2', 'the unit reads its own writes');
            throw failed;
          }),
          (err) => err === failed,
        );
        assert.equal(await store.getArticle('a2'), null, 'an undone unit leaves no article');
        assert.equal(await store.getArticleByHash('h2'), null);
        assert.equal(await store.getEvent('e2'), null);
        assert.deepEqual(await store.listErrors(), []);
        assert.deepEqual(await store.findNearDuplicateCandidates([21], 5), []);
        // A write from outside the unit waits until the unit ends: it cannot land inside a unit that is undone.
        let release!: () => void;
        const gate = new Promise<void>((r) => (release = r));
        const unit = store.transaction(async (tx) => {
          await tx.saveArticle(save(storedArticle({ id: 'a3' }), 'e3', 's3'));
          await gate;
          throw failed;
        });
        await new Promise((r) => setTimeout(r, 20));
        const outside = store.saveArticle(save(storedArticle({ id: 'a4' }), 'e4', 's4'));
        release();
        await assert.rejects(unit, (err) => err === failed);
        await outside;
        assert.equal(await store.getArticle('a3'), null);
        assert.equal((await store.getArticle('a4'))?.eventId, 'e4', 'the outside write landed after the unit, committed');
        assert.deepEqual((await store.listStorylines()).items.map((l) => l.id).sort(), ['s1', 's4']);
      });
    });
  });
}
