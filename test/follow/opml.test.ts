import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCHEDULE, newSubscription, readOpml, renderOpml } from '../../src/follow/index.js';

const LIST = `<?xml version="1.0"?>
<opml version="2.0"><head><title>Desk feeds</title></head><body>
  <outline text="Regional">
    <outline type="rss" text="Elsworth Courier &amp; Sons" xmlUrl="https://courier.example/rss"/>
    <outline type="rss" title="Valley Post" xmlUrl="https://valleypost.example/atom"/>
  </outline>
  <outline type="rss" text="Local secrets" xmlUrl="/etc/passwd"/>
  <outline type="rss" text="Relative" xmlUrl="feeds/other.rss"/>
  <outline type="rss" text="A file URL" xmlUrl="file:///etc/hosts"/>
</body></opml>`;

describe('OPML', () => {
  it('imports http(s) feeds with their names and refuses local paths, relative entries and file: URLs', () => {
    const read = readOpml(LIST);
    assert.ok(read.ok);
    assert.deepEqual(read.feeds, [
      { url: 'https://courier.example/rss', title: 'Elsworth Courier & Sons' },
      { url: 'https://valleypost.example/atom', title: 'Valley Post' },
    ]);
    assert.deepEqual(read.refused.map((r) => r.entry), ['/etc/passwd', 'feeds/other.rss', 'file:///etc/hosts']);
  });

  it('refuses a feed given as a list, and a hostile document', () => {
    const rss = readOpml('<rss version="2.0"><channel><title>Courier</title></channel></rss>');
    assert.ok(!rss.ok && /not an OPML list/.test(rss.message));
    const bomb = readOpml('<?xml version="1.0"?><!DOCTYPE opml [<!ENTITY a "aaaa">]><opml><body><outline xmlUrl="https://x.example/&a;"/></body></opml>');
    assert.ok(!bomb.ok && /entity/.test(bomb.message));
  });

  it('exports every subscription, escaped, and reads back what it wrote', () => {
    const now = Date.parse('2025-03-04T10:00:00Z');
    const subs = [
      newSubscription('https://courier.example/rss?section=a&b=1', { title: 'Courier "Harbour" <desk>', everySeconds: null }, now, DEFAULT_SCHEDULE),
      newSubscription('https://valleypost.example/atom', { title: null, everySeconds: 900 }, now, DEFAULT_SCHEDULE),
    ];
    const xml = renderOpml(subs, new Date(now));
    assert.doesNotMatch(xml, /<desk>/);
    const back = readOpml(xml);
    assert.ok(back.ok);
    assert.deepEqual(back.feeds, [
      { url: 'https://courier.example/rss?section=a&b=1', title: 'Courier "Harbour" <desk>' },
      { url: 'https://valleypost.example/atom', title: 'https://valleypost.example/atom' },
    ]);
  });
});
