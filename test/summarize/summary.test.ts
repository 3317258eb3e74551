import assert from 'node:assert/strict';
import { test } from 'node:test';
import { alignArticles } from '../../src/compare/index.js';
import { summarizeUnits } from '../../src/summarize/index.js';

test('MMR summary prefers agreed sentences and avoids repeating them', () => {
  const articles = [
    { id: 'p1', title: null, outlet: 'One', published: null, text: 'A fire destroyed the old mill in Harnby on Sunday night, the fire service said. Nobody was hurt in the blaze at the mill. The mill was built in 1852 and had stood empty since 1990.' },
    { id: 'p2', title: null, outlet: 'Two', published: null, text: 'The old mill in Harnby was destroyed by a fire on Sunday night, according to the fire service. Nobody was hurt, firefighters said after the blaze.' },
    { id: 'p3', title: null, outlet: 'Three', published: null, text: 'Fire destroyed the old Harnby mill late on Sunday night, the fire service reported. Local shops stayed open on Monday as usual.' },
  ];
  const al = alignArticles(articles);
  const groupOf = (i: number): number[] => al.groups.find((g) => g.includes(i)) ?? [i];
  const summary = summarizeUnits({ units: al.units, vectors: al.vectors, groupOf }, { sentences: 2 });
  assert.equal(summary.length, 2);
  const fire = summary.filter((s) => /destroyed/i.test(s.text));
  assert.equal(fire.length, 1, 'the fire is told once, not in a second wording');
  assert.equal(fire[0]!.sources.length, 3, 'and backed by all three outlets');
});
