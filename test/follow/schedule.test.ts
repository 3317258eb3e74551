import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_SCHEDULE, formatDuration, nextWait, parseDuration, publishingInterval, unchangedInterval } from '../../src/follow/index.js';

const NOW = Date.parse('2025-03-04T12:00:00Z');
const hoursAgo = (h: number) => new Date(NOW - h * 3600_000).toISOString();
const o = DEFAULT_SCHEDULE;

describe('schedule: how often a feed is polled', () => {
  it('polls a busy wire feed about as often as it publishes: 20 items, one every quarter hour → every ~14 minutes', () => {
    const items = Array.from({ length: 20 }, (_, i) => hoursAgo(i * 0.25));
    // The oldest item is 4 h 45 min old: 20 items in that span.
    assert.equal(publishingInterval(items, NOW, 1800, true, o), (4.75 * 3600) / 20);
  });

  it('never polls more often than the minimum, nor a quiet feed less often than the maximum', () => {
    const burst = Array.from({ length: 50 }, () => hoursAgo(0.01));
    assert.equal(publishingInterval(burst, NOW, 1800, true, o), o.minSeconds);
    assert.equal(publishingInterval([hoursAgo(24 * 6)], NOW, 1800, false, o), o.maxSeconds);
    // Every item older than the rate window: the feed is asleep.
    assert.equal(publishingInterval([hoursAgo(24 * 30), hoursAgo(24 * 40)], NOW, 1800, false, o), o.maxSeconds);
  });

  it('slows down a feed that has gone quiet: the span runs up to now, not to its newest item', () => {
    const busyYesterday = Array.from({ length: 10 }, (_, i) => hoursAgo(24 + i * 0.1));
    const busyNow = Array.from({ length: 10 }, (_, i) => hoursAgo(i * 0.1));
    assert.ok(publishingInterval(busyYesterday, NOW, 1800, false, o) > 5 * publishingInterval(busyNow, NOW, 1800, true, o));
  });

  it('counts an item dated in the future (a wrong clock) as published now', () => {
    const future = new Date(NOW + 48 * 3600_000).toISOString();
    assert.equal(publishingInterval([future, hoursAgo(1)], NOW, 1800, true, o), 1800);
  });

  it('without dates, halves the interval when something new came and grows it when nothing did', () => {
    assert.equal(publishingInterval([null, null], NOW, 3600, true, o), 1800);
    assert.equal(publishingInterval([null], NOW, 3600, false, o), 5400);
    assert.equal(unchangedInterval(3600, o), 4500);
    assert.equal(unchangedInterval(o.maxSeconds, o), o.maxSeconds);
  });

  it('backs off by doubling per failure in a row, up to a day, and moves each wait by at most the jitter', () => {
    const middle = () => 0.5;
    assert.equal(nextWait(600, 0, middle, o), 600);
    assert.equal(nextWait(600, 1, middle, o), 1200);
    assert.equal(nextWait(600, 3, middle, o), 4800);
    assert.equal(nextWait(600, 30, middle, o), o.maxBackoffSeconds);
    assert.equal(nextWait(600, 0, () => 0, o), 540);
    assert.ok(nextWait(600, 0, () => 0.999999, o) < 660);
  });
});

describe('durations', () => {
  it('reads 90s, 15m, 2h, 1d and bare seconds; refuses what is none', () => {
    assert.deepEqual(['90s', '15m', '2h', '1d', '45', ' 1.5h '].map(parseDuration), [90, 900, 7200, 86_400, 45, 5400]);
    assert.deepEqual(['', 'soon', '-5m', '0', '5 weeks'].map(parseDuration), [null, null, null, null, null]);
  });

  it('shows a duration in its two largest units', () => {
    assert.deepEqual([0, 59, 900, 9000, 90_061].map(formatDuration), ['0s', '59s', '15m', '2h30m', '1d1h']);
  });
});
