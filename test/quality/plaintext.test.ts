import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFloors } from '../../bench/floors.js';
import { loadLineSet, scoreLines, storylinePredictor } from '../../bench/eval/plaintext.js';
import { sharedDir } from '../helpers/shared.js';

test('plain-text cleaner stays above its pinned line-level floors on the TurkuNLP dev sets', (t) => {
  const shared = sharedDir(t); if (!shared) return;
  const floors = readFloors('plaintext');
  const predict = storylinePredictor({ title: true });
  for (const [key, floor] of Object.entries(floors)) {
    const [lang, split, , metric] = key.split('.') as [string, string, string, 'f1' | 'precision' | 'recall'];
    const docs = loadLineSet(shared, lang, split);
    assert.ok(docs, `missing ${lang}.${split}`);
    const value = scoreLines(docs, predict)[metric];
    assert.ok(value >= floor, `${key} = ${value.toFixed(4)} fell below its floor ${floor}`);
  }
});
