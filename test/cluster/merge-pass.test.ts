import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, type Assignment, type StoryClustererOptions } from '../../src/cluster/index.js';
import { logGamma } from '../../src/cluster/mixture-model.js';

// Invented lower-cased headlines (MStream-like): one strike story told first by its rail side, then by its port
// side, until later headlines name both; and a tennis final that shares none of its words.
const HEADLINES = [
  'rail strike train cancelled', 'rail strike union walkout', 'rail strike train timetable cut',
  'open final tickets sold', 'dock worker stoppage port', 'dock worker port container backlog',
  'open final rain forecast', 'dock worker stoppage wage', 'rail strike union wage',
  'open final seeded player', 'rail strike dock worker union', 'dock worker rail strike wage talks',
  'open final tickets resale', 'rail strike dock worker port wage', 'union wage talks rail dock',
  'open final crowd record', 'rail strike dock stoppage talks', 'dock worker rail union wage deal',
];

function run(options: Partial<StoryClustererOptions>): { a: Assignment[]; current: (id: string) => string } {
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, absorbAfterDocs: Infinity, reassignEvery: 3, reassignWindow: 3, ...options });
  const a = HEADLINES.map((text, i) => c.add({ id: `h${i}`, title: null, text, published: null, outlet: null }));
  return { a, current: (id) => c.resolve(id) };
}

test('merge pass: one story that started as two events is merged once its headlines name both sides', () => {
  const off = run({});
  assert.notEqual(off.current(off.a[0]!.eventId), off.current(off.a[4]!.eventId), 'without the pass the rail and port events stay two');
  const { a, current } = run({ mixtureMergeMargin: 5 });
  assert.ok(a.some((x) => x.merges.some((m) => m.level === 'event')), 'a merge is reported');
  assert.equal(current(a[0]!.eventId), current(a[4]!.eventId), 'rail and port events are one');
  assert.notEqual(current(a[3]!.eventId), current(a[0]!.eventId), 'the tennis final stays apart');
});

test('logGamma matches log((n-1)!) and the half-integer value', () => {
  assert.ok(Math.abs(logGamma(1)) < 1e-12 && Math.abs(logGamma(2)) < 1e-12);
  assert.ok(Math.abs(logGamma(11) - Math.log(3628800)) < 1e-9);
  assert.ok(Math.abs(logGamma(0.5) - Math.log(Math.sqrt(Math.PI))) < 1e-12);
  assert.ok(Math.abs(logGamma(0.05) - Math.log(19.470085)) < 1e-6);
});
