import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { buildStorylineReport } from '../../src/pipeline/report.js';
import { openSqliteStore } from '../../src/store/index.js';
import { storedArticle } from '../store/store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-report-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('the report names an event as the store does and its headline is the latest-dated title', async () => {
  const store = openSqliteStore(join(dir, 'titles.db'));
  // Invented: a terminal approved, then delayed; arrival order is not date order.
  const later = storedArticle({ id: 'late', title: 'Elsworth ferry terminal opening pushed to autumn', published: '2025-06-10', outlet: 'Harbour Weekly', text: 'The opening of the Port Elsworth ferry terminal was pushed to the autumn after a dispute with the builder.' });
  const earlier = storedArticle({ id: 'early', title: 'Harbour authority approves ferry terminal', published: '2025-03-04' });
  for (const a of [later, earlier]) await store.saveArticle({ article: a, bandKeys: [], event: { id: 'e1', storylineId: 's1', title: a.title, date: a.published }, merges: [] });
  const stored = await store.getEvent('e1');
  const report = await buildStorylineReport(store, 's1');
  await store.close();
  assert.ok(report && stored);
  assert.equal(report.headline, 'Elsworth ferry terminal opening pushed to autumn', 'latest-dated article');
  assert.equal(report.events[0]!.title, stored.title, 'one name for the event in the store and the report');
  assert.equal(report.events[0]!.title, 'Harbour authority approves ferry terminal');
});

test('a development reported by a month-dated article shows that month, not a mid-month day', async () => {
  const store = openSqliteStore(join(dir, 'month.db'));
  try {
    // Invented: one report dated to the month only (inferred), one to the day.
    const month = storedArticle({ id: 'm', title: 'Ferry terminal opening being prepared', published: '2025-05', publishedFrom: 'inferred', outlet: 'Harbour Weekly', text: 'The opening of the Port Elsworth ferry terminal is being prepared for June, the harbour authority said.' });
    const day = storedArticle({ id: 'd', title: 'Ferry terminal opens', published: '2025-06-12', text: 'The Port Elsworth ferry terminal opened on Thursday, the harbour authority said.' });
    for (const a of [month, day]) await store.saveArticle({ article: a, bandKeys: [], event: { id: 'e1', storylineId: 's1', title: a.title, date: a.published }, merges: [] });
    const report = await buildStorylineReport(store, 's1');
    const dates = (report?.developments ?? []).filter((d) => d.citations[0]?.article === 'm').map((d) => d.date);
    assert.ok(dates.length > 0, 'the month-dated report gives a development');
    assert.deepEqual([...new Set(dates)], ['2025-05']);
  } finally {
    await store.close();
  }
});
