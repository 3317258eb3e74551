import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStoryline, REPORT_LIMITS, renderReportHtml, renderReportMarkdown, type CompareArticle } from '../../src/compare/index.js';
import type { Development, Fact, StorylineReport } from '../../src/model/index.js';
import { buildBrief } from '../../src/summarize/index.js';
import { addTimeline } from '../../src/timeline/index.js';

// Invented: a bridge over the Arlo, announced, postponed, then opened; three outlets.
const BRIDGE: CompareArticle[] = [
  {
    id: 'b1', title: 'Arlo bridge to open in March', outlet: 'Valley Post', published: '2025-01-10',
    text: 'The new Arlo footbridge will open on March 3, the city council said on Thursday. The bridge cost 12 million crowns. The old ferry crossing at Arlo was closed in 2009 after a flood.',
  },
  {
    id: 'b2', title: 'Footbridge opening set for March 3', outlet: 'Arlo Courier', published: '2025-01-11',
    text: 'The Arlo footbridge will open on March 3, the city council said. The bridge cost 12 million crowns, council figures show. The old ferry crossing at Arlo was closed in 2009 after a flood.',
  },
  {
    id: 'b3', title: 'Arlo bridge opening postponed to May', outlet: 'Lowland Radio', published: '2025-02-20',
    text: 'The opening of the Arlo footbridge has been postponed to May 12 because the handrails failed an inspection, the city council said on Wednesday. The bridge cost 12 million crowns.',
  },
];

function report(articles: CompareArticle[]): StorylineReport {
  const r = addTimeline(analyzeStoryline({ articles }), articles);
  return { ...r, brief: buildBrief(r) };
}

test('the brief says where things stand, dated, from the latest development', () => {
  const { brief } = report(BRIDGE);
  assert.ok(brief);
  assert.equal(brief.asOf, '2025-02-20');
  assert.ok(brief.now, 'a latest development');
  assert.match(brief.now.label ?? '', /^postponed to 2025-05-12/u, brief.now.label);
  assert.match(brief.now.text, /postponed to May 12/u);
  assert.deepEqual(brief.now.sources, ['Lowland Radio']);
});

test('the arc lists the developments in report order, and each line quotes its source', () => {
  const { brief } = report(BRIDGE);
  assert.ok(brief && brief.arc.length >= 2, JSON.stringify(brief?.arc));
  const dates = brief.arc.map((a) => a.date ?? '');
  assert.deepEqual(dates, [...dates].sort(), 'in date order');
  assert.match(brief.arc[0]!.label ?? '', /^scheduled for 2025-03-03/u);
  for (const a of brief.arc) assert.ok(a.citations.some((c) => c.sentence === a.text), 'the line is a quoted sentence');
});

test('facts about happenings long before the storyline are background, labelled apart from the key facts', () => {
  const r = report(BRIDGE);
  const brief = r.brief!;
  assert.ok(brief.keyFacts.some((f) => /12 million/u.test(f.text) && f.sources.length === 3), JSON.stringify(brief.keyFacts.map((f) => f.text)));
  assert.ok(!brief.keyFacts.some((f) => /closed in 2009/u.test(f.text)), 'the 2009 closure is not a key fact of this storyline');
  assert.ok(brief.background.some((f) => /closed in 2009/u.test(f.text)), 'it is background');
  const md = renderReportMarkdown(r);
  assert.match(md, /Background \(happenings well before this storyline began\):\n\n- The old ferry crossing/u);
  // The brief comes first, before the detail.
  assert.ok(md.indexOf('## Summary') < md.indexOf('## Articles'));
});

test('a storyline with no anticipated event says where things stand from its latest report', () => {
  // Invented: a warehouse fire told by two outlets; no plan, no schedule.
  const articles: CompareArticle[] = [
    { id: 'f1', title: 'Fire at Tarn warehouse', outlet: 'Valley Post', published: '2025-04-02', text: 'A fire destroyed a grain warehouse in Tarn on Tuesday night, the fire service said. Nobody was hurt in the fire at the warehouse.' },
    { id: 'f2', title: 'Tarn warehouse burns', outlet: 'Arlo Courier', published: '2025-04-03', text: 'A grain warehouse in Tarn was destroyed by fire on Tuesday night, the fire service said. Police are looking for the cause of the fire at the warehouse.' },
  ];
  const { brief } = report(articles);
  assert.ok(brief?.now, 'the latest news line');
  assert.equal(brief.arc.length, 0);
  assert.ok(brief.now.citations.length > 0);
});

test('the sentence that says where things stand is not repeated under "Also reported"', () => {
  // Invented: two reports of a harbour crane failure that share no fact, so the latest news is a summary sentence.
  const articles: CompareArticle[] = [
    { id: 'c1', title: 'Crane fails at Tarn harbour', outlet: 'Valley Post', published: '2025-04-02', text: 'A container crane at Tarn harbour broke down on Tuesday, the port operator said. Ships were sent to berths further north.' },
    { id: 'c2', title: 'Tarn harbour crane repaired', outlet: 'Arlo Courier', published: '2025-04-05', text: 'Engineers repaired the broken container crane at Tarn harbour on Friday, the port operator said. Loading resumed in the evening.' },
  ];
  const { brief } = report(articles);
  assert.ok(brief?.now, 'the latest news line');
  const now = brief.now;
  assert.ok(!brief.alsoReported.some((b) => b.text === now.text), JSON.stringify({ now: now.text, also: brief.alsoReported.map((b) => b.text) }));
});

test('long lists are cut to the best supported, with how many more and how to see them all', () => {
  const base = report(BRIDGE);
  const fact = base.facts[0]!;
  // Twenty-five facts with 25..1 sources: the rendered report shows the best supported up to the limit.
  const n = REPORT_LIMITS.facts;
  const facts: Fact[] = Array.from({ length: 25 }, (_, i) => ({ ...fact, text: `Invented fact number ${i + 1}.`, sources: Array.from({ length: 25 - i }, (_, k) => `Outlet ${k}`) }));
  const many: StorylineReport = { ...base, facts };
  const md = renderReportMarkdown(many);
  assert.ok(md.includes(`Invented fact number ${n}.`) && !md.includes(`Invented fact number ${n + 1}.`));
  assert.match(md, new RegExp(`… and ${25 - REPORT_LIMITS.facts} more facts, stated by fewer sources \\(\`storyline story ID --all\` lists every one`, 'u'));
  assert.ok(renderReportMarkdown(many, { all: true }).includes('Invented fact number 25.'));
  const html = renderReportHtml(many);
  assert.ok(html.includes(`Invented fact number ${n}.`) && !html.includes(`Invented fact number ${n + 1}.`));
  assert.match(html, new RegExp(`… and ${25 - n} more facts`, 'u'));
});

test('another anticipated event (another place) is not where the main one stands; a passed date says so', () => {
  const dev = (date: string, status: Development['status'], eventDate: string, place: string | undefined, text: string, article: string): Development => ({
    status, event: 'visit', date, eventDate, ...(place ? { place } : {}), text, sources: [article], citations: [{ article, sentence: text, start: 0, end: text.length }],
  });
  // Invented: a state visit to Varna planned and scheduled; months later, a possible meeting at a summit in Orlo.
  const developments = [
    dev('2025-01-10', 'Invited', '2025-03', 'Varna', 'The president accepted an invitation to visit Varna in March.', 'a'),
    dev('2025-02-20', 'EventScheduled', '2025-03-12', 'Varna', 'The visit to Varna is set for March 12, officials said.', 'b'),
    dev('2025-06-01', 'Possible', '2025-07-03', 'Orlo', 'The two leaders may meet in Orlo at the summit on July 3.', 'c'),
  ];
  const base = report(BRIDGE);
  const r: StorylineReport = { ...base, articles: [...base.articles, { id: 'x', title: '', outlet: 'Late Wire', published: '2025-06-01' }], developments, facts: [], summary: [] };
  const brief = buildBrief(r);
  assert.match(brief.now!.label!, /^scheduled for 2025-03-12 \(Varna\)$/u, 'the main event stands at its latest step');
  assert.match(brief.now!.note ?? '', /2025-03-12, has passed by 2025-06-01, and no article here says it took place/u);
  assert.deepEqual(brief.otherEvents?.map((o) => o.label), ['possible for 2025-07-03 (Orlo)']);
  assert.ok(!brief.arc.some((a) => /Orlo/u.test(a.label ?? '')));
});

test('a source that states a fact only in part is counted and named as such', () => {
  const r = report(BRIDGE);
  const f = r.facts.find((x) => /12 million/u.test(x.text))!;
  const marked: StorylineReport = { ...r, facts: [{ ...f, citations: f.citations.map((c) => (c.article === 'b3' ? { ...c, partial: true } : c)) }], brief: undefined };
  const md = renderReportMarkdown(marked, { all: true });
  assert.match(md, /\*\*3 outlets, 1 of them in part\*\*: Valley Post, Arlo Courier, Lowland Radio \\\(in part\\\)/u);
  assert.match(md, /states it in part\): “The bridge cost 12 million crowns\./u);
});
