import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClusterer, type ClusterDoc } from '../../src/cluster/index.js';
import { anchorTerms, foldDiacritics, languageOfTerms } from '../../src/cluster/text.js';

// Invented reports: a river flood in a Hungarian town, in English (names without accents) and in German
// (with them), and a German report on another matter in the same town.
const EN = (i: number): ClusterDoc => ({
  id: `en${i}`,
  title: `Tisza flood: Szeged evacuates riverside homes (${i})`,
  text:
    'The Tisza river rose to a record 1085 centimetres at Szeged on Sunday, and the city evacuated 1400 residents ' +
    'from riverside streets, mayor Marta Kovacs said. Soldiers from the Hodmezo barracks filled sandbags along the ' +
    `embankment. The National Water Directorate expects the crest on Tuesday. Update ${i}: schools in Szeged stay closed.`,
  published: `2025-05-${String(11 + i).padStart(2, '0')}`,
  outlet: `outlet${i}`,
});
const DE: ClusterDoc = {
  id: 'de1',
  title: 'Hochwasser an der Theiß: Szeged bringt Anwohner in Sicherheit',
  text:
    'Die Theiß ist in Szeged am Sonntag auf den Rekordstand von 1085 Zentimetern gestiegen. Die Stadt hat 1400 ' +
    'Anwohner aus den Straßen am Fluss gebracht, sagte Bürgermeisterin Márta Kovács. Soldaten aus der Kaserne von ' +
    'Hódmező füllten Sandsäcke an dem Damm. Die Schulen in Szeged bleiben geschlossen, der Scheitel wird für Dienstag erwartet.',
  published: '2025-05-12',
  outlet: 'Donaukurier',
};
const DE_OTHER: ClusterDoc = {
  id: 'de2',
  title: 'Szeged eröffnet neues Konzerthaus',
  text:
    'In Szeged ist am Samstag das neue Konzerthaus am Dugonics-Platz eröffnet worden. Der Architekt Péter Halász hat ' +
    'einen Saal für 900 Zuhörer gebaut, die Akustik stammt von einem Büro aus Wien. Das Eröffnungskonzert dirigierte ' +
    'Zoltán Fekete mit dem Sinfonieorchester der Stadt, die Karten waren nach einer Stunde ausverkauft.',
  published: '2025-05-13',
  outlet: 'Donaukurier',
};

test('an article in another language joins the event whose names and numbers it names', () => {
  const c = createClusterer();
  const en = [0, 1, 2].map((i) => c.add(EN(i)));
  const de = c.add(DE);
  assert.equal(new Set(en.map((a) => a.eventId)).size, 1);
  assert.equal(de.eventId, en[0]!.eventId);
  assert.equal(de.storylineId, en[0]!.storylineId);
  // Another matter in the same town names the town, not the flood's people and numbers.
  const other = c.add(DE_OTHER);
  assert.notEqual(other.eventId, en[0]!.eventId);
});

test('cross-language joins switched off: the German report is an event of its own', () => {
  const c = createClusterer({ crossLanguageMinCoverage: Infinity });
  const en = [0, 1, 2].map((i) => c.add(EN(i)));
  assert.notEqual(c.add(DE).eventId, en[0]!.eventId);
});

test('cross-language joins stay within the time grace', () => {
  const c = createClusterer();
  const en = [0, 1, 2].map((i) => c.add(EN(i)));
  assert.notEqual(c.add({ ...DE, published: '2025-08-12' }).eventId, en[0]!.eventId);
});

test('languageOfTerms: function words among content terms tell the language; few terms, none told', () => {
  const counts = (text: string) => new Map(Object.entries(text.split(' ').reduce<Record<string, number>>((m, w) => ((m[w] = (m[w] ?? 0) + 1), m), {})));
  assert.equal(languageOfTerms(counts('die stadt hat die anwohner aus den straßen gebracht und die schulen bleiben geschlossen sagte der bürgermeister der stadt')), 'de');
  assert.equal(languageOfTerms(counts('la ville évacue les habitants des rues et les écoles restent fermées selon la mairie de la ville')), 'fr');
  assert.equal(languageOfTerms(counts('tisza river rose record centimetre szeged sunday city evacuated resident riverside street mayor marta kovacs soldier barrack sandbag embankment crest')), 'en');
  assert.equal(languageOfTerms(counts('storm arwen power cut scotland')), 'und');
});

test('anchorTerms: name words folded, numbers marked; foldDiacritics strips accents only', () => {
  assert.deepEqual(anchorTerms(['márta_kovács', 'szeged'], ['1085', 'flood']), ['marta', 'kovacs', 'szeged', '#1085']);
  assert.equal(foldDiacritics('Hódmező Ñuñoa'), 'Hodmezo Nunoa');
});
