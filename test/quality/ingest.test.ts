import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EDIT_LEVELS, evaluateDedupe } from '../../bench/eval/ingest.js';
import { readFloors } from '../../bench/floors.js';
import { sharedDir } from '../helpers/shared.js';

const floors = readFloors('ingest');

function atLeast(name: string, value: number): void {
  const floor = floors[name];
  assert.equal(typeof floor, 'number', `no floor ${name}`);
  assert.ok(value >= floor!, `${name}: ${value.toFixed(4)} < floor ${floor}`);
}

test('ECB+ dedupe: synthetic near and wire copies found, other reports of the same topic left apart', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  for (const level of EDIT_LEVELS) {
    const d = await evaluateDedupe(shared, level);
    atLeast(`ecbplus_dedupe_${level.name}_edits_precision`, d.precision);
    atLeast(`ecbplus_dedupe_${level.name}_edits_recall`, d.recall);
    assert.equal(d.crossStoryLinks, 0, `${level.name}: a report was linked to the original of another happening`);
  }
});
