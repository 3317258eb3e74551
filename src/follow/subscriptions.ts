/** Making subscription records: the URL checked, the first poll due at once. */
import type { Subscription } from '../model/index.js';
import { newHealth } from './health.js';
import type { ScheduleOptions } from './schedule.js';

/** Shortest fixed interval a user may ask for (`--every`), in seconds: more often is no reader, it is load. */
export const MIN_EVERY_SECONDS = 60;

/** Longest feed URL accepted (what browsers and proxies reliably pass). */
const MAX_URL_CHARS = 2048;

/**
 * A feed URL as stored (parsed and serialised), or why it is refused: only http(s) URLs are
 * followed, never a local path (a watcher that read files would publish them).
 */
export function checkFeedUrl(raw: string): { url: string } | { error: string } {
  const given = raw.trim();
  if (given.length > MAX_URL_CHARS) return { error: `a URL of ${given.length} characters exceeds the limit of ${MAX_URL_CHARS}` };
  let url: URL;
  try {
    url = new URL(given);
  } catch {
    return { error: `'${given.slice(0, 200)}' is not a URL (feeds are followed by their http(s) URL; local files are read by storyline ingest)` };
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return { error: `'${given.slice(0, 200)}' is not an http(s) URL` };
  return { url: url.href };
}

/** A new subscription, due for its first poll at `now`. */
export function newSubscription(url: string, settings: { title: string | null; everySeconds: number | null; fullText?: boolean }, now: number, schedule: ScheduleOptions): Subscription {
  return { url, title: settings.title, everySeconds: settings.everySeconds, ...(settings.fullText ? { fullText: true } : {}), addedAt: new Date(now).toISOString(), health: newHealth(now, schedule) };
}
