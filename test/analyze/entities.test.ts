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
