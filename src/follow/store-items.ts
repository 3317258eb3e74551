/**
 * Storing what the feeds brought, through the ingest stage as `storyline ingest` does (profile,
 * dating the batch, cleaning, duplicates, grouping, re-dating storylines), one feed at a time and
 * only while holding the store's writer lock. The ingester is kept between feeds and built again
 * when another writer has stored articles meanwhile, as the server does.
 */
import { chooseProfile, createIngester, isStored, type DocItem, type Ingester, type InputItem } from '../ingest/index.js';
import { predateInputs } from '../pipeline/predate.js';
import { refineStoredDates } from '../pipeline/refine-dates.js';
import type { Store, WriterHolder, WriterLock } from '../store/index.js';
import type { Clock } from './clock.js';
import type { FetchedFeed } from './poll.js';

/** Claims the writer lock now, or says who holds it (a PostgreSQL store asks its server: a promise). */
export type ClaimWrites = () => WriterLock | WriterHolder | Promise<WriterLock | WriterHolder>;

export interface ItemStore {
  /**
   * Stores a feed's new items and then its validators. Resolves to the articles stored, or null when
   * stopped before all were (the validators are then not saved: the next poll reads the feed in full).
   */
  store(feed: FetchedFeed, stop?: AbortSignal): Promise<number | null>;
  /** Saves the clusterer snapshot if this process wrote last; call once, when stopping. */
  finish(): Promise<void>;
}

/** Pause between two tries for a writer lock another process holds. */
const LOCK_RETRY_MS = 250;

async function* listed<T>(items: readonly T[]): AsyncGenerator<T> {
  yield* items;
}

export function createItemStore(store: Store, claimWrites: ClaimWrites | null, clock: Clock, onWait: (holder: WriterHolder) => void = () => {}): ItemStore {
  let ingester: Ingester | null = null;
  /** The store's last arrival sequence when this process last wrote: another writer moves it. */
  let seenSeq = -1;
  /** One feed stored at a time: the clusterer is one state, placed article by article. */
  let queue: Promise<unknown> = Promise.resolve();

  /** The writer lock, waiting while another process holds it; null when stopped first. */
  async function claim(stop?: AbortSignal): Promise<WriterLock | { release(): void } | null> {
    if (!claimWrites) return { release() {} };
    let told = false;
    for (;;) {
      const got = await claimWrites();
      if ('release' in got) return got;
      if (!told) onWait(got);
      told = true;
      if (stop?.aborted) return null;
      await clock.sleep(LOCK_RETRY_MS, stop);
    }
  }

  async function storeFeed(feed: FetchedFeed, stop?: AbortSignal): Promise<number | null> {
    for (const e of feed.items) if (e.type === 'error') await store.recordError({ source: e.source, position: e.position, code: e.code, message: e.message });
    // Items stored before are the common case of a feed read again: they need no lock and no clusterer.
    const fresh: DocItem[] = [];
    for (const i of feed.items) if (i.type === 'doc' && !(await isStored(store, i.id, i.url))) fresh.push(i);
    let stored = 0;
    if (fresh.length > 0) {
      const lock = await claim(stop);
      if (!lock) return null;
      try {
        if (ingester && (await store.lastSeq()) !== seenSeq) ingester = null;
        let items: AsyncIterable<InputItem> = listed(fresh);
        if (!ingester) {
          const chosen = await chooseProfile(store, 'auto', items);
          items = chosen.items;
          ingester = await createIngester(store, { profile: chosen.profile });
        }
        for await (const item of predateInputs(items, async (x) => isStored(store, x.id, x.url))) {
          if (stop?.aborted) break;
          const outcome = await ingester.ingest(item);
          if (outcome === 'added' || outcome === 'duplicate') stored++;
        }
        await refineStoredDates(store, ingester.looselyDated);
        ingester.looselyDated.clear();
        await store.flush();
        seenSeq = await store.lastSeq();
      } finally {
        lock.release();
      }
      if (stop?.aborted) return null;
    }
    for (const s of feed.states) await store.saveFeedState(s);
    return stored;
  }

  return {
    store(feed, stop) {
      const run = () => storeFeed(feed, stop);
      const result = queue.then(run, run);
      queue = result.catch(() => undefined);
      return result;
    },
    async finish() {
      await queue;
      if (!ingester) return;
      const lock = (await claimWrites?.()) ?? { release() {} };
      // Another writer holds the store: it replays what this one stored, as after a crash.
      if (!('release' in lock)) return;
      try {
        if ((await store.lastSeq()) === seenSeq) await ingester.finish();
      } finally {
        lock.release();
      }
    },
  };
}
