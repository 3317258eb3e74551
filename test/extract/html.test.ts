// Main-content extraction: each kind of boilerplate is dropped (and recorded), the article body
// is kept, captions are set aside, and hostile markup neither hangs nor throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml, extractHtmlDetailed } from '../../src/extract/html/index.js';

const P1 =
  'The harbour authority of Veldmark confirmed on Tuesday that the northern pier will close for repairs, after divers found cracks in three of its concrete pillars during a routine inspection.';
const P2 =
  'Ferry services to the islands will move to the southern terminal from next week, the operator said, adding that crossings could take up to twenty minutes longer while the work lasts.';
const P3 =
  'Local traders, who depend on the summer visitors arriving by boat, said they feared a difficult season, although the council has promised extra buses between the two terminals.';

/** An invented news page: article body wrapped in the usual furniture. */
function page(body: string, extraHead = ''): string {
  return `<!doctype html><html lang="en"><head><title>Pier to close for repairs | Veldmark Courier</title>${extraHead}</head>
<body>
<header class="site-header"><a href="/">Veldmark Courier</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/weather">Weather</a></nav></header>
<div class="cookie-banner">We use cookies to improve your experience. <button>Accept all</button></div>
<main>
<article>
<h1>Pier to close for repairs</h1>
<div class="byline">By Anna Lindqvist</div>
<div class="article-body">
${body}
</div>
</article>
</main>
<aside class="sidebar"><h3>Most read</h3><ul><li><a href="/a">Council approves budget for new library</a></li><li><a href="/b">Storm warning for the coast tonight</a></li></ul></aside>
<footer class="site-footer">© 2024 Veldmark Courier. All rights reserved. <a href="/privacy">Privacy</a></footer>
</body></html>`;
}

test('keeps the article paragraphs, separated by a blank line, and drops page furniture', () => {
  const r = extractHtml(page(`<p>${P1}</p><p>${P2}</p><p>${P3}</p>`));
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  for (const junk of ['We use cookies', 'Most read', 'Council approves', 'All rights reserved', 'Sport', 'By Anna']) {
    assert.ok(!r.text.includes(junk), `"${junk}" should not be in the text`);
  }
});

test('records what it dropped, with reasons, and keeps the record small', () => {
  const r = extractHtml(page(`<p>${P1}</p><p>${P2}</p>`));
  const reasons = new Set(r.removed.map((x) => x.reason));
  assert.ok(reasons.has('cookie-notice'));
  assert.ok(reasons.has('navigation'));
  assert.ok(reasons.has('footer'));
  assert.ok(r.removed.every((x) => x.text.length <= 120));
});

test('drops share widgets, newsletter boxes, ads, related links and comments inside the article', () => {
  const body = `<p>${P1}</p>
<div class="share-buttons"><a href="#">Share on Facebook</a> <a href="#">Share on X</a> <span>Copy link</span></div>
<p>${P2}</p>
<div class="ad-slot"><span>Advertisement</span></div>
<div class="newsletter-signup"><h4>Get the morning briefing</h4><p>Sign up for our free newsletter and never miss the news from the coast.</p></div>
<p>${P3}</p>
<section class="related-articles"><h2>Related stories</h2><ul><li><a href="/x">New ferry timetable published for winter</a></li><li><a href="/y">Pier repairs cost more than planned</a></li></ul></section>
<div id="comments"><h3>3 comments</h3><p>Jan from Oostdorp: typical, they never fix anything on time and now the traders will pay for it again.</p></div>`;
  const r = extractHtml(page(body));
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  const reasons = new Set(r.removed.map((x) => x.reason));
  for (const reason of ['share-widget', 'advertisement', 'newsletter', 'related-links', 'comments'] as const) {
    assert.ok(reasons.has(reason), `expected a ${reason} removal`);
  }
});

test('keeps headings inside the article, lists, block quotes and tables as text', () => {
  const body = `<p>${P1}</p>
<h2>What changes for passengers</h2>
<ul><li>Ferries leave from the southern terminal.</li><li>Extra buses run every fifteen minutes.</li></ul>
<blockquote>We will do everything we can to keep the islands connected this summer.</blockquote>
<table><tr><th>Route</th><th>Extra time</th></tr><tr><td>Veldmark to Oostholm</td><td>20 minutes</td></tr></table>
<p>${P2}</p>`;
  const r = extractHtml(page(body));
  for (const kept of ['What changes for passengers', 'Ferries leave from the southern terminal.', 'Extra buses run every fifteen minutes.', 'We will do everything we can', 'Veldmark to Oostholm 20 minutes', P2]) {
    assert.ok(r.text.includes(kept), `"${kept}" should be kept`);
  }
});

test('puts figure captions and photo credits in captions, not in the text', () => {
  const body = `<p>${P1}</p>
<figure><img src="pier.jpg" alt=""><figcaption>The northern pier at low tide. Photo: Marit Olsen</figcaption></figure>
<p>${P2}</p><p>${P3}</p>`;
  const r = extractHtml(page(body));
  assert.ok(!r.text.includes('low tide'));
  assert.deepEqual(r.captions, ['The northern pier at low tide. Photo: Marit Olsen']);
});

test('drops a short link-heavy block (a menu inside the article container)', () => {
  const body = `<p>${P1}</p><p><a href="/t/harbour">Harbour</a> · <a href="/t/ferries">Ferries</a> · <a href="/t/council">Council</a></p><p>${P2}</p>`;
  const r = extractHtml(page(body));
  assert.ok(!r.text.includes('Ferries ·'));
  assert.ok(r.removed.some((x) => x.rule === 'link-density'));
});

test('drops a heading left without its section ("Read more" over a removed list)', () => {
  const body = `<p>${P1}</p><p>${P2}</p><p>${P3}</p><h3>Read next</h3><ul><li><a href="/1">Bridge to reopen in May after two years</a></li></ul>`;
  const r = extractHtml(page(body));
  assert.ok(!r.text.includes('Read next'));
  assert.ok(r.text.endsWith(P3));
});

test('keeps embedded posts that the article quotes, even with "social" in their class', () => {
  const body = `<p>${P1}</p><blockquote class="social-media-embed twitter-tweet">The pier has been closed since this morning, nobody told us anything. — Harbour Watch (@harbourwatch)</blockquote><p>${P2}</p><p>${P3}</p>`;
  const r = extractHtml(page(body));
  assert.ok(r.text.includes('nobody told us anything'));
});

test('does not remove the article when its wrapper has an unlucky class word', () => {
  // "has-sidebar" on the page wrapper must not take the whole article with it.
  const html = `<html><body><div class="layout has-sidebar"><div class="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></div></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
});

test('skips hidden elements, scripts and styles', () => {
  const body = `<p>${P1}</p><div style="display:none">Subscriber-only teaser text that is not shown.</div><script>var x = "tracking";</script><style>.a{color:red}</style><p>${P2}</p>`;
  const r = extractHtml(page(body));
  assert.ok(!r.text.includes('teaser text'));
  assert.ok(!r.text.includes('tracking'));
  assert.ok(!r.text.includes('color:red'));
});

test('text kept in a div with <br> line breaks is found (older sites)', () => {
  const html = `<html><body><table><tr><td class="nav"><a href="/">Home</a><br><a href="/archiv">Archiv</a></td>
<td><div class="text">${P1}<br><br>${P2}<br><br>${P3}</div></td></tr></table></body></html>`;
  const r = extractHtml(html);
  for (const p of [P1, P2, P3]) assert.ok(r.text.includes(p));
  assert.ok(!r.text.includes('Archiv'));
});

test('falls back to the visible text when a page has only a few words', () => {
  const r = extractHtmlDetailed('<html><body><div><span>Pier closed until Friday.</span></div></body></html>');
  assert.equal(r.fields.text, 'Pier closed until Friday.');
});

test('an empty page or an empty body gives empty text, not an error', () => {
  for (const html of ['', '<html><head><title>Nothing</title></head><body></body></html>', '<!-- only a comment -->']) {
    const r = extractHtml(html);
    assert.equal(r.text, '');
    assert.deepEqual(r.captions, []);
  }
});

test('100k nested divs neither overflow the stack nor take long', () => {
  const depth = 100_000;
  const html = `<html><body>${'<div>'.repeat(depth)}<p>${P1}</p>${'</div>'.repeat(depth)}</body></html>`;
  const started = Date.now();
  const r = extractHtml(html);
  assert.ok(r.text.includes('harbour authority'));
  assert.ok(Date.now() - started < 5000, 'nested page took too long');
});

test('unclosed tags and broken markup still give the text', () => {
  const html = `<html><body><div class="content"><p>${P1}<p>${P2}<div><p>${P3}</body>`;
  const r = extractHtml(html);
  for (const p of [P1, P2, P3]) assert.ok(r.text.includes(p));
});

test('a line that is only a date, and caption lines outside <figcaption>, leave the text', () => {
  const body = `<p>19 November 2019</p><p>${P1}</p><p>Foto: Marit Olsen / Veldmark Courier</p><p>${P2}</p><p>Aktualisiert am 6. Mai 2022, 05:30 Uhr</p><p>${P3}</p>`;
  const r = extractHtml(page(body));
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.captions.includes('Foto: Marit Olsen / Veldmark Courier'));
  assert.ok(r.removed.some((x) => x.rule === 'date-line'));
});

test('short calls to action that close the text are dropped, a closing sentence is kept', () => {
  const r = extractHtml(page(`<p>${P1}</p><p>${P2}</p><p>Was this article useful?</p><p>Follow us on</p>`));
  assert.ok(r.text.endsWith(P2));
  const kept = extractHtml(page(`<p>${P1}</p><p>${P2}</p><p>The pier reopens in May.</p>`));
  assert.ok(kept.text.endsWith('The pier reopens in May.'));
});

test('the headline and the kicker above it are not body text', () => {
  const html = `<html><head><title>Pier to close | Veldmark Courier</title></head><body><article>
<div class="kicker">Harbour</div><h1>Pier to close for repairs</h1><p>${P1}</p><p>${P2}</p></article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}`);
  assert.ok(r.removed.some((x) => x.rule === 'headline'));
});

test('headings are never removed for their class (table-of-contents anchors like "nav_1")', () => {
  const body = `<p>${P1}</p><h3 class="subheading" id="nav_what_changes_1">What changes for passengers</h3><p>${P2}</p>`;
  const r = extractHtml(page(body));
  assert.ok(r.text.includes('What changes for passengers'));
});

test('state and taxonomy class tokens do not trigger rules ("has-recommendations", "category-kommentar")', () => {
  const html = `<html><body><div class="post category-kommentar tag-social-media"><p>${P1}</p><p>${P2}</p></div>
<div class="article has-recommendations"><p>${P3}</p></div></body></html>`;
  const r = extractHtml(html);
  for (const p of [P1, P2]) assert.ok(r.text.includes(p));
});

test('aria-hidden text stays (it is hidden from screen readers, not from view)', () => {
  const r = extractHtml(page(`<p>${P1}</p><p><span aria-hidden="true">${P2}</span></p>`));
  assert.ok(r.text.includes(P2));
});

test('a <form> wrapped around the whole page (ASP.NET) is not removed as a form', () => {
  const html = `<html><body><form id="aspnetForm" action="/news.aspx" method="post"><nav><a href="/">Home</a> <a href="/news">News</a></nav>
<div class="content"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div><footer>© Veldmark Courier</footer></form></body></html>`;
  const r = extractHtmlDetailed(html);
  assert.equal(r.fields.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.equal(r.strategy, 'scored');
});
