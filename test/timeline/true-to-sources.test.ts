/**
 * Developments and timeline entries that are true to their sentences: one anticipated event per
 * kind, place, occasion and participants; hedges are no schedule; entries dated to the happening they
 * describe; background and page stamps kept out of the news. Every fixture is invented; the seeds
 * are read from ../shared at run time.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isPageStamp } from '../../src/analyze/hygiene.js';
import { buildTimeline, DEVELOPMENT_CUES, EVENT_KINDS, findDevelopments, monthDatedEntries, type TimelineArticle } from '../../src/timeline/index.js';
import { sharedDir } from '../helpers/shared.js';
import { loadSeeds } from './seeds.js';

const cueOf = (text: string) => DEVELOPMENT_CUES.find((c) => c.pattern.test(text))?.status;

test('a hedge is a possible event, not a schedule; a hedge on something else is no cue', () => {
  for (const text of [
    'The two ministers may meet in Vik next week to discuss the quotas.',
    'The prime minister will "probably" visit Sarn in the coming days, his aide said.',
    'Officials spoke of a possible meeting between the two mayors in Hallo during the harbour summit, which will take place on May 5.',
    'The foreign minister raised the possibility of holding new talks in Kesh.',
  ]) assert.equal(cueOf(text), 'Possible', text);
  for (const text of ['During the visit, the delegation may try to expand trade in timber.', 'The two ministers will meet in Vik on May 5.', 'The coach was asked at the league meetings if the club could sign a new striker.']) assert.notEqual(cueOf(text), 'Possible', text);
});

test('"instead of", a person who "moved to", "open up" and "was held in custody" are no developments', () => {
  assert.notEqual(cueOf('The host will rely on music instead of jokes at the ceremony on Sunday.'), 'EventRescheduled');
  assert.notEqual(cueOf('The festival director moved to Sarn in 2010.'), 'EventRescheduled');
  assert.equal(cueOf('The festival has been moved to the old fairground.'), 'EventRescheduled');
  assert.ok(!EVENT_KINDS.some((k) => k.kind === 'opening' && k.pattern.test('The reforms would open up the economy of the islands.')));
  assert.notEqual(cueOf('The suspect was held in custody after the hearing on Monday.'), 'Happened');
  assert.equal(cueOf('A new fisheries deal was struck on Sunday.'), 'Happened');
  assert.notEqual(cueOf('The driver was struck by a falling branch at the festival on Sunday.'), 'Happened');
});

test('a possible meeting elsewhere, at another occasion, does not reschedule a state visit', () => {
  const devs = findDevelopments([
    { id: 'a', outlet: 'Lund Post', published: '2025-02-01', text: 'President Arvo Kell will visit Lund on March 3 for talks with Prime Minister Ines Varga.' },
    { id: 'b', outlet: 'Vik Courier', published: '2025-04-20', text: 'Kell and Varga may meet in Kesh during the regional summit, which will take place on May 5.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null, d.previousDate ?? null, d.place ?? null]), [
    ['EventScheduled', '2025-03-03', null, 'Lund'],
    ['Possible', '2025-05-05', null, 'Kesh'],
  ]);
});

test('a new date for the same meeting in the same place is a rescheduling; another place is another meeting', () => {
  const base: TimelineArticle = { id: 'a', published: '2025-02-01', text: 'The fisheries ministers of Lund and Vik will meet in Hallo on March 3.' };
  const moved = findDevelopments([base, { id: 'b', published: '2025-02-20', text: 'The fisheries ministers of Lund and Vik will meet in Hallo on March 17.' }]);
  assert.deepEqual(moved.map((d) => [d.status, d.previousDate ?? null]), [['EventScheduled', null], ['EventRescheduled', '2025-03-03']]);
  const other = findDevelopments([base, { id: 'b', published: '2025-02-20', text: 'The fisheries ministers of Lund and Vik will meet in Sarn on April 9.' }]);
  assert.deepEqual(other.map((d) => d.status), ['EventScheduled', 'EventScheduled']);
});

test('a bail hearing, a plea hearing and a trial are three events: none reschedules another', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-06-06', text: 'No pleas were entered and a bail hearing was scheduled for Wednesday at Harnby Crown Court.' },
    { id: 'b', published: '2025-06-09', text: 'A plea hearing will be held on September 6.' },
    { id: 'c', published: '2025-06-12', text: 'A provisional trial date was set for October 28 at Harnby Crown Court.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null]), [['EventScheduled', '2025-06-11'], ['EventScheduled', '2025-09-06'], ['EventScheduled', '2025-10-28']]);
});

test('once the date set for an event has passed, a new date is its next session, not a rescheduling', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-06-06', text: 'The hearing was scheduled for Wednesday at Harnby Crown Court.' },
    { id: 'b', published: '2025-06-13', text: 'The hearing at Harnby Crown Court will be held on September 6.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.previousDate ?? null]), [['EventScheduled', null], ['EventScheduled', null]]);
});

test('a plan told in the past tense with no date ahead is no development; one with its date ahead is a schedule', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-07-25', text: 'The signing came one day before the striker was set to get on a plane and visit the Harbour Hawks.' },
    { id: 'b', published: '2025-07-25', text: 'The final hearing was scheduled for August 4 at Harnby Crown Court.' },
  ]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null]), [['EventScheduled', '2025-08-04']]);
});

test('an undated "will visit … this Sunday" is a schedule to an unknown day, not preparation', () => {
  const devs = findDevelopments([{ id: 'a', published: null, text: 'The Harbour Hawks will visit the Sarn Rovers this Sunday.' }]);
  assert.deepEqual(devs.map((d) => [d.status, d.eventDate ?? null]), [['EventScheduled', null]]);
});

test('a date in "after being halted on Sunday" dates the halt; a plan long past is history', () => {
  const devs = findDevelopments([
    { id: 'a', published: '2025-11-26', text: 'Flights at Sarn airport resumed after being halted on Sunday, the airport chief said.' },
    { id: 'b', published: '2025-12-19', text: 'He admitted that his illness had delayed his fraud trial from 1990 to 1997.' },
  ]);
  assert.ok(!devs.some((d) => d.eventDate === '2025-11-23'), JSON.stringify(devs));
  assert.ok(!devs.some((d) => d.status === 'EventPostponed'), JSON.stringify(devs));
});

test('an announcement of a plan is dated to the announcement, not to the plan', () => {
  const tl = buildTimeline([{ id: 'a', published: '2025-03-12', text: 'The harbour council announced on Monday, confirming that preparations are under way for the vote scheduled for next month.' }]);
  assert.deepEqual(tl.map((e) => e.date), ['2025-03-10']);
  assert.match(tl[0]!.text, /^The harbour council announced/u);
});

test('a weekday read in a report known only to its month is shown as that month; a named day stays', () => {
  // Invented: report "m" is known to be from March 2025 only (read against its middle, the 15th).
  const tl = buildTimeline([{ id: 'm', published: '2025-03-15', text: 'The harbour council announced on Monday, confirming that the vote is scheduled for next month. The ferry terminal opened on March 12.' }]);
  const shown = monthDatedEntries(tl, (id) => (id === 'm' ? '2025-03' : undefined));
  assert.deepEqual(shown.map((e) => e.date).sort(), ['2025-03', '2025-03-12']);
  assert.deepEqual(monthDatedEntries(tl, () => undefined), tl);
});

test('a date in a "following X on DATE" phrase dates X; the sentence stays under its own date', () => {
  const tl = buildTimeline([{ id: 'a', published: '2025-03-12', text: 'The two ministers last met in Vik in March 2019, for talks on quotas following the collapse of the fishing deal on January 14, 2019.' }]);
  const byDate = Object.fromEntries(tl.map((e) => [e.date, e.text]));
  assert.match(byDate['2019-03'] ?? '', /last met in Vik/u);
  assert.equal(byDate['2019-01-14'], 'the collapse of the fishing deal on January 14, 2019');
});

test('happenings well before the first report are background; news is not', () => {
  const tl = buildTimeline([
    { id: 'a', published: '2025-03-12', text: 'The Harnby bridge, built in 1978, was closed on Monday after a crack was found.' },
    { id: 'b', published: '2025-03-20', text: 'Engineers said on Thursday the bridge would reopen in June.' },
  ]);
  const flag = Object.fromEntries(tl.map((e) => [e.date, e.background ?? false]));
  assert.equal(flag['1978'], true);
  assert.equal(flag['2025-03-10'], false);
});

test('datelines and reader comment headers are page stamps and never timeline entries', () => {
  for (const line of ['Updated 03/12/2025 10:15 AM', 'Harbour Weekly Updated on 2025-03-12', 'Posted: Mar 12, 2025 7:40 PM ET', 'At 09:41 12th Mar 2025, harbourfan wrote:', 'Last updated at 22: 46 GMT']) assert.ok(isPageStamp(line), line);
  for (const line of ['Published in 2010, the guide sold well.', 'The port posted a loss of $3 million on Monday.']) assert.ok(!isPageStamp(line), line);
  const tl = buildTimeline([{ id: 'a', published: '2025-03-12', text: 'Updated 03/12/2025 10:15 AM\nThe ferry terminal opened on Monday.\nAt 09:41 12th Mar 2025, harbourfan wrote:\nAbout time too.' }]);
  assert.deepEqual(tl.map((e) => e.date), ['2025-03-10']);
});

test('seeds: no rescheduling; the June-2024 item is a possible meeting; the Kremlin sentence is January; the Tehran sentence is July 2022', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const seeds = loadSeeds(shared);
  const devs = findDevelopments(seeds);
  assert.ok(!devs.some((d) => d.status === 'EventRescheduled' || d.status === 'EventPostponed'), 'no article moves the visit');
  const june = devs.filter((d) => d.date?.startsWith('2024-06'));
  assert.ok(june.length > 0 && june.every((d) => d.status === 'Possible'), JSON.stringify(june.map((d) => d.status)));
  const tl = buildTimeline(seeds);
  const cites = (e: (typeof tl)[number], re: RegExp) => re.test(e.text) || e.citations.some((c) => re.test(c.sentence));
  const kremlin = tl.filter((e) => /Kremlin announced on Monday/u.test(e.text));
  assert.ok(kremlin.length === 1 && kremlin[0]!.date.startsWith('2024-01'), JSON.stringify(kremlin.map((e) => e.date)));
  assert.ok(!tl.some((e) => e.date.startsWith('2024-02') && /Kremlin announced/u.test(e.text)));
  const tehran = tl.filter((e) => /Tehran/u.test(e.text));
  assert.ok(tehran.length > 0 && tehran.every((e) => e.date === '2022-07'), JSON.stringify(tehran.map((e) => e.date)));
  // The invasion keeps its own date, quoted from the phrase that dates it.
  assert.ok(tl.some((e) => e.date === '2022-02-24' && /invasion/u.test(e.text) && cites(e, /Tehran/u)));
  // A claim about 2013 in reports of 2023–2024 is background, not the news that opens the timeline.
  assert.ok(tl.filter((e) => e.date < '2022').every((e) => e.background), JSON.stringify(tl.filter((e) => e.date < '2022').map((e) => e.date)));
  assert.ok(tl.filter((e) => e.date >= '2023-06').every((e) => !e.background));
});
