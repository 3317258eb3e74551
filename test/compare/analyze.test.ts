import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';

// An invented storyline: a dam inspection in the fictional town of Brekka, four outlets, one wire copy.
const ARTICLES: CompareArticle[] = [
  {
    id: 'a1',
    title: 'Brekka dam to be drained after inspectors find leak',
    outlet: 'Fjord Post',
    published: '2025-05-02',
    text:
      'Engineers will drain the Brekka reservoir after inspectors found a leak in the dam wall on Thursday, the regional water board said.\n\n' +
      'The drain will lower the water by 12 metres over three weeks.\n\n' +
      '"We are not taking risks with a dam above a town of 9,000 people," board director Ivar Selm told the Fjord Post.\n\n' +
      'Selm and the mayor last met at the dam in March 2024 to discuss repairs.',
    captions: ['Ivar Selm and mayor Runa Tvedt meet at the dam on November 3, 2024. Photo: Fjord Post/Ola Berg'],
  },
  {
    id: 'a2',
    title: 'Stunning failure: regime-run water board lets Brekka dam rot',
    outlet: 'Valley Voice',
    published: '2025-05-02',
    text:
      'The regional water board will drain the Brekka reservoir after inspectors discovered a leak in the dam wall on Thursday.\n\n' +
      'Officials said the water will be lowered by 15 metres over three weeks, a disastrous blow to local farms.\n\n' +
      'Only this outlet learned that the dam was built in 1931 by the Halvor Lund company.',
  },
  {
    id: 'a3',
    title: 'Brekka dam to be drained after leak, water board says',
    outlet: 'Nordic Wire',
    published: '2025-05-02',
    text: 'Engineers will drain the Brekka reservoir after inspectors found a leak in the dam wall on Thursday, the regional water board said.',
  },
  {
    id: 'a4',
    title: 'Brekka dam to be drained after leak, water board says',
    outlet: 'Harbour Times',
    published: '2025-05-02',
    duplicateOf: 'a3',
    text: 'Engineers will drain the Brekka reservoir after inspectors found a leak in the dam wall on Thursday, the regional water board said.',
  },
];

test('a fact stated by several outlets, a wire copy counted once', () => {
  const r = analyzeStoryline({ articles: ARTICLES });
  const drain = r.facts.find((f) => /drain/i.test(f.text) && /leak/.test(f.text));
  assert.ok(drain, 'the draining fact is found');
  assert.deepEqual([...drain.sources].sort(), ['Fjord Post', 'Nordic Wire', 'Valley Voice']);
  assert.ok(drain.articles.includes('a4'), 'the copy is counted under its original');
  assert.ok(!drain.citations.some((c) => c.article === 'a4'), 'but only the original is quoted');
  assert.ok(drain.citations.some((c) => c.article === 'a3'));
  assert.ok(r.quotes.some((q) => q.article === 'a3') && !r.quotes.some((q) => q.article === 'a4'), 'a quote the copy repeats is listed once, under its original');
  for (const c of drain.citations) {
    const a = ARTICLES.find((x) => x.id === c.article)!;
    assert.equal(a.text.slice(c.start, c.end), c.sentence);
  }
  assert.deepEqual([...r.outlets].sort(), ['Fjord Post', 'Nordic Wire', 'Valley Voice']);
});

test('a figure two outlets disagree on is a conflict', () => {
  const r = analyzeStoryline({ articles: ARTICLES });
  const c = r.conflicts.find((x) => x.slot === 'number' && x.kind === 'conflict');
  assert.ok(c);
  assert.deepEqual([...c.values].sort(), ['12 metres', '15 metres'], 'figures shown with their unit');
  assert.equal(c.withinArticle, false);
});

test('an article contradicted by its own caption ("last met") is flagged; a later article is an update', () => {
  const r = analyzeStoryline({ articles: ARTICLES });
  const inside = r.conflicts.find((x) => x.withinArticle && x.kind === 'conflict');
  assert.ok(inside, 'caption contradiction found');
  assert.equal(inside.citations[1].caption, 0);
  assert.equal(ARTICLES[0]!.captions![0]!.slice(inside.citations[1].start, inside.citations[1].end), inside.citations[1].sentence);
  // The same claim, published before that caption's meeting, is not contradicted by it.
  const early = ARTICLES.map((a) => (a.id === 'a1' ? { ...a, published: '2024-06-01', captions: [] } : a));
  const later: CompareArticle = {
    id: 'a5', title: 'Dam repairs agreed', outlet: 'Valley Voice', published: '2024-12-01',
    text: 'Ivar Selm met mayor Runa Tvedt at the dam on November 3, 2024 to agree on repairs.',
  };
  const r2 = analyzeStoryline({ articles: [...early, later] });
  assert.ok(!r2.conflicts.some((x) => x.kind === 'conflict' && x.slot === 'date'));
  assert.ok(r2.conflicts.some((x) => x.kind === 'update'));
});

test('single-source claims, quotes and framing', () => {
  const r = analyzeStoryline({ articles: ARTICLES });
  const single = r.singleSource.find((s) => /1931/.test(s.text));
  assert.ok(single);
  assert.equal(single.outlet, 'Valley Voice');
  const q = r.quotes.find((x) => x.direct);
  assert.equal(q?.speaker, 'Ivar Selm');
  assert.equal(q?.addressee, 'Fjord Post');
  const voice = r.framing.find((f) => f.outlet === 'Valley Voice')!;
  const terms = voice.terms.map((t) => t.term.toLowerCase());
  assert.ok(terms.includes('stunning') && terms.includes('disastrous') && terms.includes('regime'));
  assert.ok(voice.headlineTone < 0);
  assert.equal(r.framing[0]!.outlet, 'Valley Voice', 'the most loaded outlet comes first');
  // Words inside a quotation are the speaker's, not the outlet's framing.
  assert.ok(!r.framing.find((f) => f.outlet === 'Fjord Post')!.terms.some((t) => /risk/.test(t.term)));
});

test('summary sentences cite their sources; events get headlines; the report is JSON', () => {
  const r = analyzeStoryline({ articles: ARTICLES, events: [{ id: 'e1', articleIds: ['a1', 'a2', 'a3'] }] });
  assert.ok(r.summary.length > 0);
  for (const s of r.summary) {
    assert.ok(s.sources.length >= 1);
    assert.ok(s.citations.some((c) => s.text.startsWith(c.sentence)));
  }
  assert.equal(r.events[0]!.id, 'e1');
  assert.match(r.events[0]!.headline, /Brekka/);
  assert.match(r.headline, /Brekka/);
  assert.deepEqual(JSON.parse(JSON.stringify(r)), r);
});

test('bad input does not throw', () => {
  const r = analyzeStoryline({ articles: [null as unknown as CompareArticle, { id: 'x', title: null, text: '', outlet: null, published: null }] });
  assert.equal(r.articles.length, 1);
  assert.deepEqual(r.facts, []);
  assert.deepEqual(analyzeStoryline(undefined as never).articles, []);
});

test('"the evacuation of 60 workers" and "40 workers were evacuated" conflict; "more than the 45 million first estimated" is an update', () => {
  // Invented: two outlets on one mill fire, then a cost estimate that rose.
  const r = analyzeStoryline({
    articles: [
      { id: 'f1', title: null, outlet: 'Harnby Post', published: '2025-09-03', text: 'A fire tore through the Hollins paper mill in Harnby on Tuesday night, forcing the evacuation of 60 workers and sending black smoke over the old town.' },
      { id: 'f2', title: null, outlet: 'Valley Courier', published: '2025-09-03', text: 'A huge fire broke out at the Hollins paper mill in Harnby late on Tuesday, and about 40 workers were evacuated as flames spread through the main hall.' },
      { id: 'f3', title: null, outlet: 'Valley Courier', published: '2025-09-10', text: 'Hollins Group expects the rebuilding of the mill to cost 45 million euros, a spokeswoman said.' },
      { id: 'f4', title: null, outlet: 'Harnby Post', published: '2025-09-12', text: 'The rebuilding of the mill will cost 48 million euros, more than the 45 million first estimated, Hollins Group said.' },
    ],
  });
  const byValues = (a: string, b: string) => r.conflicts?.find((c) => c.values.includes(a) && c.values.includes(b));
  assert.equal(byValues('60 workers', '40 workers')?.kind, 'conflict');
  assert.equal(byValues('48 million euros', '45 million euros')?.kind, 'update');
});
