import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractHtml } from '../../src/extract/html/index.js';

// Invented pages, one per rule that keeps a page out of the articles, and the articles they must not catch.

const prose = (n: number, topic: string) =>
  Array.from({ length: n }, (_, i) => `<p>The ${topic} council met again on Tuesday evening to weigh the plan in detail, and members said paragraph ${i + 1} of the report left several questions about costs, dates and the people affected open for now.</p>`).join('\n');

test('a news article is an article, even when it reviews a product and shows its price', () => {
  const html = `<html><head><script type="application/ld+json">{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Tarn kettle recall"},{"@type":"Product","name":"Kettle"}]}</script></head>
<body><h1>Tarn kettle recall</h1>${prose(6, 'Tarn')}<p>The kettle sold for $49.99 until the recall.</p></body></html>`;
  assert.equal(extractHtml(html, { url: 'https://news.example/2025/03/recall' }).pageType?.type, 'article');
});

test('a page that declares a Product is a product page', () => {
  const html = `<html><head><script type="application/ld+json">{"@type":"Product","name":"Harbour Lamp","offers":{"price":"39.00"}}</script></head>
<body><h1>Harbour Lamp</h1><p>Brass lamp, 40 cm.</p><button>Add to cart</button></body></html>`;
  const verdict = extractHtml(html, { url: 'https://shop.example/lamp' }).pageType;
  assert.equal(verdict?.type, 'product');
  assert.match(verdict!.reasons[0]!, /Product/);
});

test('a shop page with many prices and a cart, and little prose, is a collection', () => {
  const items = Array.from({ length: 16 }, (_, i) => `<li><a href="/p/${i}">Lamp ${i}</a> <span>$${20 + i}.00</span></li>`).join('');
  const html = `<html><body><h1>Lamps</h1><ul>${items}</ul><a href="/cart">Add to cart</a></body></html>`;
  assert.equal(extractHtml(html, { url: 'https://shop.example/lamps' }).pageType?.type, 'collection');
});

test('a forum thread (reply and quote counters around short posts) is a forum page', () => {
  const posts = Array.from({ length: 4 }, (_, i) => `<div class="post"><span>Joined: 2019</span><p>I think the ferry will run late again today, post ${i}.</p><a>Reply</a> <a>Quote</a></div>`).join('');
  const html = `<html><body><h1>Ferry delays thread</h1>${posts}</body></html>`;
  assert.equal(extractHtml(html, { url: 'https://forum.example/t/ferry' }).pageType?.type, 'forum');
});

test('a section front that is mostly links is a listing; an article with a menu is not', () => {
  const links = Array.from({ length: 30 }, (_, i) => `<li><a href="/news/${i}">Council debates the harbour plan again, part ${i}</a></li>`).join('');
  const front = `<html><body><h1>Local news</h1><ul>${links}</ul></body></html>`;
  assert.equal(extractHtml(front, { url: 'https://news.example/local' }).pageType?.type, 'listing');
  const article = `<html><body><nav><ul>${links}</ul></nav><h1>Harbour plan approved</h1>${prose(8, 'harbour')}</body></html>`;
  assert.equal(extractHtml(article, { url: 'https://news.example/2025/03/harbour' }).pageType?.type, 'article');
});
