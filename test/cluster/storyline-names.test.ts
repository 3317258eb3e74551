import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryClusterer, type ClusterDoc } from '../../src/cluster/index.js';

// Invented: two bank bombings a month apart in two countries, told in much the same words, with no one in
// common; and a second happening about the first bank's manager (same names), which belongs to its storyline.
const bombing = (id: string, town: string, country: string, officer: string, day: string, i: number): ClusterDoc => ({
  id,
  title: `Bomb explodes at bank in ${town} (report ${i})`,
  text: `A bomb exploded at a bank in ${town}, ${country}, killing a police officer and injuring ${i + 2} people, police said. Officer ${officer} died at the scene of the explosion. Police said the bomb was hidden in a bag left at the bank entrance. Bomb experts then searched the building for a second device.`,
  published: day,
  outlet: `outlet ${i}`,
});

test('same-kind stories with no one in common are separate storylines, however alike their words', () => {
  const c = createStoryClusterer();
  const first = [0, 1, 2].map((i) => c.add(bombing(`w${i}`, 'Woodburn', 'Oregon', 'Tom Hayden', '2025-03-10', i)));
  const second = [0, 1, 2].map((i) => c.add(bombing(`k${i}`, 'Kavala', 'Greece', 'Nikos Stavrou', '2025-04-12', i)));
  const story = (x: { storylineId: string }) => c.resolve(x.storylineId);
  assert.equal(new Set(first.map(story)).size, 1);
  assert.equal(new Set(second.map(story)).size, 1);
  assert.notEqual(story(first[0]!), story(second[0]!), 'two bombings, two places, other people: two storylines');
});

test('a later happening about the same people and place joins their storyline', () => {
  const c = createStoryClusterer();
  const first = [0, 1, 2].map((i) => c.add(bombing(`w${i}`, 'Woodburn', 'Oregon', 'Tom Hayden', '2025-03-10', i)));
  const trial: ClusterDoc = {
    id: 'trial',
    title: 'Woodburn bank bomb suspect goes on trial',
    text: 'The man accused of the bomb that killed Officer Tom Hayden at a bank in Woodburn, Oregon, went on trial on Monday. Prosecutors said the bomb was left in a bag at the bank entrance. Police officers who searched the bank testified.',
    published: '2025-09-15',
    outlet: 'outlet 9',
  };
  const later = c.add(trial);
  assert.notEqual(c.resolve(later.eventId), c.resolve(first[0]!.eventId), 'a new happening (the trial)');
  assert.equal(c.resolve(later.storylineId), c.resolve(first[0]!.storylineId), 'in the same storyline');
});
