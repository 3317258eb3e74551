import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStoryline, renderReportMarkdown, type CompareArticle } from '../../src/compare/index.js';

// Invented: a ferry strike reported by one named outlet and two files with no outlet.
const FERRY: CompareArticle[] = [
  { id: 'in/ferry-1.txt', file: 'in/ferry-1.txt', title: 'Ferry crews strike', outlet: null, published: '2025-05-02', text: 'Ferry crews on the Kessel line walked out for 24 hours on Friday over staffing levels. The union said 140 sailors joined the strike.' },
  { id: 'in/ferry-2.txt', file: 'in/ferry-2.txt', title: 'Kessel ferries halted', outlet: null, published: '2025-05-02', text: 'Ferry crews on the Kessel line walked out for 24 hours on Friday in a dispute over staffing levels. Commuters queued for buses instead.' },
  { id: 'n1', title: 'Strike stops Kessel ferries', outlet: 'Harbour Post', published: '2025-05-03', text: 'Ferry crews on the Kessel line walked out for 24 hours on Friday over staffing levels, stranding commuters.' },
];

test('an article with no outlet is one unnamed source, counted alike in the header, facts and JSON', () => {
  const r = analyzeStoryline({ articles: FERRY });
  assert.deepEqual(r.outlets, ['Harbour Post']);
  assert.equal(r.independentSources, 3);
  const fact = r.facts.find((f) => /walked out/.test(f.text));
  assert.ok(fact, 'the walkout is a fact');
  assert.ok(fact.sources.includes('unnamed source (ferry-1)'), 'labelled as unnamed, not by file name alone');
  assert.ok(!fact.sources.includes('ferry-1'));
  const md = renderReportMarkdown(r);
  assert.match(md, /3 articles from 3 independent sources: 1 named outlet and 2 articles with no named outlet\./);
  assert.match(md, new RegExp(`\\*\\*${fact.sources.length} sources\\*\\*`), 'a fact with unnamed support counts sources, not outlets');
  for (const s of r.singleSource) assert.ok(s.outlet === 'Harbour Post' || s.outlet.startsWith('unnamed source ('));
});

test('a headline-only set of unnamed articles never claims named outlets', () => {
  const lines: CompareArticle[] = ['Kessel ferry crews strike over staffing', 'Kessel ferry crews strike over staffing levels'].map((title, i) => ({ id: `a/hl.jsonl:${i + 1}`, file: `a/hl.jsonl:${i + 1}`, title, outlet: null, published: '2025-05-02', text: title }));
  const other: CompareArticle = { id: 'b/hl.jsonl:1', file: 'b/hl.jsonl:1', title: 'Kessel ferry crews strike over staffing', outlet: null, published: '2025-05-02', text: 'Kessel ferry crews strike over staffing' };
  const r = analyzeStoryline({ articles: [...lines, other] });
  const md = renderReportMarkdown(r);
  assert.match(md, /3 articles from 2 independent sources: 0 named outlets and 3 articles with no named outlet\./);
  assert.ok(!/\*\*\d+ outlets?\*\*/.test(md), 'facts are not counted as outlets');
});

// Invented: one outlet's dump of JSON lines (no outlet, no URL), a feed, two loose text files and a page with a URL.
const DUMP: CompareArticle[] = [1, 2, 3].map((n) => ({ id: `kessel/${n}.txt`, file: `/data/harbour-dump/articles.jsonl:${n}`, title: null, outlet: null, published: '2025-05-02', text: `Ferry crews on the Kessel line walked out for 24 hours on Friday over staffing levels. Update ${n} from the quay.` }));

test('lines of one JSON-lines file are one source, however many lines; files of the same name are told apart by their folder', () => {
  const otherDump: CompareArticle = { ...DUMP[0]!, id: 'other/1', file: '/data/quay-dump/articles.jsonl:7' };
  const r = analyzeStoryline({ articles: [...DUMP, otherDump] });
  assert.equal(r.independentSources, 2);
  assert.deepEqual([...new Set(r.articles.map((a) => a.outlet))].sort(), ['unnamed source (harbour-dump/articles.jsonl)', 'unnamed source (quay-dump/articles.jsonl)']);
  const fact = r.facts.find((f) => /walked out/.test(f.text));
  assert.ok(fact, 'two files state the walkout');
  assert.equal(fact.sources.length, 2, 'three lines of one file add one source');
});

test('items of one feed are one source; plain-text files given on their own are one source each', () => {
  const feed: CompareArticle[] = [1, 2].map((n) => ({ ...DUMP[0]!, id: `https://feeds.example/f#${n}`, file: `/data/kessel.rss item ${n}` }));
  const files: CompareArticle[] = [1, 2].map((n) => ({ ...DUMP[0]!, id: `in/ferry-${n}.txt`, file: `in/ferry-${n}.txt` }));
  const r = analyzeStoryline({ articles: [...feed, ...files] });
  assert.equal(r.independentSources, 3);
  assert.ok(r.articles.some((a) => a.outlet === 'unnamed source (kessel.rss)'));
});

test('an article whose URL names a site is that outlet: a well-known host by name, another by its domain', () => {
  const web: CompareArticle[] = [
    { ...DUMP[0]!, id: 'w1', file: null, url: 'https://edition.cnn.com/2025/05/02/ferry-strike' },
    { ...DUMP[0]!, id: 'w2', file: null, url: 'https://www.cnn.com/2025/05/02/kessel-update' },
    { ...DUMP[0]!, id: 'w3', file: null, url: 'https://news.kessel-courier.example/strike' },
  ];
  const r = analyzeStoryline({ articles: web });
  assert.deepEqual([...r.outlets].sort(), ['CNN', 'kessel-courier.example']);
  assert.equal(r.independentSources, 2);
  assert.ok(r.articles.every((a) => !a.unknownOutlet));
});

// Invented: a regulator's fine, and a reworded copy that changed the figure.
const ORIGINAL: CompareArticle = { id: 'cw', title: 'Regulator fines Norvik Foods', outlet: 'Continental Wire', published: '2025-03-04', text: 'The consumer authority fined Norvik Foods 2 million euros on Tuesday for misleading labels on its frozen meals. Norvik Foods said it would appeal the decision.' };
const COPY: CompareArticle = { id: 'mg', title: 'Norvik Foods fined', outlet: 'Milo Gazette', published: '2025-03-05', duplicateOf: 'cw', text: 'The consumer authority fined Norvik Foods 3 million euros on Tuesday for misleading labels on its frozen meals. Norvik Foods said it would appeal the decision.' };

test('a figure a copy changed is a conflict attributed to the copy’s outlet; the copy is still no second outlet', () => {
  const r = analyzeStoryline({ articles: [ORIGINAL, COPY] });
  assert.deepEqual(r.outlets, ['Continental Wire']);
  const c = r.conflicts.find((x) => x.slot === 'number');
  assert.ok(c, 'the changed fine is shown');
  assert.deepEqual(c.sides?.map((s) => [s.value, s.sources]), [['2 million euros', ['Continental Wire']], ['3 million euros', ['Milo Gazette']]]);
  assert.match(renderReportMarkdown(r), /Milo Gazette, changed copy of Continental Wire/);
  // An unchanged copy adds nothing.
  assert.equal(analyzeStoryline({ articles: [ORIGINAL, { ...COPY, text: ORIGINAL.text }] }).conflicts.length, 0);
});

test('headline is the latest-dated title (undated last); an event is named by its earliest-dated title or the store’s', () => {
  const arts: CompareArticle[] = [
    { id: 'a', title: 'Bridge closed after crack found', outlet: 'Tribune', published: '2025-02-01', text: 'The Arlo bridge was closed on Monday after inspectors found a crack.' },
    { id: 'b', title: 'Arlo bridge to reopen in June', outlet: 'Courier', published: '2025-04-20', text: 'The Arlo bridge will reopen in June, the city said.' },
    { id: 'c', title: 'Undated bridge piece', outlet: 'Blog', published: null, text: 'The Arlo bridge has been a landmark for decades.' },
  ];
  const r = analyzeStoryline({ articles: arts, events: [{ id: 'e1', articleIds: ['c', 'b', 'a'] }, { id: 'e2', articleIds: ['a', 'b'], title: 'Stored name' }] });
  assert.equal(r.headline, 'Arlo bridge to reopen in June');
  assert.equal(r.events[0]!.headline, 'Arlo bridge to reopen in June');
  assert.equal(r.events[0]!.title, 'Bridge closed after crack found');
  assert.equal(r.events[1]!.title, 'Stored name');
  assert.match(renderReportMarkdown(r), /\*\*Bridge closed after crack found\*\* — latest: Arlo bridge to reopen in June/);
});

test("one site's teaser feed and its full pages are one source, not two outlets", () => {
  // Invented: the same outlet's feed title ("… Teasers") on one copy, its og:site_name on the other.
  const site: CompareArticle[] = [
    { id: 'h1', url: 'https://harbourwire.example/pier-reopens', title: 'Pier reopens', outlet: 'Harbour Wire Teasers', published: '2025-05-02', text: 'The Kessel ferry pier reopened on Friday after a three-week repair. About 40 boats used it on the first day.' },
    { id: 'h2', url: 'https://www.harbourwire.example/pier-boats', title: 'Boats return to pier', outlet: 'Harbour Wire', published: '2025-05-02', text: 'The Kessel ferry pier reopened on Friday after a three-week repair, and boats returned.' },
    { id: 'p1', url: 'https://harbourpost.example/pier', title: 'Kessel pier open again', outlet: 'Harbour Post', published: '2025-05-03', text: 'The Kessel ferry pier reopened on Friday after a three-week repair.' },
  ];
  const r = analyzeStoryline({ articles: site });
  assert.equal(r.independentSources, 2);
  assert.equal(r.outlets.length, 2);
  assert.ok(r.outlets.includes('Harbour Post'));
});
