import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { topEntries } from '../../src/cluster/sparse.js';

// Invented reports of one happening: a ferry fire off Brindisi.
const FERRY = (id: string, published: string | null): ClusterDoc => ({
  id,
  title: 'Fire on Adriatic ferry Stella Marina off Brindisi',
  text: 'A fire broke out on the ferry Stella Marina off Brindisi; the Italian coast guard evacuated 412 passengers. Operator Marlinea said the blaze began in the car deck.',
  published,
  outlet: null,
});

const SYLLABLES = ['bar', 'cel', 'dun', 'fen', 'gor', 'hal', 'kes', 'lin', 'mor', 'pen', 'ros', 'tam'];
const TOPICS = ['bridge repairs', 'school budget', 'bus fares', 'library hours', 'water rates', 'park lighting', 'parking fines', 'tram line'];

/** An invented proper name, distinct for each `i` (so that every filler is its own happening). */
function name(i: number, salt: number): string {
  const s = (j: number) => SYLLABLES[(Math.floor(i / 12 ** j) + salt * (j + 1)) % 12]!;
  const n = `${s(0)}${s(1)}${s(2)}${s(3)}`;
  return n[0]!.toUpperCase() + n.slice(1);
}

/** Unrelated local news, one happening each (invented), dated `day` days after 2025-03-01 or undated. */
function filler(i: number, day: number | null): ClusterDoc {
  const [town, mayor, firm] = [name(i, 0), name(i, 5), name(i, 7)];
  const topic = TOPICS[i % TOPICS.length]!;
  const published = day === null ? null : new Date(Date.UTC(2025, 2, 1) + day * 86_400_000).toISOString().slice(0, 10);
  return { id: `f${i}`, title: `${town} picks ${firm} for ${topic}`, text: `${town} council chose ${firm} for its ${topic}. Mayor ${mayor} said ${firm} would start in ${town} in spring; ${mayor} expects ${topic} to cost less.`, published, outlet: null };
}

test('dated: an event idle past the window leaves the index; a late report then starts a new event', () => {
  const run = (eventWindowDays: number) => {
    const c = createClusterer({ eventWindowDays });
    const first = c.add(FERRY('a', '2025-03-01'));
    // A month of other news (enough articles for two sweeps).
    for (let i = 0; i < 520; i++) c.add(filler(i, Math.floor(i / 18)));
    const late = c.add(FERRY('b', '2025-03-31'));
    const live = (JSON.parse(c.snapshot()) as { events: [string][] }).events.map((e) => e[0]);
    return { same: c.resolve(late.eventId) === c.resolve(first.eventId), kept: live.includes(first.eventId) };
  };
  // Kept for ever, the late report joins its event (30 days: a gap penalty of about 1 still leaves a clear match).
  assert.equal(run(Infinity).same, true);
  const windowed = run(15);
  assert.equal(windowed.same, false);
  assert.equal(windowed.kept, false, 'the retired event is gone from the snapshot');
});

test('undated: the window counts arrivals instead', () => {
  const run = (eventWindowDocs: number) => {
    const c = createClusterer({ eventWindowDocs });
    const first = c.add(FERRY('a', null));
    for (let i = 0; i < 600; i++) c.add(filler(i, null));
    return c.resolve(c.add(FERRY('b', null)).eventId) === c.resolve(first.eventId);
  };
  assert.equal(run(Infinity), true);
  assert.equal(run(300), false);
});

test('state and snapshot stay bounded by the window, not by history', () => {
  const c = createClusterer({ eventWindowDays: 10, storylineWindowDays: 20, dfHalvingDocs: 512 });
  const sizes: number[] = [];
  const live: number[] = [];
  // 2,048 one-off happenings over ~200 days (10 a day).
  for (let i = 0; i < 2048; i++) {
    c.add(filler(i, Math.floor(i / 10)));
    if ((i + 1) % 512 === 0) {
      sizes.push(c.snapshot().length);
      live.push(c.counts().events);
    }
  }
  // Ten days at ten a day, plus up to a sweep interval (256) and the lag of the median "now" (~50 articles).
  assert.ok(Math.max(...live) < 300, `live events ${live.join(', ')}`);
  // Without the window every happening stays: the snapshot grows with history.
  const unbounded = createClusterer({ eventWindowDays: Infinity, storylineWindowDays: Infinity, dfHalvingDocs: Infinity });
  for (let i = 0; i < 2048; i++) unbounded.add(filler(i, Math.floor(i / 10)));
  assert.equal(unbounded.counts().events, 2048);
  assert.ok(sizes[3]! * 5 < unbounded.snapshot().length);
  assert.ok(sizes[3]! < sizes[1]! * 1.3, `snapshot sizes ${sizes.join(', ')}`);
});

test('snapshot → restore across sweeps continues identically', () => {
  const options = { eventWindowDays: 5, storylineWindowDays: 10, dfHalvingDocs: 256 };
  const docs = Array.from({ length: 900 }, (_, i) => (i % 50 === 7 ? FERRY(`x${i}`, '2025-03-02') : filler(i, Math.floor(i / 25))));
  const straight = createClusterer(options);
  const expected = docs.map((d) => straight.add(d));
  const first = createClusterer(options);
  docs.slice(0, 400).forEach((d) => first.add(d));
  const restored = createClusterer(options, first.snapshot());
  assert.deepEqual(docs.slice(400).map((d) => restored.add(d)), expected.slice(400));
  assert.equal(restored.snapshot(), straight.snapshot());
});

test('one odd publication date does not retire everything', () => {
  const c = createClusterer({ eventWindowDays: 20 });
  const first = c.add(FERRY('a', '2025-03-01'));
  for (let i = 0; i < 300; i++) c.add(filler(i, i === 150 ? 3650 : 1 + Math.floor(i / 60)));
  assert.equal(c.resolve(c.add(FERRY('b', '2025-03-06')).eventId), c.resolve(first.eventId));
});

test('topEntries keeps the k heaviest, ties by term, as a full sort would', () => {
  let seed = 7;
  const rand = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  for (let t = 0; t < 500; t++) {
    const v = new Map<string, number>();
    for (let i = 0; i < 40 * rand(); i++) v.set(`t${Math.floor(rand() * 50)}`, Math.floor(rand() * 4) / 4);
    const k = 1 + Math.floor(rand() * 20);
    const sorted = [...v].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
    const expected = v.size > k ? sorted.slice(0, k) : [...v];
    assert.deepEqual(topEntries(v, k), expected);
  }
});
