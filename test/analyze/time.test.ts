import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { findTimexes, inferPublicationDate, tenseAt } from '../../src/analyze/time/index.js';
import { sharedDir } from '../helpers/shared.js';

/** `text=value` pairs of a text's time expressions, for compact assertions. */
function values(text: string, dct: string | null): string[] {
  return findTimexes(text, { dct }).map((t) => `${t.text}=${t.value}${t.mod ? `/${t.mod}` : ''}`);
}

test('explicit dates, months and years are normalised to TIMEX3 values', () => {
  const text = 'The harbour bridge opened on March 4, 2019, closed in August 2023 and was first planned in 1998.';
  assert.deepEqual(values(text, '2024-02-07'), ['March 4, 2019=2019-03-04', 'August 2023=2023-08', '1998=1998']);
});

test('offsets point into the text', () => {
  const text = 'Talks resumed yesterday in Vienna.';
  const [t] = findTimexes(text, { dct: '2024-02-07' });
  assert.equal(text.slice(t!.start, t!.end), 'yesterday');
  assert.equal(t!.value, '2024-02-06');
});

test('"last September" is the September before the dct, "next month" the month after', () => {
  assert.deepEqual(values('The mayors last met in Lyon last September.', '2024-02-07'), ['last September=2023-09']);
  assert.deepEqual(values('The works will start next month.', '2024-12-10'), ['next month=2025-01']);
});

test('a weekday points back in a past-tense sentence and forward in a future one', () => {
  // 2024-02-07 is a Wednesday.
  assert.deepEqual(values('The ministry said on Monday that the port was reopened.', '2024-02-07'), ['Monday=2024-02-05']);
  assert.deepEqual(values('The ministers will meet on Monday in Oslo.', '2024-02-07'), ['Monday=2024-02-12']);
});

test('a bare month follows the tense too', () => {
  assert.deepEqual(values('Prices rose in November.', '2024-02-07'), ['November=2023-11']);
  assert.deepEqual(values('The vote will take place in November.', '2024-02-07'), ['November=2024-11']);
});

test('modifiers: early, mid, late, about', () => {
  assert.deepEqual(values('The ferry line was sold in early January.', '2024-02-07'), ['early January=2024-01/START']);
  assert.deepEqual(values('Building began in the mid-1990s.', '2024-02-07'), ['the mid-1990s=199/MID']);
  // Amount words stay outside a duration's extent (as in TimeBank) but set its mod.
  assert.deepEqual(values('Repairs took about three weeks.', '2024-02-07'), ['three weeks=P3W/APPROX']);
});

test('relative phrases: ago, this week, June of last year, the 12th of this month', () => {
  assert.deepEqual(values('The plant closed two years ago.', '2024-02-07'), ['two years ago=2022']);
  assert.deepEqual(values('Shares fell this week.', '2024-02-07'), ['this week=2024-W06']);
  assert.deepEqual(values('The first flight left in June of last year.', '2024-02-07'), ['June of last year=2023-06']);
  assert.deepEqual(values('The envoy will arrive on the 12th of this month.', '2024-02-07'), ['the 12th of this month=2024-02-12']);
});

test('decades, quarters, seasons, durations, sets, vague references', () => {
  assert.deepEqual(values('Sales grew in the 1990s.', '2024-02-07'), ['the 1990s=199']);
  assert.deepEqual(values('Profit fell in the third quarter.', '2024-11-07'), ['the third quarter=2024-Q3']);
  assert.deepEqual(values('Sales rose in the fiscal first quarter and in the 2023 fourth quarter.', '2024-11-07'), ['the fiscal first quarter=2024-Q1', 'the 2023 fourth quarter=2023-Q4']);
  assert.deepEqual(values('The canal froze last winter.', '2024-06-07'), ['last winter=2023-WI']);
  assert.deepEqual(values('The strike lasted 12 days.', '2024-02-07'), ['12 days=P12D']);
  assert.deepEqual(values('The ferry sails daily.', '2024-02-07'), ['daily=P1D']);
  assert.deepEqual(values('Rents have recently risen and are now stable.', '2024-02-07'), ['recently=PAST_REF', 'now=PRESENT_REF']);
});

test('results reports: "the quarter" and "a year earlier" refer to the quarter last named', () => {
  const text = 'Net income rose 12% in the third quarter. Sales in the quarter were up from a year earlier, and the year-ago quarter had a one-time charge.';
  assert.deepEqual(values(text, '1996-10-24'), ['the third quarter=1996-Q3', 'the quarter=1996-Q3', 'a year earlier=1995-Q3', 'the year-ago quarter=1995-Q3']);
  // With no quarter named, "the quarter" is the one just ended.
  assert.deepEqual(values('The quarter was weak for the brewer.', '1996-10-24'), ['The quarter=1996-Q3']);
});

test('a weekday named with a date settles its year', () => {
  // Written on 2015-04-24 (a Friday) in a past-tense sentence, yet "Saturday, April 25" is 2015-04-25.
  assert.deepEqual(values('The ferry was due to sail on Saturday, April 25.', '2015-04-24'), ['Saturday, April 25=2015-04-25']);
});

test('a tense that sends a date most of a year away yields to a near reading', () => {
  assert.deepEqual(values('The hearing was adjourned until Jan. 14.', '2016-01-06'), ['Jan. 14=2016-01-14']);
});

test('"10 p.m. Wednesday" is one TIME on that day; "Sunday night" a DATE', () => {
  assert.deepEqual(values('The polls closed at 10 p.m. Wednesday.', '2016-03-04'), ['10 p.m. Wednesday=2016-03-02T22:00']);
  assert.deepEqual(values('Fans gathered on Sunday night.', '2016-03-08'), ['Sunday night=2016-03-06']);
});

test('holidays, and what only looks like a time expression', () => {
  assert.deepEqual(values('Shops were crowded before Thanksgiving Day.', '2016-01-07'), ['Thanksgiving Day=2015-11-26']);
  assert.deepEqual(values('The ministers Jan Novak and Piotr Lis will leave as soon as possible.', '2016-01-07'), []);
  assert.deepEqual(values('A 44-year-old teacher was hurt.', '2016-01-07'), []);
  assert.deepEqual(values('It pays $1.20 a year per share.', '2016-01-07'), []);
});

test('"two weeks later" is an offset duration (extent as in TimeBank), "two weeks ago" a date', () => {
  assert.deepEqual(values('The crew returned two weeks later.', '2016-01-07'), ['two weeks=P2W']);
  assert.deepEqual(values('The crew returned two weeks ago.', '2016-01-07'), ['two weeks ago=2015-12-24']);
  assert.deepEqual(values('The mill closed several years ago.', '2016-01-07'), ['several years ago=PAST_REF']);
});

test('a day range "July 3-4" gives both days', () => {
  assert.deepEqual(values('The summit will take place on July 3-4.', '2024-06-26'), ['July 3=2024-07-03', '4=2024-07-04']);
});

test('without a dct, relative values stay unanchored', () => {
  assert.deepEqual(values('They met in September and again on Monday.', null), ['September=XXXX-09', 'Monday=XXXX-WXX-1']);
});

test('numbers that look like years are not years', () => {
  assert.deepEqual(values('The company cut 2020 jobs and paid $1999 each.', '2024-02-07'), []);
  assert.deepEqual(values('Police may march on the square.', '2024-02-07'), []);
});

test('tense markers: past, future, none', () => {
  const past = 'Officials said the dam failed on Tuesday.';
  assert.equal(tenseAt(past, past.indexOf('Tuesday'), past.indexOf('Tuesday') + 7), 'past');
  const future = 'The dam will be inspected on Tuesday.';
  assert.equal(tenseAt(future, future.indexOf('Tuesday'), future.indexOf('Tuesday') + 7), 'future');
});

test('odd input never throws', () => {
  assert.deepEqual(findTimexes('', { dct: 'not a date' }), []);
  assert.doesNotThrow(() => findTimexes('\u0000 31/31/2020 Feb. 30, 2021 the 99th', { dct: '2024-13-45' }));
  assert.equal(inferPublicationDate(''), null);
});

test('inference: the latest dated happening bounds the date, a year-less day pins it', () => {
  const text = 'On March 3, the council approved the tram extension.\n\nThe plan was first put forward in August 2021 and revised in December 2022.';
  const r = inferPublicationDate(text);
  assert.equal(r?.date, '2023-03-03');
  assert.ok(r!.evidence.some((e) => e.text === 'March 3'));
});

test('inference: future-tense mentions bound it from above', () => {
  const text = 'Voting closed in October 2023. The new assembly will sit for the first time in March, officials said.';
  const r = inferPublicationDate(text);
  assert.ok(r && r.date >= '2023-10' && r.date < '2024-03', r?.date);
});

test('inference: a dateline (a full date with a clock time, or after "Updated") gives the day', () => {
  const stamped = 'By Ana Ruiz | Tuesday 12 May 2009 16.36 BST\nThe harbour board met on Monday. It first discussed the plan in March 2008.';
  assert.equal(inferPublicationDate(stamped)?.date, '2009-05-12');
  const updated = 'Last updated: 3 March 2016\nThe town council voted to close the library, which opened in 1972.';
  assert.equal(inferPublicationDate(updated)?.date, '2016-03-03');
  // Text rebuilt from tokens writes a space after the colon of a clock time.
  const spaced = 'Tuesday 12 May 2009, 4: 36 PM\nThe harbour board first discussed the plan in March 2008. Its report of July 2009 is cited below.';
  assert.equal(inferPublicationDate(spaced)?.date, '2009-05-12');
});

test('inference: one stray later date is outvoted by the dates around the story', () => {
  const text = 'The strike began on 4 May 2012 and ended on 20 May 2012, the union said on 21 May 2012. Related: Ferry prices rise (2019)';
  assert.equal(inferPublicationDate(text)?.date.slice(0, 7), '2012-05');
});

test('inference: no year anywhere, no answer', () => {
  assert.equal(inferPublicationDate('The bakery on Main Street reopened on Monday after a fire in June.'), null);
});

test('seeds: undated articles get dates from their own text', (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const dir = join(shared, 'seeds');
  const seed = (prefix: string) => readFileSync(join(dir, readdirSync(dir).find((f) => f.startsWith(prefix))!), 'utf8');
  // 004: "On June 25, it was announced" after a September 2023 meeting.
  const s004 = inferPublicationDate(seed('004'));
  assert.equal(s004?.date, '2024-06-25');
  assert.ok(s004!.evidence.some((e) => e.text === 'June 25'));
  // 001: "August 2023", "September 2023", then a December press conference: early 2024.
  const s001 = inferPublicationDate(seed('001'));
  assert.equal(s001?.date.slice(0, 4), '2024');
  assert.ok(s001!.evidence.some((e) => e.text === 'December'));
  // 000 (published early 2024) names only 2020 and 2022 as years, so its year is not in the text:
  // the answer must at least respect the 2022 bound and rest on the year-less months.
  const s000 = inferPublicationDate(seed('000'));
  assert.ok(s000 && s000.date >= '2022', s000?.date);
  assert.ok(s000.evidence.some((e) => e.text === 'last September'));
});

test('reported future looks forward from the publication date even inside a past-tense reporting clause', () => {
  // "put" after "would be" is a participle, not a past-tense verb.
  assert.deepEqual(values('Orkan said the agreement would be put to the Kesh parliament in September.', '2025-06-12'), ['September=2025-09']);
  assert.deepEqual(values('The port authority said on Tuesday the dredging is expected to resume in March.', '2025-06-12'), ['Tuesday=2025-06-10', 'March=2026-03']);
  assert.deepEqual(values('The ministry said it plans to open the new terminal in February.', '2025-06-12'), ['February=2026-02']);
  // A past clause in the same sentence keeps its own tense.
  assert.deepEqual(values('The mayor said the works, which began in March, would end in October.', '2025-06-12'), ['March=2025-03', 'October=2025-10']);
});

test('a postponement target lies ahead of the report', () => {
  assert.deepEqual(values('The appeal hearing has been postponed to May 30, the court said.', '2025-06-12'), ['May 30=2026-05-30']);
  assert.deepEqual(values('The ferry launch was pushed back until April.', '2025-06-12'), ['April=2026-04']);
});

test('day-month-year with a period after the day and German, French, Spanish month names', () => {
  assert.deepEqual(values('Am 12. Mai 2024 unterzeichneten die Minister in Linz das Abkommen.', null), ['12. Mai 2024=2024-05-12']);
  assert.deepEqual(values('Le 1er mars 2024, le conseil municipal a voté le budget.', null), ['1er mars 2024=2024-03-01']);
  assert.deepEqual(values('El 5 de mayo de 2024 se inauguró el puente.', null), ['5 de mayo de 2024=2024-05-05']);
  // A foreign month name alone is not a date ("Mars" is a planet, "Mai" a name).
  assert.deepEqual(values('The Mars 2024 lander failed.', null), ['2024=2024']);
});

test('"two weeks after" is an offset from another happening, not how long something lasted', () => {
  const [t] = findTimexes('The ceasefire began two weeks after the talks in Sarn.', { dct: '2025-06-12' });
  assert.equal(t!.text, 'two weeks');
  assert.equal(t!.type, 'DURATION');
  assert.equal(t!.offset, 'after');
  assert.equal(findTimexes('Repairs took three weeks.', { dct: '2025-06-12' })[0]!.offset, undefined);
});

test('a past month that only bounds the publication from below is not returned as the publication month', () => {
  const text = 'Mayor Ines Corva will open the new tram depot in Linde next month, the city said on Wednesday. The depot was first proposed in March 2023, when the old one flooded.';
  const r = inferPublicationDate(text);
  assert.equal(r?.date, '2023');
  assert.equal(r?.after, '2023-03');
  assert.match(r!.evidence[0]!.reason, /published after 2023-03/);
  // A year-less day that pins the month still gives the month (and day).
  const pinned = inferPublicationDate('On May 14, the mill announced its closure. It was bought in November 2023.');
  assert.equal(pinned?.date, '2024-05-14');
  assert.equal(pinned?.after, undefined);
});

test('a move to a place is not a postponement: "moved to Sarn in March" stays past', () => {
  assert.deepEqual(values('The family moved to Sarn in March.', '2025-06-12'), ['March=2025-03']);
});

test('"is expected in", "is due in": an expectation looks forward even without "to"', () => {
  assert.deepEqual(values('A ruling on the port lease is expected in September, lawyers said.', '2025-06-12'), ['September=2025-09']);
  assert.deepEqual(values('The first tram is due in March.', '2025-06-12'), ['March=2026-03']);
});
