import { test } from 'node:test';
import assert from 'node:assert/strict';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/analyze.js';
import { factStatus, mergeConflicts } from '../../src/compare/conflicts.js';
import type { Citation, Conflict, Fact } from '../../src/model/index.js';

const cite = (article: string, sentence: string, start = 0): Citation => ({ article, sentence, start, end: start + sentence.length });

test('conflicts on the same slot and values merge into one entry with every side, in article order', () => {
  // Invented: three outlet pairs disagree on one subsidy figure, once in reverse order.
  const a = cite('a', 'The subsidy rises by 8 percent.');
  const b = cite('b', 'The subsidy rises by 11 percent.');
  const c = cite('c', 'Farm subsidies go up 11 percent.');
  const pair = (x: Citation, y: Citation, vx: string, vy: string): Conflict => ({ kind: 'conflict', slot: 'number', description: `${vx} vs ${vy}`, values: [vx, vy], withinArticle: false, citations: [x, y] });
  const order = new Map([['a', 0], ['b', 1], ['c', 2]]);
  const merged = mergeConflicts([pair(b, a, '11 percent', '8 percent'), pair(a, c, '8 percent', '11 Percent')], (id) => `Outlet ${id.toUpperCase()}`, (id) => order.get(id) ?? 9);
  assert.equal(merged.length, 1);
  const m = merged[0]!;
  assert.deepEqual(m.values, ['8 percent', '11 percent'], 'the side of the earliest article first');
  assert.equal(m.description, '8 percent vs 11 percent');
  assert.deepEqual(m.sides!.map((s) => s.sources), [['Outlet A'], ['Outlet B', 'Outlet C']]);
  assert.deepEqual(m.sides![1]!.citations.map((x) => x.article), ['b', 'c']);
  // An update keeps its direction and stays apart from a conflict on the same values.
  const upd: Conflict = { ...pair(a, b, '8 percent', '11 percent'), kind: 'update' };
  assert.equal(mergeConflicts([upd, pair(b, a, '11 percent', '8 percent')], (id) => id, (id) => order.get(id) ?? 9).length, 2);
});

// Invented: a ferry fare rise told by three outlets, one of which disagrees on the figure.
const FARES: CompareArticle[] = [
  { id: 'f1', title: 'Ferry fares to rise', outlet: 'Isle Courier', published: '2025-02-03', text: 'Ferry fares between Tarn and the mainland will rise by 12 percent in March, the operator Westline said on Monday. The operator blamed higher fuel costs for the increase.' },
  { id: 'f2', title: 'Westline raises fares', outlet: 'Harbour Radio', published: '2025-02-03', text: 'Westline will raise ferry fares between Tarn and the mainland by 18 percent in March, the operator said on Monday. Season tickets are not affected.' },
  { id: 'f3', title: 'Fares up on Tarn crossing', outlet: 'Tarn Weekly', published: '2025-02-04', text: 'Fares on the Tarn ferry crossing will go up by 18 percent in March, operator Westline said. Islanders said the rise would hit commuters hardest.' },
];

test('a summary sentence with a contested figure carries every side, quoted and cited', () => {
  const r = analyzeStoryline({ articles: FARES });
  const numberConflicts = r.conflicts.filter((c) => c.kind === 'conflict' && c.slot === 'number');
  assert.equal(numberConflicts.length, 1, numberConflicts.map((c) => c.description).join(' | '));
  assert.deepEqual(numberConflicts[0]!.sides!.map((s) => s.value), ['12 percent', '18 percent']);
  for (const s of r.summary) {
    if (!/(?:12|18) percent/u.test(s.text)) continue;
    assert.match(s.text, /\(Isle Courier: 12 percent; (?:Harbour Radio, Tarn Weekly|Tarn Weekly, Harbour Radio): 18 percent\)$/u, s.text);
    assert.ok(s.contested && s.contested.length === 2);
    assert.ok(s.citations.some((c) => c.article === 'f1') && s.citations.some((c) => c.article !== 'f1'));
  }
  assert.ok(r.summary.some((s) => /percent/.test(s.text)), 'the fare rise is in the summary');
});

test('fact status: reports, contradicts or silent per outlet, from the conflicts', () => {
  const f1 = cite('f1', 'Fares will rise by 12 percent.');
  const f2 = cite('f2', 'Fares will rise by 18 percent.');
  const fact: Fact = { text: f2.sentence, sources: ['Harbour Radio', 'Tarn Weekly'], articles: ['f2', 'f3'], citations: [f2, cite('f3', 'Fares go up 18 percent.')], score: 0.5 };
  const conflict: Conflict = { kind: 'conflict', slot: 'number', description: '12 percent vs 18 percent', values: ['12 percent', '18 percent'], withinArticle: false, citations: [f1, f2] };
  const names: Record<string, string> = { f1: 'Isle Courier', f2: 'Harbour Radio', f3: 'Tarn Weekly' };
  const status = factStatus(fact, [conflict], ['Isle Courier', 'Harbour Radio', 'Tarn Weekly', 'Bay News'], (id) => names[id] ?? id);
  assert.deepEqual(status, { 'Isle Courier': 'contradicts', 'Harbour Radio': 'reports', 'Tarn Weekly': 'reports', 'Bay News': 'silent' });
});

test('a wire copy is cited under its original: each outlet once per summary sentence', () => {
  // Invented: an agency story, a paper's verbatim reprint of it, and the paper's own report.
  const wire = 'The Kelso viaduct will close to all traffic on Monday for six weeks of repairs to its bearings, the county roads office said.';
  const articles: CompareArticle[] = [
    { id: 'own', title: 'Viaduct to shut', outlet: 'Kelso Ledger', published: '2025-05-02', text: 'The Kelso viaduct will close to all traffic on Monday for six weeks while its bearings are repaired, the county said. Buses will divert through Ashby.' },
    { id: 'agency', title: 'Viaduct closure', outlet: 'Northern Press Agency', published: '2025-05-02', text: `${wire} Diversions will add twenty minutes to journeys.` },
    { id: 'copy', title: 'Viaduct closure', outlet: 'Kelso Ledger', published: '2025-05-02', duplicateOf: 'agency', text: `${wire} Diversions will add twenty minutes to journeys.` },
  ];
  const r = analyzeStoryline({ articles });
  assert.ok(r.summary.length > 0);
  for (const s of r.summary) {
    const outlets = s.citations.map((c) => (c.article === 'copy' ? 'Northern Press Agency' : r.articles.find((a) => a.id === c.article)!.outlet));
    assert.equal(new Set(outlets).size, outlets.length, `one citation per outlet: ${s.text} ${JSON.stringify(s.citations.map((c) => c.article))}`);
    assert.ok(!s.citations.some((c) => c.article === 'copy') || !s.citations.some((c) => c.article === 'agency'));
  }
  assert.ok(r.summary.some((s) => s.citations.some((c) => c.article === 'agency')), 'the original is cited, not its copy');
  assert.ok(!r.summary.some((s) => s.citations.some((c) => c.article === 'copy')));
});
