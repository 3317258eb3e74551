/**
 * Per-host politeness: one request at a time to a host, and a pause between the start of one and
 * the next (reason: a few hundred feeds often live on a handful of hosts; hitting one host with
 * all of them at once is how a reader gets blocked).
 */
import type { Clock } from './clock.js';

export interface HostGate {
  /** Runs `task` when the host of `url` is free and its pause has passed. */
  run<T>(url: string, task: () => Promise<T>, stop?: AbortSignal): Promise<T>;
}

/** The host a URL is polite to (an unreadable URL is its own host: its fetch fails at once). */
function hostOf(url: string): string {
  try {
    return new URL(url).host.toLowerCase();
  } catch {
    return url;
  }
}

/** A gate with `gapMs` between request starts to one host. Hosts are remembered (at most one entry per followed host). */
export function createHostGate(gapMs: number, clock: Clock): HostGate {
  const hosts = new Map<string, { tail: Promise<void>; lastStart: number }>();
  return {
    run(url, task, stop) {
      const host = hostOf(url);
      let entry = hosts.get(host);
      if (!entry) hosts.set(host, (entry = { tail: Promise.resolve(), lastStart: -Infinity }));
      const slot = entry;
      const turn = slot.tail.then(async () => {
        const wait = slot.lastStart + gapMs - clock.now();
        if (wait > 0) await clock.sleep(wait, stop);
        slot.lastStart = clock.now();
        return task();
      });
      // The next request to the host waits for this one to settle, whatever it came to.
      slot.tail = turn.then(
        () => undefined,
        () => undefined,
      );
      return turn;
    },
  };
}
