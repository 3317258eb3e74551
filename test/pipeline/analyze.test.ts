import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { analyzeArticle } from '../../src/analyze/article.js';
import { createFetcher, createIngester, DEFAULT_SOURCE_LIMITS, readInputs } from '../../src/ingest/index.js';
import { ANALYSIS_VERSION } from '../../src/model/index.js';
import { articleAnalyses } from '../../src/pipeline/analyze.js';
import { openSqliteStore } from '../../src/store/index.js';
import { storedArticle } from '../store/store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-analyze-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Invented: two reports of one ferry terminal.
const TERMINAL = 'The harbour authority of Port Elsworth approved the new ferry terminal on Tuesday. It said the works start in May.';
const PIER = 'Harbour chief Tom Vell said the old pier closes on Friday. He expects 40 ferries a day at the new terminal.';

test('ingest stores each article\'s analysis, as the analyser makes it', async () => {
  const file = join(dir, 'terminal.jsonl');
  writeFileSync(file, [{ id: 't1', title: 'Ferry terminal approved', text: TERMINAL, published: '2025-03-05', outlet: 'Elsworth Courier' }, { id: 't2', title: 'Old pier closes', text: PIER, published: '2025-03-06', outlet: 'Harbour Weekly' }].map((l) => JSON.stringify(l)).join('\n'));
  const store = openSqliteStore(join(dir, 'ingest.db'));
  try {
    const ingester = await createIngester(store);
    const context = { ...DEFAULT_SOURCE_LIMITS, fetcher: createFetcher({ timeoutMs: 3000 }), getFeedState: () => Promise.resolve(null), saveFeedState: () => Promise.resolve(), fetchLinks: false };
    for await (const item of readInputs([file], context)) await ingester.ingest(item);
    await ingester.finish();
    const stored = await store.getArticleAnalyses(['t1', 't2'], ANALYSIS_VERSION);
    assert.deepEqual(stored.get('t1'), analyzeArticle(TERMINAL, '2025-03-05'));
    assert.deepEqual(stored.get('t2'), analyzeArticle(PIER, '2025-03-06'));
    assert.ok(ingester.timings.analyze > 0, 'its cost is counted apart');
  } finally {
    await store.close();
  }
});

test('reports read stored analyses, and analyse (and store) articles without a current one', async () => {
  const path = join(dir, 'lazy.db');
  const store = openSqliteStore(path);
  const terminal = storedArticle({ id: 'a1', text: TERMINAL });
  const pier = storedArticle({ id: 'a2', text: PIER });
  try {
    // a1's stored analysis is read as it is (a marker sentence list shows it was not made again);
    // a2 has only an older version's, which is not read.
    const marked = { ...analyzeArticle(TERMINAL, terminal.published), sentences: [{ start: 0, end: TERMINAL.length }] };
    await store.saveArticleAnalyses([{ articleId: 'a1', analysis: marked }, { articleId: 'a2', analysis: { ...analyzeArticle(PIER, pier.published), version: ANALYSIS_VERSION - 1 } }]);
    const read = await articleAnalyses(store, [terminal, pier]);
    assert.deepEqual(read.get('a1'), marked);
    assert.deepEqual(read.get('a2'), analyzeArticle(PIER, pier.published));
    assert.deepEqual((await store.getArticleAnalyses(['a2'], ANALYSIS_VERSION)).get('a2'), analyzeArticle(PIER, pier.published), 'stored for next time');
    // An edited text does not fit its old analysis (another length).
    const edited = storedArticle({ id: 'a1', text: `${TERMINAL} Ferries run from June.` });
    assert.deepEqual((await articleAnalyses(store, [edited])).get('a1'), analyzeArticle(edited.text, edited.published));
  } finally {
    await store.close();
  }
  // A store opened for reading only still gives the analyses (made for this report, not stored).
  const readonly = openSqliteStore(path, { readonly: true });
  try {
    const other = storedArticle({ id: 'a3', text: PIER });
    assert.deepEqual((await articleAnalyses(readonly, [other])).get('a3'), analyzeArticle(PIER, other.published));
  } finally {
    await readonly.close();
  }
});
