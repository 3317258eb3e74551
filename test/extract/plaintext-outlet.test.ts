/** Outlet, wire-credit, dateline and byline rules of the plain-text cleaner, with invented pages. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CleanedFields } from '../../src/model/index.js';
import { cleanPlainText } from '../../src/extract/plaintext/index.js';
import { findDayMonth, readByline } from '../../src/extract/plaintext/metadata.js';
import {
  isOutletName, outletRank, readAgencyTag, readCopyrightHolder, readNewsletterName, readReportingCredit, readSourceCredit, readWireDateline,
} from '../../src/extract/plaintext/outlet.js';

const TITLE = 'Lakeside ferry fares to rise by a fifth from July';
const P1 = 'Ferry fares on the Lakeside routes will rise by about 20 percent from July, the regional transport board said on Friday, citing fuel costs.';
const P2 = 'The board said season tickets for commuters would rise less, by eight percent, and that pensioners would keep their discount.';
const P3 = 'Passenger groups criticised the decision and said they would ask the regional assembly to review the contract with the operator.';
const page = (...blocks: string[]): string => blocks.join('\n\n');

function removal(out: CleanedFields, line: string): { reason: string; rule?: string } | undefined {
  return out.removed.find((r) => r.text.trim() === line);
}

test('a masthead line under the headline is the outlet, removed as metadata', () => {
  // Reason: papers print their name between headline and date; masthead words tell it from a person.
  const out = cleanPlainText(page(`${TITLE}\nThe Northbridge Courier\ndate 2024-05-17 Region`, P1, P2));
  assert.equal(out.outlet, 'The Northbridge Courier');
  assert.equal(removal(out, 'The Northbridge Courier')?.rule, 'outlet-line');
  assert.equal(removal(out, 'The Northbridge Courier')?.reason, 'metadata');
  assert.ok(!out.text.includes('Northbridge Courier'));
  // German masthead words count too.
  assert.equal(cleanPlainText(page('Fährpreise steigen ab Juli um ein Fünftel', 'Seeblatt Anzeiger', P1)).outlet, 'Seeblatt Anzeiger');
});

test('a name line without a masthead word is not taken as the outlet (it may be an author)', () => {
  const out = cleanPlainText(page(`${TITLE}\nMarit Ekholm`, P1, P2));
  assert.equal(out.outlet, null);
  assert.equal(isOutletName('Marit Ekholm'), false);
  assert.equal(isOutletName('Latest News Releases'), false, 'the masthead word must end the name');
  assert.equal(isOutletName('World News'), false, 'a section heading');
  assert.equal(isOutletName('News'), false, 'one bare masthead word is a menu entry');
  assert.equal(isOutletName('Abendblatt'), true, 'a compound masthead stands alone');
  assert.equal(isOutletName('The Times of Northland'), true);
  assert.equal(isOutletName('The Times of Northland', true), false, 'above the headline the masthead word must end it');
  assert.equal(isOutletName('Book Review'), false, 'a word that ends headings as often as mastheads');
  assert.equal(isOutletName('The Morning Star'), true, '… marks a name after a leading article');
  assert.equal(isOutletName('Next Post'), false);
  // A Title Case first line is the headline, not a masthead, when no headline follows it.
  assert.equal(cleanPlainText(page('Ten Things You Missed In The News', P1, P2)).title, 'Ten Things You Missed In The News');
  const above = cleanPlainText(page('Lakeside Tribune', TITLE, P1, P2));
  assert.equal(above.outlet, 'Lakeside Tribune');
  assert.equal(above.title, TITLE);
});

test('a masthead-like entry inside a menu run is navigation, not the outlet', () => {
  const out = cleanPlainText(page(TITLE, ['Menu', 'Daily News', 'Sport', 'Culture', 'Travel'].join('\n'), P1, P2));
  assert.equal(out.outlet, null);
});

test('copyright holder: years, legal forms and group words are trimmed', () => {
  // Reason: the footer names the owner; "Media Group Ltd." is the company, not the paper.
  assert.equal(readCopyrightHolder('© 2024 Northbridge Courier Media Group Ltd. All rights reserved.'), 'Northbridge Courier');
  assert.equal(readCopyrightHolder('Copyright © 2019-2024 Lakeside Tribune Publishing, Inc.'), 'Lakeside Tribune');
  assert.equal(readCopyrightHolder('© Nordic News Agency 2023'), 'Nordic News Agency');
  assert.equal(readCopyrightHolder('© 2022 Seeblatt Verlag GmbH & Co. KG. Alle Rechte vorbehalten.'), 'Seeblatt');
  assert.equal(readCopyrightHolder('© Anna Berg / Nordic Pictures'), null, 'a photo credit');
  // Footers set in capitals: names get their case back, abbreviations keep theirs.
  assert.equal(readCopyrightHolder('© 2023 THE LAKESIDE TRIBUNE DIGITAL LLC'), 'The Lakeside Tribune');
  assert.equal(readCopyrightHolder('© 2023 NNA'), 'NNA');
  const out = cleanPlainText(page(TITLE, P1, P2, P3, '© 2024 Lakeside Tribune Media Group. All rights reserved.'));
  assert.equal(out.outlet, 'Lakeside Tribune');
  // The line keeps its reason; its rule records that the outlet was read from it.
  assert.deepEqual(removal(out, '© 2024 Lakeside Tribune Media Group. All rights reserved.'), { text: '© 2024 Lakeside Tribune Media Group. All rights reserved.', reason: 'copyright', rule: 'copyright-holder' });
});

test('site name before the "Home" link of the navigation', () => {
  // Reason: the logo text heads the menu; it names the site, it is not article text.
  const out = cleanPlainText(page(TITLE, P1, P2, P3, ['Lakeside Tribune', 'Home', 'Region', 'Business', 'Sport', 'Weather'].join('\n')));
  assert.equal(out.outlet, 'Lakeside Tribune');
  assert.equal(removal(out, 'Lakeside Tribune')?.reason, 'metadata');
  assert.equal(removal(out, 'Lakeside Tribune')?.rule, 'site-name');
});

test('precedence: masthead line > copyright holder > site name > wire credit', () => {
  assert.ok(outletRank('outlet-line') < outletRank('copyright-holder'));
  assert.ok(outletRank('copyright-holder') < outletRank('site-name'));
  assert.ok(outletRank('site-name') < outletRank('wire-credit'));
  const both = cleanPlainText(page(`${TITLE}\nNorthbridge Courier`, P1, P2, '© 2024 Northbridge Media Holdings Ltd.'));
  assert.equal(both.outlet, 'Northbridge Courier');
  // Among wire credits the first in the page wins: the dateline's agency over a later "(…)" tag.
  const wires = cleanPlainText(page(TITLE, `HAMBURG (NNA) - ${P1}`, P2, '(BXA)'));
  assert.equal(wires.outlet, 'NNA');
});

test('a republished wire story belongs to the republisher; the "Source:" line stays a wire credit', () => {
  // Reason: "Source: <agency>" under the text credits the agency; the site that names itself published it.
  const out = cleanPlainText(page(TITLE, P1, P2, P3, 'Source: Nordic News Agency', ['Lakeside Tribune', 'Home', 'Region', 'Sport'].join('\n'), '© 2024 Lakeside Tribune'));
  assert.equal(out.outlet, 'Lakeside Tribune');
  assert.deepEqual(removal(out, 'Source: Nordic News Agency'), { text: 'Source: Nordic News Agency', reason: 'metadata', rule: 'wire-credit' });
  assert.ok(!out.captions.includes('Source: Nordic News Agency'));
  // Alone, the agency is the outlet.
  assert.equal(cleanPlainText(page(TITLE, P1, P2, 'Quelle: NNA')).outlet, 'NNA');
});

test('a "Source:" credit under a picture title, above the text, is a photo credit', () => {
  const out = cleanPlainText(page(TITLE, 'Harbour at dawn\nSource: NNA', P1, P2));
  assert.equal(out.outlet, null);
  assert.deepEqual(out.captions, ['Harbour at dawn', 'Source: NNA']);
});

test('several "Source:" lines credit quotes or figures, not the text', () => {
  const out = cleanPlainText(page(TITLE, P1, 'Source: Regional Transport Board', P2, 'Source: Lakeside Passenger Survey', P3));
  assert.equal(out.outlet, null);
});

test('source and agency-tag readers', () => {
  assert.equal(readSourceCredit('Source: Nordic News Agency'), 'Nordic News Agency');
  assert.equal(readSourceCredit('Fuente: EFE'), 'EFE');
  assert.equal(readSourceCredit('Source : NNA et Lakeside Tribune'), 'NNA');
  assert.equal(readSourceCredit('Source: the board said fares would rise'), null);
  assert.equal(readAgencyTag('(NNA)'), 'NNA');
  assert.equal(readAgencyTag('(avec NNA)'), 'NNA');
  assert.equal(readAgencyTag('(see below)'), null);
  assert.equal(readAgencyTag('(Updated)'), null, 'a label in brackets is not an agency');
  assert.equal(readAgencyTag('(dpa)'), 'dpa');
});

test('"(Reporting by …)" names the author and is removed as metadata', () => {
  // Reason: wire copy credits its reporters at the end instead of a byline.
  const credit = '(Reporting by Ilona Varga and Sam Okafor in Northbridge; editing by Tove Lind)';
  const out = cleanPlainText(page(TITLE, P1, P2, P3, credit));
  assert.equal(out.author, 'Ilona Varga and Sam Okafor');
  assert.equal(removal(out, credit)?.reason, 'metadata');
  assert.equal(removal(out, credit)?.rule, 'reporting-credit');
  assert.ok(out.text.endsWith(P3));
  assert.equal(readReportingCredit('(Reportage Jeanne Morel, édité par Luc Petit)'), 'Jeanne Morel');
  assert.equal(readReportingCredit('Reporting by the board showed fares had risen.'), null);
  // A byline at the top wins over the credit.
  assert.equal(cleanPlainText(page(TITLE, 'By Tove Lind', P1, P2, credit)).author, 'Tove Lind');
});

test('wire dateline reader', () => {
  assert.deepEqual(readWireDateline(`NORTHBRIDGE, May 3 (NNA) - ${P1}`), { prefix: 'NORTHBRIDGE, May 3 (NNA) - ', place: 'NORTHBRIDGE', agency: 'NNA', date: null, dayMonth: true });
  assert.equal(readWireDateline(`Hamburg (dpa) - ${P1}`)?.agency, 'dpa');
  assert.equal(readWireDateline(`LAKESIDE, 3 May 2024 (NNA) — ${P1}`)?.date, '2024-05-03');
  assert.equal(readWireDateline(`The mayor (retired since May) - who chairs the board - said so.`), null);
  assert.equal(readWireDateline(P1), null);
  // Wire-feed forms: "(NNA)_" glued to an underscore, no agency but a region, the dateline alone.
  assert.equal(readWireDateline(`TALLINN, Estonia (NNA)_ ${P1}`)?.place, 'TALLINN, Estonia');
  assert.deepEqual(readWireDateline(`NORTHBRIDGE, Ont. _ ${P1}`)?.agency, null);
  assert.equal(readWireDateline('TALLINN, Estonia (NNA) _')?.prefix, 'TALLINN, Estonia (NNA) _');
  assert.equal(readWireDateline(`NATO - the alliance said on Friday that it would meet again.`), null, 'capitals and a dash alone are not a dateline');
  assert.deepEqual(findDayMonth('3. Mai'), { month: 5, day: 3 });
  assert.equal(findDayMonth('May 2024'), null);
});

test('a wire dateline: prefix cut as metadata when the page has a date, kept when it is the only date', () => {
  const dated = cleanPlainText(page(`${TITLE}\ndate 2024-05-03`, `NORTHBRIDGE, May 3 (NNA) - ${P1}`, P2));
  assert.ok(dated.text.startsWith(P1), 'the sentence stays, only the prefix goes');
  assert.deepEqual(removal(dated, 'NORTHBRIDGE, May 3 (NNA) -'), { text: 'NORTHBRIDGE, May 3 (NNA) -', reason: 'metadata', rule: 'wire-dateline' });
  assert.equal(dated.outlet, 'NNA');
  // Without another date, and with a year in the text to anchor it, the day-month is the
  // inference's best evidence: the prefix stays in the text.
  const P4 = 'Fares last rose in 2021, when the board renewed the contract with the operator for six years.';
  const undated = cleanPlainText(page(TITLE, `NORTHBRIDGE, May 3 (NNA) - ${P1}`, P2, P4));
  assert.ok(undated.text.startsWith('NORTHBRIDGE, May 3 (NNA) - '));
  assert.equal(undated.outlet, 'NNA');
  // With no year anywhere the inference could not use it: the prefix is cut.
  const yearless = cleanPlainText(page(TITLE, `NORTHBRIDGE, May 3 (NNA) - ${P1}`, P2));
  assert.ok(yearless.text.startsWith(P1));
  assert.equal(removal(yearless, 'NORTHBRIDGE, May 3 (NNA) -')?.rule, 'wire-dateline');
  // A full date in the dateline is the publication date.
  const full = cleanPlainText(page(TITLE, `LAKESIDE, 3 May 2024 (NNA) - ${P1}`, P2));
  assert.equal(full.published, '2024-05-03');
  assert.ok(full.text.startsWith(P1));
  // No date at all: the prefix is cut.
  assert.ok(cleanPlainText(page(TITLE, `HAMBURG (NNA) - ${P1}`, P2)).text.startsWith(P1));
  // A dateline alone on the line before the first paragraph is a metadata line.
  const alone = cleanPlainText(`${TITLE}\n\nTALLINN, Estonia (NNA) _\n${P1}\n\n${P2}`);
  assert.ok(alone.text.startsWith(P1));
  assert.equal(removal(alone, 'TALLINN, Estonia (NNA) _')?.rule, 'wire-dateline');
  assert.equal(alone.outlet, 'NNA');
  // … unless it is a day-month that the inference needs (no page date, a year in the text).
  const aloneDay = cleanPlainText(`${TITLE}\n\nTALLINN, May 3 (NNA) --\n${P1}\n\n${P2}\n\nFares last rose in 2021.`);
  assert.ok(!aloneDay.removed.some((r) => r.rule === 'wire-dateline'));
  assert.equal(aloneDay.outlet, 'NNA');
});

test('bylines: job titles and places are dropped, an outlet after a bar is read', () => {
  // Reason: bylines credit the writer's role and paper on the same line.
  const isOutlet = (s: string): boolean => isOutletName(s);
  assert.deepEqual(readByline('By Marit Ekholm, Staff Writer', isOutlet), { author: 'Marit Ekholm' });
  assert.deepEqual(readByline('By Marit Ekholm, Hamburg', isOutlet), { author: 'Marit Ekholm' });
  assert.deepEqual(readByline('By Marit Ekholm, Tove Lind', isOutlet), { author: 'Marit Ekholm, Tove Lind' });
  assert.deepEqual(readByline('By Marit Ekholm | The Northbridge Courier', isOutlet), { author: 'Marit Ekholm', outlet: 'The Northbridge Courier' });
  assert.deepEqual(readByline('Written by Marit Ekholm', isOutlet), { author: 'Marit Ekholm' });
  assert.equal(readByline('By the end of the week, the board had agreed.', isOutlet), null);
  const out = cleanPlainText(page(TITLE, 'By Marit Ekholm | Lakeside Tribune', P1, P2));
  assert.equal(out.author, 'Marit Ekholm');
  assert.equal(out.outlet, 'Lakeside Tribune');
});

test('consent-banner buttons under a cookie notice are dropped with it', () => {
  // Reason: button labels of a consent banner are never article text.
  const out = cleanPlainText(page(TITLE, ['We use cookies to measure traffic. By continuing you accept our cookie policy.', 'Accept all', 'Manage settings'].join('\n'), P1, P2));
  assert.equal(removal(out, 'Accept all')?.reason, 'cookie-notice');
  assert.equal(removal(out, 'Manage settings')?.reason, 'cookie-notice');
  assert.ok(out.text.startsWith(P1));
});

test('a site newsletter offer names the outlet when nothing better does', () => {
  const page = [
    'Flood barrier contract goes to local firm',
    '',
    'The city awarded the contract for the new river flood barrier to a local engineering firm on Tuesday, after a two-year tender that drew eleven bids from across the region.',
    '',
    'Work is due to start in the spring and to last about eighteen months, the council said.',
    '',
    'Newsletter',
    'Get the Riverside Gazette morning briefing',
    'Sign up',
  ].join('\n');
  assert.equal(cleanPlainText(page).outlet, 'Riverside Gazette');
  assert.equal(readNewsletterName('Get the morning briefing'), null, 'no name, no outlet');
  assert.equal(readNewsletterName('Sign up for the Valley Times newsletter'), 'Valley Times');
});

test('a name ending in a weak masthead word ("Star", "Weekly") is the outlet when a date line follows it under the headline', () => {
  // Reason: its place (headline above, publication date below) says masthead, where "Rising Star" alone would be a heading.
  const out = cleanPlainText(page(`${TITLE}\n\nLakeside Evening Star\nPublished: 5 September 2025`, P1, P2, P3));
  assert.equal(out.outlet, 'Lakeside Evening Star');
  assert.equal(out.published, '2025-09-05');
  assert.ok(!out.text.includes('Evening Star'));
  // Without the date line under it, the same words stay text.
  assert.equal(isOutletName('Lakeside Evening Star'), false);
});

test('"Outlet | date" is a date line naming the outlet', () => {
  // Reason: many sites print masthead and date on one line, set off by a bar or bullet.
  const out = cleanPlainText(page(TITLE, 'The Lakeside Gazette | September 3, 2025', P1, P2, P3));
  assert.equal(out.published, '2025-09-03');
  assert.equal(out.publishedFrom, 'text');
  assert.equal(out.outlet, 'The Lakeside Gazette');
  assert.ok(!out.text.includes('|'));
  // A heading that is no outlet before the bar is not read as one.
  assert.equal(cleanPlainText(page(TITLE, 'Ferry fares rise | September 3, 2025', P1, P2, P3)).outlet, null);
});
