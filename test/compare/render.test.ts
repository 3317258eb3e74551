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
  assert.match(md, /## Facts stated by several outlets/);
  assert.match(md, /2 outlets/);
  assert.ok(!md.includes('<script>'));
});
