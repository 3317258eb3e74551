/**
 * Load on the HTTP server: requests/s and latency percentiles of a storyline page and of the search
 * API, measured with autocannon on loopback over a database of at least 10k articles (the shared
 * ECB+ and Timeline17 texts cycled into a JSON lines stream, ingested once and cached in .bench-tmp/).
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import autocannon from 'autocannon';
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

async function load(url: string, label: string, path: string, seconds: number): Promise<Load> {
  const result = await autocannon({ url: url + path.slice(1), connections: CONNECTIONS, duration: seconds });
  return { label, path, requests: result.requests.total, rps: result.requests.average, p50: result.latency.p50, p99: result.latency.p99, non2xx: result.non2xx + result.errors };
}

export async function run(ctx: BenchContext): Promise<BenchSection> {
  const db = await benchDatabase(ctx.shared);
  const store = openSqliteStore(db, { readonly: true });
  const counts = await store.counts();
  const lines = (await store.listStorylines()).items;
  // The largest storyline: the heaviest page a reader can open.
  const biggest = [...lines].sort((a, b) => b.articleCount - a.articleCount)[0]!;
  const typical = [...lines].sort((a, b) => a.articleCount - b.articleCount)[Math.floor(lines.length / 2)]!;
  // The server runs in a process of its own, so the load generator does not share its event loop.
  const server = await serverProcess(db);
  const seconds = ctx.quick ? QUICK_SECONDS : RUN_SECONDS;
  const results: Load[] = [];
  try {
    // One request first, so the figures below are the cached page (the cache is part of the design).
    const t0 = performance.now();
    await fetch(`${server.url}storylines/${encodeURIComponent(biggest.id)}`).then((r) => r.text());
    const coldMs = performance.now() - t0;
    await fetch(`${server.url}storylines/${encodeURIComponent(typical.id)}`).then((r) => r.text());
    results.push(await load(server.url, `storyline page, largest (${biggest.articleCount} articles)`, `/storylines/${encodeURIComponent(biggest.id)}`, seconds));
    results.push(await load(server.url, `storyline page, median (${typical.articleCount} articles)`, `/storylines/${encodeURIComponent(typical.id)}`, seconds));
    results.push(await load(server.url, 'search API, one word', '/api/search?q=police', seconds));
    results.push(await load(server.url, 'search API, two words', '/api/search?q=earthquake+injured', seconds));
    results.push(await load(server.url, 'storylines API, first page', '/api/storylines?limit=20', seconds));
    const rows = results.map((r) => `| ${r.label} | \`${r.path.length > 40 ? `${r.path.slice(0, 40)}…` : r.path}\` | ${r.requests} | **${r.rps.toFixed(0)}** | ${r.p50} | **${r.p99}** | ${r.non2xx} |`);
    return {
      title: 'Server: requests per second and latency (autocannon, loopback)',
      markdown: [
        `Database: ${counts.articles.toLocaleString('en')} articles (${counts.duplicates} duplicates), ${counts.storylines.toLocaleString('en')} storylines, ${(statSync(db).size / 2 ** 20).toFixed(0)} MiB — the shared ECB+ and Timeline17 texts cycled (see the ingest section), built once into \`.bench-tmp/\`.`,
        `Each row: ${CONNECTIONS} connections for ${seconds} s against the server (one Node process, the same app as \`storyline serve\`) on 127.0.0.1; autocannon runs in another process on the same 2 cores.`,
        '',
        '| request | path | requests | requests/s | p50 (ms) | p99 (ms) | non-2xx |',
        '|---|---|---|---|---|---|---|',
        ...rows,
        '',
        `Storyline pages come from two caches (the report, and the rendered page), each checked against the storyline's key (article count, date range, event ids — read from the storyline list, which is itself re-read once per store change): a new article invalidates only the storyline it joins (a merge, both). Without them every request would rebuild the report: the first (uncached) build of the largest storyline's page took ${coldMs.toFixed(0)} ms (the compare and timeline stages over ${biggest.articleCount} articles); the median one is cached after its first request too.`,
      ].join('\n'),
    };
  } finally {
    await server.close();
    await store.close();
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

// Child mode: serve the database read-only until told to stop.
if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--serve-child') {
  const store = openSqliteStore(process.argv[3]!, { readonly: true });
  const server = await startServer({ store, host: '127.0.0.1', port: 0 });
  console.log(server.url);
  process.once('SIGTERM', () => {
    void server.close().then(() => store.close()).then(() => process.exit(0));
  });
}
