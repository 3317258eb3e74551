import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gateFigures } from '../../bench/eval/quotes.js';
import { readFloors } from '../../bench/floors.js';
import { sharedDir } from '../helpers/shared.js';

test('quote quality stays above its pinned floors', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('quotes');
  const figures = gateFigures(shared);
  for (const [key, floor] of Object.entries(floors)) {
    assert.ok(key in figures, `floor ${key} has no figure`);
    assert.ok(figures[key]! >= floor, `${key}: ${figures[key]!.toFixed(4)} < floor ${floor}`);
  }
});
