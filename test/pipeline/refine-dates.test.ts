import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { createIngester, readInputs, statelessSourceContext } from '../../src/ingest/index.js';
import { refineStoredDates } from '../../src/pipeline/refine-dates.js';
import { openSqliteStore } from '../../src/store/index.js';
import { sharedDir } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-refine-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('after ingest the seeds storyline re-dates seed 000 (2023-01 from its text alone) to 2024-01, and the list shows it', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const store = openSqliteStore(join(dir, 'seeds.db'));
  try {
    const ingester = await createIngester(store);
    for await (const item of readInputs([join(shared, 'seeds')], statelessSourceContext())) await ingester.ingest(item);
    await ingester.finish();
    const seed000 = async () => (await store.getArticle(join(shared, 'seeds', '000_e0dbc6f2fd662774.txt')))!;
    assert.equal((await seed000()).published, '2023-01', 'the text alone names 2020 and 2022 only');
    assert.ok(ingester.looselyDated.size >= 1);
    assert.ok((await refineStoredDates(store, ingester.looselyDated)) >= 1);
    const a = await seed000();
    assert.equal(a.published, '2024-01');
    assert.equal(a.publishedFrom, 'inferred');
    assert.ok(a.publishedEvidence?.some((e) => e.article), 'the evidence names the articles that anchor it');
    const [line] = (await store.listStorylines()).items;
    assert.equal(line?.firstDate, '2023-06-15', 'the storyline starts with the June 2023 invitation, as its report says');
    assert.equal(await refineStoredDates(store, ingester.looselyDated), 0, 'a second pass finds nothing new');
  } finally {
    await store.close();
  }
});
