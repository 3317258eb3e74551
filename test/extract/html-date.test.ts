import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from 'htmlparser2';
import { findHtmlDates, findAllDates, parseDate, urlDate } from '../../src/extract/html-date/index.js';

// A fixed "now" so that the plausibility window does not move with the calendar.
const NOW = new Date('2024-03-01T12:00:00Z');
const find = (html: string, url: string | null = null) => findHtmlDates(parseDocument(html), url, { now: NOW });
const page = (head: string, body: string, lang = 'de') =>
  `<!doctype html><html lang="${lang}"><head><meta charset="utf-8"><title>Test</title>${head}</head><body>${body}</body></html>`;

test('JSON-LD datePublished beats a "last updated" date in the text', () => {
  const r = find(page(
    `<script type="application/ld+json">{"@context":"https://schema.org","@type":"NewsArticle","headline":"Stadtrat beschließt Radweg","datePublished":"2023-06-15T08:30:00+02:00","dateModified":"2023-06-16T10:00:00+02:00"}</script>`,
    '<article><h1>Stadtrat beschließt Radweg</h1><p>Zuletzt aktualisiert am 20.06.2023</p><p>Der Rat stimmte mit großer Mehrheit zu.</p></article>',
  ));
  assert.equal(r.published, '2023-06-15T08:30:00+02:00');
  assert.equal(r.modified, '2023-06-16T10:00:00+02:00');
  assert.equal(r.publishedFrom, 'metadata');
  assert.match(r.evidence![0]!.reason, /json-ld:datePublished/);
});

test("in a JSON-LD @graph the article's date wins over the WebPage's", () => {
  const ld = {
    '@context': 'https://schema.org',
    '@graph': [
      { '@type': 'WebPage', '@id': 'https://example.org/a#page', datePublished: '2021-01-04T00:00:00+00:00' },
      { '@type': 'BlogPosting', headline: 'Wie man Tomaten zieht', datePublished: '2022-04-09T16:12:00+02:00' },
    ],
  };
  const r = find(page(`<script type="application/ld+json">${JSON.stringify(ld)}</script>`, '<p>Text</p>'));
  assert.equal(r.published?.slice(0, 10), '2022-04-09');
});

test('broken JSON-LD is still read for its date keys', () => {
  const r = find(page(`<script type="application/ld+json">{"@type":"Article","headline":"Ein "kaputter" Titel","datePublished":"2019-11-05T09:00:00+01:00",}</script>`, '<p>x</p>'));
  assert.equal(r.published?.slice(0, 10), '2019-11-05');
});

test('an OpenGraph time keeps the day as written, not the UTC day', () => {
  const r = find(page('<meta property="article:published_time" content="2023-06-15T23:30:00-04:00">', '<p>Evening news</p>', 'en'));
  assert.equal(r.published, '2023-06-15T23:30:00-04:00');
});

test('a UTC stamp takes the local day from the same moment written with an offset elsewhere', () => {
  const r = find(page(
    '<meta property="article:published_time" content="2023-11-09T06:35:29+00:00">',
    '<p>Posted: <time datetime="2023-11-08T22:35:29-08:00">Nov 8, 2023 / 10:35 PM PST</time></p>',
    'en-US',
  ));
  assert.equal(r.published?.slice(0, 10), '2023-11-08');
  assert.match(r.evidence![0]!.reason, /local-offset/);
});

test('a UTC stamp one day after the URL day yields to the URL', () => {
  const r = find(page('<meta property="article:published_time" content="2020-02-18T02:18:11Z">', '<p>Nota</p>', 'es'), 'https://news.example.com/2020/02/17/nota-de-prensa/');
  assert.equal(r.published, '2020-02-17');
});

test('the many meta name variants are read', () => {
  for (const [name, value, day] of [
    ['sailthru.date', '2021-03-04 11:22:33', '2021-03-04'],
    ['parsely-pub-date', '2020-12-24T07:00:00Z', '2020-12-24'],
    ['DC.date.issued', '2018-07-01', '2018-07-01'],
    ['publishdate', '20170905', '2017-09-05'],
  ] as const) {
    const r = find(page(`<meta name="${name}" content="${value}">`, '<p>Inhalt</p>'));
    assert.equal(r.published?.slice(0, 10), day, name);
  }
});

test('an itemprop datePublished on a body element is read from its content attribute', () => {
  const r = find(page('', '<div class="byline">Von Anna Berg <span itemprop="datePublished" content="2016-02-29">29.02.2016</span></div>'));
  assert.equal(r.published, '2016-02-29');
});

test('a <time pubdate> wins over an earlier <time> in a teaser', () => {
  const r = find(page('', '<aside class="sidebar"><time datetime="2024-01-02">2. Januar</time></aside><article><time pubdate datetime="2023-10-10T09:00">10. Oktober 2023</time><p>Text</p></article>'));
  assert.equal(r.published?.slice(0, 10), '2023-10-10');
});

test('an element whose class says "date" gives a German date from its text', () => {
  const r = find(page('', '<div class="article-header"><h1>Neue Brücke</h1><p class="entry-date">15. Juni 2023</p></div><p>Die Brücke wird am 3. August 2023 eröffnet.</p>'));
  assert.equal(r.published, '2023-06-15');
  assert.equal(r.publishedFrom, 'metadata');
});

test('dates inside a comment thread are not the article date', () => {
  const r = find(page('', '<article><h1>Titel</h1><p>Ein Text ohne Datum.</p></article><ol class="comment-list"><li><span class="comment-date">3. März 2023</span> Super Artikel!</li></ol>'), 'https://blog.example.de/2022/11/07/titel/');
  assert.equal(r.published, '2022-11-07');
  assert.match(r.evidence![0]!.reason, /rule url/);
});

test('a URL date is used when the page has no metadata', () => {
  const r = find(page('', '<h1>Results</h1><p>The team won.</p>', 'en'), 'https://example.com/sports/2019-05-20-team-wins');
  assert.equal(r.published, '2019-05-20');
  assert.equal(r.publishedFrom, 'metadata');
});

test('a year-month URL confines the text pass to that month', () => {
  const r = find(page('', '<p>Der Verein wurde am 4. Mai 2001 gegründet und feiert.</p><p>8. Juli 2018</p><p>Nächstes Treffen: 12. August 2018</p>'), 'https://verein.example.de/2018/07/sommerfest/');
  assert.equal(r.published, '2018-07-08');
});

test('the text pass prefers a cued German date over dates of events in the prose', () => {
  const r = find(page('', '<h1>Sommerfest im Park</h1><p>Das Fest findet am 24. Juli 2021 statt, Anmeldung bis 10.07.2021.</p><p>Veröffentlicht am 02.06.2021 von Redaktion</p>'));
  assert.equal(r.published, '2021-06-02');
  assert.equal(r.publishedFrom, 'text');
  assert.match(r.evidence![0]!.text, /02\.06\.2021/);
});

test('a date on its own line beats one inside a long sentence', () => {
  const r = find(page('', '<p>Par Claire Martin</p><p>30 septembre 2018</p><p>Le gouvernement a annoncé le 6 août 2019 une série de mesures qui doivent entrer en vigueur dans les prochains mois selon le ministre.</p>', 'fr'));
  assert.equal(r.published, '2018-09-30');
});

test('"Update:" is an update cue, not a "date:" cue', () => {
  const r = find(page('', '<p>Update: 12.03.2021</p><p>Der Bericht erschien zuerst in der gedruckten Ausgabe.</p><p>Datum: 01.03.2021</p>'));
  assert.equal(r.published, '2021-03-01');
  assert.equal(r.modified, '2021-03-12');
});

test('a "Stand:" stamp is the date when the text names nothing else', () => {
  const r = find(page('', '<div id="content"><p>Ihr Pfad: Startseite</p><p>[Stand: 09.10.2017, 01:40 Uhr]</p></div>'));
  assert.equal(r.published, '2017-10-09');
  assert.equal(r.modified, '2017-10-09');
});

test('an implausible future date is rejected and the next source is used', () => {
  const r = find(page('<meta name="date" content="2099-01-01">', '<p class="date">12.02.2022</p>'));
  assert.equal(r.published, '2022-02-12');
});

test('a date before the web is rejected', () => {
  const r = find(page('<meta property="article:published_time" content="1970-01-01T00:00:00Z">', '<p>Kein Datum</p>'));
  assert.equal(r.published, null);
  assert.equal(r.publishedFrom, null);
});

test('modified and published are told apart in meta tags', () => {
  const r = find(page('<meta property="article:modified_time" content="2022-05-02T10:00:00+02:00"><meta property="article:published_time" content="2022-04-28T07:15:00+02:00">', '<p>x</p>'));
  assert.equal(r.published?.slice(0, 10), '2022-04-28');
  assert.equal(r.modified?.slice(0, 10), '2022-05-02');
});

test('a bare "date" meta yields to a text date the page calls the publication', () => {
  const r = find(page('<meta name="date" content="2021-10-15">', '<p>Erschienen am: 13.10.2021</p><p>Presseteam</p>'));
  assert.equal(r.published, '2021-10-13');
  assert.equal(r.publishedFrom, 'text');
  assert.equal(r.modified, '2021-10-15');
});

test('an <abbr class="published"> gives its title date', () => {
  const r = find(page('', '<div class="hentry"><h2>Konzertbericht</h2><abbr class="published" title="2009-08-21T19:00:00+02:00">21. August</abbr></div>'));
  assert.equal(r.published, '2009-08-21T19:00:00+02:00');
});

test('an unlisted meta name that says "uploaded" is read', () => {
  const r = find(page('<meta property="photosite:uploaded" content="2013-02-16T04:36:36-05:00">', '<img src="a.jpg" alt="Berge">', 'en'));
  assert.equal(r.published?.slice(0, 10), '2013-02-16');
});

test('page-state JSON in an inline script names the publication when nothing else does', () => {
  const r = find(page('<script>window.__STATE__ = {"product":{"title":"Kaffee","published_at":"2019-03-02T06:22:28+01:00"}};</script>', '<p>Bio-Kaffeebohnen aus Sidamo</p>'));
  assert.equal(r.published?.slice(0, 10), '2019-03-02');
  assert.match(r.evidence![0]!.reason, /script-json/);
});

test('a date right under the headline beats a teaser date further down', () => {
  const teasers = Array.from({ length: 6 }, (_, i) => `<p>Weitere Meldung Nummer ${i} mit einem etwas längeren Titel hier und dort</p>`).join('');
  const r = find(page('', `<nav><p>Start</p></nav><h1>Achtsam durch den Winter</h1><p>Eva Lind</p><p>18. März 2020</p><p>Ein langer Text über Achtsamkeit.</p>${teasers}<p>26. März 2020</p><p>Noch ein Teaser</p><p>26. März 2020</p>`));
  assert.equal(r.published, '2020-03-18');
});

test('an opinion page whose header class contains "Comment" is not treated as a comment thread', () => {
  const r = find(page('', '<div class="PageArticle_commentHeader"><div class="PublishDate"><span>Dienstag,</span> <span>29. Januar 2019</span></div></div><blockquote><time datetime="2018-03-12T19:30:12+00:00">12. März 2018</time></blockquote>'));
  assert.equal(r.published, '2019-01-29');
});

test('a whole WordPress post marked "status-publish" is not a date line', () => {
  const r = find(page('', '<article class="post status-publish"><p>Ergebnisse vom Sportfest am 19.5.2007 in Aalen.</p></article>'), 'https://verein.example.de/2007/05/20/ergebnisse/');
  assert.equal(r.published, '2007-05-20');
});

test('an empty or odd document gives nulls and never throws', () => {
  assert.deepEqual(find(''), { published: null, modified: null, publishedFrom: null });
  assert.equal(find('<p>2023-02-30 is not a day</p>').published, null);
});

test('the string parser reads the usual shapes and languages', () => {
  const cases: Array<[string, string]> = [
    ['15. Juni 2023', '2023-06-15'],
    ['15.06.2023', '2023-06-15'],
    ['15.6.23', '2023-06-15'],
    ['June 15, 2023', '2023-06-15'],
    ['Jun. 15th 2023', '2023-06-15'],
    ['15 June 2023', '2023-06-15'],
    ['15th of June, 2023', '2023-06-15'],
    ['15 juin 2023', '2023-06-15'],
    ['15 de junio de 2023', '2023-06-15'],
    ['15 giugno 2023', '2023-06-15'],
    ['15 августа 2016, 13:43', '2016-08-15'],
    ['2023年6月15日', '2023-06-15'],
    ['2023/06/15', '2023-06-15'],
    ['15. Jänner 2023', '2023-01-15'],
    ['15 Haziran 2023', '2023-06-15'],
    ['15. června 2023', '2023-06-15'],
    ['15 augusti 2023', '2023-08-15'],
  ];
  for (const [s, day] of cases) assert.equal(parseDate(s)?.day, day, s);
  // Ambiguous slashed dates follow the page's convention; an impossible reading decides by itself.
  assert.equal(parseDate('04/05/2020', { order: 'mdy' })?.day, '2020-04-05');
  assert.equal(parseDate('04/05/2020', { order: 'dmy' })?.day, '2020-05-04');
  assert.equal(parseDate('04/25/2020', { order: 'dmy' })?.day, '2020-04-25');
  assert.equal(parseDate('2023-06-15T23:30:00-0400')?.datetime, '2023-06-15T23:30:00-04:00');
});

test('digits of other scripts are read, and the evidence quotes them as written', () => {
  assert.equal(parseDate('১৬.০২.২০২০')?.day, '2020-02-16');
  const [d] = findAllDates('تاريخ النشر: ٢٠٢٠-٠٢-١٦');
  assert.equal(d?.day, '2020-02-16');
  assert.equal(d?.text, '٢٠٢٠-٠٢-١٦');
});

test('findAllDates returns each date once, in order', () => {
  const found = findAllDates('Am 3. Mai 2020 begann es, am 2020-05-04 ging es weiter, Ende: 05.05.2020.');
  assert.deepEqual(found.map((d) => d.day), ['2020-05-03', '2020-05-04', '2020-05-05']);
});

test('urlDate reads days and months from paths, not from hosts', () => {
  assert.equal(urlDate('https://example.com/2023/06/15/title')?.day, '2023-06-15');
  assert.equal(urlDate('https://example.com/news/20230615_title.html')?.day, '2023-06-15');
  assert.deepEqual(urlDate('https://example.com/2023/06/title'), { day: null, month: '2023-06', text: '/2023/06/' });
  assert.equal(urlDate('https://2016.example.com/news/1234'), null);
  assert.equal(urlDate(null), null);
});

test('a bare <time> under the headline beats a teaser card whose class says "date" further down', () => {
  const cards = Array.from({ length: 3 }, (_, i) => `<div class="card"><a href="/b${i}">Another story ${i}</a><div class="card-date">2024/02/2${i}</div></div>`).join('');
  const r = find(page('', `<article><h1>Council approves the new bike lane</h1><p>By Ann Lee <time datetime="2023-11-14 09:00">Nov 14, 2023</time></p><p>${'The council voted on Tuesday evening. '.repeat(40)}</p></article><section>${cards}</section>`, 'en'));
  assert.equal(r.published?.slice(0, 10), '2023-11-14');
});

test('a date element is the first candidate in document order when none sits near the headline', () => {
  const r = find(page('', '<div class="post-date">12.01.2022</div><p>Kurzmeldung ohne Überschrift.</p><div class="news-date">03.02.2022</div>'));
  assert.equal(r.published, '2022-01-12');
});

test('an element whose class says "changed" is the modification, not the publication', () => {
  const r = find(page('', '<h1>Keeping pests out of the garden</h1><div class="field--name-changed">February 12, 2024</div><p>Posted on <span class="date">July 15, 2016</span></p>', 'en'));
  assert.equal(r.published, '2016-07-15');
});

test('a date element later than the page\'s own structured "modified" stamp is not its publication', () => {
  const r = find(page(
    '<meta property="article:modified_time" content="2023-05-02T10:00:00+00:00">',
    '<h1>How to repot a fern</h1><p>Read next: <span class="date">February 20, 2024</span></p>',
    'en',
  ), 'https://garden.example.com/2023/04/28/repot-a-fern');
  assert.equal(r.published, '2023-04-28');
});

test('a URL with the month as a word names the day', () => {
  assert.equal(urlDate('https://wine.example.org/blog/2023/october/03/styles-of-wine')?.day, '2023-10-03');
  assert.equal(urlDate('https://zeitung.example.de/archiv/2021/mär/05/bericht')?.day, '2021-03-05');
  assert.equal(urlDate('https://example.com/2021/news/05/'), null);
});

test('an ambiguous slashed date takes the day order the URL shows', () => {
  const r = find(page('', '<h1>How many wine styles are there?</h1><p class="blog-date">03/10/2023</p><p>Text.</p>', 'en'), 'https://wine.example.org/blog/2023/october/03/styles');
  assert.equal(r.published, '2023-10-03');
  assert.match(r.evidence![0]!.reason, /other day order/);
});

test('a byline with author names and reading time around its date is still a date line', () => {
  const body = '<p>The harbour authority met on Monday to discuss the ferry timetable and the cost of dredging.</p>'.repeat(15);
  const r = find(page('', `<h1>Ferry timetable to change</h1><p>By Ann Lee and Tom Baker · 5 min read · March 3, 2023</p>${body}<p>Archive: January 5, 2021</p>`, 'en'));
  assert.equal(r.published, '2023-03-03');
});
