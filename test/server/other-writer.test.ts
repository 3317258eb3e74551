import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, it } from 'node:test';
import { createIngester } from '../../src/ingest/index.js';
import { createStorylineService } from '../../src/server/service.js';
import { openSqliteStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-other-writer-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const HARBOUR = 'The harbour board approved a new ferry timetable with night crossings. Fares for island residents will fall by a fifth. Captains welcomed the longer summer season. The first night ferry sails in May from the north quay.';
const TRAM = 'Tram line four will be extended to the stadium after a narrow council vote. The depot gets twelve new cars. Shopkeepers on Mill Street fear two years of roadworks. Construction starts in autumn.';
const MINE = 'Miners at the copper pit walked out over pay for underground night shifts. Union leaders rejected an offer of three per cent. Ore trucks stood idle at the gates. Talks resume on Thursday in the capital.';

it('after another writer stored articles, the server places new ones with a clusterer rebuilt from the store (no event id handed out twice)', async () => {
  const store = openSqliteStore(join(dir, 'w.db'));
  try {
    const service = createStorylineService(store);
    await service.submit(JSON.stringify({ id: 'x', title: 'Harbour ferry timetable', text: HARBOUR }));
    // Another process (here: a second ingester on the same file) stores an unrelated article.
    const other = await createIngester(store);
    await other.ingest({ type: 'doc', id: 'y', url: null, source: 'other.jsonl', position: 'line 1', load: async () => ({ source: 'other.jsonl:1', kind: 'text', content: `Tram depot vote\n\n${TRAM}` }) });
    await other.finish();
    await service.submit(JSON.stringify({ id: 'z', title: 'Mine strike talks', text: MINE }));
    await service.close();
    const events = await Promise.all(['x', 'y', 'z'].map(async (id) => (await store.getArticle(id))?.eventId));
    assert.equal(new Set(events).size, 3, `three unrelated articles, three events: ${events.join(', ')}`);
  } finally {
    await store.close();
  }
});
