// HTML metadata: each source (JSON-LD, OpenGraph, <meta name>, canonical link, <title>, host),
// their precedence, relative canonical URLs, and bad JSON-LD.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, extractHtmlDetailed, splitTitle } from '../../src/extract/html/index.js';

const BODY = '<body><article><p>The regional council voted on Thursday to extend the night bus service to the university campus until the end of the academic year.</p></article></body>';

function doc(head: string, htmlAttrs = ''): string {
  return `<!doctype html><html${htmlAttrs}><head>${head}</head>${BODY}</html>`;
}

const JSON_LD = `<script type="application/ld+json">${JSON.stringify({
  '@context': 'https://schema.org',
  '@graph': [
    { '@type': 'WebSite', name: 'Ostland Post Website' },
    {
      '@type': 'NewsArticle',
      headline: 'Night buses to run to the campus',
      author: [{ '@type': 'Person', name: 'Jonas Weber' }, { '@type': 'Person', name: 'Lea Brandt' }],
      publisher: { '@type': 'NewsMediaOrganization', name: 'Ostland Post' },
      datePublished: '2024-03-07T09:15:00+01:00',
      url: 'https://www.ostland-post.example/region/night-buses-123',
      inLanguage: 'de-DE',
      articleSection: 'Region',
      keywords: 'transport, university',
    },
  ],
})}</script>`;

const OG = `<meta property="og:title" content="OG: Night buses to campus">
<meta property="og:site_name" content="Ostland Post Online">
<meta property="og:url" content="https://www.ostland-post.example/og-url">
<meta property="article:author" content="https://www.facebook.com/ostlandpost">
<meta property="article:section" content="Lokales">
<meta property="article:tag" content="Busse">`;

const META = `<meta name="author" content="Meta Author">`;

test('JSON-LD NewsArticle gives headline, authors, section, tags and the language hint', () => {
  const r = extractHtmlDetailed(doc(JSON_LD), { url: 'https://www.ostland-post.example/x' });
  assert.equal(r.fields.title, 'Night buses to run to the campus');
  assert.equal(r.fields.author, 'Jonas Weber, Lea Brandt');
  assert.equal(r.fields.outlet, 'Ostland Post');
  assert.equal(r.fields.url, 'https://www.ostland-post.example/region/night-buses-123');
  assert.equal(r.fields.section, 'Region');
  assert.deepEqual(r.fields.tags, ['transport', 'university']);
  assert.equal(r.metadata.language, 'de');
  assert.equal(r.metadata.sources.title, 'json-ld');
});

test('precedence: JSON-LD beats OpenGraph, which beats <meta name>, which beats <title>', () => {
  const all = extractHtmlDetailed(doc(`<title>Title tag | Ostland Post</title>${META}${OG}${JSON_LD}`));
  assert.equal(all.fields.title, 'Night buses to run to the campus');
  assert.equal(all.fields.author, 'Jonas Weber, Lea Brandt');
  // og:site_name is the outlet's own display name and wins over the JSON-LD publisher.
  assert.equal(all.fields.outlet, 'Ostland Post Online');

  const noLd = extractHtmlDetailed(doc(`<title>Title tag | Ostland Post</title>${META}${OG}`));
  assert.equal(noLd.fields.title, 'OG: Night buses to campus');
  // article:author is a profile URL here, not a name: the <meta name=author> is used instead.
  assert.equal(noLd.fields.author, 'Meta Author');
  assert.equal(noLd.fields.section, 'Lokales');
  assert.deepEqual(noLd.fields.tags, ['Busse']);

  const titleOnly = extractHtmlDetailed(doc('<title>Night buses to run to the campus | Ostland Post</title>'));
  assert.equal(titleOnly.fields.title, 'Night buses to run to the campus');
  assert.equal(titleOnly.fields.outlet, 'Ostland Post');
  assert.equal(titleOnly.metadata.sources.outlet, 'title-suffix');
});

test('the canonical link wins for the URL and is resolved against the page URL', () => {
  const r = extractHtml(doc(`<link rel="canonical" href="/region/night-buses-123?ref=rss">${OG}`), { url: 'https://www.ostland-post.example/feed/item/9' });
  assert.equal(r.url, 'https://www.ostland-post.example/region/night-buses-123?ref=rss');
  const proto = extractHtml(doc('<link rel="canonical" href="//m.ostland-post.example/a/1">'), { url: 'https://www.ostland-post.example/x' });
  assert.equal(proto.url, 'https://m.ostland-post.example/a/1');
});

test('a relative canonical without a page URL is ignored; the page URL is used when nothing else is there', () => {
  assert.equal(extractHtml(doc('<link rel="canonical" href="/a/1">')).url, null);
  assert.equal(extractHtml(doc(''), { url: 'https://news.example.org/a/2' }).url, 'https://news.example.org/a/2');
  // A javascript: canonical is not a URL of the article.
  assert.equal(extractHtml(doc('<link rel="canonical" href="javascript:void(0)">'), { url: 'https://news.example.org/a/3' }).url, 'https://news.example.org/a/3');
});

test('the outlet falls back to the host name without www', () => {
  const r = extractHtml(doc('<title>Night buses to run to the campus</title>'), { url: 'https://www.ostland-post.example/x' });
  assert.equal(r.outlet, 'ostland-post.example');
});

test('title suffixes are stripped only when they look like an outlet', () => {
  assert.deepEqual(splitTitle('Night buses to campus | Ostland Post', null), { title: 'Night buses to campus', suffix: 'Ostland Post' });
  assert.deepEqual(splitTitle('Night buses to campus - Ostland Post', 'Ostland Post'), { title: 'Night buses to campus', suffix: 'Ostland Post' });
  // A colon is part of many headlines; without a known outlet it is left alone.
  assert.equal(splitTitle('Council: night buses will run to the campus', null).title, 'Council: night buses will run to the campus');
  // A long tail after a dash is part of the headline, not an outlet.
  assert.equal(
    splitTitle('Buses to campus - the council finally agrees after a year of student protests', null).title,
    'Buses to campus - the council finally agrees after a year of student protests',
  );
});

test('<html lang> is returned as the language hint', () => {
  const r = extractHtmlDetailed(doc('<title>x</title>', ' lang="pl-PL"'));
  assert.equal(r.metadata.language, 'pl');
  assert.equal(r.metadata.sources.language, 'html-lang');
});

test('broken JSON-LD is ignored and the next source is used', () => {
  const r = extractHtml(doc(`<script type="application/ld+json">{"@type": "NewsArticle", "headline": </script>${OG}`));
  assert.equal(r.title, 'OG: Night buses to campus');
});

test('author names from byline metadata lose a leading "By"', () => {
  const r = extractHtml(doc('<meta name="author" content="By Jonas Weber">'));
  assert.equal(r.author, 'Jonas Weber');
});

test('dates come from the HTML date helper, and the fields are well-formed without any metadata', () => {
  const r = extractHtml('<html><body><p>Short note without metadata.</p></body></html>');
  assert.equal(r.title, null);
  assert.equal(r.url, null);
  assert.equal(r.author, null);
  assert.equal(r.outlet, null);
  assert.ok(r.published === null || typeof r.published === 'string');
  assert.ok(r.publishedFrom === null || ['metadata', 'text', 'inferred'].includes(r.publishedFrom));
});

test('a visible byline is the last resort for the author: microdata, rel=author, then a byline class', () => {
  const micro = `<!doctype html><html><head></head><body><article><div itemprop="author" itemscope><span itemprop="name">Lea Brandt</span></div>
<p>The regional council voted on Thursday to extend the night bus service to the university campus.</p></article></body></html>`;
  assert.equal(extractHtml(micro).author, 'Lea Brandt');
  const rel = `<html><body><p class="meta">Von <a rel="author" href="/autoren/jonas-weber">Jonas Weber</a></p><p>Text of the article about buses.</p></body></html>`;
  assert.equal(extractHtml(rel).author, 'Jonas Weber');
  const cls = `<html><body><span class="article-author">By Anna Lindqvist | 12.03.2024</span><p>Text of the article about buses.</p></body></html>`;
  assert.equal(extractHtml(cls).author, 'Anna Lindqvist');
  // <meta name=author> wins over the visible byline.
  const both = `<html><head><meta name="author" content="Meta Author"></head><body><span class="byline">By Someone Else</span></body></html>`;
  assert.equal(extractHtml(both).author, 'Meta Author');
});

test('the page headline <h1> is the title when <title> starts with it and adds site slogans', () => {
  const html = '<html><head><title>Night buses to run to the campus : Ostland Post : Region und Welt seit 1901</title></head><body><h1>Night buses to run to the campus</h1><p>Text.</p></body></html>';
  assert.equal(extractHtml(html).title, 'Night buses to run to the campus');
  // A logo <h1> that is not the start of <title> is not taken.
  const logo = '<html><head><title>Night buses to run to the campus | Ostland Post</title></head><body><h1>Ostland Post</h1></body></html>';
  assert.equal(extractHtml(logo).title, 'Night buses to run to the campus');
});

test('several short tails of <title> are stripped ("Headline | Section | Outlet")', () => {
  const html = '<html><head><title>Night buses to run to the campus | Region | Ostland Post</title></head><body></body></html>';
  assert.equal(extractHtml(html).title, 'Night buses to run to the campus');
});

test('entities escaped twice in metadata are decoded', () => {
  const html = '<html><head><meta property="og:title" content="Council says &amp;quot;yes&amp;quot; to night buses &amp;#8211; finally"></head><body></body></html>';
  assert.equal(extractHtml(html).title, 'Council says "yes" to night buses – finally');
});

test('hostile JSON-LD (deeply nested, huge arrays) neither throws nor hangs; the first article wins', () => {
  const nested = `<html><head><script type="application/ld+json">${'['.repeat(50_000)}${']'.repeat(50_000)}</script></head><body></body></html>`;
  assert.equal(extractHtml(nested).title, null);
  const many = `[${Array(100_000).fill('{"@type":"Thing"}').join(',')}]`;
  const huge = `<html><head><script type="application/ld+json">${many}</script></head><body></body></html>`;
  assert.equal(extractHtml(huge).title, null);
  const two = `<html><head><script type="application/ld+json">[{"@type":"NewsArticle","headline":"First story"},{"@type":"NewsArticle","headline":"Second story"}]</script></head><body></body></html>`;
  assert.equal(extractHtml(two).title, 'First story');
});
