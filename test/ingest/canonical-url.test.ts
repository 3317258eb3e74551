import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { canonicalUrl, linkUrl } from '../../src/ingest/index.js';

describe('canonicalUrl', () => {
  const cases: [string, string, string | null][] = [
    ['drops tracking parameters and the fragment, keeps content parameters sorted', 'https://www.courier.example/news/story?utm_source=rss&utm_medium=feed&id=42&fbclid=abc&page=2#comments', 'https://courier.example/news/story?id=42&page=2'],
    ['drops gclid, mc_cid and Piano pk_ parameters', 'https://courier.example/a?gclid=1&mc_cid=2&pk_campaign=3', 'https://courier.example/a'],
    ['treats http and https, trailing slash and case of the host alike', 'HTTP://Courier.Example/news/story/', 'https://courier.example/news/story'],
    ['maps a mobile host to the main site', 'https://m.courier.example/news/story', 'https://courier.example/news/story'],
    ['maps an amp. host and a trailing /amp path to the article', 'https://amp.courier.example/news/story/amp', 'https://courier.example/news/story'],
    ['maps a leading /amp/ path segment and .amp.html', 'https://courier.example/amp/news/story.amp.html', 'https://courier.example/news/story.html'],
    ['maps ?amp=1 and outputType=amp away', 'https://courier.example/news/story?amp=1&outputType=amp', 'https://courier.example/news/story'],
    ['unwraps the AMP cache', 'https://courier-example.cdn.ampproject.org/c/s/courier.example/news/story', 'https://courier.example/news/story'],
    ['unwraps a Google News redirect', 'https://news.google.com/news/url?sa=t&fd=R&url=https://courier.example/news/story?utm_campaign=gn', 'https://courier.example/news/story'],
    ['unwraps a google.com/url redirect', 'https://www.google.com/url?q=https%3A%2F%2Fcourier.example%2Fnews%2Fstory&sa=D', 'https://courier.example/news/story'],
    ['unwraps a Facebook link shim', 'https://l.facebook.com/l.php?u=https%3A%2F%2Fcourier.example%2Fnews%2Fstory%3Ffbclid%3Dx&h=AT0', 'https://courier.example/news/story'],
    ['keeps a non-default port', 'http://127.0.0.1:8080/feed.xml', 'https://127.0.0.1:8080/feed.xml'],
    ['returns null for what is no http(s) URL', 'mailto:desk@courier.example', null],
    ['returns null for a bare path', 'articles/story.txt', null],
  ];
  for (const [name, input, expected] of cases) {
    it(name, () => assert.equal(canonicalUrl(input), expected));
  }
  it('returns null for nothing', () => {
    assert.equal(canonicalUrl(null), null);
    assert.equal(canonicalUrl(''), null);
  });
});

describe('linkUrl', () => {
  it('keeps the scheme, host and path a reader follows, without tracking parameters and fragment', () => {
    assert.equal(linkUrl('http://127.0.0.1:8123/page.html?id=3&utm_source=rss#top'), 'http://127.0.0.1:8123/page.html?id=3');
    assert.equal(linkUrl('https://m.courier.example/news/story?fbclid=x'), 'https://m.courier.example/news/story');
  });
  it('unwraps redirectors to the publisher and refuses what is no http(s) URL', () => {
    assert.equal(linkUrl('https://www.google.com/url?q=https%3A%2F%2Fcourier.example%2Fnews%2Fstory&sa=D'), 'https://courier.example/news/story');
    assert.equal(linkUrl('articles/story.txt'), null);
  });
});
