import assert from 'node:assert/strict';
import { test } from 'node:test';
import { detectLanguage } from '../../src/analyze/language.js';

test('detects the language of headlines and paragraphs', () => {
  assert.equal(detectLanguage('Government announces new rail link between the two northern cities'), 'en');
  assert.equal(detectLanguage('Die Regierung kündigt eine neue Bahnverbindung zwischen den beiden Städten an'), 'de');
  assert.equal(detectLanguage('El gobierno anuncia una nueva línea de tren entre las dos ciudades del norte'), 'es');
  assert.equal(detectLanguage('Le gouvernement annonce une nouvelle ligne ferroviaire entre les deux villes'), 'fr');
  assert.equal(detectLanguage('Hallitus ilmoitti uudesta junayhteydestä kahden pohjoisen kaupungin välille'), 'fi');
  assert.equal(detectLanguage('Regeringen meddelade en ny tågförbindelse mellan de två städerna i norr'), 'sv');
});

test('returns null for text too short or without letters, and never throws', () => {
  assert.equal(detectLanguage(''), null);
  assert.equal(detectLanguage('12:30 — 2024'), null);
  assert.equal(detectLanguage('Ok'), null);
  assert.equal(detectLanguage(undefined as unknown as string), null);
});

test('scores only the start of a very long text (time stays flat)', () => {
  const long = 'The council voted on the budget after a long debate about schools and roads. '.repeat(5000);
  const t0 = performance.now();
  assert.equal(detectLanguage(long), 'en');
  assert.ok(performance.now() - t0 < 200);
});
