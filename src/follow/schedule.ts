/**
 * When to poll a feed next: as often as it publishes, within bounds, backing off after failures,
 * with jitter so that feeds subscribed together do not stay in step.
 */

export interface ScheduleOptions {
  /** Shortest time between two polls of one feed, in seconds. */
  minSeconds: number;
  /** Longest time between two polls of a healthy feed, in seconds. */
  maxSeconds: number;
  /** Interval of a feed polled for the first time, until its items say how often it publishes. */
  initialSeconds: number;
  /** Longest wait after failures, in seconds. */
  maxBackoffSeconds: number;
  /** Share of each wait added or taken away at random (0.1: ±10 %). */
  jitter: number;
  /** How far back item dates are read to measure a feed's publishing rate, in seconds. */
  rateWindowSeconds: number;
}

/**
 * Policy, not tuned on data: 5 minutes is the least a newsroom monitor needs and what most
 * publishers tolerate; 4 hours keeps a quiet feed within a working morning; a failing feed is
 * retried at least daily, so a site down for a weekend comes back by itself.
 */
export const DEFAULT_SCHEDULE: ScheduleOptions = {
  minSeconds: 5 * 60,
  maxSeconds: 4 * 3600,
  initialSeconds: 30 * 60,
  maxBackoffSeconds: 24 * 3600,
  jitter: 0.1,
  rateWindowSeconds: 7 * 86_400,
};

/** Growth of the interval when a poll finds nothing new and the items carry no dates to measure by. */
const QUIET_GROWTH = 1.5;
/** Growth of the interval when the feed answered 304 Not Modified: nothing new, and nothing to measure. */
const UNCHANGED_GROWTH = 1.25;

/** Whole seconds within the bounds. */
function clamp(seconds: number, o: ScheduleOptions): number {
  return Math.round(Math.min(o.maxSeconds, Math.max(o.minSeconds, seconds)));
}

/**
 * The interval a feed's items suggest: the mean gap between its items dated within the rate window,
 * counted from the oldest of them up to now (reason: a feed shows only its latest items, so their
 * own span measures the rate; counting up to now slows a feed that has gone quiet). Without dated
 * items, the previous interval halves when the poll found something new and grows when it did not.
 * @example publishingInterval(['2025-03-04T10:00:00Z', '2025-03-04T11:00:00Z'], Date.parse('2025-03-04T12:00:00Z'), 1800, true, DEFAULT_SCHEDULE) // → 3600
 */
export function publishingInterval(published: readonly (string | null)[], now: number, previous: number, foundNew: boolean, o: ScheduleOptions): number {
  const since = now - o.rateWindowSeconds * 1000;
  // An item dated in the future (a wrong clock, a time zone slip) counts as published now.
  const times = published.flatMap((p) => {
    const t = p ? Date.parse(p) : NaN;
    return Number.isFinite(t) && t >= since ? [Math.min(t, now)] : [];
  });
  if (times.length > 0) {
    const span = (now - Math.min(...times)) / 1000;
    return clamp(Math.max(span, 1) / times.length, o);
  }
  if (published.some((p) => p && Number.isFinite(Date.parse(p)))) return o.maxSeconds;
  return clamp(foundNew ? previous / 2 : previous * QUIET_GROWTH, o);
}

/** The interval after a 304 Not Modified. */
export function unchangedInterval(previous: number, o: ScheduleOptions): number {
  return clamp(previous * UNCHANGED_GROWTH, o);
}

/**
 * Seconds to wait before the next poll: the interval, doubled for every failure in a row (up to
 * the back-off bound), moved by the jitter. `random` returns a number in [0, 1).
 * @example nextWait(600, 2, () => 0.5, DEFAULT_SCHEDULE) // → 2400
 */
export function nextWait(interval: number, failures: number, random: () => number, o: ScheduleOptions): number {
  const base = failures > 0 ? Math.min(interval * 2 ** Math.min(failures, 20), Math.max(o.maxBackoffSeconds, interval)) : interval;
  return Math.max(1, base * (1 + o.jitter * (2 * random() - 1)));
}
