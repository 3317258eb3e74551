import assert from 'node:assert/strict';
import { test } from 'node:test';
import { readFloors } from '../../bench/floors.js';
import { loadLanguageSamples, scoreLanguage, storylineDetector } from '../../bench/eval/language.js';
import { sharedDir } from '../helpers/shared.js';

test('language detection stays above its pinned accuracy floors on the TurkuNLP files', (t) => {
  const shared = sharedDir(t); if (!shared) return;
  const floors = readFloors('language');
  const { docs, lines } = loadLanguageSamples(shared, 300);
  const docAcc = scoreLanguage(docs, storylineDetector).accuracy;
  const lineAcc = scoreLanguage(lines, storylineDetector).accuracy;
  assert.ok(docAcc >= floors['documents.accuracy']!, `documents accuracy ${docAcc.toFixed(4)}`);
  assert.ok(lineAcc >= floors['lines300perLanguage.accuracy']!, `line accuracy ${lineAcc.toFixed(4)}`);
});
