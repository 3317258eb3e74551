import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStoryline, renderReportHtml, renderReportMarkdown } from '../../src/compare/index.js';
import { addTimeline, type TimelineArticle } from '../../src/timeline/index.js';

// Invented: a harbour festival, with a hostile headline to check escaping.
const ARTICLES: TimelineArticle[] = [
  { id: 'p1', outlet: 'Port <b>Times</b>', title: 'Festival set', published: '2025-05-02', text: 'The harbour festival will take place on June 14, the organisers said.\n\nThe first festival was held in 1998.' },
  { id: 'p2', outlet: 'Bay Radio', title: 'Festival moved', published: '2025-05-20', text: 'The harbour festival has been postponed to July 5 because of pier repairs.' },
];

test('addTimeline fills timeline and developments without touching the rest of the report', () => {
  const report = analyzeStoryline({ articles: ARTICLES.map((a) => ({ ...a, title: a.title ?? null, outlet: a.outlet ?? null })) });
  const withTl = addTimeline(report, ARTICLES);
  assert.deepEqual({ ...withTl, timeline: undefined, developments: undefined }, { ...report, timeline: undefined, developments: undefined });
  // The plan and its postponement are dated by their reports' month, not by June 14 and July 5 (issue 11).
  assert.deepEqual(withTl.timeline!.map((e) => e.date), ['1998', '2025-05', '2025-05']);
  assert.deepEqual(withTl.developments!.map((d) => d.status), ['EventScheduled', 'EventPostponed']);
  assert.equal(withTl.developments![1]!.previousDate, '2025-06-14');
});

test('Markdown and HTML show the timeline and developments, text escaped', () => {
  const report = addTimeline(analyzeStoryline({ articles: ARTICLES.map((a) => ({ ...a, title: a.title ?? null, outlet: a.outlet ?? null })) }), ARTICLES);
  const md = renderReportMarkdown(report);
  assert.match(md, /## Timeline\n\n- \*\*1998\*\*/u);
  assert.match(md, /## Developments/u);
  assert.match(md, /\*\*postponed to 2025-07-05 \\\(was 2025-06-14\\\)\*\*/u);
  const html = renderReportHtml(report);
  assert.match(html, /<ol class="tl">/u);
  assert.match(html, /<span class="tl-date">2025-05<\/span>/u);
  assert.ok(!html.includes('<b>Times</b>'));
  // A report without a timeline renders as before (no empty sections).
  assert.ok(!renderReportMarkdown({ ...report, timeline: undefined, developments: undefined }).includes('## Timeline'));
});
