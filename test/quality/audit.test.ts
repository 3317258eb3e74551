import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFloors } from '../../bench/floors.js';
import { measureAudit } from '../../bench/eval/audit-reports.js';
import { sharedDir } from '../helpers/shared.js';

test('audit quality gate: reports on the seeds, the demo corpus and ten ECB+ dev storylines stay true to their sources', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('audit');
  const { results, figures } = await measureAudit(shared);
  // Every cited sentence must be found in its raw file, or its item would silently go unjudged.
  for (const r of results) assert.deepEqual(r.unlocated, [], `${r.corpus}: citations not found in their raw files`);
  for (const [key, floor] of Object.entries(floors)) {
    // A precision with nothing left to judge has nothing wrong in it: only its recall can fall.
    if (!(key in figures) && key.endsWith('_precision')) continue;
    assert.ok(key in figures, `unknown floor ${key}`);
    assert.ok(figures[key]! >= floor, `${key} = ${figures[key]!.toFixed(3)} fell below its floor ${floor} (npm run bench -- audit lists the wrong items)`);
  }
});
