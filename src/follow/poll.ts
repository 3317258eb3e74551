/**
 * Reading one followed feed through the ingest stage's reader (`readInput`: the same parsing, item
 * ids and limits as `storyline ingest`), every request through the host gate, and what came back
 * sorted into a result. Feed state (ETag, Last-Modified) is held back: it is saved only once the
 * items are stored, so a stop in between reads the feed again in full and loses nothing.
 */
import { DEFAULT_SOURCE_LIMITS, readInput, type FetchResult, type Fetcher, type InputItem, type SourceContext } from '../ingest/index.js';
import type { FeedState } from '../store/index.js';
import type { RobotsGate } from './robots.js';

/** A feed as fetched and parsed, not yet stored. */
export interface FetchedFeed {
  url: string;
  /** The answer to the request for the feed itself (null when none was made). */
  answer: FetchResult | null;
  items: InputItem[];
  /** Validators to save once the items are stored. */
  states: FeedState[];
}

/** What reading a feed needs. */
export interface PollContext {
  /** Fetches through the host gate. */
  fetcher: Fetcher;
  robots: RobotsGate;
  getFeedState(url: string): Promise<FeedState | null>;
  /** Fetch an item's page when the feed carries only a summary (robots.txt permitting). */
  fetchLinks: boolean;
  stop?: AbortSignal;
}

/** Fetches and parses one feed; never throws for network or feed faults (they come back in `answer` and `items`). */
export async function fetchFeed(url: string, ctx: PollContext): Promise<FetchedFeed> {
  const fetched: FetchedFeed = { url, answer: null, items: [], states: [] };
  const fetcher: Fetcher = {
    fetch: async (target, validators) => {
      // A page beyond the feed is fetched only where the site's robots.txt allows it (the item's summary is kept otherwise).
      if (target !== url && !(await ctx.robots.allows(target, ctx.stop))) return { ok: false, url: target, code: 'disallowed', message: "the site's robots.txt disallows it" };
      const r = await ctx.fetcher.fetch(target, validators, ctx.stop);
      if (target === url && fetched.answer === null) fetched.answer = r;
      return r;
    },
  };
  const source: SourceContext = {
    ...DEFAULT_SOURCE_LIMITS,
    fetcher,
    getFeedState: ctx.getFeedState,
    saveFeedState: async (s) => void fetched.states.push(s),
    fetchLinks: ctx.fetchLinks,
  };
  for await (const item of readInput(url, source)) fetched.items.push(item);
  return fetched;
}

/** How a fetched feed reads before its items are stored. */
export type FetchVerdict =
  | { kind: 'read'; status: number }
  | { kind: 'unchanged' }
  | { kind: 'failed'; code: string; status: number | null; message: string }
  /** Stopped before the answer was complete: nothing is known, nothing is recorded. */
  | { kind: 'aborted' };

/** Sorts a fetched feed: an answer, a 304, or a failure of the feed as a whole. */
export function fetchVerdict(f: FetchedFeed): FetchVerdict {
  const a = f.answer;
  if (a && !a.ok) return a.code === 'aborted' ? { kind: 'aborted' } : { kind: 'failed', code: a.code, status: a.status ?? null, message: a.message };
  if (f.items.some((i) => i.type === 'unchanged' && i.source === f.url)) return { kind: 'unchanged' };
  const whole = f.items.find((i) => i.type !== 'unchanged' && i.source === f.url && i.position === null);
  // The reader takes an answer that is no feed for an article page; a subscription wants a feed.
  if (whole?.type === 'doc') return { kind: 'failed', code: 'not-a-feed', status: a?.ok ? a.status : null, message: 'the URL answers a page, not an RSS, Atom or JSON feed' };
  if (whole?.type === 'error') return { kind: 'failed', code: whole.code, status: a?.ok ? a.status : null, message: whole.message };
  if (!a) return { kind: 'failed', code: 'bad-url', status: null, message: 'no request was made for the feed' };
  return { kind: 'read', status: a.status };
}
