import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStoryline, renderReportHtml, renderReportMarkdown, type CompareArticle } from '../../src/compare/index.js';

const EVIL: CompareArticle[] = [
  { id: 'x1', title: 'Port <script>alert(1)</script> reopens', outlet: 'Gazette <b>', published: '2025-01-02', text: 'The port of Selva reopened on Monday after a storm closed it for 3 days. <script>alert("x")</script> Ships returned.' },
  { id: 'x2', title: 'Selva port reopens', outlet: 'Courier', published: '2025-01-02', text: 'The port of Selva reopened on Monday after the storm had closed it for 3 days.' },
];

test('HTML report is one self-contained file with every scraped string escaped', () => {
  const html = renderReportHtml(analyzeStoryline({ articles: EVIL }));
  assert.ok(!html.includes('<script>'), 'no raw script tag');
  assert.ok(html.includes('&lt;script&gt;alert(1)&lt;/script&gt;'));
  assert.ok(html.includes('Gazette &lt;b&gt;'));
  assert.match(html, /^<!doctype html>/);
  assert.match(html, /<style>/);
  assert.ok(!/<link |src=/.test(html), 'no external resources');
});

test('Markdown report lists facts with their sources and escapes markup', () => {
  const md = renderReportMarkdown(analyzeStoryline({ articles: EVIL }));
  assert.match(md, /## Facts stated by several sources/);
  assert.match(md, /2 outlets/);
  assert.ok(!md.includes('<script>'));
});

test('counts use plural forms and match the storyline list (named outlets, copies folded)', () => {
  const one = renderReportMarkdown(analyzeStoryline({ articles: [EVIL[1]!] }));
  assert.match(one, /^1 article from 1 independent outlet\.$/m);
  const noOutlet: CompareArticle = { id: 'inbox/2025/x3.txt', title: 'Selva port open', outlet: null, published: null, file: '/data/inbox/2025/x3-selva-port.txt', text: 'The port of Selva reopened on Monday after a storm had closed it for 3 days, officials said.' };
  const copy: CompareArticle = { ...EVIL[1]!, id: 'x4', outlet: 'Daily Echo', duplicateOf: 'x2' };
  const r = analyzeStoryline({ articles: [...EVIL, copy, noOutlet] });
  assert.deepEqual([...r.outlets].sort(), ['Courier', 'Gazette <b>'], 'named outlets of originals only');
  const a = r.articles.find((x) => x.id === noOutlet.id)!;
  assert.equal(a.outlet, 'unnamed source (x3-selva-port)', 'a short name, not the path, and never passed off as an outlet');
  assert.equal(a.unknownOutlet, true);
  assert.equal(r.independentSources, 3, 'two named outlets and one unnamed article');
  const md = renderReportMarkdown(r);
  assert.match(md, /4 articles from 3 independent sources: 2 named outlets and 1 article with no named outlet\./);
  assert.match(md, /else by the file or feed it came from/);
  assert.ok(!md.includes('/data/inbox/2025/x3-selva-port.txt —'));
});

test('timeline dates are set apart from their text; Markdown and HTML list the same framing terms', () => {
  const r = analyzeStoryline({ articles: EVIL });
  r.timeline = [{ date: '2025-01-01', text: 'The storm closed the port.', sources: ['Courier'] } as never];
  r.framing = [{ outlet: 'Courier', articles: ['x2'], headlineTone: 0, bodyTone: 1, loadedPerThousandWords: 5, terms: ['champion of', 'Champion of', 'hero', 'a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j', 'k'].map((term) => ({ term, category: 'evaluative-positive', polarity: 1, inHeadline: false, citation: { article: 'x2', sentence: 's', start: 0, end: 1 } })) }];
  const html = renderReportHtml(r);
  assert.match(html, /<span class="tl-date">2025-01-01<\/span> <span class="tl-text">/);
  const md = renderReportMarkdown(r);
  for (const t of ['champion of', 'hero', 'k']) {
    assert.ok(md.includes(t), `Markdown has ${t}`);
    assert.ok(html.includes(`>${t}</span>`), `HTML has ${t}`);
  }
  assert.ok(!md.includes('Champion of'), 'case variants listed once');
});

test('the storyline title from the store is shown next to the chosen headline', () => {
  const r = analyzeStoryline({ articles: EVIL, title: 'Selva port storm' });
  assert.equal(r.storylineTitle, 'Selva port storm');
  assert.match(renderReportMarkdown(r), /Listed as: Selva port storm/);
  assert.equal(analyzeStoryline({ articles: EVIL }).storylineTitle, undefined);
});

test('a wire copy is shown under its original outlet, via the copying one', async () => {
  const { outletOf } = await import('../../src/compare/render.js');
  // Invented: a paper reprints an agency story.
  const report = analyzeStoryline({
    articles: [
      { id: 'w', title: 'Dam inspected', outlet: 'Northern Press Agency', published: '2025-03-02', text: 'Engineers inspected the Lune dam on Sunday after heavy rain raised the reservoir by two metres.' },
      { id: 'c', title: 'Dam inspected', outlet: 'Kelso Ledger', published: '2025-03-02', duplicateOf: 'w', text: 'Engineers inspected the Lune dam on Sunday after heavy rain raised the reservoir by two metres.' },
    ],
  });
  assert.equal(outletOf(report, 'c'), 'Northern Press Agency via Kelso Ledger');
  assert.equal(outletOf(report, 'w'), 'Northern Press Agency');
  assert.equal(outletOf(report, 'missing'), 'missing');
});

test('an inferred date says so and from what; links to sources are http(s) only, escaped', () => {
  const base = analyzeStoryline({ articles: EVIL });
  const report = {
    ...base,
    articles: base.articles.map((a, i) =>
      i === 0
        ? { ...a, url: 'https://gazette.example/port?a=1&b="2"', publishedFrom: 'inferred' as const, publishedEvidence: [{ text: 'last September', reason: 'anchored', article: 'x2' }] }
        : { ...a, url: 'javascript:alert(1)', publishedFrom: 'inferred' as const, publishedEvidence: [{ text: 'in 2024', reason: 'latest year' }] },
    ),
  };
  const md = renderReportMarkdown(report);
  assert.match(md, /2025-01-02 \(inferred from 1 other article\)/);
  assert.match(md, /2025-01-02 \(inferred from the text\)/);
  const html = renderReportHtml(report);
  assert.ok(html.includes('href="https://gazette.example/port?a=1&amp;b=&quot;2&quot;"'));
  assert.ok(!html.includes('javascript:'), 'no script link');
});
