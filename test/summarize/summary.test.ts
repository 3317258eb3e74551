import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignArticles, analyzeStoryline, supports, type CompareArticle } from '../../src/compare/index.js';
import { summarizeUnits } from '../../src/summarize/index.js';

test('MMR summary prefers agreed sentences and avoids repeating them', () => {
  const articles = [
    { id: 'p1', title: null, outlet: 'One', published: null, text: 'A fire destroyed the old mill in Harnby on Sunday night, the fire service said. Nobody was hurt in the blaze at the mill. The mill was built in 1852 and had stood empty since 1990.' },
    { id: 'p2', title: null, outlet: 'Two', published: null, text: 'The old mill in Harnby was destroyed by a fire on Sunday night, according to the fire service. Nobody was hurt, firefighters said after the blaze.' },
    { id: 'p3', title: null, outlet: 'Three', published: null, text: 'Fire destroyed the old Harnby mill late on Sunday night, the fire service reported. Local shops stayed open on Monday as usual.' },
  ];
  const al = alignArticles(articles);
  const groupOf = (i: number): number[] => al.groups.find((g) => g.includes(i)) ?? [i];
  const summary = summarizeUnits({ units: al.units, vectors: al.vectors, groupOf, supports }, { sentences: 2 });
  assert.equal(summary.length, 2);
  const fire = summary.filter((s) => /destroyed/i.test(s.text));
  assert.equal(fire.length, 1, 'the fire is told once, not in a second wording');
  assert.equal(fire[0]!.sources.length, 3, 'and backed by all three outlets');
});

test('a summary sentence cites only the outlets that state the same thing', () => {
  // Invented: two outlets give different figures for one storm.
  const articles = [
    { id: 's1', title: null, outlet: 'Coast Post', published: '2025-09-01', text: 'A storm with winds of 140 kilometres an hour hit the island of Tarn on Sunday, injuring 9 people, the civil defence agency said. Ferries to the mainland were cancelled.' },
    { id: 's2', title: null, outlet: 'Isle Radio', published: '2025-09-01', text: 'A storm with winds of 165 kilometres an hour hit the island of Tarn on Sunday, injuring 14 people, the civil defence agency said. Schools on the island stayed closed.' },
  ];
  const r = analyzeStoryline({ articles });
  const storm = r.summary.find((s) => /storm with winds/.test(s.text));
  assert.ok(storm);
  assert.equal(storm.sources.length, 1, `the other outlet gives other figures: ${storm.sources.join(', ')}`);
  // The contested figures carry both sides, quoted, each side cited once.
  assert.equal(storm.citations.length, 2);
  assert.match(storm.text, /\(Coast Post: 140 kilometres, 9 people; Isle Radio: 165 kilometres, 14 people\)$/u);
  assert.deepEqual(storm.contested?.map((x) => x.value), ['140 kilometres', '165 kilometres', '9 people', '14 people']);
});

test('the summary covers a later report that changes the story (recency and novelty)', () => {
  // Invented: a concert announced by three outlets, then postponed in a later report.
  const plan = (id: string, outlet: string, day: string): CompareArticle => ({
    id, title: null, outlet, published: `2025-05-0${day}`,
    text: `The Harbour Hall will host the Tarn Philharmonic on June 20 for its first concert since the fire, the city said. Tickets will go on sale on Monday. The hall was rebuilt at a cost of 30 million crowns. The orchestra has not played in Tarn since 2019, its director said.`,
  });
  const later: CompareArticle = {
    id: 'c4', title: null, outlet: 'Tarn Daily', published: '2025-06-10',
    text: 'The Tarn Philharmonic concert at the Harbour Hall, planned for June 20, has been postponed to October because the stage lighting failed its safety check, the city said. Ticket holders will get a refund. The cost of rebuilding the hall has risen to 36 million crowns, from the 30 million first budgeted, the city said.',
  };
  const articles = [plan('c1', 'One', '1'), plan('c2', 'Two', '2'), plan('c3', 'Three', '3'), later];
  const r = analyzeStoryline({ articles }, { summary: { sentences: 3 } });
  assert.ok(r.summary.some((s) => /postponed to October/.test(s.text)), r.summary.map((s) => s.text).join(' | '));
  const r5 = analyzeStoryline({ articles }, { summary: { sentences: 5 } });
  assert.ok(r5.summary.some((s) => /risen to 36 million/.test(s.text)), 'both developments with five sentences');
  assert.ok(r5.summary.some((s) => /will host/.test(s.text) && s.sources.length === 3), 'and the agreed fact with its three outlets');
});

test('opinion sentences (loaded terms) are left out of the summary', () => {
  const articles = [
    { id: 'o1', title: null, outlet: 'One', published: null, text: 'The council approved the new bus depot in Orlen on Tuesday after a two-hour debate. The depot will open in 2027.' },
    { id: 'o2', title: null, outlet: 'Two', published: null, text: 'The council approved the disastrous bus depot in Orlen on Tuesday, a shameful giveaway to its cronies. The depot will open in 2027.' },
  ];
  const r = analyzeStoryline({ articles });
  assert.ok(r.summary.length > 0);
  assert.ok(!r.summary.some((s) => /cronies/.test(s.text)));
});
