import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../src/compare/align.js';
import { compareStatementsAll } from '../../src/compare/conflicts.js';
import { findNumbers } from '../../src/compare/text.js';
import { analyzeStoryline, type CompareArticle } from '../../src/compare/index.js';

// Invented examples; each rule of "conflicts only between values of one attribute of one happening".
const unit = (text: string, article: string): ReturnType<typeof makeUnit> => makeUnit(0, article, article, text, 0, text.length);
const clash = (a: string, b: string): string[] => compareStatementsAll(unit(a, 'a'), unit(b, 'b'), () => '2025-04-02', true).filter((c) => c.kind === 'conflict').map((c) => c.description);

function storyline(a: string, b: string): string[] {
  const articles: CompareArticle[] = [
    { id: 'a', title: 'Fire in Orlo', outlet: 'Orlo Times', published: '2025-04-02', text: a },
    { id: 'b', title: 'Orlo blaze', outlet: 'City Wire', published: '2025-04-02', text: b },
  ];
  return analyzeStoryline({ articles }).conflicts.filter((c) => c.kind === 'conflict').map((c) => c.description);
}

test('street and avenue numbers and ordinals are addresses, not quantities', () => {
  assert.deepEqual(findNumbers('The fire broke out near 117th Street and 97th Avenue in Orlo Park.'), []);
  assert.deepEqual(findNumbers('Crews closed Route 9 outside the depot at 40 Mill Road.'), []);
  assert.deepEqual(storyline('The fire broke out in a house on 117th Street in Orlo Park on Tuesday, fire officials said.', 'The fire broke out in a house near 97th Avenue in Orlo Park on Tuesday, fire officials said.'), []);
});

test('a hedge bounds a value: "at least two ladder trucks" does not contradict "three"', () => {
  assert.deepEqual(findNumbers('at least two ladder trucks').map((n) => n.bound), ['min']);
  assert.deepEqual(findNumbers('roughly $22 million a year').map((n) => n.bound), ['approx']);
  assert.deepEqual(clash('Firefighters sent at least two ladder trucks to the burning depot in Orlo.', 'Firefighters sent three ladder trucks to the burning depot in Orlo.'), []);
  assert.deepEqual(clash('Up to 40 workers were evacuated from the Orlo depot on Tuesday.', 'Some 35 workers were evacuated from the Orlo depot on Tuesday.'), []);
  assert.equal(clash('Firefighters sent two ladder trucks to the burning depot in Orlo.', 'Firefighters sent three ladder trucks to the burning depot in Orlo.').length, 1, 'exact figures still clash');
});

test('figures measure the same thing only with the same qualified noun: a woman’s age is not a church’s', () => {
  assert.equal(findNumbers('a 57-year-old woman')[0]!.head, 'old woman');
  assert.deepEqual(storyline('A 57-year-old woman was hurt when the fire spread through the Orlo chapel on Tuesday.', 'The fire spread through the 30-year-old chapel of the Orlo congregation on Tuesday.'), []);
  assert.deepEqual(clash('A 36-year-old Danish climber died after a fall on Mount Orlo.', 'A 32-year-old Welsh climber died after a fall on Mount Orlo.'), [], 'two climbers, two nationalities');
});

test('each figure’s holder must be the same: two players’ points are no conflict', () => {
  assert.deepEqual(clash('Marta Olsen scored 14 points and Ida Berg scored 13 for the Orlo Hawks.', 'Orlo were led by 13 points from Ida Berg, while Marta Olsen had 12 points.').length, 1, 'Olsen: 14 vs 12');
  assert.deepEqual(clash('Marta Olsen scored 14 points for the Orlo Hawks on Friday.', 'Ida Berg scored 12 points for the Orlo Hawks on Friday.'), []);
  assert.deepEqual(clash('The quake struck Orlo on Sunday, injuring five people, officials said.', 'The quake struck Orlo on Sunday, killing 10 people, officials said.'), [], 'injured and killed are two tolls');
});

test('places at different granularity never conflict; two countries do', () => {
  assert.deepEqual(storyline('A gunman opened fire at a bakery in Queensgate on Tuesday, police said.', 'A gunman opened fire at a bakery in Orlo Heights on Tuesday, police said.'), [], 'a neighbourhood and a district: no conflict');
  assert.equal(clash('The envoy flew to Chile on Tuesday to sign the fishing accord.', 'The envoy flew to Peru on Tuesday to sign the fishing accord.').length, 1);
});

test('the same traveller’s first trip since one turning point cannot go to two places', () => {
  const articles: CompareArticle[] = [
    { id: 't1', title: 'Premier abroad', outlet: 'Orlo Times', published: '2025-04-02', text: 'Valdorian Prime Minister Ilse Brandt will travel to Kessel next week. The Valdorian Prime Minister’s first trip abroad following the flood was to Norway, officials noted.' },
    { id: 't2', title: 'Brandt travels', outlet: 'City Wire', published: '2024-06-02', text: 'Prime Minister Ilse Brandt left for Chile on Monday. That was Brandt’s second trip abroad since the flood. Her first, in March, was to Peru and Ecuador to meet regional leaders.' },
  ];
  const r = analyzeStoryline({ articles });
  const c = r.conflicts.find((x) => x.kind === 'conflict' && /first trip/.test(x.description));
  assert.ok(c, r.conflicts.map((x) => x.description).join('; '));
  assert.deepEqual(c.values, ['Norway', 'Peru and Ecuador']);
});
