import assert from 'node:assert/strict';
import { test } from 'node:test';
import { contentTerms, dayNumber, lightStem, mentionedMonths, mentionedYears } from '../../src/cluster/text.js';

test('lightStem folds plurals and possessives only', () => {
  assert.equal(lightStem('visits'), 'visit');
  assert.equal(lightStem('countries'), 'country');
  assert.equal(lightStem('crashes'), 'crash');
  assert.equal(lightStem("minister's"), 'minister');
  assert.equal(lightStem('crisis'), 'crisis');
  assert.equal(lightStem('status'), 'status');
});

test('contentTerms drops stopwords and short numbers, keeps years', () => {
  assert.deepEqual(contentTerms('The ferry sank on 3 March 2021, officials said.'), ['ferry', 'sank', 'march', '2021', 'official']);
});

test('mentionedMonths finds dated months in the usual forms, not bare month names', () => {
  const text = 'The summit, first planned for February 2024, follows talks on 12 June 2023 and a 2022-07-19 memo. It ends in May.';
  assert.deepEqual(mentionedMonths(text).sort(), ['2022-07', '2023-06', '2024-02']);
  assert.deepEqual(mentionedMonths('Sept. 4, 2019 and Dec 2020'), ['2019-09', '2020-12']);
});

test('dayNumber reads ISO dates and rejects the rest', () => {
  assert.equal(dayNumber('1970-01-02'), 1);
  assert.equal(dayNumber('2024-02-08T10:00:00Z'), 19761);
  assert.equal(dayNumber('yesterday'), null);
  assert.equal(dayNumber(null), null);
});

test('mentionedYears finds years written alone, not parts of larger numbers', () => {
  const text = 'Patched on 14 October 2014 after the 2011 flaw; 2,014 machines and 12014 units; see 2014-10-14.';
  assert.deepEqual(mentionedYears(text), [2014, 2011]);
  assert.deepEqual(mentionedYears('No year here, only 19 or 200 or 3000.'), []);
});
