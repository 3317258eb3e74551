/** The per-language word lists: shape checks, and the stopword sets the cleaner reads. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isStopword, LEXICON_LANGUAGES, LEXICONS, stopwordsFor } from '../../src/analyze/lexicon/index.js';

const MAIN_NEWS_LANGUAGES = ['en', 'de', 'fr', 'es', 'it', 'pt', 'nl', 'pl', 'sv', 'fi', 'tr', 'ru'];

test('the main news languages all have lists', () => {
  for (const code of MAIN_NEWS_LANGUAGES) assert.ok(LEXICON_LANGUAGES.includes(code), code);
});

for (const code of MAIN_NEWS_LANGUAGES) {
  test(`${code}: 50–150 lower-case stopwords, no repeats; seven weekdays, five day words`, () => {
    const lex = LEXICONS[code]!;
    assert.equal(lex.code, code);
    const words = lex.stopwords.split(/\s+/).filter(Boolean);
    assert.ok(words.length >= 50 && words.length <= 150, `${code}: ${words.length} stopwords`);
    assert.equal(new Set(words).size, words.length, `${code}: a stopword is listed twice`);
    for (const w of words) assert.equal(w, w.toLowerCase(), w);
    if (code === 'en') { assert.equal(lex.dates, null); return; }
    const d = lex.dates!;
    assert.equal(d.weekdays.length, 7);
    for (const w of d.weekdays) assert.ok(w.length >= 3, w);
    // Yesterday, today and tomorrow exist in every language.
    for (const w of d.days.slice(1, 4)) assert.ok(w.length >= 2, w);
  });
}

test('stopwordsFor: a list per language, the union when the language is unknown, none for a language without a list', () => {
  assert.ok(stopwordsFor('it')!.has('della'));
  assert.ok(!stopwordsFor('it')!.has('the'));
  assert.ok(stopwordsFor(null)!.has('the') && stopwordsFor(null)!.has('della') && stopwordsFor(null)!.has('и'));
  assert.equal(stopwordsFor('ca'), null);
});

test('isStopword reads elided articles and prepositions through their first part', () => {
  const it = stopwordsFor('it')!;
  assert.ok(isStopword("dell'Unione", it));
  assert.ok(isStopword("l'anno", it));
  assert.ok(isStopword('Della', it));
  assert.ok(!isStopword('Unione', it));
  assert.ok(isStopword("d'un", stopwordsFor('fr')!));
});
