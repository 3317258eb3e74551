import assert from 'node:assert/strict';
import { test } from 'node:test';
import { join } from 'node:path';
import { scoreFeeds } from '../../bench/eval/feeds.js';
import { readFloors } from '../../bench/floors.js';
import { sharedDir } from '../helpers/shared.js';

test('feedparser conformance checks on Storyline fields: agreement at or above the floor, no crash', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const floors = readFloors('feeds');
  const s = scoreFeeds(join(shared, 'data/feeds/feedparser'));
  assert.deepEqual(s.crashes, []);
  assert.ok(s.passed / s.checks >= floors.feedparser_field_agreement!, `agreement ${(s.passed / s.checks).toFixed(4)} < floor ${floors.feedparser_field_agreement}`);
});
