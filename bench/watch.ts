/**
 * `npm run bench -- watch`: the watcher against a loopback server of synthetic feeds (invented items,
 * served by a child process so its CPU is not counted): CPU of a poll cycle of unchanged feeds (all
 * 304), delay from a feed's due time to its new item stored in a storyline, and items lost or stored
 * twice across stops in the middle of polling. Per-host pause 0 (every feed is on 127.0.0.1).
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createWatcher, DEFAULT_SCHEDULE, newSubscription, systemClock, type Clock } from '../src/follow/index.js';
import { createFetcher } from '../src/ingest/index.js';
import { openSqliteStore, type Store } from '../src/store/index.js';
import type { BenchContext, BenchSection } from './types.js';

/** The feed server: `/f/<i>.rss` with ETags, `/publish/<i>` adds an item to feed i. Invented texts. */
const SERVER = `
const { createServer } = require('node:http');
const counts = new Map();
const PLACES = ['Port Elsworth', 'Marlow Bay', 'Brannock', 'Kessel Falls', 'Dunmere', 'Ashgrove', 'Tolvey', 'Carrow Point'];
const THINGS = ['ferry terminal', 'tram depot', 'flood barrier', 'public library', 'wind farm', 'fish market', 'bus station'];
function item(host, f, k) {
  const place = PLACES[(f + k) % PLACES.length], thing = THINGS[(f * 7 + k) % THINGS.length];
  const url = host + '/n/' + f + '/' + k;
  return '<item><title>' + place + ' approves ' + thing + ' plan ' + f + '-' + k + '</title><link>' + url + '</link><guid>' + url + '</guid><pubDate>' + new Date(Date.now() - (10 - k) * 60000).toUTCString() + '</pubDate><description>The council of ' + place + ' approved plan ' + f + '-' + k + ' for the ' + thing + ' after ' + (f % 9 + 2) + ' months of review. Work on the ' + thing + ' begins in spring and costs ' + (k + f % 50 + 3) + ' million, officials said. ' + (f % 40 + 5) + ' residents spoke at the meeting in ' + place + '.</description></item>';
}
const server = createServer((req, res) => {
  const host = 'http://' + req.headers.host;
  let m = /^\\/publish\\/(\\d+)$/.exec(req.url);
  if (m) { counts.set(+m[1], (counts.get(+m[1]) || 1) + 1); return res.end('ok'); }
  m = /^\\/f\\/(\\d+)\\.rss$/.exec(req.url);
  if (!m) { res.writeHead(404); return res.end(); }
  const f = +m[1], n = counts.get(f) || 1, etag = '"' + f + '-' + n + '"';
  if (req.headers['if-none-match'] === etag) { res.writeHead(304, { etag }); return res.end(); }
  let items = '';
  for (let k = n - 1; k >= 0; k--) items += item(host, f, k);
  res.writeHead(200, { etag, 'content-type': 'application/rss+xml' });
  res.end('<?xml version="1.0"?><rss version="2.0"><channel><title>Feed ' + f + '</title>' + items + '</channel></rss>');
});
server.listen(0, '127.0.0.1', () => process.stdout.write(String(server.address().port) + '\\n'));
`;

async function startFeedServer(): Promise<{ base: string; stop(): void }> {
  const child = spawn(process.execPath, ['-e', SERVER], { stdio: ['ignore', 'pipe', 'inherit'] });
  const port = await new Promise<string>((resolve) => child.stdout.once('data', (d) => resolve(String(d).trim())));
  return { base: `http://127.0.0.1:${port}`, stop: () => child.kill() };
}

/** The system clock moved forward at will: every feed due without waiting for it. */
function shiftedClock(): Clock & { shift(ms: number): void } {
  let offset = 0;
  return { now: () => systemClock.now() + offset, sleep: systemClock.sleep, shift: (ms) => void (offset += ms) };
}

const cpuSeconds = () => {
  const u = process.cpuUsage();
  return (u.user + u.system) / 1e6;
};

async function storedCount(store: Store): Promise<{ articles: number; unique: number }> {
  const ids = new Set<string>();
  let articles = 0;
  for await (const row of store.exportArticles()) {
    articles++;
    ids.add(row.id);
  }
  return { articles, unique: ids.size };
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const feedsN = ctx.quick ? 200 : 1000;
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bench-watch-'));
  const server = await startFeedServer();
  const store = openSqliteStore(join(dir, 'watch.db'));
  const clock = shiftedClock();
  const watcher = (s: Store = store) => createWatcher(s, { fetcher: createFetcher({ timeoutMs: 10_000 }), clock, hostGapMs: 0 });
  try {
    for (let f = 0; f < feedsN; f++) await store.saveSubscription(newSubscription(`${server.base}/f/${f}.rss`, { title: null, everySeconds: null }, clock.now(), DEFAULT_SCHEDULE));
    let cpu = cpuSeconds();
    let wall = performance.now();
    const first = await watcher().cycle();
    const firstCpu = cpuSeconds() - cpu;
    const firstWall = (performance.now() - wall) / 1000;

    clock.shift(DEFAULT_SCHEDULE.maxBackoffSeconds * 1000);
    cpu = cpuSeconds();
    wall = performance.now();
    const unchanged = await watcher().cycle();
    const unchangedCpu = cpuSeconds() - cpu;
    const unchangedWall = (performance.now() - wall) / 1000;

    // Latency: feed 0 publishes, is due in 2 s; the running watcher must store the item in a storyline.
    const url0 = `${server.base}/f/0.rss`;
    await fetch(`${server.base}/publish/0`);
    const sub0 = (await store.getSubscription(url0))!;
    const due = clock.now() + 2000;
    await store.saveSubscription({ ...sub0, health: { ...sub0.health, nextPollAt: new Date(due).toISOString() } });
    const stop = new AbortController();
    const running = watcher().run(stop.signal);
    let latency = NaN;
    for (let t = 0; t < 600; t++) {
      const a = await store.getArticle(`${server.base}/n/0/1`);
      if (a?.storylineId) {
        latency = (clock.now() - due) / 1000;
        break;
      }
      await systemClock.sleep(50);
    }
    stop.abort();
    await running;

    // Restarts: ten watchers, each stopped a random moment into a cycle of changed feeds.
    const restarts = 10;
    const changedPerRound = ctx.quick ? 20 : 50;
    let published = 0;
    let seed = 7;
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647);
    for (let r = 0; r < restarts; r++) {
      for (let k = 0; k < changedPerRound; k++) {
        await fetch(`${server.base}/publish/${(r * changedPerRound + k) % feedsN}`);
        published++;
      }
      clock.shift(DEFAULT_SCHEDULE.maxBackoffSeconds * 1000);
      const stopAt = new AbortController();
      setTimeout(() => stopAt.abort(), 50 + random() * 1500);
      const w = watcher();
      await w.cycle(stopAt.signal);
      await w.finish();
    }
    clock.shift(DEFAULT_SCHEDULE.maxBackoffSeconds * 1000);
    await watcher().cycle();
    const expected = feedsN + 1 + published;
    const stored = await storedCount(store);
    const failing = (await store.listSubscriptions()).filter((s) => s.health.failures > 0).length;

    const lines = [
      `${feedsN} synthetic RSS feeds on a loopback server (a child process), one item each at first; concurrency 8, per-host pause 0.`,
      '',
      '| measure | value | goal |',
      '|---|---|---|',
      `| first cycle: ${first.polled} feeds read, ${first.stored} articles stored | ${firstCpu.toFixed(1)} CPU-s, ${firstWall.toFixed(1)} s | — |`,
      `| cycle of ${unchanged.polled} unchanged feeds (all 304) | **${unchangedCpu.toFixed(2)} CPU-s**, ${unchangedWall.toFixed(1)} s | ≤ 1 CPU-s |`,
      `| new item: due time → stored in a storyline | **${latency.toFixed(1)} s** | ≤ 5 s |`,
      `| ${restarts} stops mid-cycle (${published} new items): lost / stored twice | **${expected - stored.unique} / ${stored.articles - stored.unique}** | 0 / 0 |`,
      `| feeds failing at the end | ${failing} | 0 |`,
    ];
    return { title: 'Watch (polling followed feeds)', markdown: lines.join('\n') };
  } finally {
    await store.close();
    server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}
