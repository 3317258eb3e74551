import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createStoryClusterer, type ClusterDoc } from '../../src/cluster/index.js';

// Invented articles: one flood, told three times.
const FLOOD = (i: number): ClusterDoc => ({
  id: `f${i}`,
  title: `River Ostra floods Valmora old town (update ${i})`,
  text: `The River Ostra burst its banks in Valmora on Sunday. Mayor Irina Kovac said ${i + 40} homes were evacuated and the old bridge was closed.`,
  published: `2025-04-${String(6 + i).padStart(2, '0')}`,
  outlet: `outlet${i}`,
});

test('a version 2 snapshot (no window marks) still restores, its groups counted as just seen', () => {
  const c = createStoryClusterer();
  [0, 1].forEach((i) => c.add(FLOOD(i)));
  // Version 2 had no df document count, no recent days and no storyline arrival marks.
  const v3 = JSON.parse(c.snapshot()) as { v: number; dd?: number; recent?: number[]; storylines: unknown[][] };
  const v2 = { ...v3, v: 2, dd: undefined, recent: undefined, storylines: v3.storylines.map((s) => s.slice(0, 8)) };
  const restored = createStoryClusterer({}, JSON.stringify(v2));
  const a = restored.add(FLOOD(2));
  assert.equal(a.newEvent, false, 'the third report joins the restored event');
  assert.equal(JSON.parse(restored.snapshot()).v, 3, 'a restored clusterer writes the current version');
});

test('a snapshot of an unknown version, or of the wrong shape, is refused with a clear error', () => {
  assert.throws(() => createStoryClusterer({}, JSON.stringify({ v: 99 })), /unsupported clusterer snapshot version 99/);
  assert.throws(() => createStoryClusterer({}, 'null'), /unsupported clusterer snapshot version undefined/);
  assert.throws(() => createStoryClusterer({}, JSON.stringify({ v: 3, docs: 1 })), /malformed clusterer snapshot/);
});
