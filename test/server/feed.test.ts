import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseFeed } from '../../src/ingest/index.js';
import { atomDate, escapeXml, renderAtomFeed } from '../../src/server/index.js';
import { demoFixture, HOSTILE_ID, HOSTILE_TITLE, type Fixture } from './helpers.js';

describe('Atom feed per storyline', () => {
  let f: Fixture;
  before(async () => {
    f = await demoFixture({ hostile: true });
  });
  after(async () => {
    await f.close();
  });

  test('parses back (with the ingest stage’s feed reader): one entry per article plus developments, titles unescaped intact', async () => {
    const line = ((await (await f.app.app.request('/api/storylines?sort=articles')).json()) as { items: { id: string; title: string; articleCount: number }[] }).items[0]!;
    const res = await f.app.app.request(`http://127.0.0.1:9/storylines/${line.id}/feed.atom`);
    assert.equal(res.status, 200);
    assert.match(res.headers.get('content-type') ?? '', /application\/atom\+xml/);
    const xml = await res.text();
    const feed = parseFeed(xml, { maxFeedChars: 10 * 2 ** 20, maxItemChars: 2 ** 20, maxItems: 1000 });
    assert.ok(feed.ok, JSON.stringify(feed));
    assert.equal(feed.kind, 'atom');
    const report = (await (await f.app.app.request(`/api/storylines/${line.id}`)).json()) as { articles: unknown[]; developments: unknown[] };
    assert.equal(feed.items.length, report.articles.length + report.developments.length);
    assert.ok(feed.items.every((i) => i.url?.startsWith('http://127.0.0.1:9/') && i.published && /Z$/.test(i.published)));
    // Dated entries newest first; entries timed by ingestion (publication unknown) after them, and saying so.
    const xmlEntries = xml.split('<entry>').slice(1);
    const undated = xmlEntries.map((e) => e.includes('Publication date unknown'));
    const firstUndated = undated.indexOf(true);
    assert.ok(firstUndated === -1 || undated.slice(firstUndated).every(Boolean), 'undated entries come last');
    const dates = feed.items.map((i) => i.published!).slice(0, firstUndated === -1 ? undefined : firstUndated);
    assert.deepEqual(dates, [...dates].sort().reverse());
    assert.doesNotMatch(xml, /1970-01-01/);
    // Entry titles are words, not schema.org codes.
    assert.doesNotMatch(xml, /<title[^>]*>[^<]*Event(Scheduled|Postponed|Rescheduled|Cancelled)/);
    // The feed is named like the listing names the storyline.
    assert.match(xml, new RegExp(`<title>${escapeXml(line.title).replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}</title>`));
  });

  test('an undated development takes its article’s ingest time and says so; never 1970; readable title', () => {
    // An invented storyline: one dated article, one undated whose development postpones an opening.
    const cite = (article: string) => ({ article, start: 0, end: 20, sentence: 'x' }) as never;
    const report = {
      headline: 'Ferry pier reopening delayed',
      storylineTitle: 'Ferry pier closed for repairs',
      articles: [
        { id: 'a1', title: 'Ferry pier closed for repairs', outlet: 'Bay Courier', published: '2025-02-03' },
        { id: 'a2', title: 'Ferry pier reopening delayed', outlet: 'Harbour Post', published: null },
      ],
      events: [],
      outlets: ['Bay Courier', 'Harbour Post'],
      facts: [], conflicts: [], singleSource: [], quotes: [], framing: [], summary: [],
      developments: [{ status: 'EventPostponed', event: 'reopening', date: null, eventDate: '2025-09', previousDate: '2025-06', text: 'The reopening was pushed back to September.', sources: ['Harbour Post'], citations: [cite('a2')] }],
    } as unknown as Parameters<typeof renderAtomFeed>[0]['report'];
    const articles = new Map([
      ['a1', { ingestedAt: '2025-02-04T09:00:00.000Z', text: 'The pier closed.', outlet: 'Bay Courier' }],
      ['a2', { ingestedAt: '2025-03-01T10:30:00.000Z', text: 'The reopening was pushed back.', outlet: 'Harbour Post' }],
    ]);
    const xml = renderAtomFeed({ storylineId: 's9', report, articles, base: 'http://127.0.0.1:9/', now: new Date('2025-04-01T00:00:00Z') });
    assert.doesNotMatch(xml, /1970/);
    assert.match(xml, /<title>Ferry pier closed for repairs<\/title>/);
    const entries = xml.split('<entry>').slice(1);
    assert.equal(entries.length, 3);
    // The dated article first, although the undated ones were ingested later.
    assert.match(entries[0]!, /2025-02-03T00:00:00Z/);
    const dev = entries.find((e) => e.includes('Reopening postponed to 2025-09 (was 2025-06)'));
    assert.ok(dev, xml);
    assert.match(dev, /<updated>2025-03-01T10:30:00Z<\/updated>/);
    assert.match(dev, /Publication date unknown/);
    assert.match(xml, /<feed[\s\S]*?<updated>2025-03-01T10:30:00Z<\/updated>/);
  });

  test('hostile titles are escaped in the XML and come back as written', async () => {
    const a = await f.store.getArticle(HOSTILE_ID);
    const xml = await (await f.app.app.request(`/storylines/${a!.storylineId}/feed.atom`)).text();
    assert.doesNotMatch(xml, /<script|<img/);
    const feed = parseFeed(xml, { maxFeedChars: 10 * 2 ** 20, maxItemChars: 2 ** 20, maxItems: 1000 });
    assert.ok(feed.ok);
    assert.ok(feed.items.some((i) => i.title === HOSTILE_TITLE));
    assert.ok(feed.items.some((i) => i.author === a!.outlet && a!.outlet!.includes('"><img')));
    assert.ok(feed.items.some((i) => i.url?.endsWith(`/articles/${encodeURIComponent(HOSTILE_ID)}`)));
  });

  test('unknown storyline: 404 JSON', async () => {
    const res = await f.app.app.request('/storylines/nope/feed.atom');
    assert.equal(res.status, 404);
    assert.equal(((await res.json()) as { error: { code: string } }).error.code, 'not-found');
  });

  test('escapeXml and atomDate', () => {
    assert.equal(escapeXml('a<b>&"\'\u0001'), 'a&lt;b&gt;&amp;&quot;&apos;');
    assert.equal(atomDate('2025-03'), '2025-03-01T00:00:00Z');
    assert.equal(atomDate('2025-03-11T10:20:30.123+02:00'), '2025-03-11T08:20:30Z');
    assert.equal(atomDate('not a date'), null);
  });
});
