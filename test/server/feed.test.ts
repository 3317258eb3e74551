import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { parseFeed } from '../../src/ingest/index.js';
import { atomDate, escapeXml } from '../../src/server/index.js';
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
    const line = ((await (await f.app.app.request('/api/storylines?sort=articles')).json()) as { items: { id: string; articleCount: number }[] }).items[0]!;
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
    // Newest first.
    const dates = feed.items.map((i) => i.published!);
    assert.deepEqual(dates, [...dates].sort().reverse());
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
