import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDir } from '../helpers/shared.js';
import { readFloors } from '../../bench/floors.js';
import { evaluateDates } from '../../bench/eval/dates.js';

test('publication dates stay at or above their pinned floors on the shared dev sets', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('dates');
  const scores = evaluateDates(shared);
  const figures: Record<string, number> = {
    'htmldate.accuracy': scores.htmldate.accuracy,
    'htmldate.f1': scores.htmldate.f1,
    'htmldate.precision': scores.htmldate.precision,
    'trafilatura.accuracy': scores.trafilatura.accuracy,
    'trafilatura.f1': scores.trafilatura.f1,
    'wcxb.accuracy': scores.wcxb.accuracy,
  };
  for (const [name, floor] of Object.entries(floors)) {
    const value = figures[name];
    assert.ok(value !== undefined, `floor ${name} names no figure this test computes`);
    assert.ok(value >= floor, `${name} = ${value.toFixed(4)} fell below its floor ${floor}`);
  }
});
