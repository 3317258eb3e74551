// Second-round rules of main-content extraction: which containers join the winner (leads, split
// articles, related blocks), which candidate wins (tiny bonus-only elements, the headline's
// article on infinite-scroll pages), and which opening and closing lines are not the article.
// Every page here is invented.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractHtml } from '../../src/extract/html/index.js';

const P1 =
  'The regional water board of Halvern said on Monday that the old reservoir dam will be reinforced this autumn, after engineers measured small but growing leaks along its eastern flank.';
const P2 =
  'Work is expected to last eleven weeks, during which the footpath across the dam will be closed and walkers will be sent along the northern shore, a detour of about two kilometres.';
const P3 =
  'Residents of the village below the dam, who were asked last winter to prepare for a possible evacuation, welcomed the decision but said they had waited far too long for it.';
const P4 =
  'The board has set aside four million euros for the repairs, most of it from a regional fund for flood defences that was topped up after the storms of two years ago.';
const P5 =
  'A spokesperson for the board said the reservoir would stay in use throughout, although the water level will be kept about a metre lower than usual until the work is done.';

test('a prose block just before the winner is the lead and joins it', () => {
  // Reason: leads often sit in their own div ("teaser-text") beside the body container.
  const lead = 'Halvern reservoir dam to be reinforced this autumn after engineers found growing leaks.';
  const html = `<html><body><div class="news-single">
<div class="teaser-text"><p>${lead}</p></div>
<div class="news-text-wrap"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></div>
</div></body></html>`;
  const r = extractHtml(html);
  assert.ok(r.text.startsWith(lead), r.text.slice(0, 120));
  assert.ok(r.text.endsWith(P4));
});

test('a prose block after the winner does not join it by prose alone (factboxes, contact boxes)', () => {
  const box = 'Background: the dam was built in 1931 and last renovated in 1988, when its crest was raised by half a metre.';
  const html = `<html><body><div class="page">
<div class="story-text"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></div>
<div class="context-box"><p>${box}</p></div>
</div></body></html>`;
  const r = extractHtml(html);
  assert.ok(!r.text.includes('built in 1931'));
});

test('an article split across sibling containers of one kind is joined', () => {
  // Reason: page builders put each section in its own box with nearly the same classes, nested
  // too deep for paragraph scores to reach the boxes themselves.
  const box = (cls: string, inner: string): string =>
    `<div class="${cls}"><div class="grid-content"><div class="grid-slots"><div class="grid-box">${inner}</div></div></div></div>`;
  const html = `<html><body><div class="node-content">
${box('grid-container grid-container-c-2d3 grid-container-type-7', `<p>${P1}</p><p><strong><a href="/shop">Order the report</a></strong></p>`)}
${box('grid-container grid-container-c-2d3 grid-container-type-7 grey-lightest', `<h2>Eleven weeks of work</h2><p>${P2}</p><p>${P3}</p><p>${P4}</p><p>${P5}</p>`)}
</div></body></html>`;
  const r = extractHtml(html);
  for (const p of [P1, P2, P3, P4, P5]) assert.ok(r.text.includes(p), p.slice(0, 40));
});

test('a sibling of the same kind under a "Related posts" heading stays out', () => {
  // Reason: teaser excerpts are prose without links, but their heading says what they are.
  const teaser = 'Why the old mill pond on the Halver brook is drying up, and what the village plans to do about it.';
  const html = `<html><body>
<section class="builder-section builder-top-section"><div class="col"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p><p>${P5}</p><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p><p>${P5}</p></div></section>
<section class="builder-section builder-top-section"><h2>Verwandte Beiträge</h2><div class="col"><p>${teaser}</p></div></section>
</body></html>`;
  const r = extractHtml(html);
  assert.ok(r.text.includes(P4));
  assert.ok(!r.text.includes('mill pond'));
});

test('a tiny element with a body class does not beat the real body', () => {
  // Reason: class and tag bonuses (worth a dozen paragraphs) must not crown a 40-character teaser.
  const series = [
    'Part one: how the dam was built in the 1930s by three hundred workers from the valley, and why it leaks now.',
  ];
  const html = `<html><body>
<div class="story"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p><p>${P5}</p></div>
<div class="box"><div class="article-content"><p>Read our reservoir special, in four parts.</p></div>${series.map((p) => `<p>${p}</p>`).join('')}</div>
</body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, [P1, P2, P3, P4, P5].join('\n\n'));
});

test('on an infinite-scroll page the article under the headline wins over a longer next article', () => {
  // Reason: the title names the story; the next story loaded below it is longer but not this page.
  const other = [
    'The county court in Ostwald heard on Thursday how a haulage firm ignored repeated warnings about the brakes of its lorries, months before one of them crashed into a bus shelter.',
    'Prosecutors said the firm had saved money by postponing inspections, and that two mechanics who raised the problem in writing were told to keep quiet or look for other work.',
    'The defence argued that the driver, who has since left the company, had been speeding and that the brakes had been checked by an outside garage only weeks before the crash.',
    'The trial, which is expected to last until the end of the month, will hear from both mechanics next week, as well as from the garage owner and two passengers of the bus.',
    'Local councillors have meanwhile called for lorry traffic to be banned from the town centre altogether, and the county is looking at a bypass that was first planned in the 1990s.',
    'A spokesperson for the haulage firm said it was cooperating fully with the court and had replaced its entire fleet of older lorries since the accident happened last spring.',
  ];
  const html = `<html><head><title>Halvern dam to be reinforced | Halvern Post</title></head><body>
<div class="stream">
<div class="entry-wrap"><article class="entry article-0"><h1>Halvern dam to be reinforced</h1><div class="entry-text"><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>${P4}</p></div></article><div class="entry-break"></div></div>
<div class="entry-wrap"><article class="entry article-1"><h2>Haulage firm ignored brake warnings, court hears</h2><div class="entry-text">${other.map((p) => `<p>${p}</p>`).join('')}</div></article><div class="entry-break"></div></div>
</div></body></html>`;
  const r = extractHtml(html);
  assert.ok(r.text.includes(P1) && r.text.includes(P4), r.text.slice(0, 120));
  assert.ok(!r.text.includes('haulage firm'));
});

test('a byline and a reading-time note opening the text are dropped, a short first sentence is kept', () => {
  // Reason: they are metadata; a line that ends a sentence without a date ("By the time …") stays.
  const html = `<html><body><article><p>By Marta Kessel, 18 November 2024</p><p>Lesezeit: 3 Min.</p><div class="body"><p>${P1}</p><p>${P2}</p><p>${P3}</p></div></article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.removed.some((x) => x.rule === 'head:byline'));
  assert.ok(r.removed.some((x) => x.rule === 'head:reading-time'));
  const kept = extractHtml(`<html><body><article><p>By the time help came, the dam held.</p><p>${P1}</p><p>${P2}</p></article></body></html>`);
  assert.ok(kept.text.startsWith('By the time help came'));
});

test('contact, newsletter, licence and credit lines closing the text are dropped', () => {
  // Reason: calls to action and credits follow the article on most news sites.
  const tail = [
    'Have a tip? Marta Kessel may be reached at mkessel@halvern-post.example. Follow her on Twitter @martakessel.',
    'Get the latest news from the valley in your inbox. Subscribe to our newsletters.',
    '(Reporting by Marta Kessel; Editing by Jon Amberg)',
  ];
  const html = `<html><body><article><p>${P1}</p><p>${P2}</p><p>${P3}</p>${tail.map((t) => `<p>${t}</p>`).join('')}</article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.removed.some((x) => x.rule === 'trailer:contact'));
  assert.ok(r.removed.some((x) => x.rule === 'trailer:subscribe'));
});

test('a closing sentence that only mentions a social network stays', () => {
  const last = 'The board said it would post updates on the works on its Facebook page every Friday.';
  const r = extractHtml(`<html><body><article><p>${P1}</p><p>${P2}</p><p>${last}</p></article></body></html>`);
  assert.ok(r.text.endsWith(last));
});

test('rating and loading widgets closing a blog post are dropped', () => {
  // Reason: "(95 Stimmen: 4,7 von 5)" and "Loading..." end like sentences but are widget text.
  const html = `<html><body><article><p>${P1}</p><p>${P2}</p><p>${P3}</p><p>Möchten Sie den Artikel teilen?</p><p>War der Artikel nützlich?</p><p>(95 Stimmen: 4,7 von 5)</p><p>Loading...</p></article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.removed.some((x) => x.rule === 'trailer:rating'));
});

test('gallery counters ("Image 2 of 3") go to captions, not the text', () => {
  // Reason: slide labels of an inline gallery are furniture; they carry no words of the story.
  const gallery = '<div class="gallery"><div class="slide"><p>Image 1 of 3</p></div><div class="slide"><p>Image 2 of 3</p></div><div class="slide"><p>Image 3 of 3</p></div></div>';
  const r = extractHtml(`<html><body><article><p>${P1}</p>${gallery}<p>${P2}</p><p>${P3}</p></article></body></html>`);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.captions.includes('Image 2 of 3'));
});

test('lightbox controls and a repeated title inside a gallery overlay leave the text', () => {
  // Reason: "Caption", "Close", "Back to Gallery" are button labels; a plain line equal to the
  // title after the text has begun is the overlay's header, not a sentence of the story.
  const overlay = '<div class="lightbox"><div>Caption</div><div>Close</div><div>Halvern dam to be reinforced</div><div>Back to Gallery</div></div>';
  const html = `<html><head><title>Halvern dam to be reinforced</title></head><body><article><p>${P1}</p><p>${P2}</p>${overlay}<p>${P3}</p></article></body></html>`;
  const r = extractHtml(html);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.removed.some((x) => x.rule === 'line:control'));
  assert.ok(r.removed.some((x) => x.rule === 'line-equals-title'));
});

test('a section heading that repeats the title inside the text stays', () => {
  const html = `<html><head><title>Reinforcing the dam</title></head><body><article><p>${P1}</p><h2>Reinforcing the dam</h2><p>${P2}</p><p>${P3}</p></article></body></html>`;
  const r = extractHtml(html);
  assert.ok(r.text.includes('Reinforcing the dam'));
});

test('a gallery page whose story is in its slide captions keeps the captions as text', () => {
  // Reason: on listicles and galleries the captions hold far more text than the short intro.
  const ideas = [
    'A Halvern dam engineer: a yellow hard hat, a hi-vis vest and a clipboard full of leak measurements.',
    'The reservoir itself: a blue bedsheet with paper fish pinned to it and a cardboard sign saying "keep out".',
    'A walker on the detour: hiking boots, a rain jacket and a map with the northern shore circled in red.',
    'The storm of two years ago: a grey poncho, a bucket of water and a very determined expression.',
    'A flood-defence fund: a cardboard piggy bank painted silver, with four million paper euros sticking out.',
    'The village below the dam: a tiny model house on your head and an evacuation checklist in your pocket.',
    'The drainage shaft camera: a black tube around your arm and a torch that you switch on and off.',
    'The water board spokesperson: a smart suit, a microphone and a press release about the works.',
    'The eastern flank: a pair of green trousers with a wet patch that slowly grows through the evening.',
    'The old mill pond: a brown cape, a paper reed in one hand and a frog puppet in the other.',
    'The eleven weeks of work: a calendar costume with every day crossed out in thick black marker.',
    'The metre of lower water: a tape measure across your chest and a sign that says "minus one".',
  ];
  const slides = ideas.map((t, i) => `<figure class="slide"><img src="${i}.jpg" alt=""><figcaption class="slide-caption"><p>${t}</p></figcaption></figure>`).join('');
  const intro = 'Twelve costume ideas for this year\'s harvest fair, all inspired by the news from the reservoir.';
  const html = `<html><body><article class="post gallery"><div class="post-content"><p>${intro}</p></div><div class="slides">${slides}</div></article></body></html>`;
  const r = extractHtml(html);
  for (const t of [ideas[0]!, ideas[6]!, ideas[11]!]) assert.ok(r.text.includes(t), t.slice(0, 40));
});

test('related-link blocks named in one word ("relatedlinks") are removed', () => {
  // Reason: CMSs glue the words together; "relatedlinks--in-article" is still a related block.
  const related = '<section class="relatedlinks relatedlinks--in-article"><h2>Discover now</h2><p>New pumping station for the lower valley opens in spring, the water board says.</p></section>';
  const r = extractHtml(`<html><body><article><p>${P1}</p><p>${P2}</p>${related}<p>${P3}</p></article></body></html>`);
  assert.equal(r.text, `${P1}\n\n${P2}\n\n${P3}`);
  assert.ok(r.removed.some((x) => x.reason === 'related-links'));
});
