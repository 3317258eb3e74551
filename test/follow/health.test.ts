import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { applyPoll, DEFAULT_SCHEDULE, DISABLE_SCORE, enableFeed, errorWeight, feedStatus, newSubscription, type PollResult } from '../../src/follow/index.js';
import type { Subscription } from '../../src/model/index.js';

const NOW = Date.parse('2025-03-04T12:00:00Z');
const o = DEFAULT_SCHEDULE;
const middle = () => 0.5;
const fresh = (every: number | null = null) => newSubscription('https://courier.example/rss', { title: 'Elsworth Courier', everySeconds: every }, NOW, o);
const fail = (code: string, status: number | null = null): PollResult => ({ kind: 'failed', code, status, message: status ? `HTTP ${status}` : code });
const read = (stored: number, published: (string | null)[] = []): PollResult => ({ kind: 'read', status: 200, items: published.length, stored, published });

function pollTimes(sub: Subscription, results: PollResult[]): Subscription {
  let s = sub;
  let t = NOW;
  for (const r of results) {
    s = applyPoll(s, r, t, o, middle);
    t = Date.parse(s.health.nextPollAt);
  }
  return s;
}

describe('feed health', () => {
  it('a new feed is due at once and pending until polled', () => {
    const s = fresh();
    assert.equal(s.health.nextPollAt, new Date(NOW).toISOString());
    assert.equal(feedStatus(s), 'pending');
  });

  it('records a read: items, articles stored, the next poll from the publishing rate', () => {
    const dates = [new Date(NOW - 3600_000).toISOString(), new Date(NOW - 7200_000).toISOString()];
    const s = applyPoll(fresh(), read(2, dates), NOW, o, middle);
    assert.equal(s.health.lastOutcome, 'new');
    assert.equal(s.health.lastItems, 2);
    assert.equal(s.health.totalNew, 2);
    assert.equal(s.health.lastNewAt, new Date(NOW).toISOString());
    assert.equal(s.health.intervalSeconds, 3600);
    assert.equal(s.health.nextPollAt, new Date(NOW + 3600_000).toISOString());
    assert.equal(feedStatus(s), 'ok');
  });

  it('a fixed interval (--every) is kept whatever the feed publishes', () => {
    const s = applyPoll(fresh(900), read(1, [new Date(NOW - 86_400_000).toISOString()]), NOW, o, middle);
    assert.equal(s.health.nextPollAt, new Date(NOW + 900_000).toISOString());
  });

  it('weighs failures by kind: a time-out counts less than a 404, a hostile feed or 410 Gone disables at once', () => {
    assert.ok(errorWeight('timeout', null) < errorWeight('http-error', 404));
    assert.ok(errorWeight('http-error', 429) < errorWeight('http-error', 500));
    for (const [code, status] of [['entity-declaration', null], ['too-deep', null], ['http-error', 410]] as const) {
      const s = applyPoll(fresh(), fail(code, status), NOW, o, middle);
      assert.equal(feedStatus(s), 'disabled', code);
      assert.match(s.health.disabled!.reason, new RegExp(code));
    }
  });

  it('backs off on server errors, forgives them after one good poll, and disables a feed that keeps failing, with the reason', () => {
    const failing = pollTimes(fresh(), [fail('http-error', 500), fail('timeout')]);
    assert.equal(feedStatus(failing), 'failing');
    assert.equal(failing.health.failures, 2);
    const wait = (Date.parse(failing.health.nextPollAt) - Date.parse(failing.health.lastPollAt!)) / 1000;
    assert.equal(wait, o.initialSeconds * 4, 'two failures: four times the interval');
    const healed = applyPoll(failing, { kind: 'unchanged' }, NOW, o, middle);
    assert.deepEqual([healed.health.failures, healed.health.errorScore, feedStatus(healed)], [0, 0, 'ok']);
    const dead = pollTimes(fresh(), Array.from({ length: DISABLE_SCORE }, () => fail('network')));
    assert.equal(feedStatus(dead), 'disabled');
    assert.match(dead.health.disabled!.reason, /after 10 failures in a row.*network/);
    const notDeadYet = pollTimes(fresh(), Array.from({ length: DISABLE_SCORE - 1 }, () => fail('network')));
    assert.equal(feedStatus(notDeadYet), 'failing');
  });

  it('enable forgives the failures and makes the feed due now, pending until it is polled again', () => {
    const dead = applyPoll(fresh(), fail('http-error', 410), NOW, o, middle);
    const later = NOW + 86_400_000;
    const back = enableFeed(dead, later);
    assert.equal(feedStatus(back), 'pending');
    assert.deepEqual([back.health.failures, back.health.errorScore, back.health.disabled], [0, 0, null]);
    assert.equal(back.health.nextPollAt, new Date(later).toISOString());
  });
});
