import assert from 'node:assert/strict';
import { test } from 'node:test';
import { splitSentences } from '../../src/analyze/sentences.js';

const texts = (t: string): string[] => splitSentences(t).map((s) => s.text);

test('offsets point at the sentence in the input', () => {
  const input = '  The council met on Monday. It voted 7 to 2.\n\nA second paragraph follows!';
  for (const s of splitSentences(input)) assert.equal(input.slice(s.start, s.end), s.text);
  assert.deepEqual(texts(input), ['The council met on Monday.', 'It voted 7 to 2.', 'A second paragraph follows!']);
});

test('titles and abbreviations do not end a sentence', () => {
  assert.deepEqual(texts('Mr. Holm met Gen. Arvo Lind in St. Ives on Jan. 5. They spoke for an hour.'), [
    'Mr. Holm met Gen. Arvo Lind in St. Ives on Jan. 5.',
    'They spoke for an hour.',
  ]);
});

test('initials and decimals stay inside the sentence', () => {
  assert.deepEqual(texts('The report by J. K. Marlow cites a magnitude 5.8 quake. Damage was light.'), [
    'The report by J. K. Marlow cites a magnitude 5.8 quake.',
    'Damage was light.',
  ]);
});

test('a sentence ending inside quotes ends after the closing quote', () => {
  assert.deepEqual(texts('She said the bridge is “safe for now.” Engineers disagree. "Is it?" he asked.'), [
    'She said the bridge is “safe for now.”',
    'Engineers disagree.',
    '"Is it?" he asked.',
  ]);
});

test('"U.S." ends a sentence before a capitalised word but not before a lower-case one', () => {
  assert.deepEqual(texts('Exports went to the U.S. The rest stayed home.'), ['Exports went to the U.S.', 'The rest stayed home.']);
  assert.deepEqual(texts('The U.S. embassy said so.'), ['The U.S. embassy said so.']);
});

test('line breaks end sentences and bad input gives nothing', () => {
  assert.deepEqual(texts('Menu\nNews without a full stop\n•\nLast line.'), ['Menu', 'News without a full stop', 'Last line.']);
  assert.deepEqual(splitSentences(''), []);
  assert.deepEqual(splitSentences(undefined as unknown as string), []);
});

test('numbers and times broken by a space after the dot stay one sentence', () => {
  // Invented, in the shape some sources' extracted text takes: a space after every period.
  assert.deepEqual(texts('The port authority paid $2. 5 million for the new crane. Work starts in May.'), [
    'The port authority paid $2. 5 million for the new crane.',
    'Work starts in May.',
  ]);
  assert.deepEqual(texts('The ferry left at 4. 30am on Friday.'), ['The ferry left at 4. 30am on Friday.']);
  assert.deepEqual(texts('Boarding closes at 6. 15 p.m. and the ferry sails.'), ['Boarding closes at 6. 15 p.m. and the ferry sails.']);
  // A number ending a sentence and a count opening the next still split.
  assert.deepEqual(texts('The toll rose to 12. 30 people remain missing.'), ['The toll rose to 12.', '30 people remain missing.']);
});

test('a time zone after a.m. or p.m. belongs to the time', () => {
  assert.deepEqual(texts('The vote opens at noon (11 a.m. ET) in the council hall.'), ['The vote opens at noon (11 a.m. ET) in the council hall.']);
  assert.deepEqual(texts('The vote opened at 9 a.m. Turnout was low.'), ['The vote opened at 9 a.m.', 'Turnout was low.']);
});

test('U.S. before a name goes on; before a sentence opener it ends the sentence', () => {
  assert.deepEqual(texts('The U.S. State Department said the talks would resume.'), ['The U.S. State Department said the talks would resume.']);
  assert.deepEqual(texts('A U.K. Foreign Office envoy arrived on Monday.'), ['A U.K. Foreign Office envoy arrived on Monday.']);
  assert.deepEqual(texts('The envoy flew back to the U.S. The talks stalled.'), ['The envoy flew back to the U.S.', 'The talks stalled.']);
});
