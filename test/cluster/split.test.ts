import assert from 'node:assert/strict';
import { test } from 'node:test';
import { bisect } from '../../src/cluster/split.js';
import { createClusterer, createStoryClusterer, SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, type Assignment, type ClusterDoc, type GroupSplit, type StoryClustererOptions } from '../../src/cluster/index.js';

// Invented stream: on one night two fires break out in Marseille. The first reports cover both at once;
// later reports are about one fire or the other (a dock warehouse and its arson arrest; a wildfire in the hills).
const BOTH = (i: number): ClusterDoc => ({
  id: `both${i}`,
  title: `Fires in Marseille overnight: smoke over the city (${i})`,
  text:
    'Firefighters in Marseille fought two fires overnight. A warehouse burned at the Joliette docks while a ' +
    'wildfire spread through the pine hills of the Calanques. Prefect Anne Rolland asked residents to stay indoors.',
  published: '2025-07-14',
  outlet: `wire${i}`,
});
const DOCKS = (i: number): ClusterDoc => ({
  id: `docks${i}`,
  title: `Joliette warehouse blaze: arson suspect detained (${i})`,
  text:
    `Police detained a 34-year-old night guard over the Joliette docks warehouse blaze. Investigators found ` +
    `jerrycans of petrol near the loading bays; the shipping firm Navimar said ${200 + i} containers of ` +
    'textiles were lost. Prosecutor Karim Haddad opened an arson inquiry and the port authority closed berth 4.',
  published: `2025-07-${15 + (i % 3)}`,
  outlet: `docks-outlet${i}`,
});
const HILLS = (i: number): ClusterDoc => ({
  id: `hills${i}`,
  title: `Calanques wildfire: ${300 + 40 * i} hectares burned, campers evacuated (${i})`,
  text:
    `Canadair water bombers flew over the Calanques national park, where the wildfire has burned ${300 + 40 * i} ` +
    'hectares of pine forest. Gendarmes evacuated campers from Luminy and Sormiou; the mistral wind fanned the ' +
    'flames, said park director Hélène Costa. Hikers are barred from the trails until further notice.',
  published: `2025-07-${15 + (i % 3)}`,
  outlet: `hills-outlet${i}`,
});

/** An update of the first wire story with a paragraph on one fire (as live reports grow). */
const update = (d: ClusterDoc, i: number): ClusterDoc => ({ ...d, id: `${d.id}u`, title: BOTH(i).title, text: `${BOTH(i).text} ${d.text}` });

/** The first reports, then updates with one fire's details, then each fire's own reports (interleaved). */
function stream(): ClusterDoc[] {
  const docs = [0, 1, 2].map(BOTH);
  for (let i = 0; i < 3; i++) docs.push(update(DOCKS(i), i), update(HILLS(i), i));
  for (let i = 3; i < 9; i++) docs.push(DOCKS(i), HILLS(i));
  return docs;
}

/** Current event of each article, following merges and splits as a store would. */
function follow(assignments: { id: string; a: Assignment }[]): Map<string, string> {
  const event = new Map<string, string>();
  const redirect = new Map<string, string>();
  const current = (id: string): string => (redirect.has(id) ? current(redirect.get(id)!) : id);
  for (const { id, a } of assignments) {
    for (const m of a.merges) if (m.level === 'event') redirect.set(m.from, m.into);
    for (const [doc, e] of event) event.set(doc, current(e));
    event.set(id, a.eventId);
    for (const s of a.splits ?? []) for (const moved of s.articleIds) event.set(moved, s.into);
  }
  return event;
}

test('two happenings that first look like one are split once their own reports pile up', () => {
  const c = createStoryClusterer();
  const docs = stream();
  const out = docs.map((d) => ({ id: d.id, a: c.add(d) }));
  const splits = out.flatMap((x) => x.a.splits ?? []);
  assert.ok(splits.length >= 1, 'the event is split');
  const event = follow(out);
  const docks = new Set(docs.filter((d) => d.id.startsWith('docks')).map((d) => event.get(d.id)));
  const hills = new Set(docs.filter((d) => d.id.startsWith('hills')).map((d) => event.get(d.id)));
  assert.equal(docks.size, 1, 'the warehouse reports end in one event');
  assert.equal(hills.size, 1, 'the wildfire reports end in one event');
  assert.notEqual([...docks][0], [...hills][0]);
  // The split keeps the storyline: one night of fires in one city.
  assert.equal(new Set(out.map((x) => x.a.storylineId)).size, 1);
  // The first reports and the larger part keep the original id; the warehouse reports leave it.
  const first = out[0]!.a.eventId;
  assert.equal(event.get('both0'), first);
  assert.equal([...hills][0], first);
  assert.deepEqual(splits.map((s) => s.from), [first]);
  assert.equal(splits[0]!.storylineId, out[0]!.a.storylineId);
});

test('a split is reported once, with the moved ids, and a snapshot continues the same way', () => {
  const docs = stream();
  const straight = createStoryClusterer();
  const expected = docs.map((d) => straight.add(d));
  const half = createStoryClusterer();
  docs.slice(0, 10).forEach((d) => half.add(d));
  const restored = createStoryClusterer({}, half.snapshot());
  assert.deepEqual(docs.slice(10).map((d) => restored.add(d)), expected.slice(10));
  // The split comes after the restore point: the members it moves were carried by the snapshot.
  assert.ok(expected.slice(10).some((a) => (a.splits ?? []).length > 0));
  const moved = expected.flatMap((a) => a.splits ?? []).flatMap((s) => s.articleIds);
  assert.equal(new Set(moved).size, moved.length, 'no article is moved twice');
});

test('splits off: the same stream stays one event', () => {
  const c = createClusterer({ splitCheckEvery: Infinity });
  const out = stream().map((d) => c.add(d));
  assert.ok(out.every((a) => (a.splits ?? []).length === 0));
  assert.equal(new Set(out.map((a) => c.resolve(a.eventId))).size, 1);
});

test('one happening is not split (its reports share their details)', () => {
  const c = createStoryClusterer();
  const out = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].map((i) => c.add(HILLS(i)));
  assert.ok(out.every((a) => (a.splits ?? []).length === 0));
});

test('bisect parts two clear groups and reports their cosine', () => {
  const v = (...terms: string[]) => new Map(terms.map((t) => [t, 1 / Math.sqrt(terms.length)]));
  const cut = bisect([v('dock', 'arson'), v('hill', 'pine'), v('dock', 'guard'), v('hill', 'camper')]);
  assert.ok(cut);
  const parts = cut.parts.map((p) => p.join(',')).sort();
  assert.deepEqual(parts, ['0,2', '1,3']);
  assert.equal(cut.cosine, 0);
  assert.equal(bisect([v('x')]), null);
});

// Invented headlines (MStream-like): a film whose title shares a word with a shopping day is first taken for it.
const FRIDAY = ['black friday sale start early', 'black friday shopper crowd store', 'black friday deal tv laptop', 'black friday sale online record', 'black friday shopper fight mall', 'black friday deal best buy', 'black friday online sale cyber', 'black friday store open thanksgiving'];
const NATIVITY = ['black nativity film review', 'black nativity musical film hudson', 'black nativity review hudson bassett', 'black nativity film gospel musical', 'black nativity hudson bassett star', 'black nativity musical review gospel'];

function headlines(options: Partial<StoryClustererOptions>): { text: string; a: Assignment }[] {
  const c = createClusterer({ ...SHORT_TEXT_FEW_GROUPS_CLUSTER_OPTIONS, ...options });
  const texts: string[] = [];
  FRIDAY.forEach((f, i) => texts.push(f, ...(NATIVITY[i - 2] ? [NATIVITY[i - 2]!] : [])));
  return texts.map((text, i) => ({ text, a: c.add({ id: `h${i}`, title: null, text, published: null, outlet: null }) }));
}

test('mixture: a film that joined a shopping-day story splits off once its own words add up', () => {
  const out = headlines({});
  const splits = out.flatMap((x) => x.a.splits ?? []);
  assert.equal(splits.length, 1);
  const [split] = splits as [GroupSplit];
  // The moved ids are the film's headlines seen so far, and nothing else.
  assert.ok(split.articleIds.every((id) => out[Number(id.slice(1))]!.text.startsWith('black nativity')));
  assert.ok(split.articleIds.length >= 4);
  // Followed as a store follows them, the two stories end in two events, the shopping day keeping its id.
  const final = out.map((x, i) => (split.articleIds.includes(`h${i}`) ? split.into : x.a.eventId));
  assert.deepEqual(new Set(final.filter((_, i) => out[i]!.text.startsWith('black nativity'))), new Set([split.into]));
  assert.deepEqual(new Set(final.filter((_, i) => out[i]!.text.startsWith('black friday'))), new Set([split.from]));
});

test('mixture, splits off: the film stays in the shopping-day event', () => {
  const out = headlines({ splitCheckEvery: Infinity });
  assert.equal(new Set(out.map((x) => x.a.eventId)).size, 1);
});
