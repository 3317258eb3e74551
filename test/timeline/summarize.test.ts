import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineTimeline, collectDays, dayScore, pickSentences, rankDays, summarizeTimeline, type TimelineArticle } from '../../src/timeline/index.js';
import { dateF1, dateOverlap, sentenceBudget } from '../../bench/eval/timeline.js';

// An invented collection: the Tarn valley flood, six reports over a week.
const FLOOD: TimelineArticle[] = [
  { id: 'n1', published: '2025-04-07', text: 'The Tarn river burst its banks on Sunday, flooding 300 homes in Vella.\nRescue teams evacuated the old town overnight.' },
  { id: 'n2', published: '2025-04-07', text: 'Heavy rain sent the Tarn over its banks on Sunday and into the streets of Vella.\nThe mayor asked residents to stay upstairs.' },
  { id: 'n3', published: '2025-04-09', text: 'Army engineers arrived in Vella on Tuesday to build a temporary dam.\nThe flood on Sunday, April 6 was worse than the great flood of 1987.' },
  { id: 'n4', published: '2025-04-10', text: 'Water levels in Vella fell on Wednesday for the first time since the Tarn burst its banks on April 6.\nShops remain closed.' },
  { id: 'n5', published: '2025-04-12', text: 'The government declared Vella a disaster zone on Friday, a week after the flood of April 6 forced 1,200 people from their homes.' },
  { id: 'n6', published: '2025-04-12', text: 'Residents of Vella returned home on Friday to count the cost.\nInsurers expect claims to top 40 million.' },
];

test('collectDays counts mentioning, look-back and publishing articles per day', () => {
  const days = collectDays(FLOOD);
  const flood = days.get('2025-04-06')!;
  assert.equal(flood.mentionArticles, 5);
  assert.equal(flood.laterArticles, 5);
  assert.equal(flood.published, 0);
  assert.equal(days.get('2025-04-12')!.published, 2);
  // Only days are candidates by default; the 1987 year stays out.
  assert.ok(![...days.keys()].some((d) => d.length < 10));
  assert.ok(collectDays(FLOOD, { partialDates: true }).has('1987'));
});

test('an undated sentence of the lead stands for the publication day; a short dateline does not', () => {
  const days = collectDays([{ id: 'x', published: '2025-04-08', text: 'VELLA (Reuters) -\nThe regional council approved a flood relief fund of 20 million crowns.\nIt will pay out within weeks.' }]);
  const c = days.get('2025-04-08')!.candidates;
  assert.deepEqual(c.map((x) => [x.text, x.explicit]), [['The regional council approved a flood relief fund of 20 million crowns.', false]]);
});

test('rankDays puts the most reported day first (DATEWISE-style date selection)', () => {
  const ranked = rankDays(collectDays(FLOOD));
  assert.equal(ranked[0]!.date, '2025-04-06');
  assert.ok(dayScore(ranked[0]!, { pubWeight: 0.5, laterWeight: 2 }) > dayScore(ranked[1]!, { pubWeight: 0.5, laterWeight: 2 }));
});

test('summarizeTimeline keeps the budget, orders by date, quotes sentences', () => {
  const tl = summarizeTimeline(FLOOD, { maxDates: 3, sentencesPerDate: 2 });
  assert.equal(tl.dates.length, 3);
  assert.deepEqual(tl.dates.map((d) => d.date), [...tl.dates.map((d) => d.date)].sort());
  assert.ok(tl.dates.some((d) => d.date === '2025-04-06'));
  for (const d of tl.dates) {
    assert.ok(d.sentences.length >= 1 && d.sentences.length <= 2);
    for (const s of d.sentences) assert.ok(FLOOD.some((a) => a.text.includes(s.text)), `not quoted: ${s.text}`);
  }
  const flood = tl.dates.find((d) => d.date === '2025-04-06')!;
  // Two sentences about the same flood day, the second not a near-repeat of the first (MMR).
  assert.equal(flood.sentences.length, 2);
  assert.notEqual(flood.sentences[0]!.text, flood.sentences[1]!.text);
});

test('pickSentences prefers the central sentence and skips near-repeats', () => {
  const c = [
    { article: 'a', text: 'The dam at Vella was finished on Monday by army engineers.', explicit: true },
    { article: 'b', text: 'Army engineers finished the Vella dam on Monday.', explicit: true },
    { article: 'c', text: 'The dam at Vella was finished on Monday by army engineers, officials said.', explicit: true },
    { article: 'd', text: 'A bakery reopened on Monday.', explicit: true },
  ];
  const one = pickSentences(c, 1, 0.7, new Map());
  assert.notEqual(one[0]!.article, 'd');
  assert.deepEqual(pickSentences(c, 0, 0.7, new Map()), []);
});

test('baselineTimeline: the most mentioned days with their first sentence', () => {
  const tl = baselineTimeline(FLOOD, { maxDates: 1 });
  assert.deepEqual(tl.dates.map((d) => d.date), ['2025-04-06']);
  assert.equal(tl.dates[0]!.sentences.length, 1);
});

test('Date-F1: precision and recall averaged over timelines first, then F1', () => {
  assert.deepEqual(dateOverlap(['2025-01-01', '2025-01-02'], ['2025-01-02', '2025-01-03', '2025-01-04', '2025-01-05']), { p: 0.5, r: 0.25 });
  const f = dateF1([{ p: 1, r: 0.5 }, { p: 0, r: 0 }]);
  assert.equal(f.p, 0.5);
  assert.equal(f.r, 0.25);
  assert.ok(Math.abs(f.f1 - 1 / 3) < 1e-9);
  assert.equal(sentenceBudget({ topic: 't', timeline: 'x', n_dates: 2, entries: [{ date: 'a', sentences: ['1', '2', '3'] }, { date: 'b', sentences: ['1'] }] }), 2);
});
