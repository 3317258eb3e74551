import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateFigures } from '../../bench/eval/context-dates.js';
import { readFloors } from '../../bench/floors.js';
import { sharedDir } from '../helpers/shared.js';

test('storyline-context publication dates stay above their pinned floors (Timeline17 subset)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('context-dates');
  const figures = gateFigures(shared);
  for (const [key, floor] of Object.entries(floors)) {
    assert.ok(key in figures, `floor ${key} has no figure`);
    assert.ok(figures[key]! >= floor, `${key}: ${figures[key]!.toFixed(4)} < floor ${floor}`);
  }
});
