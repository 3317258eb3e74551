import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { feedDate, parseFeed, sniffFeed } from '../../src/ingest/index.js';
import { nestsDeeperThan } from '../../src/ingest/feeds.js';
import { ATOM, JSON_FEED, OPML, RSS } from './fixtures.js';

describe('parseFeed', () => {
  it('reads RSS 2.0 items, prefers content:encoded, reports an empty item with its position', () => {
    const feed = parseFeed(RSS);
    assert.ok(feed.ok);
    assert.equal(feed.kind, 'rss');
    assert.equal(feed.title, 'Elsworth Courier');
    assert.equal(feed.items.length, 2);
    const [a, b] = feed.items;
    assert.equal(a!.id, 'courier-1001');
    assert.equal(a!.url, 'https://courier.example/news/ferry-terminal?utm_source=rss');
    assert.match(a!.html!, /^<p>The harbour authority.*&amp; set a budget/);
    assert.equal(a!.published, '2025-03-04T09:30:00.000Z');
    assert.equal(a!.author, 'Mara Lindqvist');
    assert.equal(b!.position, 3);
    assert.equal(b!.html, '<p>The city council postponed its vote on the eastern tram line until April.</p>');
    assert.deepEqual(feed.errors, [{ position: 2, code: 'empty-item', message: 'item has no title, no content and no link' }]);
  });

  it('reads Atom entries: alternate link, html, xhtml and text content', () => {
    const feed = parseFeed(ATOM);
    assert.ok(feed.ok);
    assert.equal(feed.kind, 'atom');
    assert.equal(feed.items[0]!.url, 'https://valleypost.example/2025/03/ferry');
    assert.equal(feed.items[0]!.author, 'Tomas Reyes');
    assert.equal(feed.items[0]!.html, '<p>Port Elsworth will get a ferry terminal, the harbour authority decided.</p>');
    assert.match(feed.items[1]!.html!, /<b>postponed<\/b>/);
    assert.equal(feed.items[1]!.published, '2025-03-05T08:00:00.000Z');
    assert.equal(feed.items[2]!.text, 'A summary in plain text.');
  });

  it('reads JSON Feed items and reports a broken one by position', () => {
    const feed = parseFeed(JSON_FEED);
    assert.ok(feed.ok);
    assert.equal(feed.kind, 'jsonfeed');
    assert.deepEqual(feed.items.map((i) => i.id), ['rt-77', 'rt-78']);
    assert.equal(feed.items[0]!.author, 'Lea Novak');
    assert.equal(feed.items[0]!.published, '2025-02-01T06:00:00.000Z');
    assert.equal(feed.items[1]!.text, 'Miners met the owner on Friday.');
    assert.deepEqual(feed.errors.map((e) => [e.position, e.code]), [[2, 'bad-item']]);
  });

  it('lists the feeds of an OPML file', () => {
    const feed = parseFeed(OPML);
    assert.ok(feed.ok);
    assert.deepEqual(feed.feeds, ['https://courier.example/rss', 'https://valleypost.example/atom']);
  });

  it('refuses a billion-laughs feed without expanding anything', () => {
    const lol = `<?xml version="1.0"?>
<!DOCTYPE rss [
 <!ENTITY lol "lol">
 <!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
 <!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;&lol1;">
 <!ENTITY lol9 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">
]>
<rss version="2.0"><channel><title>x</title><item><title>&lol9;</title><description>&lol9;</description></item></channel></rss>`;
    const started = Date.now();
    const feed = parseFeed(lol);
    assert.equal(feed.ok, false);
    assert.equal(!feed.ok && feed.code, 'entity-declaration');
    assert.ok(Date.now() - started < 200);
  });

  it('leaves an undeclared custom entity unexpanded', () => {
    const feed = parseFeed('<rss version="2.0"><channel><item><title>A &custom; B</title><description>text</description></item></channel></rss>');
    assert.ok(feed.ok);
    assert.equal(feed.items[0]!.title, 'A &custom; B');
  });

  it('skips a gigantic item and a gigantic feed', () => {
    const huge = `<rss version="2.0"><channel><item><title>big</title><description>${'x'.repeat(3000)}</description></item><item><title>small</title><description>ok</description></item></channel></rss>`;
    const feed = parseFeed(huge, { maxItemChars: 1000 });
    assert.ok(feed.ok);
    assert.deepEqual(feed.items.map((i) => i.title), ['small']);
    assert.equal(feed.errors[0]!.code, 'item-too-large');
    const tooBig = parseFeed(huge, { maxFeedChars: 1000 });
    assert.equal(!tooBig.ok && tooBig.code, 'too-large');
  });

  it('says when a document is no feed', () => {
    assert.equal(sniffFeed('<html><body>hi</body></html>'), null);
    assert.equal(sniffFeed('<?xml version="1.0"?><!-- c --><rdf:RDF xmlns:rdf="x"></rdf:RDF>'), 'rdf');
    const r = parseFeed('{"items": []}');
    assert.equal(!r.ok && r.code, 'not-a-feed');
  });

  it('reads feed dates', () => {
    assert.equal(feedDate('Tue, 04 Mar 2025 09:30:00 GMT'), '2025-03-04T09:30:00.000Z');
    assert.equal(feedDate('2025-03-04'), '2025-03-04');
    assert.equal(feedDate('someday'), null);
  });
});

describe('feed nesting cap', () => {
  it('refuses 33k nested tags at once instead of parsing them for seconds', () => {
    const xml = `<?xml version="1.0"?><rss><channel><item><title>x</title><description>${'<b>'.repeat(33_000)}</description></item></channel></rss>`;
    const started = performance.now();
    const feed = parseFeed(xml);
    assert.ok(performance.now() - started < 500);
    assert.equal(!feed.ok && feed.code, 'too-deep');
  });

  it('does not count markup inside CDATA or comments, nor self-closed tags', () => {
    const body = `<![CDATA[${'<div>'.repeat(1000)}Harbour plan approved]]>`;
    const xml = `<?xml version="1.0"?><rss><channel><!-- ${'<x>'.repeat(500)} --><item><title>Harbour</title>${'<br/>'.repeat(500)}<description>${body}</description></item></channel></rss>`;
    const feed = parseFeed(xml);
    assert.ok(feed.ok && feed.items.length === 1);
    assert.equal(nestsDeeperThan(xml, 10), false);
    assert.equal(nestsDeeperThan(`<a>${'<b>'.repeat(11)}`, 10), true);
  });
});
