/**
 * The watcher: polls every followed feed when it is due, a few at a time, stores what is new, and
 * records each feed's health and next poll. Subscriptions are read from the store at every cycle,
 * so feeds added or enabled meanwhile (by another process) are picked up, and a restarted watcher
 * resumes each feed's schedule where it was.
 */
import type { Fetcher } from '../ingest/index.js';
import type { Subscription } from '../model/index.js';
import { describeHolder, type Store, type WriterHolder } from '../store/index.js';
import { systemClock, type Clock } from './clock.js';
import { applyPoll, type PollResult } from './health.js';
import { fetchFeed, fetchVerdict, type FetchedFeed } from './poll.js';
import { createHostGate } from './politeness.js';
import { createRobotsGate } from './robots.js';
import { DEFAULT_SCHEDULE, type ScheduleOptions } from './schedule.js';
import { createItemStore, type ClaimWrites } from './store-items.js';

export interface WatchOptions {
  fetcher: Fetcher;
  schedule: ScheduleOptions;
  clock: Clock;
  /** [0, 1), for the jitter. */
  random: () => number;
  /** Feeds fetched at the same time. */
  concurrency: number;
  /** Pause between two requests to one host, in ms. */
  hostGapMs: number;
  /** The store's writer lock, claimed while new items are stored (null: nobody else writes to the store). */
  claimWrites: ClaimWrites | null;
  /** Longest sleep between two cycles, in ms, so that feeds subscribed meanwhile are polled soon. */
  idleMs: number;
  /** Told about each poll and each wait for the writer lock. */
  log: (line: string) => void;
}

/**
 * Eight feeds at a time: fetching is waiting on the network, and eight keep a cycle of a thousand
 * unchanged feeds short while staying gentle; one second between requests to one host.
 */
export const DEFAULT_WATCH_OPTIONS: Omit<WatchOptions, 'fetcher'> = {
  schedule: DEFAULT_SCHEDULE,
  clock: systemClock,
  random: Math.random,
  concurrency: 8,
  hostGapMs: 1000,
  claimWrites: null,
  idleMs: 30_000,
  log: () => {},
};

/** What one cycle did. */
export interface CycleReport {
  polled: number;
  /** Articles stored. */
  stored: number;
  unchanged: number;
  failed: number;
  /** URLs of feeds disabled in this cycle. */
  disabled: string[];
}

export interface Watcher {
  /** Polls every enabled feed that is due now, once. */
  cycle(stop?: AbortSignal): Promise<CycleReport>;
  /** Polls until `stop` is aborted, then saves the clusterer state (see {@link Watcher.finish}). */
  run(stop: AbortSignal): Promise<void>;
  /** Waits for the feed being stored and saves the clusterer snapshot; call once, at the end. */
  finish(): Promise<void>;
}

function isDue(s: Subscription, now: number): boolean {
  return !s.health.disabled && Date.parse(s.health.nextPollAt) <= now;
}

/** Runs `task` on every element, at most `limit` at a time. */
async function eachLimited<T>(items: readonly T[], limit: number, task: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await task(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}

/** A subscription added without a title takes its feed's own title (`<title>`) when a poll reads one. */
function withLearnedTitle(sub: Subscription, fetched: FetchedFeed): Subscription {
  if (sub.title) return sub;
  const [title] = fetched.items.flatMap((i) => (i.type === 'doc' && i.feedTitle ? [i.feedTitle] : []));
  return title ? { ...sub, title } : sub;
}

export function createWatcher(store: Store, options: Partial<WatchOptions> & { fetcher: Fetcher }): Watcher {
  const o: WatchOptions = { ...DEFAULT_WATCH_OPTIONS, ...options };
  const gate = createHostGate(o.hostGapMs, o.clock);
  const fetcher: Fetcher = { fetch: (url, validators, stop) => gate.run(url, () => o.fetcher.fetch(url, validators, stop), stop) };
  const robots = createRobotsGate(fetcher, o.clock);
  const onWait = (h: WriterHolder) => o.log(`waiting: another writer (${describeHolder(h)}) holds the store; new items are stored when it is done`);
  const items = createItemStore(store, o.claimWrites, o.clock, onWait);

  /** Polls one feed and records its health; nothing is recorded when stopped midway. */
  async function poll(sub: Subscription, report: CycleReport, stop?: AbortSignal): Promise<void> {
    const fetched = await fetchFeed(sub.url, { fetcher, robots, getFeedState: (u) => store.getFeedState(u), fetchLinks: sub.fullText === true, stop });
    const verdict = fetchVerdict(fetched);
    if (verdict.kind === 'aborted' || stop?.aborted) return;
    let result: PollResult;
    if (verdict.kind === 'read') {
      const stored = await items.store(fetched, stop);
      if (stored === null) return;
      const published = fetched.items.flatMap((i) => (i.type === 'doc' ? [i.published ?? null] : []));
      result = { kind: 'read', status: verdict.status, items: published.length, stored, published };
    } else {
      if (verdict.kind === 'unchanged') await items.store(fetched, stop);
      else await store.recordError({ source: sub.url, position: null, code: verdict.code, message: verdict.message });
      result = verdict;
    }
    // Read again: the user may have changed or removed the subscription while it was polled.
    const current = await store.getSubscription(sub.url);
    if (!current) return;
    const updated = withLearnedTitle(applyPoll(current, result, o.clock.now(), o.schedule, o.random), fetched);
    await store.saveSubscription(updated);
    report.polled++;
    if (result.kind === 'read') report.stored += result.stored;
    if (result.kind === 'unchanged' || (result.kind === 'read' && result.stored === 0)) report.unchanged++;
    if (result.kind === 'failed') {
      report.failed++;
      o.log(`${sub.url}: ${result.code}${result.status ? ` ${result.status}` : ''}: ${result.message}`);
    } else if (result.kind === 'read' && result.stored > 0) {
      o.log(`${sub.url}: ${result.stored} new article${result.stored === 1 ? '' : 's'}`);
    }
    if (updated.health.disabled) {
      report.disabled.push(sub.url);
      o.log(`${sub.url}: ${updated.health.disabled.reason}; storyline enable ${sub.url} polls it again`);
    }
  }

  async function cycle(stop?: AbortSignal): Promise<CycleReport> {
    const report: CycleReport = { polled: 0, stored: 0, unchanged: 0, failed: 0, disabled: [] };
    const now = o.clock.now();
    // Most overdue first: after a long stop, feeds come back in the order they fell due.
    const due = (await store.listSubscriptions()).filter((s) => isDue(s, now)).sort((a, b) => a.health.nextPollAt.localeCompare(b.health.nextPollAt));
    await eachLimited(due, o.concurrency, async (s) => {
      if (stop?.aborted) return;
      try {
        await poll(s, report, stop);
      } catch (err) {
        // The store refused a write (busy beyond its timeout, disk full): this feed is polled again next cycle, the others go on.
        report.failed++;
        o.log(`${s.url}: not recorded, polled again next cycle: ${(err as Error).message}`);
      }
    });
    await store.flush();
    return report;
  }

  /** Milliseconds until the next feed is due, within [0, idleMs]. */
  async function untilNextDue(): Promise<number> {
    const now = o.clock.now();
    let soonest = now + o.idleMs;
    for (const s of await store.listSubscriptions()) if (!s.health.disabled) soonest = Math.min(soonest, Date.parse(s.health.nextPollAt));
    return Math.max(0, soonest - now);
  }

  return {
    cycle,
    async run(stop) {
      while (!stop.aborted) {
        try {
          await cycle(stop);
        } catch (err) {
          // A store that cannot commit now (busy, full) may later: the feeds not recorded are still due.
          o.log(`a poll cycle failed, retried: ${(err as Error).message}`);
        }
        if (stop.aborted) break;
        // At least a tenth of a second: a feed due again at once (a clock step) does not spin the loop.
        await o.clock.sleep(Math.max(100, await untilNextDue()), stop);
      }
      await items.finish();
    },
    finish: () => items.finish(),
  };
}
