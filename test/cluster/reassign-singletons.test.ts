import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, type Assignment, type StoryClustererOptions } from '../../src/cluster/index.js';

// Invented lower-cased headlines (MStream-like): a bridge closure, a lone early headline about its knock-on
// effect in words the bridge event has not used yet, a tennis final, and a one-off that no story explains.
const HEADLINES = [
  'harbour bridge closed repair', 'harbour bridge closed crack found', 'harbour bridge repair cost',
  'ferry commuter queue delay',
  'open final tickets sold', 'harbour bridge closed month', 'open final rain delay forecast',
  'harbour bridge closed ferry commuter', 'open final seeded player', 'harbour bridge repair ferry queue',
  'knitting circle record scarf',
  'harbour bridge closed commuter delay', 'open final tickets resale',
];

function run(options: Partial<StoryClustererOptions> = {}): { a: Assignment[]; current: (id: string) => string } {
  // Absorption off, so that only the reassignment pass can move the lone headline; a pass every 6 arrivals.
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, absorbAfterDocs: Infinity, reassignEvery: 6, reassignWindow: 12, ...options });
  const a = HEADLINES.map((text, i) => c.add({ id: `h${i}`, title: null, text, published: null, outlet: null }));
  return { a, current: (id) => c.resolve(id) };
}

test('a lone headline is merged into the event it prefers to a new one once that event has used its words', () => {
  const { a, current } = run();
  const lone = a[3]!;
  assert.equal(lone.newEvent, true, 'the commuter headline starts on its own (no event used its words yet)');
  const merge = a.flatMap((x) => x.merges).find((m) => m.level === 'event' && (m.from === lone.eventId || m.into === lone.eventId));
  assert.ok(merge, 'a later pass merges it');
  assert.equal(current(lone.eventId), current(a[0]!.eventId), 'into the bridge event');
  assert.notEqual(current(a[4]!.eventId), current(a[0]!.eventId), 'the tennis final stays apart');
});

test('a lone headline sharing no word with any live event stays on its own', () => {
  const { a, current } = run();
  const alone = a[10]!;
  assert.equal(current(alone.eventId), alone.eventId);
  assert.ok(a.every((x, i) => i === 10 || current(x.eventId) !== alone.eventId));
});

test('reassignSingletons off: the lone headline keeps its own event', () => {
  const { a, current } = run({ reassignSingletons: false });
  assert.notEqual(current(a[3]!.eventId), current(a[0]!.eventId));
});
