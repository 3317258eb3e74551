import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  agreementRouge,
  alignM1Rouge,
  concatRouge,
  dateWeight,
  meanPRF,
  ngramCounts,
  porterStem,
  rougeN,
  rougeTokenize,
  rougeTokens,
  timelineRouge,
  type DatedText,
} from '../../bench/eval/rouge.js';

const near = (a: number, b: number, msg?: string) => assert.ok(Math.abs(a - b) < 1e-9, `${msg ?? ''} ${a} ≠ ${b}`);

test('ROUGE-1.5.5 tokens: ASCII lower case, [a-z0-9] runs, SMART stop words out, long tokens stemmed', () => {
  assert.deepEqual(rougeTokenize("State-run TV's 3rd report on Erdoğan"), ['state', 'run', 'tv', 's', '3rd', 'report', 'on', 'erdo', 'an']);
  // "the", "were", "that" are SMART stop words; "demanding" → "demand", "immediately" → "immedi".
  assert.deepEqual(rougeTokens('The protesters were demanding that Mubarak resign immediately .'), ['protest', 'demand', 'mubarak', 'resign', 'immedi']);
  // Tokens of three characters or fewer are not stemmed (ROUGE's rule), longer ones are.
  assert.deepEqual(rougeTokens('bus buses'), ['bus', 'buse']);
});

test("Porter stemming as ROUGE runs it (Porter's own examples, and ROUGE's step-4 change)", () => {
  const cases: Record<string, string> = {
    caresses: 'caress', ponies: 'poni', agreed: 'agre', feed: 'feed', hopping: 'hop', filing: 'file', happy: 'happi', relational: 'relat',
    conditional: 'condit', generalization: 'gener', electrical: 'electr', adjustment: 'adjust', controlling: 'control', roll: 'roll',
    government: 'govern', elections: 'elect', archaeology: 'archaeolog', yelling: 'yell',
    // ROUGE tries -ment and -ent after the main list, so "agreement" loses "-ent" (the paper keeps it whole).
    agreement: 'agreem',
  };
  for (const [w, s] of Object.entries(cases)) assert.equal(porterStem(w), s, w);
});

test('n-gram counts; ROUGE-2 bigrams span sentences once stop words are gone', () => {
  assert.deepEqual([...ngramCounts(['a', 'b', 'a', 'b'], 2)], [['a b', 2], ['b a', 1]]);
  assert.deepEqual(ngramCounts(['a'], 2).size, 0);
  // court jail mubarak protest resum → 4 bigrams, one of them across the sentence break.
  const r = rougeN('The court jailed Mubarak. Protests resumed.', 'Mubarak protests grew.', 2);
  // reference: mubarak protest grew → bigrams "mubarak protest", "protest grew"; one hit.
  near(r.p, 1 / 4);
  near(r.r, 1 / 2);
});

// An invented reference: three days of a port strike.
const REF: DatedText = [
  { date: '2025-03-01', sentences: ['Dock workers in Velport walked out over pay .'] },
  { date: '2025-03-04', sentences: ['Talks between the union and port owners collapsed .', 'Ships queued outside the harbour .'] },
  { date: '2025-03-09', sentences: ['The strike ended after owners offered a 6 % raise .'] },
];

test('identical timelines score 1 in every variant; disjoint ones 0', () => {
  const same = timelineRouge(REF, REF);
  for (const [k, v] of Object.entries(same)) {
    near(v.p, 1, k);
    near(v.r, 1, k);
    near(v.f, 1, k);
  }
  const other: DatedText = [{ date: '2025-03-01', sentences: ['Farmers harvested olives near Dunmore .'] }];
  for (const [k, v] of Object.entries(timelineRouge(other, REF))) assert.equal(v.f, 0, k);
});

test('a date one day off: full concat credit, no agreement credit, half credit under align+ m:1', () => {
  const sys: DatedText = [{ date: '2025-03-02', sentences: ['Rebels seized the airport .'] }];
  const ref: DatedText = [{ date: '2025-03-01', sentences: ['Rebels seized the airport .'] }];
  near(concatRouge(sys, ref, 1).f, 1);
  assert.equal(agreementRouge(sys, ref, 1).f, 0);
  const a = alignM1Rouge(sys, ref, 1);
  near(a.p, 0.5);
  near(a.r, 0.5);
  near(dateWeight('2025-03-02', '2025-03-01'), 0.5);
  near(dateWeight('2025-02-28', '2025-03-02'), 1 / 3);
});

test('align+ m:1: several system dates may share one reference date', () => {
  const ref: DatedText = [{ date: '2025-03-01', sentences: ['Rebels seized the airport .'] }];
  const sys: DatedText = [
    { date: '2025-03-01', sentences: ['Rebels seized the airport .'] },
    { date: '2025-03-02', sentences: ['Rebels seized the airport .'] },
  ];
  // Precision: (3 hits × 1 + 3 hits × 1/2) / 6 system unigrams; recall: the reference day aligns to 03-01.
  const a = alignM1Rouge(sys, ref, 1);
  near(a.p, 0.75);
  near(a.r, 1);
  near(a.f, (2 * 0.75) / 1.75);
  const g = agreementRouge(sys, ref, 1);
  near(g.p, 0.5);
  near(g.r, 1);
  const c = concatRouge(sys, ref, 1);
  near(c.p, 0.5);
  near(c.r, 1);
});

test('align+ m:1: between two equally distant reference dates, the content decides', () => {
  const ref: DatedText = [
    { date: '2025-03-01', sentences: ['Army shelled harbour'] },
    { date: '2025-03-03', sentences: ['Parliament approved budget'] },
  ];
  const sys: DatedText = [{ date: '2025-03-02', sentences: ['Parliament approved budget'] }];
  const a = alignM1Rouge(sys, ref, 1);
  // Precision: aligned to 03-03 (same words), 3 hits × 1/2 over 3; recall: 1.5 hits over 6 reference unigrams.
  near(a.p, 0.5);
  near(a.r, 0.25);
  near(a.f, 1 / 3);
});

test("tilse's documented example, with its first reference timeline only", () => {
  const sys: DatedText = [
    { date: '2010-01-01', sentences: ['Just a test .', 'Another sentence .'] },
    { date: '2010-01-03', sentences: ['Some more content .', 'Even more !'] },
  ];
  const ref: DatedText = [
    { date: '2010-01-02', sentences: ['Just a test .'] },
    { date: '2010-01-04', sentences: ['This one does not match .'] },
  ];
  // Stop words gone: system test sentenc content, reference test match.
  const c = concatRouge(sys, ref, 1);
  near(c.p, 1 / 3);
  near(c.r, 1 / 2);
  // 01-01 → 01-02 (1 day, 1 hit × 1/2); 01-03 → 01-02 or 01-04 (1 day each), no hit either way.
  const a = alignM1Rouge(sys, ref, 1);
  near(a.p, 0.5 / 3);
  near(a.r, 0.5 / 2);
});

test('an empty or malformed system timeline scores 0 without throwing; averages are mean P, mean R, then F', () => {
  assert.equal(alignM1Rouge([], REF, 1).f, 0);
  assert.equal(timelineRouge([{ date: 'someday', sentences: ['x y'] }], REF).align2.f, 0);
  const m = meanPRF([{ p: 1, r: 0.5, f: 2 / 3 }, { p: 0, r: 0, f: 0 }]);
  near(m.p, 0.5);
  near(m.r, 0.25);
  near(m.f, 1 / 3);
});
