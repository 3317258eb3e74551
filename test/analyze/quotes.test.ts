import assert from 'node:assert/strict';
import { test } from 'node:test';
import { findQuotes } from '../../src/analyze/quotes.js';

test('quote followed by speaker and addressee ("told")', () => {
  const text = '"The ferry will run every ten minutes," harbour chief Lena Ostrova told the Coastal Gazette.';
  const [q] = findQuotes(text);
  assert.ok(q);
  assert.equal(q.speaker, 'Lena Ostrova');
  assert.equal(q.addressee, 'Coastal Gazette');
  assert.equal(q.verb, 'told');
  assert.equal(q.direct, true);
  assert.match(q.text, /^The ferry will run every ten minutes/);
  assert.equal(text.slice(q.start, q.end), text);
});

test('a pronoun speaker is resolved from the preceding sentence', () => {
  const text = 'Mayor Tomas Brell visited the site on Friday. "We will rebuild the school by winter," he said.';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Tomas Brell');
});

test('attribution before the quote, with a possessive and a participle', () => {
  const text = "The agency's chief economist, Mara Voll, told reporters that growth is \u201cslowing but steady.\u201d";
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Mara Voll');
  assert.equal(q?.addressee, 'reporters');
  const text2 = 'Addressing parliament in May, Premier Ansel Kirr was upbeat, stating, \u201cThe budget is balanced at last.\u201d';
  assert.equal(findQuotes(text2).find((x) => x.direct)?.speaker, 'Ansel Kirr');
});

test('indirect speech with "according to" and "said that"', () => {
  const text = 'Water levels rose by a metre overnight, according to the Regional Flood Office.\nMinister Ola Prest said that the dams were holding.';
  const qs = findQuotes(text);
  assert.ok(qs.some((q) => !q.direct && q.verb === 'according to' && /Flood Office/.test(q.speaker)));
  assert.ok(qs.some((q) => !q.direct && q.speaker === 'Ola Prest' && /dams were holding/.test(q.text)));
});

test('one-word scare quotes and quotes without a speaker are not quotes', () => {
  assert.deepEqual(findQuotes('Critics call the plan a "giveaway" and worse.'), []);
  assert.deepEqual(findQuotes('"Nothing lasts forever" is carved over the gate.'), []);
});

test('a second quote in the same paragraph continues the same speaker', () => {
  const text = '"The line is open again," rail director Eva Lind told Radio Nord. "Delays should end by Friday."';
  const qs = findQuotes(text).filter((q) => q.direct);
  assert.equal(qs.length, 2);
  assert.deepEqual(qs.map((q) => q.speaker), ['Eva Lind', 'Eva Lind']);
});

test('speaker is the person, not the capitalised title before the name', () => {
  const text = 'Harbour commissioner Ruth Annan said on Friday that the pier would stay shut "until the divers are done".';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Ruth Annan');
  const text2 = 'Commissioner Ruth Annan said the leak was found on Tuesday during work on the pier that began in May.';
  const ind = findQuotes(text2).find((x) => !x.direct);
  assert.equal(ind?.speaker, 'Ruth Annan');
  assert.match(ind!.text, /^the leak was found/, 'the reported clause, not the relative clause "that began in May"');
});

test('an organisation speaker after "according to" is the whole noun phrase, without its lead-in', () => {
  const a = findQuotes('The levy would raise 4 million crowns a year, according to a statement from the Orlen finance ministry.');
  assert.equal(a[0]?.speaker, 'the Orlen finance ministry');
  const b = findQuotes('The bill for the new pier has risen to 8 million crowns, according to figures released by the harbour department.');
  assert.equal(b[0]?.speaker, 'the harbour department');
});

test('the addressee comes only from "told X", never from the next sentence', () => {
  const text = '"We chose the sea over the road," Mayor Ilka Sund told reporters after the vote. Varn said the plan would go to the council in May.';
  const q = findQuotes(text).find((x) => x.direct);
  assert.equal(q?.speaker, 'Ilka Sund');
  assert.equal(q?.addressee, 'reporters');
  const q2 = findQuotes('"It is done," Ilka Sund told the Orlen Gazette on Monday.').find((x) => x.direct);
  assert.equal(q2?.addressee, 'Orlen Gazette');
});
