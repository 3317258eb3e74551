import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../src/compare/align.js';
import { attributionSpans, createSupports, disagreement, modalityOf } from '../../src/compare/agree.js';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';

// Invented examples: a fictional port strike in Kessel and a summit between two fictional leaders.
const unit = (text: string, article = 'a'): ReturnType<typeof makeUnit> => makeUnit(0, article, article, text, 0, text.length);

test('modality: happened, planned, possible and denied are four different claims', () => {
  assert.equal(modalityOf('Premier Ilse Brandt met the dockers in Kessel on Monday.'), 'happened');
  assert.equal(modalityOf('Premier Ilse Brandt will meet the dockers in Kessel on Monday.'), 'planned');
  assert.equal(modalityOf('Premier Ilse Brandt may meet the dockers in Kessel next week.'), 'possible');
  assert.equal(modalityOf('Premier Ilse Brandt will probably meet the dockers in Kessel.'), 'possible');
  assert.equal(modalityOf('Premier Ilse Brandt did not meet the dockers in Kessel.'), 'denied');
  assert.equal(modalityOf('The union refrained from endorsing the strike.'), 'denied');
  assert.equal(modalityOf('The talks resume on May 4 in Kessel.'), 'happened', '"May 4" is a date, not a hedge');
  const planned = unit('Premier Ilse Brandt will meet the dock union leaders in Kessel to end the strike.');
  const possible = unit('Premier Ilse Brandt may meet the dock union leaders in Kessel to end the strike.', 'b');
  assert.equal(disagreement(planned, possible), 'plan vs possibility');
});

test('attribution is not content: one aide telling one agency two different things is two statements', () => {
  const a = unit('The premier’s adviser, Tomas Aur, told the Nordpress agency that a visit to Kessel is “being prepared.”');
  const b = unit('"The mayor of Kessel has renewed her invitation to our premier," adviser Tomas Aur told Nordpress.', 'b');
  assert.deepEqual(attributionSpans(a.text).map(([x, y]) => a.text.slice(x, y)), ['The premier’s adviser, Tomas Aur, told the Nordpress agency that']);
  assert.notEqual(disagreement(a, b), null);
  // The same words quoted on both sides are one statement however each frames it.
  const c = unit('Kessel, however, has told the union that it must “soften its wage demands.”');
  const d = unit('The mayor stressed her readiness to mediate, saying: “The union, to reach a deal, certainly needs to soften its wage demands.”', 'd');
  assert.equal(disagreement(c, d), null);
});

test('participants: each side naming someone the other does not is two happenings', () => {
  const a = unit('Anton Vey retained his featherweight title by stopping challenger Rui Salgado in the fifth round.');
  const b = unit('Anton Vey retained his featherweight title by stopping challenger Omar Quist in the ninth round.', 'b');
  assert.equal(disagreement(a, b), 'different participants');
});

test('"played a role in X" and "plays the role of Y" share a frame, not a statement', () => {
  const a = unit('Kessel, a key harbour city, has played a unique role in brokering talks between the union and the shipowners.');
  const b = unit('As a member of the league and an important port, Kessel plays the role of a gateway connecting the two coasts.', 'b');
  assert.notEqual(disagreement(a, b), null);
});

test('two undated plans are one plan only when they share many details', () => {
  const { disagreement: why } = createSupports(() => null);
  const a = unit('Premier Ilse Brandt will soon visit Kessel on her first trip to a harbour city in three years.');
  const b = unit('In a notable move, Premier Ilse Brandt is poised to make her first visit to a harbour city in three years, with Kessel the destination.', 'b');
  assert.equal(why(a, b), null);
  const c = unit('Premier Ilse Brandt plans to leave the capital to meet the Kessel mayor on an undisclosed date.', 'c');
  const d = unit('She will meet Mayor Jana Holt of Kessel, whom she last met in the harbour office in March.', 'd');
  assert.equal(why(c, d), 'undated plan');
});

test('a supporter that states one clause of the fact’s sentence is cited as partial', () => {
  const articles: CompareArticle[] = [
    {
      id: 'k1', title: 'Kessel balances', outlet: 'Kessel Post', published: '2025-03-02',
      text: 'Despite the strike, the city of Kessel has kept a careful balance by supplying the dockers with food parcels, while refusing to back the shipowners’ lockout of the harbour.',
    },
    {
      id: 'k2', title: 'Kessel stays out', outlet: 'Coast Daily', published: '2025-03-03',
      text: 'The city of Kessel has refused to back the shipowners’ lockout of the harbour, but its mayor has met the union leaders twice this month.',
    },
  ];
  const r = analyzeStoryline({ articles });
  const f = r.facts.find((x) => x.citations.some((c) => c.article === 'k1') && x.citations.some((c) => c.article === 'k2'));
  assert.ok(f, 'the lockout half is stated by both');
  const k1 = f.citations.find((c) => c.article === 'k1')!;
  const k2 = f.citations.find((c) => c.article === 'k2')!;
  // Each sentence states one more thing: whichever represents the fact, the other supports only its lockout clause.
  const rep = f.citations.find((c) => c.sentence === f.text)!;
  assert.ok(!rep.partial, 'the fact’s own sentence is not partial');
  assert.ok([k1, k2].filter((c) => c !== rep).every((c) => c.partial), 'partial support is shown as partial');
});
