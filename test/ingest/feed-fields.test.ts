import assert from 'node:assert/strict';
import { test } from 'node:test';
import { decodeXml } from '../../src/extract/index.js';
import { parseFeed } from '../../src/ingest/index.js';

// Invented feeds, one per rule of reading titles, content and encodings.

test('HTML entities XML does not know are decoded in titles (sloppy feeds write &eacute;)', () => {
  const feed = parseFeed('<rss><channel><title>Caf&eacute; Gazette &mdash; Tarn</title><item><title>Fa&ccedil;ade of the town hall restored</title><link>https://gazette.example/1</link></item></channel></rss>');
  assert.ok(feed.ok);
  assert.equal(feed.title, 'Café Gazette — Tarn');
  assert.equal(feed.items[0]!.title, 'Façade of the town hall restored');
});

test('markup in a title is rendered as text, never passed on (an onerror handler included)', () => {
  const feed = parseFeed('<feed xmlns="http://www.w3.org/2005/Atom"><title type="html">&lt;b&gt;Valley&lt;/b&gt; Post&lt;img src=x onerror=alert(1)&gt;</title><entry><title type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml">Ferry fares &lt;rise&gt; by <em>a tenth</em></div></title><link href="https://valleypost.example/2"/></entry></feed>');
  assert.ok(feed.ok);
  assert.equal(feed.title, 'Valley Post');
  assert.equal(feed.items[0]!.title, 'Ferry fares <rise> by a tenth', 'escaped angle brackets in XHTML are text');
  const rss = parseFeed('<rss><channel><title>Tarn &lt;i&gt;Radio&lt;/i&gt;</title></channel></rss>');
  assert.ok(rss.ok);
  assert.equal(rss.title, 'Tarn Radio', 'escaped HTML in an RSS title is markup too');
});

test('base64 content is decoded (Atom 0.3 mode="base64", Atom 1.0 non-text media types)', () => {
  const html = '<p>The bridge reopens on Monday.</p>';
  const b64 = Buffer.from(html).toString('base64');
  const feed = parseFeed(`<feed xmlns="http://www.w3.org/2005/Atom"><entry><title>Bridge</title><content type="text/html" mode="base64">${b64}</content></entry><entry><title mode="base64" type="text/plain">${Buffer.from('Tram vote').toString('base64')}</title><content type="application/octet-stream">${b64}</content></entry></feed>`);
  assert.ok(feed.ok);
  assert.equal(feed.items[0]!.html, html);
  assert.equal(feed.items[1]!.title, 'Tram vote');
  assert.equal(feed.items[1]!.html, html);
});

test('an item with only a link is kept (its page can be fetched); one with nothing is refused', () => {
  const feed = parseFeed('<rss><channel><item><link>https://courier.example/tram</link></item><item><author>Nobody</author></item></channel></rss>');
  assert.ok(feed.ok);
  assert.equal(feed.items.length, 1);
  assert.equal(feed.items[0]!.url, 'https://courier.example/tram');
  assert.equal(feed.errors[0]!.code, 'empty-item');
});

test('RSS items carry whole articles in an XHTML body too', () => {
  const feed = parseFeed('<rss><channel><item><title>Tram</title><body xmlns="http://www.w3.org/1999/xhtml"><p>The council voted for the eastern tram line.</p></body></item></channel></rss>');
  assert.ok(feed.ok);
  assert.equal(feed.items[0]!.html, '<p>The council voted for the eastern tram line.</p>');
});

test('XML in UTF-16 or UTF-32 is read with or without a byte order mark', () => {
  const xml = '<?xml version="1.0"?><rss><channel><title>Ørsted Tidende</title></channel></rss>';
  const utf16le = Buffer.from(xml, 'utf16le');
  const utf16be = Buffer.from(utf16le).swap16();
  const utf32 = (bigEndian: boolean) => {
    const out = Buffer.alloc([...xml].length * 4);
    [...xml].forEach((ch, i) => (bigEndian ? out.writeUInt32BE(ch.codePointAt(0)!, i * 4) : out.writeUInt32LE(ch.codePointAt(0)!, i * 4)));
    return out;
  };
  const cases: [string, Buffer][] = [
    ['utf-16le, no mark', utf16le],
    ['utf-16be, no mark', utf16be],
    ['utf-16le, mark', Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le])],
    ['utf-32be, no mark', utf32(true)],
    ['utf-32le, mark', Buffer.concat([Buffer.from([0xff, 0xfe, 0, 0]), utf32(false)])],
    ['utf-8', Buffer.from(xml)],
  ];
  for (const [name, bytes] of cases) {
    const feed = parseFeed(decodeXml(bytes));
    assert.ok(feed.ok, name);
    assert.equal(feed.title, 'Ørsted Tidende', name);
  }
});
