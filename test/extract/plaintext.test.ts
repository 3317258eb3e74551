/** Unit tests of the plain-text cleaner, one per kind of boilerplate, with invented pages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CleanedFields, RemovalReason } from '../../src/model/index.js';
import { analyzePlainText, cleanPlainText } from '../../src/extract/plaintext/index.js';
import { findDate, readByline, readDateLine, splitTags } from '../../src/extract/plaintext/metadata.js';
import { isCaptionLine } from '../../src/extract/plaintext/captions.js';

const P1 = 'The city council approved the new budget on Tuesday after a debate that lasted well into the night, with most members backing the plan.';
const P2 = 'Under the plan, spending on schools will rise by four percent next year, while the road maintenance fund will be cut for the second year in a row.';
const P3 = 'The mayor said she would present a separate proposal for the harbour district in the spring, once the consultation with residents is over.';
const page = (...lines: string[]): string => lines.join('\n\n');

function reasonOf(out: CleanedFields, line: string): RemovalReason | undefined {
  return out.removed.find((r) => r.text.trim() === line)?.reason;
}
function assertDropped(out: CleanedFields, line: string, reason: RemovalReason): void {
  assert.ok(!out.text.split('\n').includes(line), `"${line}" is still in the text`);
  assert.equal(reasonOf(out, line), reason, `"${line}"`);
}

test('keeps the headline as title and every paragraph, separated by a blank line', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3));
  assert.equal(out.title, 'Council approves budget after long night');
  assert.equal(out.text, [P1, P2, P3].join('\n\n'));
  assert.deepEqual(out.removed, []);
});

test('share widgets: a bare "Share this:" and a row of networks', () => {
  const out = cleanPlainText(page('Council approves budget after long night', 'Share this:', P1, P2, 'Facebook Twitter WhatsApp Email', P3));
  assertDropped(out, 'Share this:', 'share-widget');
  assertDropped(out, 'Facebook Twitter WhatsApp Email', 'share-widget');
  assert.ok(out.text.endsWith(P3));
});

test('subscription offers: call to action, plans with prices, perk bullets', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3,
    ['Become a subscriber', 'Basic Monthly $4.99', 'All Access Yearly €59.00', '  • Unlimited articles on every device', '  • Weekly puzzle supplement', 'Subscribe today'].join('\n')));
  for (const l of ['Become a subscriber', 'Basic Monthly $4.99', 'All Access Yearly €59.00', '• Unlimited articles on every device', 'Subscribe today'])
    assertDropped(out, l, 'subscription');
  assert.ok(out.text.endsWith(P3));
});

test('newsletter menus: delivery days in brackets and sample links', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2,
    ['Our newsletters', 'Morning Briefing (Mondays to Fridays)', 'See Sample', 'The Weekend Read (Saturdays)', 'See Sample'].join('\n'), P3));
  assertDropped(out, 'Morning Briefing (Mondays to Fridays)', 'newsletter');
  assertDropped(out, 'See Sample', 'newsletter');
  assert.ok(out.text.endsWith(P3), 'an article paragraph after the menu is still article text');
});

test('cookie and language-switch notices are dropped even though they are sentences', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3,
    'We use cookies to improve your experience; by continuing to browse you accept their use.',
    'A German version of this site is available. Would you like to switch?'));
  assertDropped(out, 'We use cookies to improve your experience; by continuing to browse you accept their use.', 'cookie-notice');
  assertDropped(out, 'A German version of this site is available. Would you like to switch?', 'language-notice');
});

test('navigation word lists: runs of short capitalised lines', () => {
  const nav = ['Home', 'Local', 'Business', 'Arts & Culture', 'Sport', 'Weather'];
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3, nav.join('\n')));
  for (const l of ['Local', 'Business', 'Arts & Culture', 'Weather']) assertDropped(out, l, 'navigation');
});

test('"Read more" is dropped but the paragraph after it stays; a related block ends the article', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, 'Read more', P2, P3, 'Related articles', 'Harbour plan draws protest'));
  assertDropped(out, 'Read more', 'related-links');
  assertDropped(out, 'Related articles', 'related-links');
  assert.ok(out.text.includes(P2));
  assert.ok(!out.text.includes('Harbour plan draws protest'));
});

test('comment counters, copyright and footer links', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3, '12 comments',
    ['About us', 'Contact', 'Careers', 'Terms of Service', 'Privacy Policy'].join('\n'), '© 2024 Riverside Daily Media Ltd. All rights reserved.'));
  assertDropped(out, '12 comments', 'comments');
  assertDropped(out, 'Terms of Service', 'footer');
  assertDropped(out, 'Careers', 'footer');
  assertDropped(out, '© 2024 Riverside Daily Media Ltd. All rights reserved.', 'copyright');
});

test('magazine-issue boxes are part of the subscription offer', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, P3, ['Weekly magazine cover', 'March 14', '2024 Issue', 'In The Magazine'].join('\n')));
  assertDropped(out, '2024 Issue', 'subscription');
  assertDropped(out, 'In The Magazine', 'subscription');
});

test('photo captions and credits go to captions, with a lone picture title before them', () => {
  const caption = 'Council members vote on the budget in the town hall on Tuesday evening. Jane Roe/Northern Press/AFP/Getty';
  const out = cleanPlainText(page('Council approves budget after long night', P1, ['Budget vote', caption].join('\n'), P2, P3));
  assert.deepEqual(out.captions, ['Budget vote', caption]);
  assert.ok(!out.text.includes('Northern Press'));
  assert.ok(isCaptionLine('Photo: Reuters'));
  assert.ok(isCaptionLine('Kuva: Lehtikuva'));
  assert.ok(!isCaptionLine('Home/Garden'), 'one slash without an agency is a menu entry');
  assert.ok(!isCaptionLine(P1));
});

test('metadata lines are read into fields and removed from the text', () => {
  const out = cleanPlainText(page('date 2024-03-12 Politics', 'Council approves budget after long night', 'By Maria Lindqvist', 'Budget City Council Schools', P1, P2, P3));
  assert.equal(out.published, '2024-03-12');
  assert.equal(out.publishedFrom, 'text');
  assert.equal(out.section, 'Politics');
  assert.equal(out.author, 'Maria Lindqvist');
  assert.equal(out.title, 'Council approves budget after long night');
  assert.deepEqual(out.tags, ['Budget', 'City Council', 'Schools']);
  assert.ok(!out.text.includes('Maria Lindqvist'));
});

test('"Updated on" gives modified and published; an outlet before it is read too', () => {
  const out = cleanPlainText(page('Council approves budget after long night', 'Riverside Daily Updated on 2024-03-13', P1, P2));
  assert.equal(out.outlet, 'Riverside Daily');
  assert.equal(out.modified, '2024-03-13');
  assert.equal(out.published, '2024-03-13');
});

test('labels: "Category" with its value on the next line, an empty date label and a bare "By" are dropped', () => {
  const out = cleanPlainText(page(['Council approves budget after long night', 'Category', 'Local politics', 'Publication date'].join('\n'), 'By', P1, P2));
  assert.equal(out.section, 'Local politics');
  assert.equal(reasonOf(out, 'Publication date'), 'metadata');
  assert.equal(reasonOf(out, 'By'), 'metadata');
  assert.equal(out.published, null);
});

test('a repeated headline is dropped; headings and list items of the article are kept', () => {
  const out = cleanPlainText(page('Council approves budget after long night', 'Council approves budget after long night', P1, 'What changes',
    ['• School spending rises by four percent next year.', '• Road maintenance is cut again.', '• Harbour plans wait until spring.'].join('\n'), P2, 'It passed by nine votes to four.'));
  assert.equal(reasonOf(out, 'Council approves budget after long night'), 'repeated-title');
  assert.match(out.text, /What changes\n\n• School.+\n• Road.+\n• Harbour.+/);
  assert.ok(out.text.endsWith('It passed by nine votes to four.'), 'a short last paragraph is kept');
});

test('works in other languages: German share, newsletter and footer lines', () => {
  const de1 = 'Der Stadtrat hat am Dienstag nach einer langen Debatte den neuen Haushalt beschlossen, die meisten Mitglieder stimmten dafür.';
  const de2 = 'Die Ausgaben für Schulen steigen im kommenden Jahr um vier Prozent, während der Fonds für die Straßen erneut gekürzt wird.';
  const out = cleanPlainText(page('Stadtrat beschließt Haushalt nach langer Nacht', 'Artikel teilen', de1, de2, 'Newsletter abonnieren', 'Impressum', 'Datenschutz', '© 2024 Beispiel Verlag GmbH'));
  assert.equal(reasonOf(out, 'Artikel teilen'), 'share-widget');
  assert.equal(reasonOf(out, 'Newsletter abonnieren'), 'newsletter');
  assert.equal(reasonOf(out, 'Impressum'), 'footer');
  assert.equal(reasonOf(out, '© 2024 Beispiel Verlag GmbH'), 'copyright');
  assert.equal(out.text, [de1, de2].join('\n\n'));
});

test('date and byline readers', () => {
  assert.equal(findDate('Published 3 May 2024, 10:12')?.date, '2024-05-03');
  assert.equal(findDate('veröffentlicht am 12.03.2024')?.date, '2024-03-12');
  assert.equal(findDate('March 14, 2024')?.date, '2024-03-14');
  assert.equal(findDate('page 1234-56-78'), null);
  assert.deepEqual(readDateLine('Published: March 14, 2024'), { field: 'published', date: '2024-03-14', outlet: null, section: null });
  assert.equal(readDateLine('The council met on 2024-03-12 to discuss the harbour plan and the school budget.'), null);
  assert.deepEqual(readByline('By Jane Doe and John Roe'), { author: 'Jane Doe and John Roe' });
  assert.deepEqual(readByline('By'), { author: null });
  assert.equal(readByline('By the end of the week the council had agreed.'), null);
  assert.deepEqual(splitTags('Economy, Schools | Harbour', ''), ['Economy', 'Schools', 'Harbour']);
});

test('line decisions carry the input line number; bad input never throws', () => {
  const a = analyzePlainText(`Council approves budget after long night\n\n${P1}\nShare this:`);
  assert.deepEqual(a.lines.map((l) => [l.line, l.kind]), [[0, 'title'], [2, 'body'], [3, 'removed']]);
  assert.equal(cleanPlainText('').text, '');
  assert.equal(cleanPlainText('\u0000\u0001\n\n\n').text, '');
  assert.equal(cleanPlainText(null as unknown as string).text, '');
});

test('a hard-wrapped paragraph is rejoined into one', () => {
  const wrapped = 'The city council approved the new budget on Tuesday after a debate that\nlasted well into the night, with most members backing the plan in the end.';
  const out = cleanPlainText(page('Council approves budget after long night', wrapped, P2));
  assert.equal(out.text, `${wrapped.replace('\n', ' ')}\n\n${P2}`);
});

test('lines without letters are dropped; a bulleted date in a list is not the page date', () => {
  const out = cleanPlainText(page('Council approves budget after long night', P1, P2, ['Earlier reports', '· March 2, 2021', '· May 11, 2019'].join('\n'), '0:43', P3));
  assert.equal(out.published, null);
  assert.ok(!out.text.includes('0:43'));
  assert.equal(reasonOf(out, '0:43'), 'boilerplate');
});

test('prose that mentions newsletters, subscriptions or annual events is not boilerplate', () => {
  const lines = [
    'The annual festival drew 20,000 visitors this year.',
    'The newsletter, founded in 1998, first reported the merger.',
    'Subscribers to the paper were told of the change on Monday.',
  ];
  const out = cleanPlainText(page('Council approves budget after long night', P1, ...lines, P2));
  for (const l of lines) assert.ok(out.text.includes(l), `kept: ${l}`);
});

test('sentences that start like footer links stay in the article', () => {
  const lines = [
    'Privacy advocates criticised the plan.',
    'Copyright law changed again in 2019.',
    'The licensing deal was signed on Friday.',
    'Read more carefully, the report says otherwise.',
  ];
  const out = cleanPlainText(page('Council approves budget after long night', P1, ...lines, P2));
  for (const l of lines) assert.ok(out.text.includes(l), `kept: ${l}`);
});

test('a footer link above the article does not cut its short paragraphs', () => {
  const out = cleanPlainText(page('Council approves budget after long night', 'Privacy Policy', P1, 'It passed by nine votes to four.', P2));
  assert.equal(reasonOf(out, 'Privacy Policy'), 'footer');
  assert.ok(out.text.includes('It passed by nine votes to four.'));
});

test('a label must end at a word boundary: "Authority …" and "Topical …" lines are text', () => {
  const fields = cleanPlainText('Authority arrests two suspects after harbour fire in Port Almera\n\nTopical storm warnings were lifted on Tuesday as the wind dropped along the coast.\n\nAuthor: Mara Lind');
  assert.equal(fields.title, 'Authority arrests two suspects after harbour fire in Port Almera');
  assert.match(fields.text, /^Topical storm warnings/);
  assert.equal(fields.section ?? null, null);
  assert.equal(fields.author, 'Mara Lind');
});

test('a label without a colon takes only a short capitalised name: a lower-cased headline stays text', () => {
  const headline = cleanPlainText('author solution israel palestine conflict boycott divestment');
  assert.equal(headline.author ?? null, null);
  assert.equal(headline.title, 'author solution israel palestine conflict boycott divestment');
  const page = cleanPlainText('Harbour fire under control after two days\n\nAuthor Mara Lind\n\nFirefighters brought the blaze at the Port Almera timber yard under control on Sunday, the fire service said.\n\nSection two of the harbour bylaw was cited by the inspectors who visited the yard last spring.');
  assert.equal(page.author, 'Mara Lind');
  assert.equal(page.section ?? null, null);
  assert.match(page.text, /Section two of the harbour bylaw/);
});

test('date lines with a weekday, a clock time and an update stamp are read in the shapes news pages print', () => {
  // Invented stamps in the shapes of US, UK and wire pages; "1: 12 PM" is text rebuilt from tokens.
  const cases: Array<[string, 'published' | 'modified', string]> = [
    ['Friday, June 6, 2025', 'published', '2025-06-06'],
    ['Fri., May. 2, 2025 11:45 AM PDT', 'published', '2025-05-02'],
    ['May 2, 2025, 1: 12 PM', 'published', '2025-05-02'],
    ['12 January 2025 @ 09:29 pm', 'published', '2025-01-12'],
    ['21 July 2025 Last updated at 11: 11 GMT', 'published', '2025-07-21'],
    ['Posted: Nov 27, 2025 8:20 AM ET Last Updated: Nov 27, 2025 8:10 PM ET', 'published', '2025-11-27'],
    ['14:25 Sun Sep 14 2025', 'published', '2025-09-14'],
    ['Updated Saturday, December 06, 2025 8:28 PM', 'modified', '2025-12-06'],
    ['updated 8:41 p.m. EST, Tue March 4, 2025', 'modified', '2025-03-04'],
    ['PUBLISHED FRIDAY, MARCH 7, 2025 AT 12:46 PM / UPDATED AT 12:48 PM', 'published', '2025-03-07'],
  ];
  for (const [line, field, date] of cases) assert.deepEqual(readDateLine(line), { field, date, outlet: null, section: null }, line);
  // Prose that names a weekday and a date is no date line; an outlet before a bar is not a Sunday.
  assert.equal(readDateLine('He died on Friday, June 6, 2025'), null);
  assert.equal(readDateLine('The Sun | September 3, 2025'), null);
});

test('a stamped date line under a standfirst of a few lines still dates the page; a bare one does not', () => {
  const stamped = cleanPlainText(page('Council approves budget after long night', P2, P3, 'THURSDAY, APRIL 10, 2025, 12: 12 AM', P1));
  assert.equal(stamped.published, '2025-04-10');
  assert.equal(stamped.text, [P2, P3, P1].join('\n\n'));
  const labelled = cleanPlainText(page('Council approves budget after long night', P2, 'PUBLISHED: WEDNESDAY, MARCH 12, 2025, 2: 29 PM', 'UPDATED: THURSDAY, MARCH 13, 2025, 9: 31 AM', P1));
  assert.deepEqual([labelled.published, labelled.modified], ['2025-03-12', '2025-03-13']);
  // A bare date between paragraphs may head a section of a live blog: it stays text.
  const bare = cleanPlainText(page('Council approves budget after long night', P2, P3, 'Thursday, April 10, 2025', P1));
  assert.equal(bare.published, null);
  // Past a standfirst's few lines, a stamp is part of the body (a quoted page, an archive).
  const deep = cleanPlainText(page('Council approves budget after long night', P1, P2, P3, P1, 'THURSDAY, APRIL 10, 2025, 12: 12 AM'));
  assert.equal(deep.published, null);
});

test('a date stamp, dateline or release header on top is no title: the headline below it is', () => {
  // Invented headers in the shapes scraped pages print (a space after the colon as extraction leaves it).
  for (const head of ['WEDNESDAY, JULY 29, 2009', '9 September 2013, 14: 08', 'Updated: November 11, 2011 20: 09 IST', 'THE WHITE HOUSE']) {
    const out = cleanPlainText(page(head, 'Council approves budget after long night', P1, P2));
    assert.equal(out.title, 'Council approves budget after long night', head);
  }
});
