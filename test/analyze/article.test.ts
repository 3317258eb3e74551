import assert from 'node:assert/strict';
import { test } from 'node:test';
import { analyzeArticle, mentionsOf, quotesOf, reportablePartsOf, sentencesOf, timexesOf } from '../../src/analyze/article.js';
import { findEntities } from '../../src/analyze/entities.js';
import { resolveMentions } from '../../src/analyze/mentions.js';
import { findQuotes } from '../../src/analyze/quotes.js';
import { splitSentences } from '../../src/analyze/sentences.js';
import { findTimexes } from '../../src/analyze/time/index.js';
import { ANALYSIS_VERSION } from '../../src/model/index.js';

// Invented report: a planned visit, a pronoun, an honorific, a quote and relative dates.
const TEXT =
  'Mayor Ann Holt will visit the Port Elsworth ferry terminal on Monday. She inspected the pier last September. ' +
  '"The terminal opens in May," harbour chief Tom Vell told reporters. Ms. Holt said the works cost 4 million euros.';

test('an analysis holds what the analysers find, as offsets into the text', () => {
  const a = analyzeArticle(TEXT, '2025-03-05T09:30:00Z');
  assert.equal(a.version, ANALYSIS_VERSION);
  assert.equal(a.textLength, TEXT.length);
  assert.deepEqual(a.sentences, splitSentences(TEXT).map((s) => ({ start: s.start, end: s.end })));
  assert.equal(a.timexDct, '2025-03-05', 'relative dates are resolved against the publication day');
  assert.deepEqual(a.timexes.map((t) => ({ text: TEXT.slice(t.start, t.end), ...t })), findTimexes(TEXT, { dct: '2025-03-05' }));
  assert.ok(a.timexes.some((t) => TEXT.slice(t.start, t.end) === 'Monday' && t.value === '2025-03-10'));
  assert.deepEqual(a.mentions.map((m) => ({ text: TEXT.slice(m.start, m.end), ...m })), resolveMentions(TEXT));
  assert.ok(a.mentions.some((m) => TEXT.slice(m.start, m.end) === 'She' && m.name === 'Ann Holt'));
  assert.deepEqual(a.quotes.map((q) => ({ text: TEXT.slice(q.quoteStart, q.quoteEnd), ...q })), findQuotes(TEXT));
  assert.ok(a.quotes.some((q) => q.direct && TEXT.slice(q.quoteStart, q.quoteEnd).startsWith('The terminal opens')));
  // Names of each sentence's reporting part, as the entity finder gives them on that part alone.
  const parts = reportablePartsOf(TEXT, splitSentences(TEXT), a);
  assert.deepEqual(parts.map((p) => p.entities), splitSentences(TEXT).map((s) => findEntities(s.text)));
  assert.ok(!JSON.stringify(a).includes('Holt told'), 'spans keep no copy of the words');
  assert.deepEqual(JSON.parse(JSON.stringify(a)), a, 'plain JSON: it is stored as one');
});

test('readers give what the analysers give, from a fitting analysis or made on the spot', () => {
  const a = analyzeArticle(TEXT, '2025-03-05');
  const sentences = splitSentences(TEXT);
  for (const analysis of [a, null, undefined]) {
    assert.deepEqual(sentencesOf(TEXT, analysis), sentences);
    assert.deepEqual(mentionsOf(TEXT, analysis), resolveMentions(TEXT));
    assert.deepEqual(quotesOf(TEXT, sentences, analysis), findQuotes(TEXT, sentences));
    assert.deepEqual(timexesOf(TEXT, '2025-03-05', analysis), findTimexes(TEXT, { dct: '2025-03-05' }));
  }
});

test('an analysis is not read for another text, another version or another publication day', () => {
  const a = analyzeArticle(TEXT, '2025-03-05');
  const edited = `${TEXT} The pier reopens on Friday.`;
  assert.deepEqual(sentencesOf(edited, a), splitSentences(edited), 'another text: split again');
  assert.deepEqual(sentencesOf(TEXT, { ...a, version: ANALYSIS_VERSION + 1 }), splitSentences(TEXT), 'another version: split again');
  // A storyline re-dated the article: "on Monday" is then another day.
  const redated = timexesOf(TEXT, '2025-04-02', a);
  assert.equal(redated.find((t) => t.text === 'Monday')?.value, '2025-04-07');
});

test('odd text gives an empty analysis, not an error', () => {
  const a = analyzeArticle('', null);
  assert.deepEqual([a.sentences, a.timexes, a.mentions, a.quotes], [[], [], [], []]);
  assert.equal(a.timexDct, null);
});
