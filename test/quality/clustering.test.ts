import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ECB_SEEDS, ecbFold, ecbReport, loadMStream, mean, mstreamReport, runOurs } from '../../bench/eval/clustering.js';
import { readFloors } from '../../bench/floors.js';
import { createStoryClusterer, SHORT_TEXT_CLUSTER_OPTIONS, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS } from '../../src/cluster/index.js';
import { sharedDir } from '../helpers/shared.js';

const floors = readFloors('clustering');

function atLeast(name: string, value: number): void {
  const floor = floors[name];
  assert.equal(typeof floor, 'number', `no floor ${name}`);
  assert.ok(value >= floor!, `${name}: ${value.toFixed(4)} < floor ${floor}`);
}

test('ECB+ held-out topics: event B-cubed F1 at or above the floor', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const runs = ECB_SEEDS.map((seed) => runOurs(ecbReport(shared, seed)));
  atLeast('ecbplus_heldout_event_bcubed_f1_mean_seeds_1_5', mean(runs.map((r) => r.events.f1)));
});

test('ECB+ all topics in one stream: storylines never mix topics and keep each happening whole (floors)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  // Precision against topics and recall against stories: both unambiguous (recall against topics would also
  // ask to join each topic's two different happenings). All 33 dev topics, the hardest fold.
  const runs = [1, 2, 3].map((seed) => runOurs(ecbFold(shared, () => true, seed)));
  atLeast('ecbplus_all_topics_storyline_precision_vs_topics_seeds_1_3', mean(runs.map((r) => r.storylines!.precision)));
  atLeast('ecbplus_all_topics_storyline_recall_vs_stories_seeds_1_3', mean(runs.map((r) => r.storylinesByEvent!.recall)));
});

test('MStream held-out stories: NMI at or above the floors (short-text profile)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  atLeast('mstream_news_heldout_nmi_short_text', runOurs(mstreamReport(shared, 'News.jsonl'), SHORT_TEXT_CLUSTER_OPTIONS).events.nmi);
  atLeast('mstream_news_t_heldout_nmi_short_text', runOurs(mstreamReport(shared, 'News-T.jsonl'), SHORT_TEXT_CLUSTER_OPTIONS).events.nmi);
});

test('MStream held-out stories, headline profile: NMI at or above the floors; groups within 30% of the gold count', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  for (const [file, floor] of [['News.jsonl', 'mstream_news_heldout_nmi_headline'], ['News-T.jsonl', 'mstream_news_t_heldout_nmi_headline']] as const) {
    const { events } = runOurs(mstreamReport(shared, file), SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS);
    atLeast(floor, events.nmi);
    // Issue 3's goal: about as many groups as stories (72 / 76 on News, 97 / 76 on News-T: 28% over).
    assert.ok(Math.abs(events.groups - events.goldGroups) <= Math.floor(0.3 * events.goldGroups), `${file}: ${events.groups} groups for ${events.goldGroups} stories`);
  }
});

test('MStream whole streams, headline profile: NMI at or above the floors; groups within 30% of the gold count', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  // Half of each stream (the odd-numbered stories) was tuned on: these floors guard the figures the bench reports
  // next to the published ones (DP-BMM 0.881 / 0.882), not a held-out result.
  for (const [file, floor] of [['News.jsonl', 'mstream_news_whole_nmi_headline_half_tuned'], ['News-T.jsonl', 'mstream_news_t_whole_nmi_headline_half_tuned']] as const) {
    const { events } = runOurs(loadMStream(shared, file), SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS);
    atLeast(floor, events.nmi);
    assert.ok(Math.abs(events.groups - events.goldGroups) <= Math.floor(0.3 * events.goldGroups), `${file}: ${events.groups} groups for ${events.goldGroups} stories`);
  }
});

test('MStream, headline profile: a clusterer restored halfway continues as one run straight through (absorption and splits)', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const docs = mstreamReport(shared, 'News.jsonl').map((d) => d.doc).slice(0, 2000);
  const straight = createStoryClusterer(SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS);
  const expected = docs.map((d) => straight.add(d));
  const first = createStoryClusterer(SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS);
  docs.slice(0, 1000).forEach((d) => first.add(d));
  const restored = createStoryClusterer(SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, first.snapshot());
  const rest = docs.slice(1000).map((d) => restored.add(d));
  assert.ok(rest.some((a) => (a.splits ?? []).length > 0) && rest.some((a) => a.merges.length > 0), 'the second half splits and absorbs');
  assert.deepEqual(rest, expected.slice(1000));
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
