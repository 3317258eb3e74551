import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildTimeline, reconcileFacts, type TimelineArticle } from '../../src/timeline/index.js';
import { anchorOnContext } from '../../src/timeline/dated.js';
import type { Citation, StorylineReport } from '../../src/model/index.js';

test('an undated report is anchored on the latest date of its storyline: a later month is dated, relative days are not', () => {
  assert.equal(anchorOnContext('XXXX-09', '2025-04-02'), '2025-09');
  assert.equal(anchorOnContext('XXXX-03', '2025-04-02'), 'XXXX-03', 'an earlier month could be either year');
  assert.equal(anchorOnContext('XXXX-06-16', '2025-04-02'), '2025-06-16');
  assert.equal(anchorOnContext('2024-11', '2025-04-02'), '2024-11');
  assert.equal(anchorOnContext('XXXX-09', null), 'XXXX-09');
  // Invented: a viaduct reopening, then an undated report that it moved.
  const articles: TimelineArticle[] = [
    { id: 'a', outlet: 'Kelso Ledger', published: '2025-04-02', text: 'The Kelso viaduct will reopen to traffic on June 16 after repairs to its bearings, the county said.' },
    { id: 'b', outlet: 'Ashby Post', published: null, text: 'The Kelso viaduct, reopened on the 16th of this month, was closed again in September after engineers found more damage. Work on the bearings began in March.' },
  ];
  const entries = buildTimeline(articles);
  const sept = entries.find((e) => e.date === '2025-09');
  assert.ok(sept, JSON.stringify(entries.map((e) => e.date)));
  assert.match(sept.text, /closed again in September/);
  assert.deepEqual(sept.sources, ['Ashby Post']);
  assert.ok(!entries.some((e) => /-03/.test(e.date)), 'March is before the bound: no year can be told');
  assert.ok(!entries.some((e) => e.date === '2025-04-16'), '"the 16th of this month" has no month to anchor');
});

test('a caption dated only by its weekday is no happening of its own; a caption with a full date is', () => {
  // Invented captions: one describes the photo, one reports a happening with its date.
  const a: TimelineArticle = {
    id: 'c',
    outlet: 'Kelso Ledger',
    published: '2025-05-06',
    text: 'The new Ashby footbridge opened to walkers on Monday, three months late. It cost 4 million crowns.',
    captions: ['Walkers cross the footbridge in Ashby on Monday.', 'Mayor Ines Roth cuts the ribbon at the Tarn ferry terminal on October 3, 2023.'],
  };
  const entries = buildTimeline([a]);
  assert.deepEqual(entries.map((e) => e.date), ['2023-10-03', '2025-05-05']);
  assert.match(entries[1]!.text, /footbridge opened/);
  assert.equal(entries[0]!.citations[0]!.caption, 1);
  // A weekday caption that retells what the body says undated dates that happening.
  const b: TimelineArticle = {
    id: 'f',
    outlet: 'Tarn Weekly',
    published: '2025-05-07',
    text: 'Fishermen blocked the harbour entrance at Tarn with their boats in protest at the new quotas. The ministry said talks would resume.',
    captions: ['Fishermen block the Tarn harbour entrance with boats on Tuesday.'],
  };
  assert.deepEqual(buildTimeline([b]).map((e) => [e.date, e.text]), [['2025-05-06', 'Fishermen block the Tarn harbour entrance with boats on Tuesday.']]);
});

test('a loaded sentence never describes a happening a neutral sentence dates: it joins it as a source', () => {
  // Invented: a neutral and an opinionated report of one parliamentary vote.
  const articles: TimelineArticle[] = [
    { id: 'n', outlet: 'Tarn Weekly', published: '2025-06-12', text: 'Prime Minister Orsa Lenk said the fisheries bill would be put to parliament in October.' },
    { id: 'o', outlet: 'Island Voice', published: '2025-06-13', text: 'Lenk and her cronies will now ask parliament to rubber-stamp the disastrous bill in October.' },
  ];
  const entries = buildTimeline(articles);
  // A plan for October is dated by the statement's month (June), not by October.
  const oct = entries.filter((e) => e.date === '2025-06');
  assert.equal(oct.length, 1, JSON.stringify(entries));
  assert.match(oct[0]!.text, /^Prime Minister Orsa Lenk said/);
  assert.deepEqual(oct[0]!.sources, ['Tarn Weekly', 'Island Voice']);
  // Alone, the loaded sentence still dates its happening.
  assert.equal(buildTimeline([articles[1]!]).length, 1);
});

test('facts keep the outlets the compare stage confirmed: the timeline\'s looser grouping adds none', () => {
  const c = (article: string, sentence: string, start = 0): Citation => ({ article, sentence, start, end: start + sentence.length });
  const ledger = c('l', 'The viaduct was closed on May 5 after a bearing failed.');
  const agency = c('g', 'The viaduct has been closed since May 5.');
  const report = {
    headline: '', articles: [
      { id: 'l', title: '', outlet: 'Kelso Ledger', published: '2025-05-06' },
      { id: 'g', title: '', outlet: 'Northern Press Agency', published: '2025-05-07' },
      { id: 'p', title: '', outlet: 'Ashby Post', published: '2025-05-06' },
    ],
    events: [], outlets: ['Kelso Ledger', 'Northern Press Agency', 'Ashby Post'],
    facts: [{ text: ledger.sentence, sources: ['Kelso Ledger', 'Northern Press Agency'], articles: ['l', 'g'], citations: [ledger, agency], score: 0.4 }],
    conflicts: [], singleSource: [], quotes: [], framing: [], summary: [],
  } satisfies StorylineReport;
  const [f] = reconcileFacts(report);
  // A timeline entry of the same day may group another outlet's sentence ("a day after the viaduct was
  // shut"): that outlet is not added as a reporter of the fact; it stays silent.
  assert.deepEqual(f!.sources, ['Kelso Ledger', 'Northern Press Agency']);
  assert.deepEqual(f!.status, { 'Kelso Ledger': 'reports', 'Northern Press Agency': 'reports', 'Ashby Post': 'silent' });
});

test('a timeline entry stating a disputed figure shows every side', async () => {
  const { analyzeStoryline } = await import('../../src/compare/analyze.js');
  const { addTimeline } = await import('../../src/timeline/index.js');
  // Invented: two outlets disagree on a landslide's toll.
  const articles = [
    { id: 'x', title: 'Landslide in Orrin', outlet: 'Valley Times', published: '2025-10-07', text: 'A landslide buried six houses in the village of Orrin on Monday, killing 3 people, the fire service said. Roads to the village stayed closed.' },
    { id: 'y', title: 'Orrin landslide', outlet: 'Hill Radio', published: '2025-10-07', text: 'A landslide buried six houses in the village of Orrin on Monday, killing 5 people, the fire service said. Rescuers searched through the night.' },
  ];
  const r = addTimeline(analyzeStoryline({ articles }), articles);
  assert.ok(r.conflicts.some((c) => c.kind === 'conflict'), JSON.stringify(r.conflicts));
  const entry = r.timeline!.find((e) => e.date === '2025-10-06');
  assert.ok(entry, JSON.stringify(r.timeline));
  assert.match(entry.text, /\((?:Valley Times: 3 people; Hill Radio: 5 people|Hill Radio: 5 people; Valley Times: 3 people)\)$/u, entry.text);
  assert.equal(entry.contested?.length, 2);
});
