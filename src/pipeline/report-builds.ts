/**
 * Where stored reports get built. A server builds them in one worker thread (`workerReportBuilds`), one at
 * a time, so a large storyline's build never holds up other requests; a store in memory (tests) or a
 * one-shot command builds on its own thread (`inlineReportBuilds`).
 */
import { Worker } from 'node:worker_threads';
import type { Store, StoredReport } from '../store/index.js';
import type { BuildRequest } from './report-worker.js';
import { buildStoredReport, reportBuilder } from './stored-report.js';

export interface ReportBuilds {
  /** True when builds run off this thread: a caller answers from what is stored instead of waiting. */
  readonly background: boolean;
  /**
   * The report of a storyline (by its current id) built from its `version` or a later one; null when the
   * storyline is gone. Asking again while a build for that version is queued or running joins it.
   */
  build(storylineId: string, version: number): Promise<StoredReport | null>;
  /** Stops building (queued builds are refused, a running one is dropped). */
  close(): Promise<void>;
}

/** Builds on the calling thread, when asked. */
export function inlineReportBuilds(store: Store): ReportBuilds {
  return { background: false, build: (id) => buildStoredReport(store, id), close: async () => {} };
}

/**
 * How long a queued build waits for the storyline to stop changing: writes to one storyline come in bursts
 * (the items of one POST, a feed poll), and each raises its version. Not tuned: about one POST of a few
 * articles; a reader waiting for a first build waits this much longer.
 */
export const DEFAULT_DEBOUNCE_MS = 200;

interface Job {
  storylineId: string;
  version: number;
  /** When the build may start (ms since the epoch). */
  due: number;
  promise: Promise<StoredReport | null>;
  resolve(report: StoredReport | null): void;
  reject(err: Error): void;
}

type Reply = { n: number; report: StoredReport | null } | { n: number; error: string };

/**
 * The worker thread, from the built `.js` file, or from the `.ts` source under tsx (tests, benches): a worker
 * does not inherit tsx's loader hooks, so it registers them before importing the source.
 */
function startReportWorker(dbPath: string): Worker {
  // Reports are labelled with this thread's fingerprint of the code: the one that judges them fresh.
  const workerData = { dbPath, builder: reportBuilder() };
  const fromSource = import.meta.url.endsWith('.ts');
  const entry = new URL(`./report-worker.${fromSource ? 'ts' : 'js'}`, import.meta.url);
  if (!fromSource) return new Worker(entry, { workerData });
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const bootstrap = `import(${tsx}).then((t) => { t.register(); return import(${JSON.stringify(entry.href)}); })`;
  return new Worker(bootstrap, { eval: true, workerData });
}

/** Builds in one worker thread reading the database at `dbPath`, one storyline at a time, in the order asked. */
export function workerReportBuilds(dbPath: string, options: { debounceMs?: number } = {}): ReportBuilds {
  const debounceMs = options.debounceMs ?? DEFAULT_DEBOUNCE_MS;
  const queued = new Map<string, Job>();
  const replies = new Map<number, (reply: Reply) => void>();
  let running: Job | null = null;
  let worker: Worker | null = null;
  let timer: NodeJS.Timeout | null = null;
  let sent = 0;
  let closed = false;

  /** A dead worker fails the build it was doing; the next build starts a new one. */
  const lost = (w: Worker, why: string) => {
    if (worker !== w) return;
    worker = null;
    for (const [n, reply] of replies) reply({ n, error: why });
    replies.clear();
  };

  function send(job: Job): Promise<StoredReport | null> {
    if (!worker) {
      const w = startReportWorker(dbPath);
      w.on('message', (reply: Reply) => {
        replies.get(reply.n)?.(reply);
        replies.delete(reply.n);
      });
      w.on('error', (err) => lost(w, err.stack ?? err.message));
      w.on('exit', (code) => lost(w, `the report worker exited (${code})`));
      worker = w;
    }
    const n = ++sent;
    const w = worker;
    return new Promise((resolve, reject) => {
      replies.set(n, (reply) => ('error' in reply ? reject(new Error(`report of ${job.storylineId}: ${reply.error}`)) : resolve(reply.report)));
      w.postMessage({ n, storylineId: job.storylineId } satisfies BuildRequest);
    });
  }

  /** Starts the next due build when none runs. */
  function pump(): void {
    if (running || closed || timer) return;
    let next: Job | null = null;
    for (const job of queued.values()) if (!next || job.due < next.due) next = job;
    if (!next) return;
    const wait = next.due - Date.now();
    if (wait > 0) {
      timer = setTimeout(() => {
        timer = null;
        pump();
      }, wait);
      return;
    }
    const job = next;
    queued.delete(job.storylineId);
    running = job;
    send(job)
      .then(job.resolve, job.reject)
      .finally(() => {
        running = null;
        pump();
      });
  }

  return {
    background: true,
    build(storylineId, version) {
      if (closed) return Promise.reject(new Error('report builds are closed'));
      if (running?.storylineId === storylineId && running.version >= version) return running.promise;
      const waiting = queued.get(storylineId);
      if (waiting) {
        // A newer version waits for the storyline to settle again; asking again for the same one does not delay it.
        if (version > waiting.version) Object.assign(waiting, { version, due: Date.now() + debounceMs });
        return waiting.promise;
      }
      let resolve!: Job['resolve'];
      let reject!: Job['reject'];
      const promise = new Promise<StoredReport | null>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      queued.set(storylineId, { storylineId, version, due: Date.now() + debounceMs, promise, resolve, reject });
      pump();
      return promise;
    },
    async close() {
      closed = true;
      if (timer) clearTimeout(timer);
      for (const job of queued.values()) job.reject(new Error('report builds are closed'));
      queued.clear();
      const w = worker;
      if (!w) return;
      lost(w, 'report builds are closed');
      await w.terminate();
    },
  };
}
