/**
 * A feed's health after a poll: counts, the error score (failures in a row weighted by kind), the
 * feed disabled when the score reaches its threshold, and the next poll time.
 */
import type { FeedHealth, PollError, Subscription } from '../model/index.js';
import { nextWait, publishingInterval, unchangedInterval, type ScheduleOptions } from './schedule.js';

/** What one poll of a feed came to. */
export type PollResult =
  /** The feed was read: its items, how many were stored, their publication dates. */
  | { kind: 'read'; status: number; items: number; stored: number; published: (string | null)[] }
  /** 304 Not Modified. */
  | { kind: 'unchanged' }
  | { kind: 'failed'; code: string; status: number | null; message: string };

/** Error score at which a feed is disabled. */
export const DISABLE_SCORE = 10;

/**
 * How much one failure counts towards {@link DISABLE_SCORE}, by kind. A fault that may pass (a
 * time-out, a server error, a refused connection) counts 1: ten in a row, over days of back-off, before
 * the feed is dropped. What the publisher says is permanent (410 Gone), or a feed built to harm (an
 * entity declaration, a nesting bomb, a URL that is none) disables at once. The rest lie between.
 */
export function errorWeight(code: string, status: number | null): number {
  if (code === 'http-error' && status !== null) {
    if (status === 410) return DISABLE_SCORE;
    // Too many requests: we were too fast, not the feed broken; the back-off answers it.
    if (status === 429) return 0.5;
    if (status === 404 || status === 401 || status === 403) return 3;
    return 1;
  }
  switch (code) {
    case 'timeout':
    case 'network':
      return 1;
    case 'bad-feed':
    case 'not-a-feed':
    case 'too-large':
    case 'too-many-items':
      return 3;
    case 'too-many-redirects':
    case 'redirect-loop':
      return 5;
    case 'entity-declaration':
    case 'too-deep':
    case 'bad-url':
      return DISABLE_SCORE;
    default:
      return 2;
  }
}

/** The health of a feed not polled yet: due at `now`. */
export function newHealth(now: number, o: ScheduleOptions): FeedHealth {
  return {
    lastPollAt: null,
    lastOutcome: null,
    lastStatus: null,
    lastItems: null,
    lastNew: 0,
    lastNewAt: null,
    totalNew: 0,
    failures: 0,
    errorScore: 0,
    lastError: null,
    intervalSeconds: o.initialSeconds,
    nextPollAt: new Date(now).toISOString(),
    disabled: null,
  };
}

/** How a failure reads in the reason a feed was disabled. */
function describeError(e: PollError): string {
  return `${e.code}${e.status ? ` ${e.status}` : ''}: ${e.message}`;
}

/**
 * The subscription after a poll at `now`. `random` ([0, 1)) moves the next poll by the jitter.
 * @example applyPoll(sub, { kind: 'failed', code: 'http-error', status: 410, message: 'HTTP 410' }, Date.now(), DEFAULT_SCHEDULE, Math.random).health.disabled // → { at, reason: 'disabled after 1 failure in a row …' }
 */
export function applyPoll(sub: Subscription, result: PollResult, now: number, o: ScheduleOptions, random: () => number): Subscription {
  const at = new Date(now).toISOString();
  const h: FeedHealth = { ...sub.health, lastPollAt: at, lastNew: 0 };
  if (result.kind === 'failed') {
    h.lastOutcome = 'error';
    h.lastStatus = result.status;
    h.failures++;
    h.errorScore += errorWeight(result.code, result.status);
    h.lastError = { at, code: result.code, status: result.status, message: result.message };
    if (h.errorScore >= DISABLE_SCORE) {
      h.disabled = { at, reason: `disabled after ${h.failures} failure${h.failures === 1 ? '' : 's'} in a row (error score ${h.errorScore} of ${DISABLE_SCORE}); last: ${describeError(h.lastError)}` };
    }
  } else {
    h.failures = 0;
    h.errorScore = 0;
    if (result.kind === 'unchanged') {
      h.lastOutcome = 'unchanged';
      h.lastStatus = 304;
      if (sub.everySeconds === null) h.intervalSeconds = unchangedInterval(h.intervalSeconds, o);
    } else {
      h.lastOutcome = result.stored > 0 ? 'new' : 'unchanged';
      h.lastStatus = result.status;
      h.lastItems = result.items;
      h.lastNew = result.stored;
      h.totalNew += result.stored;
      if (result.stored > 0) h.lastNewAt = at;
      if (sub.everySeconds === null) h.intervalSeconds = publishingInterval(result.published, now, h.intervalSeconds, result.stored > 0, o);
    }
  }
  const interval = sub.everySeconds ?? h.intervalSeconds;
  h.nextPollAt = new Date(now + nextWait(interval, h.failures, random, o) * 1000).toISOString();
  return { ...sub, health: h };
}

/** A disabled feed polled again from now, its failures forgiven. */
export function enableFeed(sub: Subscription, now: number): Subscription {
  return { ...sub, health: { ...sub.health, disabled: null, failures: 0, errorScore: 0, nextPollAt: new Date(now).toISOString() } };
}

/** A feed's state in one word, as lists show it: not polled yet (or since enabled again), healthy, failing (still polled), or disabled. */
export type FeedStatus = 'pending' | 'ok' | 'failing' | 'disabled';

export function feedStatus(sub: Subscription): FeedStatus {
  const h = sub.health;
  if (h.disabled) return 'disabled';
  if (h.failures > 0) return 'failing';
  return h.lastPollAt && h.lastOutcome !== 'error' ? 'ok' : 'pending';
}
