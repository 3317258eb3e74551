/**
 * Clustering profiles in the ingest stage: reading ahead to choose one, saving it in the store with the first
 * article, keeping it, and the server choosing from its first request. All inputs are invented.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import {
  chooseProfile,
  MIN_PROFILE_SAMPLE,
  cleanItem,
  createIngester,
  ProfileMismatchError,
  sampleInputs,
  suggestProfile,
  type DocItem,
  type InputItem,
} from '../../src/ingest/index.js';
import type { RawDocument } from '../../src/model/index.js';
import { createStorylineService } from '../../src/server/service.js';
import { openSqliteStore } from '../../src/store/index.js';
import { OTHER_STORY, WIRE_STORY } from './fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-profile-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;
const newStore = () => openSqliteStore(join(dir, `p${++n}.db`));

const BARE = [
  'harbour cranes idle as dock strike spreads',
  'dock strike talks collapse over night shifts',
  'dockers return as strike ends with pay rise',
  'ferry fares rise for second time this year',
  'lighthouse keeper retires after forty winters',
];

/** A document item over a raw text, counting its loads. */
function doc(id: string, content: string, loads: Map<string, number>, title?: string): DocItem {
  const raw: RawDocument = { source: `${id}.txt`, kind: 'text', content, hints: title ? { title } : {} };
  return {
    type: 'doc',
    id,
    url: null,
    source: 'feed.jsonl',
    position: id,
    load: async () => {
      loads.set(id, (loads.get(id) ?? 0) + 1);
      return raw;
    },
  };
}

async function* stream(items: InputItem[]): AsyncGenerator<InputItem> {
  yield* items;
}

async function collect(items: AsyncIterable<InputItem>): Promise<InputItem[]> {
  const out: InputItem[] = [];
  for await (const item of items) out.push(item);
  return out;
}

describe('cleanItem: a bare headline', () => {
  it('keeps a title-less one-line item with its line as text (the cleaner reads it as a title)', () => {
    const a = cleanItem({ source: 'x.txt', kind: 'text', content: BARE[0]! });
    assert.equal(a.text, BARE[0]);
    assert.equal(a.title, BARE[0]);
  });

  it('leaves an item whose container gave the title, and a full article, as the extract stage cleans them', () => {
    // A text that only repeats its container's title keeps it as its text (the extract stage: nothing is lost).
    assert.equal(cleanItem({ source: 'x', kind: 'text', content: 'Dock strike ends', hints: { title: 'Dock strike ends' } }).text, 'Dock strike ends');
    const full = cleanItem({ source: 'y.txt', kind: 'text', content: `Storm capsizes trawlers off Marlow Bay\n\n${WIRE_STORY}` });
    assert.equal(full.title, 'Storm capsizes trawlers off Marlow Bay');
    assert.notEqual(full.text, full.title);
    // A page whose lines but the first are boilerplate has no content: refused as empty, not stored as a headline.
    const junk = cleanItem({ source: 'z.txt', kind: 'text', content: 'Welcome to the Marlow Bay anglers forum\n\nCookie settings | Privacy | Terms of use\n\nShare on Facebook | Share on X' });
    assert.deepEqual([junk.title, junk.text], ['Welcome to the Marlow Bay anglers forum', '']);
  });

  it('bare headlines suggest the headline profile, titled articles the news profile', () => {
    assert.equal(suggestProfile(BARE.map((t) => cleanItem({ source: 'x', kind: 'text', content: t }))), 'headlines');
    assert.equal(suggestProfile([cleanItem({ source: 'y.txt', kind: 'text', content: `Storm capsizes trawlers off Marlow Bay\n\n${WIRE_STORY}` })]), 'news');
    assert.equal(suggestProfile([]), 'news');
  });
});

describe('sampleInputs', () => {
  it('reads ahead up to the sample size and gives back every item once, in order, each loaded once', async () => {
    const loads = new Map<string, number>();
    const error: InputItem = { type: 'error', source: 'feed.jsonl', position: 'line 2', code: 'bad-json', message: 'malformed JSON' };
    const items: InputItem[] = [doc('a', BARE[0]!, loads), error, doc('b', BARE[1]!, loads), doc('c', BARE[2]!, loads), doc('d', 'dock pay deal signed', loads)];
    const { items: all, sample } = await sampleInputs(stream(items), 2);
    assert.deepEqual(sample.map((a) => a.text), [BARE[0], BARE[1]]);
    assert.deepEqual([...loads.keys()], ['a', 'b'], 'only the sample is read ahead');
    const out = await collect(all);
    assert.deepEqual(out.map((i) => (i.type === 'doc' ? i.id : i.type)), ['a', 'error', 'b', 'c', 'd']);
    for (const item of out) if (item.type === 'doc') await item.load();
    assert.deepEqual([...loads.values()], [1, 1, 1, 1], 'a sampled item is not loaded again');
  });

  it('keeps a failed load for the ingester to report, without an unhandled rejection', async () => {
    const broken: DocItem = { type: 'doc', id: 'x', url: null, source: 'https://wire.example/x', position: null, load: async () => Promise.reject(new Error('socket hang up')) };
    const { items, sample } = await sampleInputs(stream([broken]));
    assert.equal(sample.length, 0);
    const [again] = await collect(items);
    await assert.rejects((again as DocItem).load(), /socket hang up/);
  });
});

describe('profile in the store', () => {
  it('is saved with the first article, not by a run that stores nothing, and kept by the next ingester', async () => {
    const store = newStore();
    try {
      const loads = new Map<string, number>();
      const empty = await createIngester(store, { profile: 'headlines' });
      await empty.finish();
      assert.equal(await store.loadClusterProfile(), null, 'nothing stored, nothing decided');
      const chosen = await chooseProfile(store, 'auto', stream(BARE.map((t, i) => doc(`h${i}`, t, loads))));
      assert.deepEqual([chosen.profile, chosen.sampled], ['headlines', 5]);
      const ingester = await createIngester(store, { profile: chosen.profile });
      assert.equal(ingester.profile, 'headlines');
      for await (const item of chosen.items) assert.equal(await ingester.ingest(item), 'added');
      await ingester.finish();
      assert.equal(await store.loadClusterProfile(), 'headlines');
      // The clusterer saw the headline without a title, as the profile was tuned; the store keeps it as the title too.
      assert.equal((await store.getArticle('h0'))?.title, BARE[0]);
      // A restart (replay included) uses the saved profile; asking for another one is refused.
      assert.equal((await createIngester(store)).profile, 'headlines');
      await assert.rejects(createIngester(store, { profile: 'news' }), ProfileMismatchError);
      await assert.rejects(chooseProfile(store, 'news', stream([])), /built with the 'headlines' clustering profile/);
      assert.equal((await chooseProfile(store, 'auto', stream([doc('z', `Storm capsizes trawlers off Marlow Bay\n\n${WIRE_STORY}`, loads)]))).profile, 'headlines');
      // Options given as they are bypass profiles (benches): nothing read, nothing saved.
      assert.equal((await createIngester(store, { cluster: {} })).profile, null);
    } finally {
      await store.close();
    }
  });

  it('a store that holds articles without a saved profile was built with news', async () => {
    const store = newStore();
    try {
      const custom = await createIngester(store, { cluster: {} });
      await custom.ingest(doc('w', `Storm capsizes trawlers off Marlow Bay\n\n${WIRE_STORY}`, new Map()));
      await custom.finish();
      assert.equal(await store.loadClusterProfile(), null);
      const chosen = await chooseProfile(store, 'auto', stream(BARE.map((t, i) => doc(`h${i}`, t, new Map()))));
      assert.deepEqual([chosen.profile, chosen.sampled], ['news', null]);
      await assert.rejects(createIngester(store, { profile: 'headlines' }), ProfileMismatchError);
    } finally {
      await store.close();
    }
  });

  it('the server chooses from its first request on a new store and keeps the choice after a restart', async () => {
    const store = newStore();
    try {
      const first = createStorylineService(store);
      const body = BARE.map((text, i) => JSON.stringify({ id: `api-${i}`, text })).join('\n');
      const r = await first.submit(body);
      assert.equal(r.counts.added, 5);
      await first.close();
      assert.equal(await store.loadClusterProfile(), 'headlines');
      const restarted = createStorylineService(store);
      const news = await restarted.submit(JSON.stringify({ id: 'tram', title: 'Tram line extended', text: OTHER_STORY, published: '2025-10-10' }));
      assert.equal(news.counts.added, 1);
      await restarted.close();
      assert.equal(await store.loadClusterProfile(), 'headlines');
    } finally {
      await store.close();
    }
  });
});

describe('chooseProfile: a minimum sample', () => {
  it('one or a few bare headlines are too few to choose headlines: news, the profile for any input', async () => {
    const store = newStore();
    try {
      const few = await chooseProfile(store, 'auto', stream(BARE.slice(0, MIN_PROFILE_SAMPLE - 1).map((t, i) => doc(`h${i}`, t, new Map()))));
      assert.deepEqual([few.profile, few.sampled], ['news', MIN_PROFILE_SAMPLE - 1]);
      const one = await chooseProfile(store, 'auto', stream([doc('h', BARE[0]!, new Map())]));
      assert.equal(one.profile, 'news');
      const enough = await chooseProfile(store, 'auto', stream(BARE.slice(0, MIN_PROFILE_SAMPLE).map((t, i) => doc(`h${i}`, t, new Map()))));
      assert.equal(enough.profile, 'headlines');
    } finally {
      await store.close();
    }
  });
});
