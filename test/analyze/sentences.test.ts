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
