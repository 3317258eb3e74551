import assert from 'node:assert/strict';
import { test } from 'node:test';
import { yearFeatures } from '../../src/cluster/pair-model.js';
import { createClusterer, createStoryClusterer, DEFAULT_CLUSTER_OPTIONS, SHORT_TEXT_CLUSTER_OPTIONS, type ClusterDoc } from '../../src/cluster/index.js';

// Invented articles: two quakes in different places and months, plus a follow-up of the first.
const QUAKE_A = (i: number): ClusterDoc => ({
  id: `a${i}`,
  title: `Magnitude 6.4 earthquake shakes Arequipa, Peru (report ${i})`,
  text: `A magnitude 6.4 earthquake struck near Arequipa in southern Peru on Tuesday. Peruvian officials said ${i + 2} people were injured and several adobe houses collapsed in Arequipa province. President Elena Vargas flew to Arequipa.`,
  published: `2025-03-${String(4 + (i % 3)).padStart(2, '0')}`,
  outlet: `outlet${i}`,
});
const QUAKE_B = (i: number): ClusterDoc => ({
  id: `b${i}`,
  title: `Strong earthquake hits Hokkaido, Japan (update ${i})`,
  text: `A strong earthquake of magnitude 6.1 hit Hokkaido in northern Japan. The Japan Meteorological Agency said no tsunami was expected; Sapporo trains stopped for ${i + 1} hours.`,
  published: `2025-09-${String(10 + (i % 3)).padStart(2, '0')}`,
  outlet: `outlet${i}`,
});

test('articles of one happening share an event; another happening gets its own', () => {
  const c = createStoryClusterer();
  const a = [0, 1, 2].map((i) => c.add(QUAKE_A(i)));
  const b = [0, 1, 2].map((i) => c.add(QUAKE_B(i)));
  const ev = (x: { eventId: string }) => c.resolve(x.eventId);
  assert.equal(new Set(a.map(ev)).size, 1);
  assert.equal(new Set(b.map(ev)).size, 1);
  assert.notEqual(ev(a[0]!), ev(b[0]!));
  assert.equal(a[0]!.newEvent, true);
  assert.equal(a[1]!.newEvent, false);
});

test('snapshot → restore continues with the same assignments', () => {
  const docs = [...[0, 1, 2, 3].map(QUAKE_A), ...[0, 1, 2, 3].map(QUAKE_B)];
  const straight = createStoryClusterer();
  const expected = docs.map((d) => straight.add(d));
  const first = createStoryClusterer();
  docs.slice(0, 3).forEach((d) => first.add(d));
  const snap = first.snapshot();
  const restored = createStoryClusterer({}, snap);
  const rest = docs.slice(3).map((d) => restored.add(d));
  assert.deepEqual(rest, expected.slice(3));
  assert.equal(restored.snapshot(), straight.snapshot());
});

test('an article that fits two events merges them, and the old id redirects', () => {
  // Two reports of one dam breach start apart (a strict first clusterer), then a bridging report arrives.
  const strict = createClusterer({ eventWeights: { ...DEFAULT_CLUSTER_OPTIONS.eventWeights, bias: -100 } });
  const x = strict.add({ id: 'x', title: 'Dam breach floods Vale village', text: 'The Corrente dam breached and flooded the village of Vale; residents fled to the hills.', published: '2025-05-02', outlet: null });
  const y = strict.add({ id: 'y', title: 'Corrente dam operator blamed', text: 'Engineers blamed Hidrovale, the operator of the Corrente dam, for skipped inspections before the breach.', published: '2025-05-03', outlet: null });
  assert.notEqual(x.eventId, y.eventId);
  const c = createClusterer({ mergeMargin: -100 }, strict.snapshot());
  const z = c.add({ id: 'z', title: 'Corrente dam breach floods Vale; Hidrovale operator blamed', text: 'The Corrente dam breached and flooded Vale village; engineers blamed Hidrovale, the operator, for skipped inspections.', published: '2025-05-03', outlet: null });
  const m = z.merges.find((g) => g.level === 'event');
  assert.ok(m, 'the bridging article merges the two events');
  assert.equal(c.resolve(m.from), m.into);
  assert.equal(c.resolve(x.eventId), c.resolve(y.eventId));
  assert.equal(c.resolve(x.eventId), z.eventId);
  assert.equal(c.counts().events, 1);
});

test('bad data does not throw', () => {
  const c = createStoryClusterer();
  const a = c.add({ id: 'n', title: null, text: '', published: 'not a date', outlet: null });
  assert.match(a.eventId, /^e\d+$/);
  // Text missing altogether (a broken upstream record).
  const b = c.add({ id: 'm', title: null, published: null, outlet: null } as unknown as ClusterDoc);
  assert.match(b.storylineId, /^s\d+$/);
});

test('lookup cost is bounded: index lists never exceed the cap', () => {
  const c = createClusterer({ postingCap: 8 });
  for (let i = 0; i < 200; i++) {
    c.add({ id: `d${i}`, title: `Council vote ${i} on road tolls in Town${i}`, text: `Town${i} council voted on road tolls. Mayor Person${i} spoke.`, published: null, outlet: null });
  }
  const snap = JSON.parse(c.snapshot()) as { ei: [string, string[]][] };
  assert.ok(snap.ei.every(([, list]) => list.length <= 8));
});

test('yearFeatures: the latest year an article names against the years of a group', () => {
  const group = new Map([[2009, 3], [2004, 1]]);
  const latest = new Map([[2009, 3]]);
  // "since his 2004 loss … on Saturday in 2009": latest 2009, named by the group.
  assert.deepEqual(yearFeatures([2004, 2009], group, latest), [1, 0]);
  // A report naming 2013 (and 2009 as background) is not against the group's usual 2009: no clash.
  assert.deepEqual(yearFeatures([2009, 2013], group, latest), [0, 0]);
  // Only 2013: a later bout.
  assert.deepEqual(yearFeatures([2013], group, latest), [0, 1]);
  // Either side naming no year says nothing.
  assert.deepEqual(yearFeatures([], group, latest), [0, 0]);
  assert.deepEqual(yearFeatures([2013], new Map(), new Map()), [0, 0]);
});

// Invented undated reports of two title defences of one boxer, four years apart, told in the same words.
const BOUTS: ClusterDoc[] = [
  ['Kowal stops Stanek in sixth to keep heavyweight belts', 'Dariusz Kowal kept his heavyweight belts on Saturday in Hamburg, stopping Marek Stanek in the sixth round of their 2009 title fight. Kowal dropped Stanek twice before the referee waved it off.'],
  ['Ortega falls in ninth as Kowal defends crown in Dusseldorf', 'Dariusz Kowal retained his heavyweight titles in Dusseldorf on Saturday, knocking out Luis Ortega in the ninth round. The 2013 defence was Kowal\'s fifteenth; the referee waved it off after a left hook.'],
  ['Heavyweight champion Kowal too strong for Stanek', 'Marek Stanek could not live with Dariusz Kowal in Hamburg. The champion stopped him in the sixth round to keep his heavyweight belts, his third defence of 2009.'],
  ['Kowal keeps heavyweight belts with ninth-round stoppage', 'Luis Ortega was stopped in the ninth round as Dariusz Kowal retained his heavyweight titles in Dusseldorf. Kowal has not lost since 2004 and said 2013 had been his best year.'],
  ['Stanek stopped as Kowal retains heavyweight belts', 'Dariusz Kowal retained his heavyweight belts, stopping Marek Stanek in six rounds in Hamburg on Saturday night, his second stoppage win of 2009.'],
  ['Ortega no match for Kowal in heavyweight title defence', 'Dariusz Kowal stopped Luis Ortega in the ninth round in Dusseldorf to retain his heavyweight titles, the champion\'s first fight of 2013.'],
].map(([title, text], i) => ({ id: `bout${i}`, title: title!, text: text!, published: null, outlet: null }));

test('undated reports of two same-kind events are told apart', () => {
  const c = createStoryClusterer();
  const got = BOUTS.map((d) => c.add(d)).map((a) => c.resolve(a.eventId));
  assert.equal(new Set(got.filter((_, i) => i % 2 === 0)).size, 1, 'the 2009 fight is one event');
  assert.equal(new Set(got.filter((_, i) => i % 2 === 1)).size, 1, 'the 2013 fight is one event');
  assert.notEqual(got[0], got[1]);
  // Without the year terms the 2013 report joins the 2009 fight: the years are what tell them apart.
  const blind = createClusterer({ eventWeights: { ...DEFAULT_CLUSTER_OPTIONS.eventWeights, yearMatch: 0, yearClash: 0 } });
  const [a, b] = BOUTS.slice(0, 2).map((d) => blind.add(d));
  assert.equal(blind.resolve(a!.eventId), blind.resolve(b!.eventId));
});

test('an article that fits two storylines merges them when their centroids match', () => {
  // Two reports of one dam story start in separate storylines (a strict first clusterer).
  const strict = createClusterer({ storylineWeights: { ...DEFAULT_CLUSTER_OPTIONS.storylineWeights, bias: -100 }, eventWeights: { ...DEFAULT_CLUSTER_OPTIONS.eventWeights, bias: -100 } });
  const x = strict.add({ id: 'x', title: 'Corrente dam breach floods Vale village', text: 'The Corrente dam breached and flooded the village of Vale; residents fled to the hills.', published: '2025-05-02', outlet: null });
  const y = strict.add({ id: 'y', title: 'Corrente dam inquiry opens in Vale', text: 'An inquiry into the Corrente dam breach opened in Vale; engineers of Hidrovale will testify.', published: '2025-07-10', outlet: null });
  assert.notEqual(x.storylineId, y.storylineId);
  const c = createClusterer({ storylineMergeMargin: -100, eventWeights: { ...DEFAULT_CLUSTER_OPTIONS.eventWeights, bias: -100 } }, strict.snapshot());
  const z = c.add({ id: 'z', title: 'Corrente dam: Vale inquiry hears of breach', text: 'The inquiry in Vale heard how the Corrente dam breached and flooded the village; Hidrovale engineers testified.', published: '2025-07-12', outlet: null });
  const m = z.merges.find((g) => g.level === 'storyline');
  assert.ok(m, 'the bridging article merges the two storylines');
  assert.equal(c.resolve(x.storylineId), c.resolve(y.storylineId));
  assert.equal(c.resolve(z.storylineId), c.resolve(x.storylineId));
  assert.equal(c.counts().storylines, 1);
});

// Invented lower-cased, stemmed headlines of two stories, interleaved as a stream would bring them.
const HEADLINES: [story: string, text: string][] = [
  ['ferry', 'ferry sink off crete coast dozen missing'],
  ['vote', 'lisbon council vote tram fare rise'],
  ['ferry', 'crete ferry rescue diver search wreck'],
  ['vote', 'tram fare rise pass lisbon council'],
  ['ferry', 'ferry captain arrest crete sinking'],
  ['vote', 'lisbon tram fare protest council'],
  ['ferry', 'survivor crete ferry sink describe panic'],
];
const headline = ([, text]: [string, string], i: number): ClusterDoc => ({ id: `h${i}`, title: null, text, published: null, outlet: null });

test('short-text mixture profile: headlines of one story share an event, another story gets its own', () => {
  const c = createStoryClusterer(SHORT_TEXT_CLUSTER_OPTIONS);
  const got = HEADLINES.map((h, i) => c.resolve(c.add(headline(h, i)).eventId));
  const of = (story: string) => new Set(got.filter((_, i) => HEADLINES[i]![0] === story));
  assert.equal(of('ferry').size, 1);
  assert.equal(of('vote').size, 1);
  assert.notDeepEqual(of('ferry'), of('vote'));
});

test('short-text mixture profile: snapshot → restore continues with the same assignments', () => {
  const docs = HEADLINES.map(headline);
  const straight = createStoryClusterer(SHORT_TEXT_CLUSTER_OPTIONS);
  const expected = docs.map((d) => straight.add(d));
  const first = createStoryClusterer(SHORT_TEXT_CLUSTER_OPTIONS);
  docs.slice(0, 4).forEach((d) => first.add(d));
  const restored = createStoryClusterer(SHORT_TEXT_CLUSTER_OPTIONS, first.snapshot());
  assert.deepEqual(docs.slice(4).map((d) => restored.add(d)), expected.slice(4));
  assert.equal(restored.snapshot(), straight.snapshot());
});

test('mixture: an event that has not grown for long fades, so the same words later start a new event', () => {
  const stream = (fade: number) => {
    const c = createStoryClusterer({ ...SHORT_TEXT_CLUSTER_OPTIONS, mixtureFadeDocs: fade });
    const old = ['ferry sink off crete coast', 'crete ferry rescue search', 'ferry sinking crete captain'].map((text, i) => c.add({ id: `f${i}`, title: null, text, published: null, outlet: null }));
    // Sixty unrelated headlines pass (a busy news day elsewhere).
    const towns = ['porto', 'braga', 'faro', 'evora', 'leiria', 'viseu'];
    const topics = ['bridge repair', 'school strike', 'hospital wing', 'bus route', 'market fire', 'water tariff', 'harbour dredge', 'library close', 'stadium plan', 'wine harvest'];
    for (let i = 0; i < 60; i++) c.add({ id: `x${i}`, title: null, text: `${towns[i % 6]} ${topics[i % 10]} mayor ${i % 7 === 0 ? 'delay' : 'approve'}`, published: null, outlet: null });
    const late = c.add({ id: 'late', title: null, text: 'crete ferry sink captain', published: null, outlet: null });
    return c.resolve(late.eventId) === c.resolve(old[0]!.eventId);
  };
  assert.equal(stream(Infinity), true, 'without fading the late report joins the old event');
  assert.equal(stream(5), false, 'with a short fade it starts a new one');
});

test('only the first maxTextChars of a text count: a long tail (related stories, comments) does not move an article', () => {
  // Invented: a Hokkaido report whose page dump ends with a long copy of Arequipa coverage.
  const tail = Array.from({ length: 20 }, (_, i) => QUAKE_A(i).text).join(' ');
  const report = Array.from({ length: 20 }, (_, i) => QUAKE_B(i).text).join(' ');
  const hokkaido: ClusterDoc = { ...QUAKE_B(7), text: `${report} Related coverage. ${tail}` };
  const place = (maxTextChars: number) => {
    const c = createStoryClusterer({ maxTextChars });
    const arequipa = [0, 1, 2].map((i) => c.add(QUAKE_A(i)).eventId);
    return { arequipa: arequipa[0], hokkaido: c.add({ ...hokkaido, published: '2025-03-05' }).eventId };
  };
  const capped = place(DEFAULT_CLUSTER_OPTIONS.maxTextChars);
  assert.ok(report.length > DEFAULT_CLUSTER_OPTIONS.maxTextChars, 'the report alone fills the characters read');
  assert.notEqual(capped.hokkaido, capped.arequipa, 'read from its start, the report is about Hokkaido');
});

test('one rare shared word does not make a storyline: a heatwave "in the valley" and the "Valley Rovers" derby stay apart', () => {
  const c = createStoryClusterer();
  const heat = c.add({ id: 'h', title: 'Heatwave warning for the valley this weekend', text: 'Forecasters issued a heatwave warning for the whole valley on Thursday, with temperatures expected to reach 36 degrees. Authorities advised people to avoid outdoor work in the afternoon.', published: '2025-09-11', outlet: 'Town Crier' });
  const derby = c.add({ id: 'd', title: 'Valley Rovers win derby 3-1', text: "Valley Rovers beat Harnby Athletic 3-1 in Sunday's derby at Riverside Park, with two goals from striker Omar Feld.", published: '2025-09-14', outlet: 'Valley Radio' });
  assert.notEqual(derby.storylineId, heat.storylineId);
});
