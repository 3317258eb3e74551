import assert from 'node:assert/strict';
import { test } from 'node:test';
import { entityCounts, entityKey, findEntities } from '../../src/analyze/entities.js';

test('titles are stripped and mark a person', () => {
  const found = findEntities('Chilean President Gabriela Montes met Mr. Ortiz in Valparaíso on Monday.');
  const keys = found.map((e) => e.key);
  assert.deepEqual(keys, ['chilean', 'gabriela_montes', 'ortiz', 'valparaiso']);
  assert.equal(found.find((e) => e.key === 'gabriela_montes')?.kind, 'person');
  assert.equal(found.find((e) => e.key === 'ortiz')?.kind, 'person');
});

test('German, French and Spanish titles are stripped too, so a name keys alike across languages', () => {
  const de = entityCounts('Präsident Recep Tayyip Erdoğan empfing 12 Minister in Ankara.');
  const en = entityCounts('President Recep Tayyip Erdogan received 12 ministers in Ankara.');
  for (const key of ['recep_tayyip_erdogan', 'erdogan', 'ankara']) {
    assert.ok(de.has(key), `German text lacks ${key}`);
    assert.ok(en.has(key), `English text lacks ${key}`);
  }
});

test('sentence-initial function words and a possessive split names', () => {
  const keys = findEntities("The mayor spoke. Although Norway's Lindqvist agreed, Bank of Oslo did not.").map((e) => e.key);
  assert.deepEqual(keys, ['norway', 'lindqvist', 'bank_of_oslo']);
});

test('punctuation ends a name; offsets point at the name', () => {
  const text = 'Talks between Kenya, Uganda and Tanzania resumed; the talks had stalled.';
  const found = findEntities(text);
  assert.deepEqual(found.map((e) => e.key), ['kenya', 'uganda', 'tanzania']);
  for (const e of found) assert.equal(text.slice(e.start, e.end), e.text);
});

test('entityCounts also counts the last word of a multi-word name', () => {
  const counts = entityCounts('Marta Ilves arrived late. Ilves then left for Tartu.');
  assert.equal(counts.get('marta_ilves'), 1);
  assert.equal(counts.get('ilves'), 2);
  assert.equal(counts.get('tartu'), 1);
});

test('entityKey folds diacritics and case', () => {
  assert.equal(entityKey('Recep Erdoğan'), 'recep_erdogan');
});

test('sentence-initial adverbs, nouns of action and gerunds with an object are not names', () => {
  const keys = (t: string): string[] => findEntities(t).map((e) => e.key);
  assert.deepEqual(keys('Subsequently, the Kremlin confirmed the visit to Ankara.'), ['kremlin', 'ankara']);
  assert.deepEqual(keys('Preparations are under way in Tartu, Marta Ilves said.'), ['tartu', 'marta_ilves']);
  assert.deepEqual(keys('Addressing the assembly, Tonga’s health minister said the strain was mild.'), ['tonga']);
  // A place that opens a sentence stays a name.
  assert.deepEqual(keys('Beijing has warned Oslo. Italy said nothing.'), ['beijing', 'oslo', 'italy']);
});

test('a title before a body’s name belongs to it; a possessive title announces no name', () => {
  const found = (t: string): string[] => findEntities(t).map((e) => `${e.text}/${e.kind}`);
  assert.deepEqual(found('The Turkish Foreign Ministry said talks would follow. The Ministry gave no date.'), ['Turkish Foreign Ministry/unknown']);
  assert.deepEqual(found('The State Department declined to comment.'), ['State Department/unknown']);
  assert.deepEqual(found('Turkish Foreign Minister Hakan Fidan met Lavrov in Astana.'), ['Turkish/unknown', 'Hakan Fidan/person', 'Lavrov/unknown', 'Astana/unknown']);
  assert.deepEqual(found("The Chilean President's visit was postponed, said Gabriela Montes."), ['Chilean/unknown', 'Gabriela Montes/unknown']);
});

test('a possessive inside a party’s name does not split it; a full stop ends a name', () => {
  assert.deepEqual(findEntities("Leaders of the Republican People's Party criticised the plan.").map((e) => e.text).slice(-1), ["Republican People's Party"]);
  assert.deepEqual(findEntities("Norway's Lindqvist agreed.").map((e) => e.key), ['norway', 'lindqvist']);
  assert.deepEqual(findEntities('The talks moved to Tartu. Oslo objected.').map((e) => e.key), ['tartu', 'oslo']);
  assert.deepEqual(findEntities('They met in the U.S. Senate chamber.').map((e) => e.key), ['us_senate']);
});

test('openers that are words, not names: participles, contractions, prepositions, a month before its day', () => {
  const keys = (t: string): string[] => findEntities(t).map((e) => e.key);
  assert.deepEqual(keys('Plagued by injuries, the Harbour Hawks lost again. Running late, Marta Ilves missed the ferry.'), ['harbour_hawks', 'marta_ilves']);
  assert.deepEqual(keys("We'll see, said Tom Berg. He'd left Tartu."), ['tom_berg', 'tartu']);
  assert.deepEqual(keys('Beyond Tartu, the strike spread.'), ['tartu']);
  assert.deepEqual(keys('The vote is on Jan 5 in Tartu. Jan Novak will stand.'), ['tartu', 'jan_novak']);
  // A surname in -ing that the text also writes mid-sentence stays a name.
  assert.deepEqual(keys('The Hawks signed Lena Manning. Manning threw for 300 yards.'), ['hawks', 'lena_manning', 'manning']);
});
