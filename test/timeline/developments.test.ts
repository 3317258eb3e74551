import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { test } from 'node:test';
import { extractFile } from '../../src/extract/index.js';
import { isFailure } from '../../src/model/index.js';
import { anchorValue, BACKGROUND, DEVELOPMENT_CUES, findDevelopments, isLongBefore, type TimelineArticle } from '../../src/timeline/index.js';
import { sharedDir } from '../helpers/shared.js';
import { loadSeeds } from './seeds.js';

// An invented storyline: the Velmor concert hall opening, told over four reports.
const HALL: TimelineArticle[] = [
  { id: 'h1', outlet: 'Velmor Post', published: '2025-01-10', text: 'The city has invited the national orchestra to play at the opening of the new concert hall. No date has been set.' },
  { id: 'h2', outlet: 'Velmor Post', published: '2025-02-03', text: 'The new concert hall will open on April 12, the culture department said on Monday.' },
  { id: 'h3', outlet: 'Arts Daily', published: '2025-03-28', text: 'The opening of the concert hall, planned for April 12, has been postponed to May 30 because the stage lifts failed their safety test.' },
  { id: 'h4', outlet: 'Velmor Post', published: '2025-06-01', text: 'The concert hall finally opened to the public on Friday before a crowd of 2,000.' },
];

test('anchorValue fills an unanchored value from a known date', () => {
  assert.equal(anchorValue('XXXX-09', '2025-06-16'), '2025-09');
  assert.equal(anchorValue('XXXX-XX-16', '2025-06-16'), '2025-06-16');
  assert.equal(anchorValue('XXXX-03', '2025-06-16'), '2026-03');
  assert.equal(anchorValue('2024-02-12', undefined), '2024-02-12');
  assert.equal(anchorValue('XXXX-09', undefined), undefined);
  // "next month" in an undated report carries nothing to anchor.
  assert.equal(anchorValue('XXXX-XX', '2025-06-16'), undefined);
});

test('each cue reads a realistic sentence as its status', () => {
  const examples: Array<[string, string]> = [
    ['EventCancelled', 'The harbour festival has been called off after the storm.'],
    ['EventPostponed', 'The vote on the port budget was pushed back to June.'],
    ['EventRescheduled', 'The summit will be held in Doria instead, the ministry said.'],
    ['EventRescheduled', 'The match has been moved to the national stadium.'],
    ['Preparing', 'A visit by the president is being prepared, his office said.'],
    ['EventScheduled', 'The bridge is due to reopen on June 16.'],
    ['Happened', 'The conference was held in Sarn on Thursday.'],
    ['Invited', 'The mayor has invited the queen to visit the new harbour.'],
  ];
  for (const [status, text] of examples) {
    const cue = DEVELOPMENT_CUES.find((c) => c.pattern.test(text));
    assert.equal(cue?.status, status, text);
  }
});

test('BACKGROUND marks earlier occurrences ("last met", "the last meeting")', () => {
  assert.ok(BACKGROUND.test('whom he last met in the port city last September'));
  assert.ok(BACKGROUND.test('the last meeting between the two took place in May'));
  assert.ok(!BACKGROUND.test('the two leaders will meet in May'));
});

test('developments of an invented opening: invited → scheduled → postponed (previous date kept) → happened', () => {
  const devs = findDevelopments(HALL);
  assert.deepEqual(devs.map((d) => d.status), ['Invited', 'EventScheduled', 'EventPostponed', 'Happened']);
  assert.deepEqual(devs.map((d) => d.date), ['2025-01-10', '2025-02-03', '2025-03-28', '2025-06-01']);
  assert.equal(devs[1]!.eventDate, '2025-04-12');
  assert.equal(devs[2]!.eventDate, '2025-05-30');
  assert.equal(devs[2]!.previousDate, '2025-04-12');
  for (const d of devs) for (const c of d.citations) assert.equal(HALL.find((a) => a.id === c.article)!.text.slice(c.start, c.end), c.sentence);
});

test('a new date without a postponement word is a rescheduling; a cancellation is one', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-02-01', text: 'The trade ministers will meet in Rovan on March 3.' },
    { id: 'b', published: '2025-02-20', text: 'The trade ministers will meet in Rovan on March 17, the ministry said.' },
    { id: 'c', published: '2025-03-10', text: 'The meeting of the trade ministers has been cancelled.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null, d.previousDate ?? null]), [
    ['EventScheduled', '2025-03-03', null],
    ['EventRescheduled', '2025-03-17', '2025-03-03'],
    ['EventCancelled', null, '2025-03-17'],
  ]);
});

test('the same news from two outlets is one development with two sources; background is ignored', () => {
  const devs = findDevelopments([
    { id: 'a', outlet: 'One', published: '2025-02-01', text: 'The two presidents will meet in Kesh on March 3. They last met in Sarn in 2023, when talks took place over two days.' },
    { id: 'b', outlet: 'Two', published: '2025-02-02', text: 'The presidents will meet on March 3 in Kesh, officials said.' },
  ]);
  assert.equal(devs.length, 1);
  assert.deepEqual(devs[0]!.sources, ['One', 'Two']);
  assert.equal(devs[0]!.eventDate, '2025-03-03');
});

test('preparation words outrank a schedule in the same report; a schedule without a date is preparation', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-01-08', text: 'Officials said preparations are under way for the visit scheduled for next month.' },
    { id: 'b', published: '2025-01-09', text: 'The king will soon visit the northern islands, the palace said.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null, d.sources.length]), [['Preparing', '2025-02', 2]]);
});

test('isLongBefore: a happening dated over a month before the report is background', () => {
  assert.ok(isLongBefore('2023-09', '2024-01-20'));
  assert.ok(!isLongBefore('2024-06', '2024-06-25'));
  assert.ok(!isLongBefore('2023', '2024-01-20'));
  assert.ok(isLongBefore('2024-05-20', '2024-06-25'));
});

test('a meeting held after it was scheduled is news; one held months before the report is background', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-02-01', text: 'The fisheries ministers will meet in Hallo on March 3.' },
    { id: 'b', published: '2025-03-04', text: 'The fisheries ministers met in Hallo on Monday and agreed new quotas. They had met in Vik in October as well.' },
    { id: 'c', published: '2025-06-10', text: 'The ministers met in Hallo in March, when quotas were agreed.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null]), [
    ['EventScheduled', '2025-03-03'],
    ['Happened', '2025-03-03'],
  ]);
});

test('odd input does not throw', () => {
  assert.deepEqual(findDevelopments([{ id: 'x', published: null, text: '' }, null as unknown as TimelineArticle]), []);
});

test('seeds: the visit to Turkey — invited → being prepared (for next month) → scheduled for 12 February; a possible meeting in Astana on 3–4 July is another event', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const devs = findDevelopments(loadSeeds(shared)).filter((d) => d.event === 'meeting');
  assert.deepEqual(
    devs.map((d) => [d.status, d.date, d.eventDate ?? null]),
    [
      ['Invited', '2023-06-15', null],
      ['Preparing', '2024-01-16', '2024-02'],
      ['EventScheduled', '2024-02-08', '2024-02-12'],
      ['Possible', '2024-06-25', '2024-07-03'],
    ],
  );
  assert.deepEqual(devs[1]!.sources.sort(), ['000', '001']);
  // Another place, another occasion, a hedge: nothing was moved, so there is no earlier date.
  assert.equal(devs[3]!.previousDate, undefined);
  assert.equal(devs[3]!.place, 'Astana');
  assert.ok(!devs.some((d) => d.status === 'EventRescheduled' || d.status === 'EventPostponed'));
});

test('demo corpus: the bridge reopening is scheduled for June 16, then postponed to September', async () => {
  const dir = resolve(import.meta.dirname, '..', '..', 'demo', 'corpus');
  const articles: TimelineArticle[] = [];
  for (const f of readdirSync(dir).sort()) {
    const r = await extractFile(join(dir, f));
    if (!isFailure(r)) articles.push({ id: f, text: r.text, published: r.published, outlet: r.outlet, captions: r.captions });
  }
  const devs = findDevelopments(articles).filter((d) => d.event === 'opening');
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null]), [
    ['EventScheduled', '2025-06-16'],
    ['EventPostponed', '2025-09'],
  ]);
  assert.equal(devs[1]!.previousDate, '2025-06-16');
  assert.match(devs[1]!.text, /postponed to September/u);
});

test('past-tense verbs of happening are Happened; the same verbs after a modal or "be" are not', () => {
  const happened = [
    'The two presidents signed a fisheries accord in Hallo on Friday.',
    'The ministers met in Vik on Monday.',
    'The unions and the port authority struck a deal on Sunday.',
    'The new ferry terminal opened on Tuesday.',
    'The harbour bridge was closed on Monday after a crack was found.',
    'The regional summit took place in Sarn on Thursday.',
  ];
  for (const text of happened) assert.equal(DEVELOPMENT_CUES.find((c) => c.pattern.test(text))?.status, 'Happened', text);
  const notHappened = [
    'The accord is to be signed in Hallo on Friday.',
    'The terminal will be opened next week.',
    // The verbs alone are not enough: a petition or an inquiry is not the anticipated event.
    'Over 10,000 residents signed a petition against the visit on Monday.',
    'The ministry opened an inquiry into the visit on Monday.',
    'Police held a protester near the summit venue on Friday.',
  ];
  for (const text of notHappened) {
    assert.notEqual(DEVELOPMENT_CUES.find((c) => c.pattern.test(text))?.status, 'Happened', text);
  }
});

test('a signing is followed from its schedule to its happening', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-03-03', outlet: 'Hallo Post', text: 'The prime ministers of Lund and Vik will meet in Hallo on March 14 to sign a fisheries agreement, officials said on Monday.' },
    { id: 'b', published: '2025-03-14', outlet: 'Vik Courier', text: 'The prime ministers of Lund and Vik signed a fisheries agreement in Hallo on Friday, ending years of quarrels over cod quotas.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.event, d.status, d.date, d.eventDate ?? null]), [
    ['signing', 'EventScheduled', '2025-03-03', '2025-03-14'],
    ['signing', 'Happened', '2025-03-14', '2025-03-14'],
  ]);
});

test('a happening needs a report date and an event date on or before it', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-02-01', text: 'The fisheries ministers will meet in Hallo on March 3.' },
    // Undated: "met in September" cannot be placed (it used to be anchored on the March meeting).
    { id: 'b', published: null, text: 'When the ministers met in Vik in September, they agreed new quotas.' },
    // A date after the report is not a happening it reports.
    { id: 'c', published: '2025-02-10', text: 'The ministers met in Hallo on March 3, 2025, the agency wrote.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.date]), [['EventScheduled', '2025-02-01']]);
});

test('a restart hoped for, then done; the day a statement was made is not the event date', () => {
  // Invented: a mill fire, a pledge to restart "by next spring" (said on Friday), the restart months later.
  const articles: TimelineArticle[] = [
    { id: 'g', published: '2025-09-12', outlet: 'Harnby Gazette', text: 'Hollins Group will rebuild its fire-damaged paper mill in Harnby and hopes to restart production by next spring, chief executive Dana Hollins said on Friday.' },
    { id: 'r', published: '2026-03-20', outlet: 'Harnby Post', text: 'The Hollins paper mill in Harnby restarted production on Thursday, six months after a fire destroyed its main hall.' },
  ];
  const d = findDevelopments(articles).map((x) => [x.status, x.event, x.eventDate ?? null]);
  assert.deepEqual(d, [
    ['Preparing', 'restart', null],
    ['Happened', 'restart', '2026-03-19'],
  ]);
});
