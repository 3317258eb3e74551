// Quality gate: recomputes main-content extraction figures on the shared dev sets (all pages) and
// checks them against the floors pinned in bench/floors/extraction.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sharedDir } from '../helpers/shared.js';
import { readFloors } from '../../bench/floors.js';
import { evaluate, loadExtractor } from '../../bench/eval/extraction.js';

test('extraction quality stays at or above the pinned floors', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('extraction');
  const run = evaluate('storyline', await loadExtractor('storyline'), shared);
  const figures: Record<string, number> = {
    aeb_f1: run.aeb.all.f1,
    aeb_precision: run.aeb.all.precision,
    aeb_recall: run.aeb.all.recall,
    aeb_odd_half_f1: run.aeb.odd.f1,
    trafilatura_f1: run.trafilatura.all.f1,
    trafilatura_precision: run.trafilatura.all.precision,
    trafilatura_recall: run.trafilatura.all.recall,
    trafilatura_odd_half_f1: run.trafilatura.odd.f1,
    trafilatura_title_accuracy: run.metadata.title,
    trafilatura_author_accuracy: run.metadata.author,
  };
  for (const [name, floor] of Object.entries(floors)) {
    const value = figures[name];
    assert.ok(value !== undefined, `floor ${name} names no figure the gate computes`);
    assert.ok(value >= floor, `${name} = ${value.toFixed(4)} fell below its floor ${floor}`);
  }
});
