import assert from 'node:assert/strict';
import { test } from 'node:test';
import { baselineTimeline, collectDays, dayScores, pickSentences, rankDays, summarizeTimeline, type TimelineArticle } from '../../src/timeline/index.js';
import { baselineFromDays, storyKeywords, summarizeDays } from '../../src/timeline/summarize.js';
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
  const days = collectDays([{ id: 'x', published: '2025-04-08', text: 'VELLA (Reuters) -\nThe regional council approved a flood relief fund of 20 million crowns.\nIt will pay out within weeks.' }], { leadSentences: 1 });
  const c = days.get('2025-04-08')!.candidates;
  assert.deepEqual(c.map((x) => [x.text, x.explicit]), [['The regional council approved a flood relief fund of 20 million crowns.', false]]);
});

test('rankDays puts the most reported day first (DATEWISE-style date selection)', () => {
  const ranked = rankDays(collectDays(FLOOD));
  assert.equal(ranked[0]!.date, '2025-04-06');
  const scores = dayScores(ranked);
  assert.ok(scores.get(ranked[0]!)! > scores.get(ranked[1]!)!);
});

test('rankDays fuses counts by rank, so one huge count does not outweigh three signals', () => {
  // Day A is named by 40 sentences of one timeline page and nothing else; day B was reported on
  // the day, the morning after and looked back at later. Reason: counts differ in scale between
  // collections, so no count may win on size alone.
  const stats = (date: string, mentionArticles: number, laterArticles: number, published: number, publishedNextDay: number) => ({ date, mentionArticles, laterArticles, published, publishedNextDay, candidates: [] });
  const days = new Map([
    ['2025-03-01', stats('2025-03-01', 40, 0, 0, 0)],
    ['2025-03-09', stats('2025-03-09', 3, 2, 4, 3)],
    ['2025-03-15', stats('2025-03-15', 1, 0, 1, 0)],
  ]);
  assert.deepEqual(rankDays(days).map((d) => d.date), ['2025-03-09', '2025-03-01', '2025-03-15']);
});

test('collectDays counts the reports published the day after', () => {
  const days = collectDays(FLOOD);
  // n1 and n2 ran the morning after the flood; n4 the morning after April 9; none after April 12.
  assert.equal(days.get('2025-04-06')!.publishedNextDay, 2);
  assert.equal(days.get('2025-04-09')!.publishedNextDay, 1);
  assert.equal(days.get('2025-04-12')!.publishedNextDay, 0);
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

test('the lead of a report published the next day also describes a day that is already a candidate', () => {
  const days = collectDays([
    ...FLOOD,
    { id: 'n7', published: '2025-04-07', text: 'Rescue boats ferried 200 residents of Vella to higher ground through the night.\nMore rain is forecast.' },
    { id: 'n8', published: '2025-04-20', text: 'Vella reopened its schools after two weeks of repairs to flooded classrooms.' },
  ]);
  const lead = 'Rescue boats ferried 200 residents of Vella to higher ground through the night.';
  assert.ok(days.get('2025-04-07')!.candidates.some((c) => c.text === lead && !c.explicit));
  assert.ok(days.get('2025-04-06')!.candidates.some((c) => c.text === lead && !c.explicit), 'the flood day gets the next-day lead');
  // No day is made up for the day before a lone report: 04-19 is nobody's candidate.
  assert.equal(days.has('2025-04-19'), false);
  // Publication counts, and so the day ranking, do not change.
  assert.equal(days.get('2025-04-06')!.published, 0);
});

test('story keywords: the stems most articles share; off-story and very short sentences are not picked', () => {
  const days = collectDays(FLOOD);
  const keywords = storyKeywords(days.values(), 3);
  assert.ok(keywords.has('vella'), [...keywords].join(' '));
  const candidates = [
    { article: 'a', text: 'Tickets for the jazz evening at the concert hall on Monday sold out within an hour, organisers said.', explicit: true },
    { article: 'b', text: 'Army engineers finished a temporary dam at Vella on Monday after two days of work in the rain.', explicit: true },
    { article: 'c', text: 'Tickets sold out on Monday.', explicit: true },
  ];
  assert.equal(pickSentences(candidates, 1, 0.7, new Map(), keywords)[0]!.article, 'b');
  // Without keywords the short sentence still gives way to a report of at least ten words.
  assert.notEqual(pickSentences(candidates, 1, 0.7, new Map())[0]!.article, 'c');
  // When no candidate passes a rule, the rule is skipped rather than leaving the day empty.
  assert.equal(pickSentences([candidates[2]!], 1, 0.7, new Map(), keywords).length, 1);
});

test('summarizeDays and baselineFromDays give the same summaries as the article-level functions', () => {
  const days = collectDays(FLOOD);
  const o = { maxDates: 3, sentencesPerDate: 2 };
  assert.deepEqual(summarizeDays(days, o).dates.map((d) => d.date), summarizeTimeline(FLOOD, o).dates.map((d) => d.date));
  assert.deepEqual(baselineFromDays(days, o), baselineTimeline(FLOOD, o));
});

test('a sentence is quoted under one date only, even when it is a candidate for two', () => {
  // Both leads (published on Saturday 05-03) are candidates for 05-03 and for Friday 05-02, where the
  // dated sentences are too short to be picked; without the rule both days would quote the same lead.
  const articles: TimelineArticle[] = [
    { id: 'v1', published: '2025-05-03', text: 'Velport voted on Friday.\nDock workers gathered outside the board offices in Velport to protest against the closure.' },
    { id: 'v2', published: '2025-05-03', text: 'The terminal vote came on Friday.\nShipping firms in Velport began moving their cargo to the rival port of Dunmore.' },
  ];
  const tl = summarizeTimeline(articles, { maxDates: 2, sentencesPerDate: 1 });
  assert.deepEqual(tl.dates.map((d) => d.date), ['2025-05-02', '2025-05-03']);
  const texts = tl.dates.flatMap((d) => d.sentences.map((s) => s.text));
  assert.equal(texts.length, 2);
  assert.notEqual(texts[0], texts[1]);
});
