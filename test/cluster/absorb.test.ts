import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, suggestClusterOptions, type Assignment, type StoryClustererOptions } from '../../src/cluster/index.js';

// Invented lower-cased headlines (MStream-like): a storm story, a straggler about it in other words, two other
// stories, and a one-off headline that no story explains.
const HEADLINES = [
  'storm arwen power cut scotland', 'storm arwen tree fall road closed', 'storm arwen wind gust record scotland',
  'arwen power cut thousand home scotland', 'storm arwen rail service cancelled', 'storm arwen power restored week',
  'engineer reconnect highland croft blackout scotland',
  'oscar nominee announced hollywood', 'oscar nominee list surprise', 'oscar nominee snub director',
  'tesla recall model steering', 'tesla recall software update', 'oscar host named ceremony', 'tesla recall shares fall',
  'bake sale raise money village hall',
  'oscar ceremony date moved', 'tesla recall regulator probe', 'oscar nominee party', 'tesla recall owner letter',
  'oscar host joke', 'tesla recall cost',
];

function run(options: Partial<StoryClustererOptions> = {}): { a: Assignment[]; current: (id: string) => string } {
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, absorbAfterDocs: 6, ...options });
  const a = HEADLINES.map((text, i) => c.add({ id: `h${i}`, title: null, text, published: null, outlet: null }));
  return { a, current: (id) => c.resolve(id) };
}

test('a small idle event is absorbed by the event that explains it (a merge, its id redirects)', () => {
  const { a, current } = run();
  const straggler = a[6]!;
  assert.equal(straggler.newEvent, true, 'the straggler starts on its own');
  const merge = a.flatMap((x) => x.merges).find((m) => m.level === 'event' && m.from === straggler.eventId);
  assert.ok(merge, 'and is absorbed later');
  assert.equal(current(straggler.eventId), current(a[0]!.eventId), 'into the storm event');
});

test('a headline sharing no word with any event is not absorbed', () => {
  const { a, current } = run();
  const alone = a[14]!;
  assert.equal(current(alone.eventId), alone.eventId);
  assert.ok(a.every((x, i) => i === 14 || current(x.eventId) !== alone.eventId));
});

test('absorption off: the straggler stays on its own', () => {
  const { a, current } = run({ absorbAfterDocs: Infinity });
  assert.notEqual(current(a[6]!.eventId), current(a[0]!.eventId));
});

test('suggestClusterOptions: bare headlines get the headline profile, news articles the defaults', () => {
  const headlines = HEADLINES.map((text) => ({ title: null, text }));
  assert.equal(suggestClusterOptions(headlines), SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS);
  const article = {
    title: 'Storm Arwen: thousands still without power in Aberdeenshire',
    text: 'Engineers worked through the night to reconnect homes in Aberdeenshire after Storm Arwen brought down power lines. '.repeat(4),
  };
  assert.deepEqual(suggestClusterOptions([article, article, article]), {});
  // Short texts with their own titles are news briefs, not bare headlines.
  assert.deepEqual(suggestClusterOptions(headlines.map((h) => ({ ...h, title: 'Brief' }))), {});
  assert.deepEqual(suggestClusterOptions([]), {});
});

test('reassignment: a headline placed in the wrong event moves once its own story has an event', () => {
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, reassignEvery: 12, reassignWindow: 12 });
  const doc = (i: number, text: string) => ({ id: `h${i}`, title: null, text, published: null, outlet: null });
  const storm = ['storm arwen power cut scotland', 'storm arwen tree fall road closed', 'storm arwen wind gust record scotland', 'storm arwen rail service cancelled'];
  const stormEvent = storm.map((t, i) => c.add(doc(i, t)).eventId)[0]!;
  // A film named like the storm, put with the storm as a single pass does before the festival's own event exists.
  c.place(c.featurize(doc(4, 'arwen film wins festival jury prize')), stormEvent);
  const rest = ['cannes festival film premiere crowd', 'storm arwen power restored week', 'cannes film festival jury prize', 'cannes festival premiere red carpet', 'storm arwen school closed scotland', 'cannes jury prize film festival', 'storm arwen insurance claim'];
  const out = rest.map((t, i) => c.add(doc(5 + i, t)));
  const festival = out[0]!.eventId;
  assert.notEqual(festival, stormEvent);
  const moves = out.flatMap((a) => a.splits ?? []);
  assert.deepEqual(moves, [{ level: 'event', from: stormEvent, into: festival, storylineId: moves[0]?.storylineId, articleIds: ['h4'] }]);
  // The storm headlines stay where they are.
  assert.ok(out.filter((_, i) => rest[i]!.startsWith('storm')).every((a) => a.eventId === stormEvent));
});

test('reassignment off: the misplaced headline stays', () => {
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, reassignEvery: Infinity });
  const doc = (i: number, text: string) => ({ id: `h${i}`, title: null, text, published: null, outlet: null });
  const first = c.add(doc(0, 'storm arwen power cut scotland')).eventId;
  c.place(c.featurize(doc(1, 'arwen film wins festival jury prize')), first);
  const out = ['cannes festival film premiere crowd', 'cannes film festival jury prize', 'cannes jury prize film festival'].map((t, i) => c.add(doc(2 + i, t)));
  assert.ok(out.every((a) => (a.splits ?? []).length === 0));
});
