import assert from 'node:assert/strict';
import { test } from 'node:test';
import { normalise, topEntries, topOfEntries, unitVector } from '../../src/cluster/sparse.js';

// Invented term weights, with ties (broken by term) and more entries than either k below.
const WEIGHTS: [string, number][] = [['flood', 2.5], ['valmora', 3.1], ['river', 1.2], ['bridge', 1.2], ['mayor', 0.4], ['evacuated', 2.5], ['ostra', 3.1], ['homes', 0.9]];

test('top entries of an array are those of the same map, in the same order (running top-k and sort alike)', () => {
  for (const k of [3, 20]) assert.deepEqual(topOfEntries([...WEIGHTS], k), topEntries(new Map(WEIGHTS), k));
  const many = Array.from({ length: 40 }, (_, i): [string, number] => [`term${i}`, (i * 7) % 13]);
  assert.deepEqual(topOfEntries([...many], 18), topEntries(new Map(many), 18));
});

test('a unit vector of entries equals normalising their map, key order kept', () => {
  const v = unitVector(WEIGHTS);
  const expected = normalise(new Map(WEIGHTS));
  assert.deepEqual([...v], [...expected]);
  assert.deepEqual([...unitVector([['zero', 0]])], [['zero', 0]], 'an all-zero vector stays as it is');
});
