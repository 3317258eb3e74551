import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { openSqliteStore } from '../../src/store/index.js';
import { storedArticle } from './store-suite.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-merged-ids-'));
after(() => rmSync(dir, { recursive: true, force: true }));

it('an article whose storyline was merged away in the same step joins the storyline it was merged into; no empty storyline is left', async () => {
  const store = openSqliteStore(join(dir, 'm.db'));
  try {
    await store.saveArticle({ article: storedArticle({ id: 'a1' }), bandKeys: [], event: { id: 'e1', storylineId: 's1', title: 'Harbour', date: '2025-03-01' }, merges: [] });
    // The clusterer names the groups the article joined before the merges that came with it.
    await store.saveArticle({
      article: storedArticle({ id: 'a2' }),
      bandKeys: [],
      event: { id: 'e2', storylineId: 's2', title: 'Harbour again', date: '2025-03-02' },
      merges: [{ level: 'storyline', from: 's2', into: 's1' }],
    });
    const lines = (await store.listStorylines()).items;
    assert.deepEqual(lines.map((s) => [s.id, s.articleCount]), [['s1', 2]]);
    assert.equal((await store.getEvent('e2'))?.storylineId, 's1');
    // Same for an event merged away: the article lands in the event it became.
    await store.saveArticle({ article: storedArticle({ id: 'a3' }), bandKeys: [], event: { id: 'e3', storylineId: 's1', title: null, date: null }, merges: [{ level: 'event', from: 'e3', into: 'e1' }] });
    assert.equal((await store.getArticle('a3'))?.eventId, 'e1');
    assert.equal(await store.getEvent('e3'), null);
  } finally {
    await store.close();
  }
});
