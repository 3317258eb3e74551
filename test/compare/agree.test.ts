import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../src/compare/align.js';
import { createSupports, disagreement, negated, predicateStems, prospective, supports } from '../../src/compare/agree.js';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';

const unit = (text: string, article = 'a', source = article): ReturnType<typeof makeUnit> => makeUnit(0, article, source, text, 0, text.length);

test('predicate stems: verbs after auxiliaries and past forms, not adjectives or reporting verbs', () => {
  assert.deepEqual(predicateStems('The Selva tunnel will reopen to lorries on May 4, the roads office said.'), ['reopen']);
  assert.deepEqual(predicateStems('The tunnel was closed after divers found a flooded shaft.', true), ['clos']);
  assert.ok(!predicateStems('Crews replaced a cracked pipe.').includes('crack'), 'a participle after "a" is an adjective');
});

test('a sentence on the same topic with another happening is no support', () => {
  const plan = unit('The Selva tunnel will reopen to lorries on May 4 after repairs to a flooded shaft, the roads office said.');
  const closed = unit('The Selva tunnel was closed to all lorries on Friday after divers found a flooded shaft, the roads office said.', 'b');
  const delayed = unit('The reopening of the Selva tunnel, planned for May 4, has been postponed to August after more flooding, the roads office said.', 'c');
  const same = unit('Lorries will be allowed back into the Selva tunnel when it reopens on May 4, the roads office said.', 'd');
  assert.notEqual(disagreement(plan, closed), null, 'a plan is not a happening');
  const reopened = unit('The Selva tunnel was reopened to lorries on Tuesday after repairs to a flooded shaft.', 'e');
  assert.equal(disagreement(reopened, closed), 'different predicate', 'same tunnel and shaft, another happening');
  assert.notEqual(disagreement(plan, delayed), null, 'a postponement contradicts the plan');
  assert.equal(supports(plan, same), true);
});

test('a denied or different figure, a different year, or a negation is no support', () => {
  const cut = unit('The accord lowers port fees by 20 percent over two years, the ministry said.');
  const denied = unit('Port fees would drop by 8 percent, not the 20 percent the ministry claimed, the union said.', 'b');
  assert.equal(disagreement(cut, denied), 'denied figure');
  const other = unit('The accord lowers port fees by 25 percent over two years.', 'c');
  assert.equal(disagreement(cut, other), 'different figure');
  const y1 = unit('The two mayors met in Brenn in March 2023 to discuss the ferry link.');
  const y2 = unit('The two mayors met in Brenn in March 2024 to discuss the ferry link.', 'b');
  assert.equal(disagreement(y1, y2), 'different date');
  assert.equal(negated('The council will not approve the ferry link.'), true);
  assert.equal(negated('Fees fall by 8 percent, not the 20 percent claimed.'), false, 'denying a figure is not negating the statement');
  assert.equal(prospective('The ministers will sign the accord on Friday.'), true);
  assert.equal(prospective('The ministers signed the accord on Friday.'), false);
});

// An invented storyline: a tunnel closed, a reopening announced, then postponed and dearer.
const TUNNEL: CompareArticle[] = [
  {
    id: 't1', title: 'Selva tunnel shut after flooding', outlet: 'Selva Courier', published: '2025-02-03',
    text: 'The Selva road tunnel was closed to all traffic on Sunday after engineers found a 30-centimetre gap in a drainage wall, the roads office said.\n\nDrivers faced hour-long queues on the coast road on Monday.',
  },
  {
    id: 't2', title: 'Queues as Selva tunnel stays shut', outlet: 'Bay Herald', published: '2025-02-04',
    text: 'Drivers faced long queues on Monday, a day after the Selva tunnel was shut when a gap was found in a drainage wall.\n\nThe roads office said the gap measured nearly half a metre, larger than first reported.',
  },
  {
    id: 't3', title: 'Selva tunnel to reopen in May', outlet: 'North Wire', published: '2025-03-01',
    text: 'The Selva road tunnel will reopen to traffic on May 4 after repairs to the drainage wall, the roads office said on Friday.\n\nThe repairs will cost 9 million crowns, roads director Petra Lund told a news conference.',
  },
  {
    id: 't4', title: 'Selva tunnel reopening delayed', outlet: 'Bay Herald', published: '2025-04-20',
    text: 'The reopening of the Selva road tunnel, planned for the 4th of next month, has been postponed to August after engineers found more water damage, the roads office announced.\n\nThe cost of the repairs has risen to 13 million crowns, from the 9 million announced in March, according to figures released by the roads office.',
  },
];

test('facts: the reopening plan is not "supported" by the closure or the postponement', () => {
  const r = analyzeStoryline({ articles: TUNNEL });
  for (const f of r.facts) {
    const texts = f.citations.map((c) => c.sentence).join(' | ');
    assert.ok(!(/will reopen/.test(texts) && /postponed|was closed/.test(texts)), `mixed fact: ${texts}`);
  }
});

test('updates: a moved date, a risen cost and a larger measurement are found', () => {
  const r = analyzeStoryline({ articles: TUNNEL });
  const has = (kind: string, x: RegExp, y: RegExp): boolean => r.conflicts.some((c) => c.kind === kind && c.values.some((v) => x.test(v)) && c.values.some((v) => y.test(v)));
  assert.ok(has('update', /May 4/, /August/), 'May 4 → August');
  assert.ok(has('update', /^9 million/, /^13 million/), '9 → 13 million crowns');
  assert.ok(has('update', /30-centimetre/, /half a metre/), '30 cm → half a metre');
  for (const c of r.conflicts) assert.ok(!c.description.startsWith(`${c.slot}:`), 'no doubled slot label');
});

test('single-source claims count a figure mentioned in any article', () => {
  const r = analyzeStoryline({ articles: TUNNEL });
  assert.ok(!r.singleSource.some((s) => /\b9 million\b/.test(s.reason)), '9 million is mentioned by two outlets');
  assert.ok(r.singleSource.some((s) => /13 million/.test(s.reason)));
});

test('figures: every disagreeing quantity of two aligned reports is listed', () => {
  const quake: CompareArticle[] = [
    { id: 'q1', title: 'Quake shakes Arlo', outlet: 'Arlo Post', published: '2025-06-02', text: 'An earthquake of magnitude 5.2 struck the Arlo hills on Monday, injuring 12 people in the town of Vess, the rescue service said.' },
    { id: 'q2', title: 'Quake in Arlo hills', outlet: 'Hill Times', published: '2025-06-02', text: 'A magnitude 5.6 earthquake struck the Arlo hills on Monday, injuring 19 people in Vess, the rescue service said.' },
  ];
  const r = analyzeStoryline({ articles: quake });
  const values = r.conflicts.map((c) => c.values.join(' vs '));
  assert.ok(values.some((v) => /5\.2/.test(v) && /5\.6/.test(v)));
  assert.ok(values.some((v) => /12 people/.test(v) && /19 people/.test(v)));
  assert.ok(!r.facts.some((f) => /magnitude/.test(f.text) && f.sources.length > 1), 'the two versions are not one fact');
});

test('two plans without a shared date or place are one plan only when reported close in time', () => {
  const a = unit('The premier will meet the Orlen union leaders to discuss wages.', 'p1');
  const b = unit('The premier plans to meet the Orlen union leaders to discuss wages.', 'p2');
  const dates: Record<string, string> = { p1: '2024-03-01', p2: '2025-03-01' };
  assert.equal(createSupports((id) => dates[id] ?? null).disagreement(a, b), 'undated plan', 'a year apart');
  dates.p2 = '2024-03-10';
  assert.equal(createSupports((id) => dates[id] ?? null).disagreement(a, b), null, 'nine days apart');
});

test('a hedged figure bounds a value: "at least 12" does not contradict "19"', () => {
  const quake: CompareArticle[] = [
    { id: 'q1', title: 'Quake shakes Arlo', outlet: 'Arlo Post', published: '2025-06-02', text: 'An earthquake of magnitude 5.2 struck the Arlo hills on Monday, injuring at least 12 people in the town of Vess, the rescue service said.' },
    { id: 'q2', title: 'Quake in Arlo hills', outlet: 'Hill Times', published: '2025-06-02', text: 'A magnitude 5.6 earthquake struck the Arlo hills on Monday, injuring 19 people in Vess, the rescue service said.' },
  ];
  const values = analyzeStoryline({ articles: quake }).conflicts.map((c) => c.values.join(' vs '));
  assert.ok(values.some((v) => /5\.2/.test(v) && /5\.6/.test(v)), 'the exact magnitudes still clash');
  assert.ok(!values.some((v) => /12 people/.test(v)), 'at least 12 and 19 can both hold');
});
