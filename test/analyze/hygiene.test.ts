import assert from 'node:assert/strict';
import { test } from 'node:test';
import { furnitureOf, furniturePrefixLength, isReportableSentence, PREFIX_RULES, readerCommentsStart, recurringSentences, reportablePart, SENTENCE_RULES } from '../../src/analyze/hygiene.js';

// Invented examples, one or more per rule, in the forms scraped pages and tokenised dumps carry.
const FURNITURE: Array<[string, string]> = [
  ['At 08:23 30th Apr 2009 , harbourfan77 wrote : They are hiding the real numbers .', 'comment-header'],
  ['At 9:05 pm 3 May 2025, quaywatcher wrote: the ferries were late again', 'comment-header'],
  ['Posted by Lena Ortiz on 3 May 2025 at 10:12', 'comment-header'],
  ['Your comments may be published on any of our sites worldwide.', 'comment-policy'],
  ['Views expressed in the comments do not represent those of the Harbour Post.', 'comment-policy'],
  ['We welcome comments that keep the debate civil and on topic.', 'comment-policy'],
  ['Please get involved and leave a comment.', 'comment-policy'],
  ['This comment was removed because it broke the house rules.', 'comment-policy'],
  ['All comments.', 'comment-policy'],
  ['14 comments', 'comment-policy'],
  ['By Marta Ilves, Staff Writer', 'byline'],
  ['By Lena Ortiz and Tom Berg', 'byline'],
  ['(Reporting by Lena Ortiz; Editing by Tom Berg)', 'byline'],
  ['-LRB- Additional reporting by Tom Berg in Tartu -RRB-', 'byline'],
  ['-- Marta Ilves is a Harbour Post columnist .', 'byline'],
  ['Updated 09/14/2025 01:03 PM', 'dateline'],
  ['Published 3:45 PM EDT', 'dateline'],
  ['Copyright 2025 Harbour Post Media. All rights reserved.', 'legal'],
  ['© 2025 Kessel Courier Ltd', 'legal'],
  ['All quotes delayed a minimum of 20 minutes.', 'legal'],
  ['Continental Wire is the world’s largest international multimedia news agency, serving markets everywhere.', 'legal'],
  ['This material may not be published, broadcast, rewritten or redistributed.', 'legal'],
  ['Read more', 'share-navigation'],
  ['Related Pages', 'share-navigation'],
  ['Share this article', 'share-navigation'],
  ['Read more: Kessel ferry strike ends', 'share-navigation'],
  ['For the full story, click here.', 'share-navigation'],
  ['Follow us on Twitter for live updates.', 'share-navigation'],
  ['Tell us your experiences by filling in the form below.', 'reader-callout'],
  ['Have you been affected by the ferry strike?', 'reader-callout'],
  ['To watch this video you need to have JavaScript enabled and Flash installed.', 'media-player'],
  ['Dow 12,981 +0.4% Nasdaq 2,873 -0.2% FTSE 5,712 +0.1%', 'figure-list'],
  ['PUBLISHED: THURSDAY, MAY 2, 2025, 1: 32 PM', 'time-stamp'],
  ['Posted: Thursday, July 29, 2024', 'dateline'],
  ['8: 13 AM PDT 8 / 2 / 2025', 'time-stamp'],
  ['Wed, Sep 19 2025 at 11: 47 AM', 'time-stamp'],
  ['WEDNESDAY, JULY 29, 2025', 'time-stamp'],
  ['9 September 2025, 14: 08', 'time-stamp'],
  ['Updated: November 11, 2025 20: 09 IST', 'time-stamp'],
  ['FOR IMMEDIATE RELEASE July 13, 2025', 'dateline'],
  ['Office of the Press Secretary', 'release-header'],
  ['THE WHITE HOUSE', 'issuer-header'],
  ['MINISTRY OF TRANSPORT', 'issuer-header'],
  ['Port Almera, Jul 13, 2025 / 02: 00 pm (CPA)', 'dateline'],
];

test('each furniture example is caught by its rule', () => {
  for (const [text, rule] of FURNITURE) {
    assert.equal(furnitureOf(text)?.rule, rule, text);
    assert.equal(isReportableSentence(text), false, text);
  }
});

test('every rule carries a name and a one-line reason, and has an example above', () => {
  const tested = new Set(FURNITURE.map(([, rule]) => rule));
  for (const r of SENTENCE_RULES) {
    assert.ok(r.name && r.reason && !r.reason.includes('\n'), r.name);
    assert.ok(tested.has(r.name), `no example for ${r.name}`);
  }
  for (const r of PREFIX_RULES) assert.ok(r.name && r.reason, r.name);
});

test('news sentences that look alike stay reportable', () => {
  for (const text of [
    'By Monday, the toll had risen sharply.',
    'Print media is losing readers in Kessel, the survey found.',
    'The court ruled in a copyright dispute between two ferry operators on Monday.',
    'Erdogan said the comments are not welcome in Ankara.',
    'The minister declined to comment on the strike.',
    'The quake killed 34 people, injured 120 and left 4,500 homeless in 12 villages.',
    'Marta Ilves wrote in a memo that the ferries would run on Sunday.',
    'At 10:15 on Monday the first ferry left the quay.',
    'Putin will visit Turkey on February 12, the Kremlin said.',
    'The vote is set for May 5.',
    'May 2025 was the wettest month on record.',
    'The White House said the talks would resume in May.',
    'Press releases from the ministry were delayed on Monday.',
    'Port Almera, the capital, was quiet on Jul 13, 2025 (local time).',
  ]) assert.equal(furnitureOf(text), null, text);
});

test('a dateline or byline stamp is cut from the sentence, keeping offsets true to the article', () => {
  const article = 'KESSEL | Tue May 6 , 2025 7:51 pm EDT KESSEL -LRB- Continental Wire -RRB- - Ferry crews walked out on Tuesday .';
  const cut = furniturePrefixLength(article);
  assert.equal(article.slice(cut), 'Ferry crews walked out on Tuesday .');
  const part = reportablePart({ text: article, start: 10, end: 10 + article.length });
  assert.deepEqual(part, { text: 'Ferry crews walked out on Tuesday .', start: 10 + cut, end: 10 + article.length });
  assert.equal(furniturePrefixLength('Lena Ortiz | 18:00 UK time , Saturday , 3 May 2025 Crews walked out .'), 'Lena Ortiz | 18:00 UK time , Saturday , 3 May 2025 '.length);
  assert.equal(furniturePrefixLength('TARTU (Continental Wire) - Crews walked out.'), 'TARTU (Continental Wire) - '.length);
  assert.equal(furniturePrefixLength('Crews walked out on Tuesday (local time) - and stayed out.'), 0);
  // Only a stamp: nothing to report.
  assert.equal(reportablePart({ text: 'Tue May 6 , 2025 7:51 pm EDT', start: 0, end: 28 }), null);
});

test('reader comments begin at the first comment header or the comments notice', () => {
  const body = 'Ferry crews walked out on Friday. The union said 140 sailors joined.';
  const comments = ' At 08:23 3rd May 2025 , quaywatcher wrote : Good for them . I would strike too .';
  assert.equal(readerCommentsStart(body + comments), body.length + 1);
  assert.equal(readerCommentsStart(body), body.length);
  const notice = `${body} We welcome comments that advance the story. Posted by Lena Ortiz on 3 May I agree.`;
  assert.equal(readerCommentsStart(notice), body.length + 1);
});

test('the same sentence on many pages over many days is furniture; a wire story copied on one day is not', () => {
  const footer = 'Kessel Courier offers trading data, news and analysis to professionals.';
  const days = ['2025-05-01', '2025-05-02', '2025-05-03', '2025-05-05', '2025-05-09'];
  const pages = days.map((published, i) => ({ published, sentences: [`Story number ${i} about the ferries.`, footer] }));
  assert.deepEqual([...recurringSentences(pages)], ['kessel courier offers trading data news and analysis to professionals']);
  const copies = days.map(() => ({ published: '2025-05-02', sentences: ['Ferry crews on the Kessel line walked out for 24 hours on Friday.'] }));
  assert.equal(recurringSentences(copies).size, 0);
  assert.equal(recurringSentences(pages.slice(0, 4)).size, 0, 'four pages are below the threshold');
});

test('a dateline of only a date and a clock time is a time stamp, in the forms scraped pages write it', () => {
  // Invented stamps in the shapes scraped copies keep ("11: 12AM" with the colon spaced, a zone, a weekday).
  for (const line of ['MARCH 4, 2025 10: 41AM', '7: 15am UK, Tuesday 4 March 2025', '9: 02PM GMT 4 Mar 2025']) assert.equal(furnitureOf(line)?.rule, 'time-stamp', line);
  assert.equal(furnitureOf('The ferry left at 10: 41AM on Tuesday, 4 March 2025, the harbour master said.'), null);
});
