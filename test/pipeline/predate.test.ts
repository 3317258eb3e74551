import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractDocument } from '../../src/extract/index.js';
import type { CleanedDocItem, InputItem } from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/index.js';
import { predateArticles, predateInputs } from '../../src/pipeline/predate.js';

const FIRM: RawDocument = {
  source: 'wire.jsonl:1',
  kind: 'text',
  content: 'The Harbor Authority opened the new Dunmore ferry terminal on February 5, 2024, after two years of building. Its first ferry to Sarn left on February 7, 2024, with 300 passengers on board.',
  hints: { title: 'Dunmore ferry terminal opens', published: '2024-02-06' },
};
// Dated from its text alone: "February 5" after a 2022 mention reads as 2022; two of its phrases name happenings FIRM dates.
const LOOSE: RawDocument = {
  source: 'crowds.txt',
  kind: 'text',
  content: 'Crowds at new Dunmore terminal\n\nThe new Dunmore ferry terminal, opened by the Harbor Authority on February 5, drew crowds all week. The first ferry to Sarn left on February 7 with 300 passengers on board. Building began in 2022, when the old pier was closed.',
};
// Another story: nothing in the batch speaks of its happenings.
const OTHER: RawDocument = { source: 'fire.txt', kind: 'text', content: 'Bakery fire in Mill Lane\n\nA fire destroyed a bakery on Mill Lane on March 3, firefighters said. The bakery had opened in 2019.' };

test('a batch re-dates an article dated by its text alone from the article that dates the same happening, and leaves other stories alone', () => {
  const [firm, loose, other] = [FIRM, LOOSE, OTHER].map((raw) => extractDocument(raw));
  assert.equal(loose!.published, '2022-02-07');
  const [f, l, o] = predateArticles([
    { id: 'wire', article: firm! },
    { id: 'crowds', article: loose! },
    { id: 'fire', article: other! },
  ]);
  assert.equal(f, firm, 'a firm date is kept as it is');
  assert.ok(l!.published?.startsWith('2024-02'), l!.published ?? 'undated');
  assert.equal(l!.publishedFrom, 'inferred');
  assert.ok(l!.publishedEvidence?.some((e) => e.article === 'wire'), 'the evidence names the anchoring article');
  assert.equal(o, other);
  // One aligned phrase is not enough: a report of another happening of the same kind may share it.
  const single = extractDocument({ ...LOOSE, content: 'Crowds at new Dunmore terminal\n\nThe new Dunmore ferry terminal, opened by the Harbor Authority on February 5, drew crowds all week. Building began in 2022.' });
  assert.equal(predateArticles([{ id: 'wire', article: firm! }, { id: 'crowds', article: single }])[1], single);
});

test('batch dating yields every item once, in order; stored items pass unread, load failures pass for the ingester to report', async () => {
  let loads = 0;
  const doc = (id: string, raw: RawDocument | Error): CleanedDocItem => ({
    type: 'doc', id, url: null, source: id, position: null,
    load: async () => {
      loads++;
      if (raw instanceof Error) throw raw;
      return raw;
    },
  });
  const inputs: InputItem[] = [doc('wire', FIRM), { type: 'error', source: 'bad.jsonl', position: 'line 2', code: 'bad-json', message: 'malformed JSON' }, doc('stored', OTHER), doc('crowds', LOOSE), doc('gone', new Error('ENOENT'))];
  async function* list() {
    yield* inputs;
  }
  const out: InputItem[] = [];
  for await (const item of predateInputs(list(), async (x) => x.id === 'stored', 2)) out.push(item);
  assert.deepEqual(out.map((i) => (i.type === 'doc' ? i.id : i.type)), ['wire', 'error', 'stored', 'crowds', 'gone']);
  const cleaned = (i: InputItem) => (i as CleanedDocItem).cleaned;
  assert.equal(cleaned(out[2]!), undefined, 'a stored item is not read');
  assert.ok(cleaned(out[3]!)?.published?.startsWith('2024-02'));
  await assert.rejects(() => (out[4] as CleanedDocItem).load(), /ENOENT/);
  assert.equal(loads, 3, 'each document read once');
});
