import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFloors } from '../../bench/floors.js';
import { evaluateCompare } from '../../bench/eval/compare.js';
import { sharedDir } from '../helpers/shared.js';

test('compare quality gate: ECB+ fact alignment stays above its floors', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('compare');
  const ev = evaluateCompare(shared);
  const measured: Record<string, number> = {
    ecbplus_dev_pair_precision: ev.system.precision,
    ecbplus_dev_pair_recall: ev.system.recall,
    ecbplus_dev_pair_f1: ev.system.f1,
    // The report's facts: sentences cited together by one fact of `analyzeStoryline`.
    ecbplus_dev_verified_pair_precision: ev.verified.precision,
    ecbplus_dev_verified_pair_recall: ev.verified.recall,
    // The report's conflicts: share whose two sides report one happening (ECB+ event coreference).
    ecbplus_dev_conflict_precision: ev.conflicts.precision,
  };
  for (const [key, floor] of Object.entries(floors)) {
    assert.ok(key in measured, `unknown floor ${key}`);
    assert.ok(measured[key]! >= floor, `${key} = ${measured[key]!.toFixed(3)} fell below its floor ${floor}`);
  }
  // The aligner must stay ahead of plain TF-IDF at its own precision (the point of the extra features).
  const base = ev.baselineSweep.filter((b) => b.precision >= ev.system.precision);
  assert.ok(base.every((b) => b.recall <= ev.system.recall + 0.01), 'baseline reaches more recall at the same precision');
});
