import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ECB_SEEDS, ecbReport, mean, mstreamReport, runOurs } from '../../bench/eval/clustering.js';
import { readFloors } from '../../bench/floors.js';
import { createStoryClusterer, SHORT_TEXT_CLUSTER_OPTIONS } from '../../src/cluster/index.js';
import { sharedDir } from '../helpers/shared.js';

const floors = readFloors('clustering');

function atLeast(name: string, value: number): void {
  const floor = floors[name];
  assert.equal(typeof floor, 'number', `no floor ${name}`);
  assert.ok(value >= floor!, `${name}: ${value.toFixed(4)} < floor ${floor}`);
}

test('ECB+ held-out topics: event and storyline B-cubed F1 at or above the floors', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const runs = ECB_SEEDS.map((seed) => runOurs(ecbReport(shared, seed)));
  atLeast('ecbplus_heldout_event_bcubed_f1_mean_seeds_1_5', mean(runs.map((r) => r.events.f1)));
  atLeast('ecbplus_heldout_storyline_bcubed_f1_mean_seeds_1_5', mean(runs.map((r) => r.storylines!.f1)));
});

test('MStream held-out stories: NMI at or above the floors (short-text profile)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  atLeast('mstream_news_heldout_nmi_short_text', runOurs(mstreamReport(shared, 'News.jsonl'), SHORT_TEXT_CLUSTER_OPTIONS).events.nmi);
  atLeast('mstream_news_t_heldout_nmi_short_text', runOurs(mstreamReport(shared, 'News-T.jsonl'), SHORT_TEXT_CLUSTER_OPTIONS).events.nmi);
});

test('ECB+: a clusterer restored halfway gives the same assignments as one run straight through', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const docs = ecbReport(shared, 1).map((d) => d.doc);
  const straight = createStoryClusterer();
  const expected = docs.map((d) => straight.add(d));
  const half = Math.floor(docs.length / 2);
  const first = createStoryClusterer();
  docs.slice(0, half).forEach((d) => first.add(d));
  const restored = createStoryClusterer({}, first.snapshot());
  assert.deepEqual(docs.slice(half).map((d) => restored.add(d)), expected.slice(half));
});
