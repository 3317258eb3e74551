/**
 * Load on the HTTP server: requests/s and latency percentiles of stored reports, storyline pages and the
 * search API, measured with autocannon on loopback over a database of at least 10k articles (the shared
 * ECB+ and Timeline17 texts cycled into a JSON lines stream, ingested once and cached in .bench-tmp/);
 * and /health while the report worker builds a large storyline.
 */
import { spawn } from 'node:child_process';
import { Agent, request } from 'node:http';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
import Database from 'better-sqlite3';
import { workerReportBuilds } from '../src/pipeline/report-builds.js';
import { startServer } from '../src/server/index.js';
import { openSqliteStore } from '../src/store/index.js';
import { ingestRun, loadEcbTexts, loadTimeline17Texts, writeSyntheticStream } from './eval/ingest.js';
import type { BenchContext, BenchSection } from './types.js';

const ROOT = resolve(import.meta.dirname, '..');
const TMP = join(ROOT, '.bench-tmp');
/** Articles in the load database: the issue asks for at least 10k. */
const BENCH_ARTICLES = 10_500;
/** Seconds each autocannon run lasts (short: the machine is shared). */
const RUN_SECONDS = 8;
const QUICK_SECONDS = 3;
/** Concurrent connections: a handful of readers, as a small newsroom would have. */
const CONNECTIONS = 8;

/** Builds (once) and returns the path of the load database; a marker file says the build finished. */
export async function benchDatabase(shared: string, articles = BENCH_ARTICLES): Promise<string> {
  mkdirSync(TMP, { recursive: true });
  const db = join(TMP, `server-${articles}.db`);
  const done = `${db}.done`;
  if (existsSync(db) && existsSync(done)) return db;
  for (const f of [db, `${db}-wal`, `${db}-shm`, done]) rmSync(f, { force: true });
  const stream = join(TMP, `server-${articles}.jsonl`);
  writeSyntheticStream([...loadEcbTexts(shared), ...loadTimeline17Texts(shared)], articles, stream);
  const run = await ingestRun(stream, db, articles);
  rmSync(stream, { force: true });
  writeFileSync(done, JSON.stringify({ articles: run.articles, counts: run.counts, seconds: run.seconds }));
  return db;
}

interface Load {
  label: string;
  path: string;
  requests: number;
  rps: number;
  p50: number;
  p99: number;
  non2xx: number;
}

async function load(url: string, label: string, path: string, seconds: number, connections = CONNECTIONS): Promise<Load & { max: number }> {
  const result = await autocannon({ url: url + path.slice(1), connections, duration: seconds });
  return { label, path, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, max: result.latency.max, non2xx: result.non2xx + result.errors };
}

/**
 * Load from `connections` keep-alive clients that discard each body unread: autocannon inflates a gzipped body
 * and parses every byte, so on a 5.9 MB report it measured its own work (tried: the same bytes from a bare
 * server were as slow as from ours).
 */
async function discardingLoad(url: string, label: string, path: string, seconds: number, headers: Record<string, string>): Promise<Load & { max: number }> {
  const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const latencies: number[] = [];
  let non2xx = 0;
  const until = performance.now() + seconds * 1000;
  const one = () =>
    new Promise<void>((done, fail) => {
      const t0 = performance.now();
      request(url + path.slice(1), { agent, headers }, (res) => {
        if ((res.statusCode ?? 0) >= 300) non2xx++;
        res.resume();
        res.on('end', () => {
          latencies.push(performance.now() - t0);
          done();
        });
      })
        .on('error', fail)
        .end();
    });
  await Promise.all(Array.from({ length: CONNECTIONS }, async () => {
    while (performance.now() < until) await one();
  }));
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!);
  return { label, path, requests: latencies.length, rps: latencies.length / seconds, p50: at(0.5), p99: at(0.99), max: at(1), non2xx };
}

/** Asks for a storyline's report until it is stored (202 while the worker builds it); returns the seconds it took. */
async function untilBuilt(url: string, id: string): Promise<number> {
  const t0 = performance.now();
  for (;;) {
    const r = await fetch(`${url}api/storylines/${encodeURIComponent(id)}`);
    await r.arrayBuffer();
    if (r.status === 200) return (performance.now() - t0) / 1000;
    if (r.status !== 202) throw new Error(`report of ${id}: HTTP ${r.status}`);
    await new Promise((done) => setTimeout(done, 250));
  }
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const db = await benchDatabase(ctx.shared);
  // Opened for writing: migrates an older bench database; the reports stored by an earlier run are dropped, so
  // the first build below is measured every time.
  const store = openSqliteStore(db);
  const counts = await store.counts();
  const lines = (await store.listStorylines()).items;
  await store.close();
  const raw = new Database(db);
  raw.exec('DELETE FROM reports');
  raw.close();
  const bySize = [...lines].sort((a, b) => b.articleCount - a.articleCount);
  // The largest storyline: the heaviest page a reader can open; the second largest is built while /health is measured.
  const biggest = bySize[0]!;
  const second = bySize[1]!;
  const typical = bySize[Math.floor(lines.length / 2)]!;
  // The server runs in a process of its own, so the load generator does not share its event loop.
  const server = await serverProcess(db);
  const seconds = ctx.quick ? QUICK_SECONDS : RUN_SECONDS;
  const results: (Load & { max: number })[] = [];
  try {
    // Built once in the report worker and stored; every figure below is the stored report (the design).
    const coldSeconds = await untilBuilt(server.url, biggest.id);
    await untilBuilt(server.url, typical.id);
    const reportPath = `/api/storylines/${encodeURIComponent(biggest.id)}`;
    const gzip = { 'accept-encoding': 'gzip' };
    const plain = await fetch(server.url + reportPath.slice(1), { headers: { 'accept-encoding': 'identity' } }).then((r) => r.arrayBuffer());
    // The gzipped copy is made once, off the request thread, after the first request that accepts it.
    const encoding = async () => {
      const r = await fetch(server.url + reportPath.slice(1), { headers: gzip });
      await r.arrayBuffer();
      return r.headers.get('content-encoding');
    };
    while ((await encoding()) !== 'gzip') await new Promise((done) => setTimeout(done, 100));
    results.push(await discardingLoad(server.url, `stored report JSON, largest (${biggest.articleCount} articles, ${(plain.byteLength / 2 ** 20).toFixed(1)} MiB), gzip ¹`, reportPath, seconds, gzip));
    results.push(await discardingLoad(server.url, `the same, not compressed ¹`, reportPath, seconds, {}));
    results.push(await load(server.url, `storyline page, largest (${biggest.articleCount} articles)`, `/storylines/${encodeURIComponent(biggest.id)}`, seconds));
    results.push(await load(server.url, `storyline page, median (${typical.articleCount} articles)`, `/storylines/${encodeURIComponent(typical.id)}`, seconds));
    results.push(await load(server.url, 'search API, one word', '/api/search?q=police', seconds));
    results.push(await load(server.url, 'search API, two words', '/api/search?q=earthquake+injured', seconds));
    results.push(await load(server.url, 'storylines API, first page', '/api/storylines?limit=20', seconds));
    // /health from one client while the worker builds the second-largest storyline's report.
    const asked = await fetch(`${server.url}api/storylines/${encodeURIComponent(second.id)}`);
    await asked.arrayBuffer();
    const health = await load(server.url, `/health while the report of ${second.articleCount} articles builds`, '/health', seconds, 1);
    const stillBuilding = (await fetch(`${server.url}api/storylines/${encodeURIComponent(second.id)}`)).status === 202;
    const rows = results.map((r) => `| ${r.label} | \`${r.path.length > 40 ? `${r.path.slice(0, 40)}…` : r.path}\` | ${r.requests} | **${r.rps.toFixed(0)}** | ${r.p50} | **${r.p99}** | ${r.non2xx} |`);
    return {
      title: 'Server: requests per second and latency (autocannon, loopback)',
      markdown: [
        `Database: ${counts.articles.toLocaleString('en')} articles (${counts.duplicates} duplicates), ${counts.storylines.toLocaleString('en')} storylines, ${(statSync(db).size / 2 ** 20).toFixed(0)} MiB — the shared ECB+ and Timeline17 texts cycled (see the ingest section), built once into \`.bench-tmp/\`.`,
        `Each row: ${CONNECTIONS} connections for ${seconds} s against the server (one Node process, the same app as \`storyline serve\`, reports built in its worker thread) on 127.0.0.1; autocannon runs in another process on the same 2 cores.`,
        '',
        '| request | path | requests | requests/s | p50 (ms) | p99 (ms) | non-2xx |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `¹ Measured by ${CONNECTIONS} keep-alive Node clients that discard the body unread (autocannon inflates and parses megabytes per response: it measured itself).`,
        '',
        `Reports are stored (table \`reports\`, with the storyline version they describe) and served as stored; a stale or missing one is built in the server's worker thread, one at a time, while the server answers with the stale report (marked) or 202. The first report of the largest storyline (${biggest.articleCount} articles) took ${coldSeconds.toFixed(1)} s from the first request to the stored report (worker build, the compare and timeline stages).`,
        `While the worker built the report of the second-largest storyline (${second.articleCount} articles${stillBuilding ? ', still building at the end' : ', finished within the run'}), /health from one client: ${health.requests} requests, p50 ${health.p50} ms, p99 ${health.p99} ms, max ${health.max} ms.`,
      ].join('\n'),
    };
  } finally {
    await server.close();
  }
}

/** Starts `startServer` over the database in a child process; resolves with its URL. */
async function serverProcess(db: string): Promise<{ url: string; close(): Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--serve-child', db], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout! });
  const url = await new Promise<string>((resolveUrl, reject) => {
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code}`)));
    lines.on('line', (l) => {
      if (/^http:/.test(l)) resolveUrl(l.trim());
    });
  });
  return {
    url,
    close: () =>
      new Promise<void>((done) => {
        child.removeAllListeners('exit');
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

// Child mode: serve the database until told to stop, reports built in a worker thread as `storyline serve` does.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--serve-child') {
  const store = openSqliteStore(process.argv[3]!);
  const server = await startServer({ store, host: '127.0.0.1', port: 0, service: { reportBuilds: workerReportBuilds(process.argv[3]!) } });
  console.log(server.url);
  process.once('SIGTERM', () => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  });
}
