import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import type { Assignment, StoryClusterer } from '../../src/cluster/index.js';
import { createIngester, readInputs, statelessSourceContext } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-split-'));
after(() => rmSync(dir, { recursive: true, force: true }));

// Invented reports: first taken for one happening (two fires in one city), the fourth shows they are two.
const LINES = [
  { id: 'm1', title: 'Fires in Marseille overnight', text: 'Firefighters fought fires at the Joliette docks and in the Calanques hills overnight; the prefect asked residents to stay indoors.', published: '2025-07-14' },
  { id: 'm2', title: 'Joliette warehouse burns', text: 'A textile warehouse at the Joliette docks burned for six hours; the port closed berth 4 and the shipping firm counted its losses.', published: '2025-07-14' },
  { id: 'm3', title: 'Guard held over docks blaze', text: 'Police detained a night guard after investigators found petrol cans near the loading bays of the burned Joliette warehouse.', published: '2025-07-15' },
  { id: 'm4', title: 'Prosecutor opens arson inquiry', text: 'The Marseille prosecutor opened an arson inquiry into the warehouse fire; the guard will appear before a judge on Friday.', published: '2025-07-15' },
];

/** A scripted clusterer: one event until the fourth article, which splits the warehouse reports off. */
function scripted(): StoryClusterer {
  return {
    add: (doc): Assignment =>
      doc.id === 'm4'
        ? { eventId: 'e2', storylineId: 's1', newEvent: false, newStoryline: false, merges: [], splits: [{ level: 'event', from: 'e1', into: 'e2', storylineId: 's1', articleIds: ['m2', 'm3', 'm4'] }] }
        : { eventId: 'e1', storylineId: 's1', newEvent: doc.id === 'm1', newStoryline: doc.id === 'm1', merges: [] },
    resolve: (id) => id,
    snapshot: () => '',
  };
}

test('ingest applies a split: the moved articles go to the new event, the others keep the old id', async () => {
  const file = join(dir, 'fires.jsonl');
  writeFileSync(file, LINES.map((l) => JSON.stringify(l)).join('\n') + '\n');
  const store = openSqliteStore(join(dir, 'split.db'));
  try {
    const ingester = await createIngester(store, { createClusterer: scripted });
    for await (const item of readInputs([file], statelessSourceContext())) await ingester.ingest(item);
    await ingester.finish();
    assert.equal(ingester.counts.added, 4);
    const events = await Promise.all(LINES.map(async (l) => (await store.getArticle(l.id))?.eventId));
    assert.deepEqual(events, ['e1', 'e2', 'e2', 'e2']);
    const moved = await store.getEvent('e2');
    assert.equal(moved?.storylineId, 's1');
    assert.deepEqual([...(moved?.articleIds ?? [])].sort(), ['m2', 'm3', 'm4']);
    assert.deepEqual((await store.getEvent('e1'))?.articleIds, ['m1']);
  } finally {
    await store.close();
  }
});
