import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitClauses } from '../../src/compare/align.js';
import { analyzeStoryline } from '../../src/compare/index.js';
import { compareDates, compatibleDates, dateOfIso } from '../../src/compare/conflicts.js';
import { compileLexicon, findLoadedTerms } from '../../src/compare/framing.js';
import { contentStems, findDates, findNames, findNumbers, stem } from '../../src/compare/text.js';

test('stems meet across inflections and irregular past forms', () => {
  assert.equal(stem('meeting'), stem('met'));
  assert.equal(stem('visited'), stem('visits'));
  assert.equal(stem('planned'), stem('plans'));
  assert.deepEqual(contentStems('The ministers said they would meet in Oslo'), ['minister', 'meet', 'oslo']);
});

test('dates: full, month-year, bare year; "may" the verb is not a date', () => {
  const d = findDates('Talks on October 13, 2022 followed a visit in July 2022; the plant opened in 1986 and may close.');
  assert.deepEqual(d.map((x) => [x.year, x.month, x.day]), [[2022, 10, 13], [2022, 7, null], [1986, null, null]]);
  assert.equal(compatibleDates(d[0]!, { ...d[1]!, month: null }), true);
  assert.equal(compareDates(d[1]!, d[0]!), -1);
  assert.equal(compareDates(dateOfIso('2023-06-15')!, d[0]!), 1);
});

test('numbers keep their unit; clock times and dates are not figures', () => {
  const n = findNumbers('A magnitude 6.1 earthquake at 04:12 on May 3, 2025 injured 41 people and cut power by 15 percent.');
  assert.deepEqual(n.map((x) => [x.value, x.unit]), [[6.1, 'magnitud'], [41, 'peopl'], [15, 'percent']]);
});

test('names: places after "in"/"to"; nationality adjectives before a noun are left out', () => {
  const names = findNames('The Norwegian minister flew to Tromsø to meet Anna Dahl in the city of Bodø.');
  assert.deepEqual(names.map((x) => [x.text, x.place]), [['Tromsø', true], ['Anna Dahl', false], ['Bodø', true]]);
});

test('clauses split at relative and contrastive clauses, short tails stay attached', () => {
  const s = 'He will meet the premier in Lund, whom he last met in Oslo in March, but no date is set.';
  assert.deepEqual(splitClauses(s).map(([a, b]) => s.slice(a, b).trim()), ['He will meet the premier in Lund,', 'whom he last met in Oslo in March,', 'but no date is set.']);
  assert.equal(splitClauses('Short, but fine.').length, 1);
});

test('framing lexicon: phrases, wildcards, and names are not loaded words', () => {
  const lex = compileLexicon();
  const terms = findLoadedTerms('A scandalous, so-called reform by the occupying army; win-win, says the Criminal Court.', lex).map((t) => t.term);
  assert.deepEqual(terms, ['scandalous', 'so-called', 'occupying army', 'win-win', 'Criminal']);
  // In a report, "Criminal" inside a name mid-sentence is skipped.
  const r = analyzeStoryline({ articles: [{ id: 'q', title: 'Court rules', outlet: 'X', published: null, text: 'The International Criminal Court ruled on Monday.' }] });
  assert.deepEqual(r.framing[0]!.terms, []);
});

test('an optional time-expression hook supplies the dates', () => {
  const hook = (text: string): Array<{ start: number; end: number; value: string }> => {
    const i = text.indexOf('last spring');
    return i >= 0 ? [{ start: i, end: i + 11, value: '2024-04' }] : [];
  };
  const arts = [
    { id: 'h1', title: 'A', outlet: 'One', published: '2025-01-10', text: 'The mill in Harnby closed last spring after the owner Ada Bell died.' },
    { id: 'h2', title: 'B', outlet: 'Two', published: '2025-01-11', text: 'The Harnby mill closed in April 2024 after the death of its owner Ada Bell.' },
  ];
  const r = analyzeStoryline({ articles: arts }, { findTimexes: hook });
  assert.ok(r.facts.some((f) => f.articles.length === 2));
  // A throwing hook is ignored, not fatal.
  assert.doesNotThrow(() => analyzeStoryline({ articles: arts }, { findTimexes: () => { throw new Error('boom'); } }));
});

test('a hyphenated scale ("a 9-million-euro plan") is the same figure as "9 million euros"', () => {
  const [a] = findNumbers('The council backed a 9-million-euro plan for new cycle lanes.');
  const [b] = findNumbers('The cycle lanes will cost 9 million euros, the council said.');
  assert.equal(a?.value, 9_000_000);
  assert.equal(a?.value, b?.value);
  assert.equal(a?.unit, b?.unit);
});

test('nouns made from verbs share their stems', () => {
  assert.equal(stem('evacuation'), stem('evacuated'));
  assert.equal(stem('injuries'), stem('injury'));
  assert.equal(stem('agreement'), stem('agreed'));
});
