import assert from 'node:assert/strict';
import { test } from 'node:test';
import { resolveMentions, surnamedPeople } from '../../src/analyze/mentions.js';

// Invented text: a fictional premier's visit.
const TEXT =
  'Valdorian Prime Minister Ilse Brandt will visit Kessel next week. She will meet Mayor Jana Holt at the harbour office. ' +
  'Her adviser, Tomas Aur, told reporters the visit was planned in March. Mr. Aur said the strike would top the agenda. ' +
  'The Valdorian Prime Minister last travelled abroad in May.';

test('resolves a sentence-opening pronoun, an honorific and "the <nationality> <role>" to full names', () => {
  const got = resolveMentions(TEXT).map((m) => [m.text, m.name]);
  assert.deepEqual(got, [
    ['She', 'Ilse Brandt'],
    // "Her adviser" follows "She will meet Mayor Jana Holt": the subject carries over, not Holt.
    ['Her', 'Ilse Brandt'],
    ['Mr. Aur', 'Tomas Aur'],
    ['The Valdorian Prime Minister', 'Ilse Brandt'],
  ]);
});

test('a pronoun after a sentence naming two people is left unresolved', () => {
  // "Her" could be Brandt or Holt: the subject is a possessive, so nothing is guessed.
  const text = 'Ilse Brandt’s chief of staff, Jana Holt, said a visit is being prepared. He will meet the union.';
  assert.deepEqual(resolveMentions(text), []);
});

test('offsets point at the reference in the text', () => {
  for (const m of resolveMentions(TEXT)) assert.equal(TEXT.slice(m.start, m.end), m.text);
});

test('a full name the article later writes by its surname alone is a person; "the Saints" is not', () => {
  const text = 'Tony Kessler lost on Saturday. The champion floored Kessler twice.\n\nThe New Orleans Saints lost too, and the Saints fell to 9-5.';
  const people = surnamedPeople(text);
  assert.ok(people.has('tony_kessler'));
  assert.ok(!people.has('new_orleans_saints'));
});
