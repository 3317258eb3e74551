/**
 * The worker thread that builds stored reports (`report-builds.ts` starts it): it reads the database through
 * its own read-only connection and answers each `{ n, storylineId }` with `{ n, report }` or `{ n, error }`.
 * The writing (saving the report) stays with the thread that owns the store.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { isPostgresUrl, openPostgresStore, openSqliteStore } from '../store/index.js';
import { buildStoredReport } from './stored-report.js';

export interface BuildRequest {
  n: number;
  storylineId: string;
}

const port = parentPort;
if (!port) throw new Error('report-worker: run as a worker thread (see report-builds.ts)');
const { dbPath, builder } = workerData as { dbPath: string; builder: string };
const store = isPostgresUrl(dbPath) ? await openPostgresStore(dbPath, { readonly: true, applicationName: 'storyline report worker' }) : openSqliteStore(dbPath, { readonly: true });
port.on('message', (req: BuildRequest) => {
  buildStoredReport(store, req.storylineId, builder).then(
    (report) => port.postMessage({ n: req.n, report }),
    (err: Error) => port.postMessage({ n: req.n, error: err.stack ?? err.message }),
  );
});
