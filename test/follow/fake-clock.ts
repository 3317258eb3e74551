/** A clock for scheduling tests: time moves only when the test (or a sleep) moves it; nothing really waits. */
import type { Clock } from '../../src/follow/index.js';

export interface FakeClock extends Clock {
  advance(ms: number): void;
  /** Sleeps asked for, in ms, in order. */
  sleeps: number[];
}

export function fakeClock(start = Date.parse('2025-03-04T10:00:00Z')): FakeClock {
  let now = start;
  const sleeps: number[] = [];
  return {
    now: () => now,
    async sleep(ms, stop) {
      sleeps.push(ms);
      if (!stop?.aborted) now += Math.max(0, ms);
    },
    advance(ms) {
      now += ms;
    },
    sleeps,
  };
}
