import assert from 'node:assert/strict';
import { test } from 'node:test';
import { makeUnit } from '../../src/compare/align.js';
import { anchorDates, createSupports, disagreement, predicateStems, sharedArguments } from '../../src/compare/agree.js';

const unit = (article: string, text: string) => makeUnit(0, article, article, text, 0, text.length);

test('sharing a verb and a country is not corroboration: the arguments must agree', () => {
  const a = unit('a', 'The Danish prime minister backs Estonia’s bid but keeps her own party’s line.');
  const b = unit('b', 'Moscow continues to back the separatist militias in Estonia with fuel shipped from Belarus.');
  assert.equal(disagreement(a, b), 'different arguments');
  assert.ok(sharedArguments(a, b) < 2);
});

test('a restatement with the same who, what and figure still corroborates', () => {
  const a = unit('a', 'Harbour workers in Gdynia voted to strike for 48 hours over the new shift rota.');
  const b = unit('b', 'Dock workers in Gdynia have voted to strike for 48 hours against the shift rota.');
  assert.equal(disagreement(a, b), null);
});

test('names shared with different happenings and different times do not corroborate', () => {
  const { disagreement: why } = createSupports((id) => (id === 'a' ? '2024-01-10' : '2023-03-02'));
  const a = unit('a', 'Mayor Lena Ortiz has helped bring the league back to Valdora, inviting Coach Brandt to the Gala Dinner in Valdora in October.');
  const b = unit('b', 'Coach Brandt’s last trip before the scandal was to Valdora to see Mayor Lena Ortiz during the 2022 Spring Games.');
  assert.notEqual(why(a, b), null);
});

test('a month without a year is read in the article’s year (a plan: the next such month)', () => {
  const d = [{ year: null, month: 10 }];
  assert.deepEqual(anchorDates(d, '2024-01-10', false), [{ year: 2023, month: 10 }]);
  assert.deepEqual(anchorDates(d, '2024-01-10', true), [{ year: 2024, month: 10 }]);
  assert.deepEqual(anchorDates(d, null, false), d);
});

test('a capitalised word inside a sentence is not taken for a verb', () => {
  assert.deepEqual(predicateStems('His last trip was to Valdora to see the mayor.'), []);
});
