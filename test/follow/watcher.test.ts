import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, afterEach, beforeEach, describe, it } from 'node:test';
import { createWatcher, DEFAULT_SCHEDULE, feedStatus, newSubscription, type WatchOptions } from '../../src/follow/index.js';
import { createFetcher } from '../../src/ingest/index.js';
import { openSqliteStore, type Store, type WriterHolder, type WriterLock } from '../../src/store/index.js';
import { fakeClock, type FakeClock } from './fake-clock.js';
import { itemText, startFeedServer, type FeedServer } from './feed-server.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-watch-'));
after(() => rmSync(dir, { recursive: true, force: true }));
let n = 0;

const START = Date.parse('2025-03-04T10:00:00Z');
const minutesAgo = (clock: FakeClock, m: number) => new Date(clock.now() - m * 60_000).toISOString();

let feeds: FeedServer;
let store: Store;
let clock: FakeClock;

beforeEach(async () => {
  feeds = await startFeedServer();
  store = openSqliteStore(join(dir, `w${++n}.db`));
  clock = fakeClock(START);
});
afterEach(async () => {
  await store.close();
  await feeds.close();
});

function watcher(over: Partial<WatchOptions> = {}) {
  return createWatcher(store, { fetcher: createFetcher({ timeoutMs: 2000 }), clock, random: () => 0.5, hostGapMs: 0, ...over });
}

async function subscribe(path: string, every: number | null = null): Promise<string> {
  const url = feeds.url(path);
  await store.saveSubscription(newSubscription(url, { title: null, everySeconds: every }, clock.now(), DEFAULT_SCHEDULE));
  return url;
}

/** Moves the clock to the moment every feed is due. */
async function untilAllDue(): Promise<void> {
  const last = Math.max(...(await store.listSubscriptions()).map((s) => Date.parse(s.health.nextPollAt)));
  if (last > clock.now()) clock.advance(last - clock.now());
}

/** Ids of the stored articles, each once. */
async function storedIds(): Promise<string[]> {
  const ids: string[] = [];
  for await (const row of store.exportArticles()) ids.push(row.id);
  return ids.sort();
}

describe('watch: polling followed feeds', () => {
  it('stores new items once, polls again only when due, and an unchanged feed costs a 304', async () => {
    feeds.publish(minutesAgo(clock, 90));
    feeds.publish(minutesAgo(clock, 30));
    const url = await subscribe('/wire.rss');
    const w = watcher();
    assert.deepEqual(await w.cycle(), { polled: 1, stored: 2, unchanged: 0, failed: 0, disabled: [] });
    assert.deepEqual(await w.cycle(), { polled: 0, stored: 0, unchanged: 0, failed: 0, disabled: [] }, 'not due yet');
    const first = (await store.getSubscription(url))!;
    assert.equal(first.health.lastItems, 2);
    // Two items over 90 minutes: one every 45 minutes.
    assert.equal(first.health.intervalSeconds, 45 * 60);
    await untilAllDue();
    assert.equal((await w.cycle()).unchanged, 1);
    assert.deepEqual(feeds.wireRequests, [null, '"w2"']);
    assert.equal((await store.getSubscription(url))!.health.lastStatus, 304);
    feeds.publish(minutesAgo(clock, 1));
    await untilAllDue();
    assert.equal((await w.cycle()).stored, 1);
    await w.finish();
    const ids = await storedIds();
    assert.deepEqual(ids, [0, 1, 2].map((i) => feeds.url(`/news/${i}`)).sort());
    const h = (await store.getSubscription(url))!.health;
    assert.deepEqual([h.totalNew, h.lastNew, h.lastItems, h.lastOutcome, feedStatus((await store.getSubscription(url))!)], [3, 1, 3, 'new', 'ok']);
    // The articles are grouped as ingest groups them: each in an event of a storyline.
    for (const id of ids) assert.ok((await store.getArticle(id))?.storylineId, id);
  });

  it("learns a feed's title from its <title> when subscribed without one, and keeps a title the user gave", async () => {
    feeds.publish(minutesAgo(clock, 30));
    const url = await subscribe('/wire.rss');
    await watcher().cycle();
    assert.equal((await store.getSubscription(url))!.title, 'Regional Wire');
    const named = feeds.url('/wire.rss?named');
    await store.saveSubscription(newSubscription(named, { title: 'My wire', everySeconds: null }, clock.now(), DEFAULT_SCHEDULE));
    await untilAllDue();
    await watcher().cycle();
    assert.equal((await store.getSubscription(named))!.title, 'My wire');
  });

  it('backs off a feed answering 500, forgives it when it recovers, and logs the failure in the error log', async () => {
    feeds.answers.set('/flaky.rss', { status: 500, body: 'overloaded' });
    const url = await subscribe('/flaky.rss');
    const w = watcher();
    assert.equal((await w.cycle()).failed, 1);
    const once = (await store.getSubscription(url))!;
    assert.deepEqual([feedStatus(once), once.health.failures, once.health.lastError?.status], ['failing', 1, 500]);
    const waited = Date.parse(once.health.nextPollAt) - clock.now();
    assert.equal(waited, 2 * DEFAULT_SCHEDULE.initialSeconds * 1000);
    assert.ok((await store.listErrors()).some((e) => e.source === url && e.code === 'http-error'));
    feeds.answers.set('/flaky.rss', { status: 200, body: '<rss version="2.0"><channel><title>Flaky</title></channel></rss>' });
    await untilAllDue();
    await w.cycle();
    const back = (await store.getSubscription(url))!;
    assert.deepEqual([feedStatus(back), back.health.failures, back.health.errorScore], ['ok', 0, 0]);
  });

  it('disables a hostile feed and a gone one at once, a dead one after repeated failures, with the reason, and keeps polling the healthy one', async () => {
    feeds.answers.set('/hostile.rss', { status: 200, body: '<?xml version="1.0"?><!DOCTYPE rss [<!ENTITY lol "lol">]><rss><channel><item><title>&lol;</title></item></channel></rss>' });
    feeds.answers.set('/gone.rss', { status: 410, body: '' });
    feeds.answers.set('/missing.rss', { status: 404, body: '' });
    feeds.publish(minutesAgo(clock, 5));
    const [hostile, gone, missing, wire] = [await subscribe('/hostile.rss'), await subscribe('/gone.rss'), await subscribe('/missing.rss'), await subscribe('/wire.rss')];
    const w = watcher();
    const first = await w.cycle();
    assert.deepEqual(first.disabled.sort(), [gone, hostile].sort());
    assert.match((await store.getSubscription(hostile))!.health.disabled!.reason, /entity-declaration/);
    assert.match((await store.getSubscription(gone))!.health.disabled!.reason, /410/);
    for (let i = 0; i < 6; i++) {
      await untilAllDue();
      await w.cycle();
    }
    const dead = (await store.getSubscription(missing))!;
    assert.equal(feedStatus(dead), 'disabled');
    assert.match(dead.health.disabled!.reason, /4 failures in a row.*404/);
    assert.equal(feedStatus((await store.getSubscription(wire))!), 'ok');
  });

  it('times out a feed that stalls, and calls a page that is no feed a failure', async () => {
    feeds.answers.set('/slow.rss', 'stall');
    feeds.answers.set('/page.html', { status: 200, body: '<!doctype html><html><head><title>Home</title></head><body><p>Welcome to the regional wire.</p></body></html>' });
    const slow = await subscribe('/slow.rss');
    const page = await subscribe('/page.html');
    const w = watcher({ fetcher: createFetcher({ timeoutMs: 300 }) });
    assert.equal((await w.cycle()).failed, 2);
    assert.equal((await store.getSubscription(slow))!.health.lastError?.code, 'timeout');
    assert.equal((await store.getSubscription(page))!.health.lastError?.code, 'not-a-feed');
    assert.equal((await store.counts()).articles, 0);
  });

  it('refuses a feed larger than the size limit', async () => {
    feeds.answers.set('/huge.rss', { status: 200, body: `<rss version="2.0"><channel><title>${'x'.repeat(50_000)}</title></channel></rss>` });
    const huge = await subscribe('/huge.rss');
    await watcher({ fetcher: createFetcher({ timeoutMs: 2000, maxBytes: 10_000 }) }).cycle();
    assert.equal((await store.getSubscription(huge))!.health.lastError?.code, 'too-large');
  });

  it('loses nothing and stores nothing twice when stopped in the middle, ten times over', async () => {
    for (let i = 0; i < 6; i++) feeds.publish(minutesAgo(clock, 60 - i));
    const url = await subscribe('/wire.rss', 300);
    for (let restart = 0; restart < 10; restart++) {
      // A new watcher each time, as after a restart; stopped after a few articles are stored.
      const stop = new AbortController();
      let saves = 0;
      const stopping: Store = Object.create(store, {
        saveArticle: {
          value: async (input: Parameters<Store['saveArticle']>[0]) => {
            const seq = await store.saveArticle(input);
            if (++saves === 1 + (restart % 3)) stop.abort();
            return seq;
          },
        },
      });
      const w = createWatcher(stopping, { fetcher: createFetcher({ timeoutMs: 2000 }), clock, random: () => 0.5, hostGapMs: 0 });
      await w.cycle(stop.signal);
      await w.finish();
      // The first stop came after one article of six: the rest were left for the next run.
      if (restart === 0) assert.equal((await store.counts()).articles, 1);
      for (let k = 0; k < 2; k++) feeds.publish(minutesAgo(clock, 0));
      clock.advance(301_000);
    }
    // One uninterrupted poll at the end stores whatever the stops left.
    await watcher().cycle();
    const ids = await storedIds();
    assert.equal(ids.length, feeds.items.length);
    assert.deepEqual(ids, feeds.items.map((it) => feeds.url(`/news/${it.n}`)).sort());
    assert.equal((await store.counts()).articles, feeds.items.length, 'no article twice');
    assert.ok((await store.getSubscription(url))!.health.totalNew <= feeds.items.length);
  });

  it('stores new items only while holding the writer lock: waits for another writer, gives up cleanly when stopped', async () => {
    feeds.publish(minutesAgo(clock, 10));
    const url = await subscribe('/wire.rss');
    const other: WriterHolder = { pid: 4242, role: 'storyline ingest', host: 'localhost', since: new Date(START).toISOString() };
    let busy = 3;
    let held = 0;
    const claimWrites = (): WriterLock | WriterHolder => {
      if (busy-- > 0) return other;
      held++;
      return { path: 'test.writer', release: () => void held-- };
    };
    const waits: string[] = [];
    const w = watcher({ claimWrites, log: (line) => waits.push(line) });
    assert.equal((await w.cycle()).stored, 1);
    assert.equal(held, 0, 'released after storing');
    assert.equal(clock.sleeps.filter((ms) => ms === 250).length, 3, 'waited three times for the other writer');
    assert.ok(waits.some((l) => /another writer \(pid 4242, storyline ingest/.test(l)));

    // Stopped while the other writer still holds the store: nothing stored, nothing recorded, the feed read again next time.
    feeds.publish(minutesAgo(clock, 1));
    await untilAllDue();
    const before = (await store.getSubscription(url))!;
    const stop = new AbortController();
    const stopped = watcher({ claimWrites: () => (stop.abort(), other) });
    assert.equal((await stopped.cycle(stop.signal)).polled, 0);
    assert.deepEqual(await store.getSubscription(url), before);
    assert.equal((await store.counts()).articles, 1);
    assert.equal((await store.getFeedState(url))?.etag, '"w1"', 'the validators of the unstored answer were not saved');
  });

  it('a write the store refuses loses that feed\'s poll only: the others are recorded, it stays due', async () => {
    feeds.publish(minutesAgo(clock, 10));
    feeds.answers.set('/other.rss', { status: 200, body: '<rss version="2.0"><channel><title>Other</title></channel></rss>' });
    const wire = await subscribe('/wire.rss');
    const other = await subscribe('/other.rss');
    const lines: string[] = [];
    const refusing: Store = Object.create(store, {
      saveSubscription: {
        value: async (sub: Parameters<Store['saveSubscription']>[0]) => {
          if (sub.url === other) throw new Error('database is locked');
          return store.saveSubscription(sub);
        },
      },
    });
    const report = await createWatcher(refusing, { fetcher: createFetcher({ timeoutMs: 2000 }), clock, random: () => 0.5, hostGapMs: 0, log: (l) => lines.push(l) }).cycle();
    assert.deepEqual([report.polled, report.stored, report.failed], [1, 1, 1]);
    assert.ok(lines.some((l) => l.includes(other) && /not recorded.*database is locked/.test(l)));
    assert.equal(feedStatus((await store.getSubscription(wire))!), 'ok');
    assert.equal((await store.getSubscription(other))!.health.nextPollAt, new Date(START).toISOString(), 'still due');
  });

  it('fetches the page of a teaser item for a full-text feed where robots.txt allows it, and keeps the summary where it does not', async () => {
    const page = (title: string) =>
      `<!doctype html><html><head><title>${title}</title></head><body><nav><a href="/">Home</a></nav><article><h1>${title}</h1>${[0, 1, 2, 3].map((i) => `<p>${itemText(40 + i + title.length)}</p>`).join('')}</article></body></html>`;
    feeds.answers.set('/robots.txt', { status: 200, body: 'User-agent: *\nDisallow: /private/\n' });
    feeds.answers.set('/pages/open', { status: 200, body: page('Harbour wall plan approved') });
    feeds.answers.set('/private/closed', { status: 200, body: page('Wind farm plan approved') });
    const item = (path: string, title: string) => `<item><title>${title}</title><link>${feeds.url(path)}</link><guid>${feeds.url(path)}</guid><description>Councils approved two plans on Monday.</description></item>`;
    feeds.answers.set('/teaser.rss', { status: 200, body: `<rss version="2.0"><channel><title>Teasers</title>${item('/pages/open', 'Harbour wall plan approved')}${item('/private/closed', 'Wind farm plan approved')}</channel></rss>` });
    const url = feeds.url('/teaser.rss');
    await store.saveSubscription(newSubscription(url, { title: null, everySeconds: null, fullText: true }, clock.now(), DEFAULT_SCHEDULE));
    assert.equal((await watcher().cycle()).stored, 2);
    const open = await store.getArticle(feeds.url('/pages/open'));
    const closed = await store.getArticle(feeds.url('/private/closed'));
    assert.ok(open!.text.length > 600, 'the page gave the full article');
    assert.match(closed!.text, /Councils approved two plans on Monday/);
    assert.ok(closed!.text.length < 200, 'the summary was kept');
    const asked = feeds.server.log.map((r) => r.path);
    assert.deepEqual(asked.filter((p) => p === '/robots.txt').length, 1);
    assert.ok(!asked.includes('/private/closed'), 'the disallowed page was never requested');
  });

  it('runs until stopped, sleeping until the next feed is due', async () => {
    feeds.publish(minutesAgo(clock, 10));
    await subscribe('/wire.rss', 600);
    const stop = new AbortController();
    let cycles = 0;
    const counting: Store = Object.create(store, {
      listSubscriptions: {
        value: async () => {
          if (++cycles > 6) stop.abort();
          return store.listSubscriptions();
        },
      },
    });
    await createWatcher(counting, { fetcher: createFetcher({ timeoutMs: 2000 }), clock, random: () => 0.5, hostGapMs: 0, idleMs: 3_600_000 }).run(stop.signal);
    // Each cycle reads the list twice (due feeds, then the next due time); the sleeps are the feed's 10 minutes.
    assert.ok(clock.sleeps.length >= 2);
    assert.ok(clock.sleeps.every((ms) => ms === 600_000), JSON.stringify(clock.sleeps));
    assert.equal(feeds.wireRequests.length, 3);
  });
});
