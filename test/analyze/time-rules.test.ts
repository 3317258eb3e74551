import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findTimexes, inferPublicationDate, tenseAt } from '../../src/analyze/time/index.js';
import { isHouseNumber } from '../../src/analyze/time/infer.js';

/** `text=value` pairs of a text's time expressions, for compact assertions. */
function values(text: string, dct: string | null): string[] {
  return findTimexes(text, { dct }).map((t) => `${t.text}=${t.value}${t.mod ? `/${t.mod}` : ''}`);
}

// 1989-11-02 is a Thursday; 1991-02-25 a Monday.
const WSJ_DAY = '1989-11-02';

test('"May" alone is a month after a temporal preposition, and still a verb otherwise', () => {
  assert.deepEqual(values('The talks are supposed to end by May, the envoy said.', '1998-03-22'), ['May=1998-05']);
  assert.deepEqual(values('The appeal will be heard in May in the district court.', '2000-03-29'), ['May=2000-05']);
  assert.deepEqual(values('Officials said the plant may close.', '2000-03-29'), []);
});

test('a period after an initial or a title does not end the sentence that sets the tense', () => {
  const text = 'Mr. Varga, 52 years old, will succeed Anna K. Holm Feb. 1, the bank said.';
  const i = text.indexOf('Feb. 1');
  assert.equal(tenseAt(text, i, i + 6), 'future');
  assert.ok(values(text, '1989-10-26').includes('Feb. 1=1990-02-01'));
});

test('"the latest quarter" is the quarter just reported, not the calendar quarter of the dct', () => {
  assert.deepEqual(values('Profit in the latest quarter rose 12%.', WSJ_DAY), ['the latest quarter=1989-Q3']);
});

test('"this year\'s third quarter" and "the year-earlier second quarter" are one expression each', () => {
  assert.deepEqual(values("In this year's third quarter, net rose.", WSJ_DAY), ["this year's third quarter=1989-Q3"]);
  assert.deepEqual(values('Sales fell from the year-earlier second quarter.', WSJ_DAY), ['the year-earlier second quarter=1988-Q2']);
});

test('"the quarter ended Sept. 30" names the calendar quarter of its closing day, and "a year earlier" follows it', () => {
  const v = values('For the quarter ended Sept. 30, the airline earned $12 million, up from $9 million a year earlier.', WSJ_DAY);
  assert.deepEqual(v, ['the quarter=1989-Q3', 'Sept. 30=1989-09-30', 'a year earlier=1988-Q3']);
});

test('"over the weekend" in a Monday paper is the weekend just past; "ahead of the weekend" the coming one', () => {
  assert.deepEqual(values('Officials over the weekend became more open about the plan.', '1991-02-25'), ['the weekend=1991-W08-WE']);
  assert.deepEqual(values('Traders squared positions ahead of the weekend.', '1991-02-21'), ['the weekend=1991-W08-WE']);
  const i = 'Traders squared positions ahead of '.length;
  assert.equal(tenseAt('Traders squared positions ahead of the weekend.', i, i + 11), 'future');
});

test('fiscal quarters as a unit of length; a fraction is no duration', () => {
  assert.deepEqual(values('The unit had losses in the past two quarters.', WSJ_DAY), ['the past two quarters=P6M']);
  assert.deepEqual(values('The charge will be spread over the next three quarters.', WSJ_DAY), ['the next three quarters=P9M']);
  assert.deepEqual(values('It won three quarters of the seats.', WSJ_DAY), []);
});

test('"the year": the twelve months ended on a day, or the current year', () => {
  const ended = findTimexes('For the year ended June 30, the brewer earned $4 million.', { dct: WSJ_DAY });
  assert.equal(ended[0]!.text, 'the year');
  assert.equal(ended[0]!.type, 'DURATION');
  assert.equal(ended[0]!.value, 'P1Y');
  assert.deepEqual(values('The stock hit a high for the year in June.', WSJ_DAY), ['the year=1989', 'June=1989-06']);
  assert.deepEqual(values('Sales were $9 billion in the latest fiscal year.', WSJ_DAY), ['the latest fiscal year=1988']);
  assert.deepEqual(values('The cut should be complete by the end of the year.', WSJ_DAY), ['the end of the year=1989/END']);
});

test('"year-end" is the last day of the year: this one ahead, the previous one after "since"', () => {
  assert.deepEqual(values('The sale should close by year-end.', WSJ_DAY), ['year-end=1989-12-31']);
  assert.deepEqual(values('The index is up 12% since year-end.', WSJ_DAY), ['year-end=1988-12-31']);
});

test('"for centuries" is a vague duration', () => {
  assert.deepEqual(values('The mosque dominated the skyline for centuries.', '1998-01-21'), ['centuries=PXCE']);
});

test('"Now," opening a sentence is a discourse marker; "now" inside a clause is the present', () => {
  assert.deepEqual(values('Now, he says, the plan looks doomed.', '1991-02-25'), []);
  assert.deepEqual(values('The fund now holds more cash.', '1991-02-25'), ['now=PRESENT_REF']);
});

test('broadcast transcripts: spelled-out years and day ordinals', () => {
  assert.deepEqual(values('Prices last fell this low in the winter of nineteen ninety-four.', '1998-02-23'), ['the winter of nineteen ninety-four=1994-WI']);
  assert.deepEqual(values('The city needed protection in nineteen seventy-nine.', '1998-02-23'), ['nineteen seventy-nine=1979']);
  assert.deepEqual(values('He promised full employment by the year two thousand.', '1998-02-05'), ['the year two thousand=2000']);
  assert.deepEqual(values('The vote is set for Sunday, March eighth.', '1998-03-05'), ['Sunday, March eighth=1998-03-08']);
  // "two thousand" alone is a number.
  assert.deepEqual(values('About two thousand people marched.', '1998-03-05'), []);
});

test('verbs of expectation look forward: "expects … in March" is the coming March', () => {
  assert.deepEqual(values('The miller expects to open the new plant in March.', '1989-10-26'), ['March=1990-03']);
});

test('"each July" is a set: the month every year', () => {
  const [t] = findTimexes('Marchers parade through the town each July.', { dct: '1998-03-22' });
  assert.equal(t!.text, 'each July');
  assert.equal(t!.type, 'SET');
  assert.equal(t!.value, 'XXXX-07');
});

test('"the March accession": after "the" and before a lowercase noun, "March" and "May" are months', () => {
  assert.deepEqual(values('The March accession will bring three members in.', '1999-02-10'), ['March=1999-03']);
  assert.deepEqual(values('The march to the capital began.', '1999-02-10'), []);
});

test('"the last half of 1989" is the second half', () => {
  assert.deepEqual(values('Earnings for the last half of 1989 will be lower.', WSJ_DAY), ['the last half of 1989=1989-H2']);
});

test('"a week or so ago" is a week before the dct, approximately', () => {
  assert.deepEqual(values('Then, a week or so ago, the general picked a date.', '1991-02-25'), ['a week or so ago=1991-02-18/APPROX']);
});

test('a capitalised unit word is a title, not a date: "This Week With …"', () => {
  assert.deepEqual(values('He said on the show "This Week With Ann Lord" that talks had stalled.', '1991-02-25'), []);
  assert.deepEqual(values('This week the talks stalled.', '1991-02-25'), ['This week=1991-W09']);
});

test('"midday" is noon', () => {
  assert.deepEqual(values('He will appear before the judge at midday.', '1999-10-08'), ['midday=1999-10-08T12:00']);
});

test('"over the next three quarters": before "the", "over" is a preposition, no MORE_THAN', () => {
  const [t] = findTimexes('The charge will be spread over the next three quarters.', { dct: WSJ_DAY });
  assert.equal(t!.mod, undefined);
  assert.equal(findTimexes('The strike lasted over two weeks.', { dct: WSJ_DAY })[0]!.mod, 'MORE_THAN');
});

test('an adjectival duration ("the 14-day ultimatum") leaves the article out; a plural one keeps it', () => {
  assert.deepEqual(values('After the 14-day ultimatum and the two day summit, the nine months of talks ended.', '1998-03-03'), ['14-day=P14D', 'two day=P2D', 'the nine months=P9M']);
  assert.deepEqual(values('For the fiscal year ended June 30 it lost money.', WSJ_DAY), ['the fiscal year=P1Y', 'June 30=1989-06-30']);
});

test('inference: a relative year that lands on a year the text names pins the year', () => {
  const text = 'The brewer said sales fell. In 1996, the brewer sold 4 million barrels; last year it sold 3.5 million, and it expects a rebound next year.';
  const r = inferPublicationDate(text);
  assert.equal(r?.date, '1997');
  assert.equal(r?.after, '1996-01');
  assert.ok(r!.evidence.some((e) => e.text === 'last year'));
});

test('inference: a weekday given with a year-less day picks the year where it falls on that weekday', () => {
  // Oct. 23 was a Friday in 1998 (and in 1992, before the 1994 mention).
  const text = 'The doctor was shot at his home on Friday, Oct. 23, the police said. Attacks on clinics in the region date back to 1994.';
  const r = inferPublicationDate(text);
  assert.equal(r?.date.slice(0, 7), '1998-10');
});

test('inference: a bond\'s maturity ("due Nov. 1, 2009") is not a happening that bounds the date', () => {
  const text = 'The company sold $100 million of notes due Nov. 1, 2009, priced at par. It was founded in 1985.';
  const r = inferPublicationDate(text);
  assert.ok(!r || r.date < '2009', r?.date);
});

test('inference: a year-only answer always carries its lower bound, so callers never take it for a date', () => {
  // A loss in 1988 below, a plan for 1989 above: 1988 or 1989, never later.
  const text = 'The company expects record earnings in 1989. It was founded in 1985, and in 1988 it lost money.';
  const r = inferPublicationDate(text);
  assert.ok(r && r.date >= '1988' && r.date <= '1989', r?.date);
  assert.equal(r!.after, '1988-01');
  // Nothing pins the year (only a background year): no answer rather than a guess.
  assert.equal(inferPublicationDate('Sanctions imposed after the 1990 invasion stay in place, the envoy said.'), null);
});

test('"the fire of September 2" dates the fire, not the future clause around it', () => {
  const text = 'Hollins Group will rebuild its paper mill in Harnby after the fire of September 2, the company said.';
  assert.deepEqual(values(text, '2025-09-12'), ['September 2=2025-09-02']);
  // A thing still ahead keeps the near future reading.
  assert.deepEqual(values('Delegates will travel to Sarn for the summit of October 3.', '2025-09-12'), ['October 3=2025-10-03']);
});

test('a clock time right after a day is on that day', () => {
  assert.deepEqual(values('Yesterday at 5 p.m. the council met.', '2025-09-30'), ['Yesterday=2025-09-29', '5 p.m.=2025-09-29T17:00']);
  assert.deepEqual(values('The vote is on Oct. 1 at 10:30, the clerk said.', '2025-09-30'), ['Oct. 1=2025-10-01', '10:30=2025-10-01T10:30']);
  // A time with no day before it stays on the publication day.
  assert.deepEqual(values('The polls close at 8 p.m.', '2025-09-30'), ['8 p.m.=2025-09-30T20:00']);
});

test('a 24-hour clock time is not a year ("at about 2045 GMT")', () => {
  // Invented: wire copy writes evening times as four digits with a zone.
  assert.deepEqual(values('Flames were seen on the roof at about 2045 GMT on Friday.', '2025-07-20'), ['Friday=2025-07-18']);
  assert.deepEqual(values('The ferry sails at 0930 local time.', '2025-07-20'), []);
  // A year before a zone-like word that is no zone stays a year.
  assert.deepEqual(values('The bridge opened in 2019 after a long wait.', '2025-07-20'), ['2019=2019']);
});

test('inference: a house number is not a year ("a home at 2016 Ontario", "1501 E. 5th Ave.")', () => {
  const text = 'A man took hostages at a Christmas party in an office on Friday. A neighbour who works from a home at 2016 Ontario said the street was closed by 4 p.m.';
  assert.equal(inferPublicationDate(text), null, 'nothing in the text names its year');
  const street = 'Fire crews were called to 1501 E. 5th Ave. on Dec. 24, the fire chief said. The building was renovated in 2009.';
  assert.ok(inferPublicationDate(street)!.date.startsWith('2009-12'), 'the year comes from the renovation, not the address');
  // A year before a capitalised name is still a year: "In 2015 Ontario passed …".
  assert.ok(isHouseNumber('at 2016 Ontario', 3, 7));
  assert.ok(!isHouseNumber('In 2015 Ontario passed a law.', 3, 7));
  assert.ok(isHouseNumber('at 2016 Ontario Street', 3, 7) && isHouseNumber('from 2016 West Ontario Street', 5, 9));
});

test('inference: a year the text looks back to ("in 1978, three decades ago") places the publication that many years later', () => {
  const text = 'The Rays beat the Red Sox on Sunday, October 19. The last such comeback came three decades ago, in the 1978 playoff.';
  const r = inferPublicationDate(text);
  assert.equal(r?.date, '2008-10-19');
  assert.ok(r!.evidence.some((e) => e.text === 'three decades ago'), JSON.stringify(r!.evidence));
});
