/**
 * Time as the watcher sees it: read and waited for through one interface, so scheduling is tested
 * on a clock the test moves, without sleeping.
 */
export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
  /** Resolves after `ms`, or at once when `stop` is (or becomes) aborted. */
  sleep(ms: number, stop?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => Date.now(),
  sleep: (ms, stop) =>
    new Promise((resolve) => {
      if (stop?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        stop?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, Math.max(0, ms));
      stop?.addEventListener('abort', done, { once: true });
    }),
};
