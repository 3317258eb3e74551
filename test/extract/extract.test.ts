import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractDocument } from '../../src/extract/index.js';

const PAGE = `<!DOCTYPE html><html><head><title>Ferry strike ends after pay deal</title></head><body><article>
<h1>Ferry strike ends after pay deal</h1>
<p>Ferry crews in the northern islands returned to work on Friday after their union accepted a pay rise of six percent, ending a strike that had cut off three islands for nine days.</p>
<p>The harbour authority said the first sailings would leave at seven in the morning and that extra crossings would run over the weekend to clear the backlog of freight.</p>
</article></body></html>`;

test('the outlet a feed names beats one guessed from the host name', () => {
  const a = extractDocument({ source: 'feed item 1', kind: 'html', content: PAGE, hints: { url: 'https://www.islands-courier.example/news/ferry', outlet: 'The Islands Courier' } });
  assert.equal(a.outlet, 'The Islands Courier');
});

test('without a named outlet, the host name is the last resort', () => {
  const a = extractDocument({ source: 'page.html', kind: 'html', content: PAGE, hints: { url: 'https://www.islands-courier.example/news/ferry' } });
  assert.ok(a.outlet && /islands-courier/i.test(a.outlet), String(a.outlet));
});

test('a date given by the container is metadata and beats an inferred one', () => {
  const a = extractDocument({ source: 'line 3', kind: 'text', content: 'Ferry strike ends\n\nCrews returned to work on Friday, nine days after the strike began in March 2025.', hints: { published: '2025-03-21' } });
  assert.equal(a.published, '2025-03-21');
  assert.equal(a.publishedFrom, 'metadata');
});

test('a text whose container names the title keeps its first line as body', () => {
  const a = extractDocument({ source: 'lines.jsonl:1', kind: 'text', content: 'Ferry crews returned to work on Friday after a pay deal ended a nine-day strike.', hints: { title: 'Ferry strike ends' } });
  assert.equal(a.title, 'Ferry strike ends');
  assert.match(a.text, /^Ferry crews returned to work/);
});

test('a body that opens with the container title drops that repeat', () => {
  const a = extractDocument({ source: 'lines.jsonl:2', kind: 'text', content: 'Ferry strike ends\n\nFerry crews returned to work on Friday after a pay deal ended a nine-day strike.', hints: { title: 'Ferry strike ends' } });
  assert.match(a.text, /^Ferry crews/);
  assert.ok(a.removed.some((r) => r.reason === 'repeated-title'));
});

test('a one-sentence report whose text is its title keeps that sentence as its text', () => {
  const sentence = 'A gas blast destroyed a bakery on Mill Lane in Dunmore early on Sunday, injuring two workers.';
  // As a JSON line (container title) and as a plain text repeating its headline.
  const fromLine = extractDocument({ source: 'lines.jsonl:3', kind: 'text', content: sentence, hints: { title: sentence } });
  const fromText = extractDocument({ source: 'blast.txt', kind: 'text', content: `${sentence}\n\n${sentence}` });
  for (const a of [fromLine, fromText]) {
    assert.equal(a.text, sentence);
    assert.equal(a.title, sentence);
    assert.ok(!a.removed.some((r) => r.reason === 'repeated-title'), JSON.stringify(a.removed));
  }
  // A sports transaction line has few stopwords and alone reads as boilerplate: as its own title it is the article.
  const transaction = 'PORTLAND TIMBERS Signed Diego Valeri, midfielder. Released Jack Jewsbury, defender.';
  const line = extractDocument({ source: 'lines.jsonl:4', kind: 'text', content: transaction, hints: { title: transaction } });
  assert.equal(line.text, transaction);
  assert.deepEqual(line.removed, []);
});

test('an inferred lower bound is kept as evidence, not as the publication date', () => {
  const text = 'Harbour talks to resume\n\nThe port workers and the shipping lines will meet again next month, the union said. The two sides last met in November 2024, when the talks broke down over night shifts.';
  const a = extractDocument({ source: 'talks.txt', kind: 'text', content: text });
  assert.equal(a.published, null);
  assert.ok(a.publishedEvidence?.some((e) => /2024-11/.test(e.reason)), JSON.stringify(a.publishedEvidence));
});

test('the outlet a JSON line names beats a wire agency read from the text: it is who published this copy', () => {
  const a = extractDocument({ source: 'feed.jsonl:1', kind: 'text', content: 'LONDON (Reuters) - The ferry strike ended on Tuesday after crews accepted a new pay offer from the operator, union officials said.\n\nServices resume on Wednesday.', hints: { outlet: 'Bay Courier' } });
  assert.equal(a.outlet, 'Bay Courier');
  const bare = extractDocument({ source: 'wire.txt', kind: 'text', content: 'LONDON (Reuters) - The ferry strike ended on Tuesday after crews accepted a new pay offer from the operator, union officials said.\n\nServices resume on Wednesday.' });
  assert.equal(bare.outlet, 'Reuters');
});
