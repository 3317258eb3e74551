import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildTimeline, calendarValue, compatibleDates, datedMentions, isHappeningTimex, type TimelineArticle } from '../../src/timeline/index.js';
import { findTimexes } from '../../src/analyze/time/index.js';
import { sharedDir } from '../helpers/shared.js';
import { assertSeedTimeline, loadSeeds } from './seeds.js';

// An invented storyline: the Oskarsund ferry strike, three outlets and a wire copy.
const FERRY: TimelineArticle[] = [
  {
    id: 'f1',
    outlet: 'Sound Gazette',
    published: '2025-03-14',
    text:
      'Ferry crews in Oskarsund walked out on Monday after pay talks with the operator collapsed.\n\n' +
      'The union first threatened a strike in 2023, when fuel prices rose.\n\n' +
      'Mediator Lena Brink said talks would resume on March 20.',
  },
  {
    id: 'f2',
    outlet: 'Island Courier',
    published: '2025-03-15',
    text:
      'The Oskarsund ferry crews walked out on Monday, stranding commuters, after the pay talks collapsed.\n\n' +
      'Crews have been without a contract for two years.\n\n' +
      'Talks are set to resume on March 20, mediator Lena Brink said.',
  },
  { id: 'f3', outlet: 'Nordic Wire', published: '2025-03-14', duplicateOf: 'f1', text: 'Ferry crews in Oskarsund walked out on Monday after pay talks with the operator collapsed.' },
];

test('calendarValue keeps calendar dates, partial ones partial, and drops the rest', () => {
  assert.equal(calendarValue('2024-02-12'), '2024-02-12');
  assert.equal(calendarValue('2022-07'), '2022-07');
  assert.equal(calendarValue('2020'), '2020');
  assert.equal(calendarValue('2005-01-12TNI'), '2005-01-12');
  for (const v of ['PRESENT_REF', 'PAST_REF', 'P4Y', 'XXXX-09', '2013-W11', '2012-SU', '2024-Q1', '201']) assert.equal(calendarValue(v), null, v);
});

test('durations, generic "now" and boundaries are not happenings', () => {
  const text = 'He has been barred for four years and is now isolated, having stayed home since 2020; the visit came in 2019.';
  const kept = findTimexes(text, { dct: '2024-01-20' }).filter((t) => isHappeningTimex(t, text)).map((t) => t.text);
  assert.deepEqual(kept, ['2019']);
});

test('a range "July 3-4" is one happening dated by its first day', () => {
  const a: TimelineArticle = { id: 'r', published: '2024-06-25', text: 'The summit will take place in Astana on July 3-4.' };
  const ms = datedMentions(a);
  assert.deepEqual(ms.map((m) => m.date), ['2024-07-03']);
});

test('a sentence dating two happenings is described around each date', () => {
  const a: TimelineArticle = {
    id: 't',
    published: '2023-06-15',
    text: 'The two ministers met in Tallinn in July 2022, joined by the Latvian premier, for talks on grid links after the storm that hit the coast on February 24, 2022.',
  };
  const ms = datedMentions(a);
  assert.deepEqual(ms.map((m) => m.date), ['2022-07', '2022-02-24']);
  const [july, storm] = ms.map((m) => a.text.slice(m.clause.start, m.clause.end));
  assert.match(july!, /met in Tallinn in July 2022/u);
  assert.doesNotMatch(july!, /storm/u);
  assert.match(storm!, /storm that hit the coast on February 24, 2022/u);
});

test('a short piece is not widened into a neighbour that dates another happening', () => {
  const a: TimelineArticle = { id: 'b', published: '2025-03-11', text: 'The bridge, opened in 1978, was last fully inspected in 2021.' };
  const [built, inspected] = datedMentions(a).map((m) => a.text.slice(m.clause.start, m.clause.end));
  assert.equal(built, 'The bridge, opened in 1978');
  assert.equal(inspected, 'was last fully inspected in 2021.');
});

test('compatibleDates: equal or one a partial form of the other', () => {
  assert.ok(compatibleDates('2023-09', '2023-09'));
  assert.ok(compatibleDates('2023', '2023-09-12'));
  assert.ok(!compatibleDates('2023-09', '2023-10'));
  assert.ok(!compatibleDates('2023-1', '2023-10'));
});

test('buildTimeline merges one happening across outlets, counts copies once, orders by date', () => {
  const tl = buildTimeline(FERRY);
  // "Talks would resume on March 20" is a plan: dated by its reports (March 2025), not by March 20.
  assert.deepEqual(tl.map((e) => e.date), ['2023', '2025-03', '2025-03-10']);
  const walkout = tl[2]!;
  assert.deepEqual(walkout.sources.sort(), ['Island Courier', 'Sound Gazette']);
  assert.equal(walkout.citations.length, 3);
  for (const c of walkout.citations) {
    const a = FERRY.find((x) => x.id === c.article)!;
    assert.equal(a.text.slice(c.start, c.end), c.sentence);
  }
  assert.match(walkout.text, /walked out on Monday/u);
  assert.equal(tl[1]!.sources.length, 2);
  // "for two years" is a duration, not a dated happening.
  assert.ok(!tl.some((e) => /two years/u.test(e.text)));
});

test('different happenings of the same date stay apart', () => {
  const tl = buildTimeline([
    { id: 'x', published: '2025-01-10', text: 'The harbour crane collapsed in 2022 during a gale.\n\nA new mayor was elected in 2022 after a close race.' },
  ]);
  assert.equal(tl.filter((e) => e.date === '2022').length, 2);
});

test('a partial date joins the precise happening it shares words with', () => {
  const tl = buildTimeline([
    { id: 'a', published: '2025-03-01', text: 'The Oskarsund ferry terminal burned down on January 14, 2025, after an electrical fault.' },
    { id: 'b', published: '2025-03-02', text: 'Since the ferry terminal burned down in January, passengers board from a barge.' },
    { id: 'c', published: '2025-03-02', text: 'A new harbour master took office in January.' },
  ]);
  assert.deepEqual(tl.map((e) => [e.date, e.citations.map((c) => c.article).join(',')]), [
    ['2025-01', 'c'],
    ['2025-01-14', 'a,b'],
  ]);
});

test('a shared rare place joins two wordings of one month’s happening', () => {
  const filler = (id: string, n: number): TimelineArticle => ({
    id,
    published: '2025-05-01',
    text: Array.from({ length: n }, (_, i) => `Mayor Vell spoke about budget item ${i + 1} in ${2010 + i}.`).join(' '),
  });
  const tl = buildTimeline([
    { id: 'a', published: '2025-05-01', text: 'Mayor Vell last met the fishers in Hollby in March.' },
    { id: 'b', published: '2025-05-02', text: 'The Hollby talks in March 2025 ended without a quota deal.' },
    { id: 'c', published: '2025-05-02', text: 'A primary school opened in the harbour district in March.' },
    filler('d', 8),
  ]);
  const march = tl.filter((e) => e.date === '2025-03');
  assert.deepEqual(march.map((e) => e.citations.map((c) => c.article).join(',')), ['a,b', 'c']);
  // Without the name, the two wordings share too few words to be aligned.
  assert.equal(buildTimeline([{ id: 'a', published: '2025-05-01', text: 'Mayor Vell last met the fishers in Hollby in March.' }, { id: 'b', published: '2025-05-02', text: 'The Hollby talks in March 2025 ended without a quota deal.' }], { nameBonus: 0 }).length, 2);
});

test('bad input does not throw', () => {
  assert.deepEqual(buildTimeline([{ id: 'e', published: null, text: '' }, null as unknown as TimelineArticle, { id: 'n', published: 'soon', text: 'It opened on Monday.' }]), []);
});

test('seeds: the timeline holds the storyline’s dated happenings', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const tl = buildTimeline(loadSeeds(shared));
  assertSeedTimeline(tl);
  // Merged across outlets: the 2020 visit and the Sochi meeting are each one entry with several sources.
  assert.ok(tl.find((e) => e.date === '2020' && /Merkel/u.test(e.text))!.sources.length >= 2);
  assert.ok(tl.find((e) => e.date === '2023-09')!.sources.length >= 3);
  // Ordered by date; descriptions are quoted from the cited sentences.
  assert.deepEqual(tl.map((e) => e.date), [...tl.map((e) => e.date)].sort());
  for (const e of tl) assert.ok(e.citations.some((c) => c.sentence.includes(e.text)), `${e.date}: "${e.text}" is not quoted from its citations`);
});

test('a dated clause without its own subject is quoted with the sentence start that names it; a subject with an aside is quoted whole', () => {
  const a: TimelineArticle = { id: 'd', published: '2025-03-11', text: 'The Kelso viaduct, completed in 1964, was last fully inspected in 2019.' };
  const entries = buildTimeline([a]);
  // "The Kelso viaduct, completed in 1964" would be a clipped fragment: its verb comes after it.
  assert.deepEqual(entries.map((e) => [e.date, e.text]), [
    ['1964', 'The Kelso viaduct, completed in 1964, was last fully inspected in 2019.'],
    ['2019', 'The Kelso viaduct, completed in 1964, was last fully inspected in 2019.'],
  ]);
});

test('a reporting clause dates the report, not a happening: skipped unless nothing else dates the sentence', () => {
  const a: TimelineArticle = {
    id: 'r',
    published: '2025-04-03',
    outlet: 'Kelso Ledger',
    text:
      'The Kelso viaduct will reopen to lorries on May 6 after repairs to two bearings, the county roads office said on Wednesday.\n\n' +
      'The county council said on Wednesday that it would review every bridge in the district.',
  };
  const entries = buildTimeline([a]);
  // The reopening on May 6 is a plan: its sentence tells the roads office's announcement on Wednesday.
  assert.deepEqual(entries.map((e) => [e.date, e.text.slice(0, 40)]), [
    ['2025-04-02', 'The Kelso viaduct will reopen to lorries'],
    ['2025-04-02', 'The county council said on Wednesday tha'],
  ]);
  const [reopen, roadsOffice] = datedMentions(a);
  assert.equal(reopen!.reporting, false);
  assert.equal(roadsOffice!.reporting, true);
});

test('a plan is dated by its announcement, never by its target date', () => {
  const articles: TimelineArticle[] = [
    { id: 'p1', published: '2025-03-04', text: 'Mayor Ines Varga will open the new ferry terminal in Lusk on June 20, her office said.\n\nThe old pier was closed on Sunday after a storm.' },
    { id: 'p2', published: '2025-03-05', text: 'Ines Varga, who opened the library in 2019, wants the council to approve the terminal budget in September.' },
  ];
  const entries = buildTimeline(articles);
  const dates = entries.map((e) => e.date);
  assert.ok(!dates.some((d) => d.startsWith('2025-06') || d.startsWith('2025-09')), `no entry at a target date: ${dates.join(', ')}`);
  assert.ok(entries.some((e) => e.date.startsWith('2025-03') && /ferry terminal/.test(e.text)), 'the announcement is dated to its report');
  assert.ok(dates.includes('2019'), 'a past happening in a relative clause keeps its own date');
});
