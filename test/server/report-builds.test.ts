/**
 * Reports built off the request thread: the server answers 202, then the stored report; a storyline that
 * changed is served stale (marked) while the worker rebuilds it; and /health answers within 100 ms while a
 * 1,000-article storyline builds. Articles are invented and stored directly (the grouping is not under test).
 */
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { workerReportBuilds } from '../../src/pipeline/report-builds.js';
import { startServer, type RunningServer } from '../../src/server/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';
import { storedArticle } from '../store/store-suite.js';

const OUTLETS = ['Elsworth Courier', 'Harbour Gazette', 'Northcoast Times', 'Quayside Post', 'The Island Record', 'Ferry Line News', 'Coastal Daily', 'Port Weekly'];
const PEOPLE = ['Mara Lind', 'Tobin Hale', 'Ines Varga', 'Oskar Brenn', 'Petra Solm', 'Jonas Arvid', 'Lea Montag', 'Ruben Kask'];
const ROLES = ['the harbour master', 'the transport minister', 'a union spokesman', 'the mayor of Port Elsworth', 'the contractor', 'a ferry captain'];
const THINGS = ['the breakwater', 'the north quay', 'the ticket hall', 'the car deck ramps', 'the fuel depot', 'the night crossings', 'the island bus link', 'the dredging work'];
const VERBS = ['delayed', 'approved', 'criticised', 'inspected', 'funded', 'redesigned', 'postponed', 'defended'];
const DAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday'];
const MONTHS = ['March', 'April', 'May', 'June', 'July', 'August'];

/** A seeded pick, so every run stores the same articles. */
function picker(seed: number) {
  let x = seed * 2654435761 + 1;
  return <T>(list: readonly T[]): T => {
    x = (x * 1103515245 + 12345) % 2 ** 31;
    return list[x % list.length]!;
  };
}

/** An invented report (about 15 sentences) on a long-running ferry-terminal story: wording, figures and people vary. */
function ferryArticle(i: number, storyline: string, event: string) {
  const pick = picker(i);
  const published = `2025-${String(3 + (i % 6)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`;
  const person = pick(PEOPLE);
  const sentences = [
    `The harbour authority of Port Elsworth said on ${pick(DAYS)} that ${20 + (i % 17)} ferries would use the new terminal once it opens.`,
    `Councillor ${person} said the terminal would cost ${40 + (i % 9)} million crowns, ${i % 3 ? 'more' : 'less'} than the board had planned.`,
    `"We cannot wait another winter for ${pick(THINGS)}," ${person} told reporters at the harbour.`,
  ];
  for (let k = 0; k < 12; k++) {
    sentences.push(`${pick(ROLES).replace(/^./, (c) => c.toUpperCase())} ${pick(VERBS)} ${pick(THINGS)} in ${pick(MONTHS)}, ${pick(PEOPLE)} said, and ${2 + ((i + k) % 30)} workers were moved to ${pick(THINGS)}.`);
  }
  sentences.push(`Island residents will pay ${10 + (i % 5)} percent less for crossings from next year.`);
  const title = `Ferry terminal: ${person} on costs (${i})`;
  return { article: storedArticle({ id: `ferry-${i}`, title, text: sentences.join(' '), published, outlet: OUTLETS[i % OUTLETS.length]!, contentHash: `ferry-${i}` }), bandKeys: [], event: { id: event, storylineId: storyline, title, date: published }, merges: [] };
}

async function waitFor<T>(what: string, probe: () => Promise<T | null>, timeoutMs: number): Promise<T> {
  const until = Date.now() + timeoutMs;
  for (;;) {
    const got = await probe();
    if (got !== null) return got;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

describe('reports built in a worker thread', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-report-builds-'));
  const path = join(dir, 'reports.db');
  let store: Store;
  let server: RunningServer;

  before(async () => {
    store = openSqliteStore(path);
    for (let i = 0; i < 3; i++) await store.saveArticle(ferryArticle(i, 'small', 'small-e'));
    for (let i = 3; i < 1003; i++) await store.saveArticle(ferryArticle(i, 'big', `big-e${i % 40}`));
    await store.flush();
    server = await startServer({ store, port: 0, log: () => {}, service: { reportBuilds: workerReportBuilds(path, { debounceMs: 20 }), staleCheckMs: 100 } });
  });
  after(async () => {
    await server.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => fetch(new URL(path.slice(1), server.url));

  it('answers 202 until the first report is stored, then the stored report; a changed storyline is served stale while it is rebuilt', async () => {
    const first = await get('/api/storylines/small');
    assert.equal(first.status, 202);
    assert.ok(first.headers.get('retry-after'), 'the client is told when to come back');
    assert.equal(((await first.json()) as { status: string }).status, 'building');
    const page = await get('/storylines/small');
    assert.equal(page.status, 202);
    assert.match(await page.text(), /http-equiv="refresh"/, 'the page reloads itself');

    const fresh = await waitFor('the first report', async () => {
      const r = await get('/api/storylines/small');
      return r.status === 200 ? ((await r.json()) as { id: string; stale?: boolean; articles: { id: string }[] }) : null;
    }, 60_000);
    assert.equal(fresh.id, 'small');
    assert.equal(fresh.stale, undefined);
    assert.equal(fresh.articles.length, 3);
    assert.equal((await store.getReport('small'))?.version, await store.storylineVersion('small'), 'the report is stored with the version it describes');
    // Gzipped once it is ready (compressed off the request thread); the same bytes once decoded.
    const plain = await (await fetch(new URL('api/storylines/small', server.url), { headers: { 'Accept-Encoding': 'identity' } })).text();
    const zipped = await waitFor('the gzipped report', async () => {
      const r = await get('/api/storylines/small');
      return r.headers.get('content-encoding') === 'gzip' ? r.text() : null;
    }, 10_000);
    assert.equal(zipped, plain);

    // Another writer adds an article: the stored report is served at once, marked stale, until the new one is in.
    await store.saveArticle(ferryArticle(2000, 'small', 'small-e'));
    await store.flush();
    const stale = await get('/api/storylines/small');
    assert.equal(stale.status, 200);
    const staleBody = (await stale.json()) as { stale?: boolean; articles: unknown[] };
    assert.equal(staleBody.stale, true);
    assert.equal(staleBody.articles.length, 3, 'the stale report is the stored one, unchanged');
    assert.match(await (await get('/storylines/small')).text(), /changed since this report was made/);
    const rebuilt = await waitFor('the rebuilt report', async () => {
      const body = (await (await get('/api/storylines/small')).json()) as { stale?: boolean; articles: unknown[] };
      return body.stale ? null : body;
    }, 60_000);
    assert.equal(rebuilt.articles.length, 4);

    // Written by another process and asked for by nobody: the server notices and rebuilds the stored report itself.
    await store.saveArticle(ferryArticle(2001, 'small', 'small-e'));
    await store.flush();
    const current = (await store.storylineVersion('small'))!;
    await waitFor('the report rebuilt without a request', async () => ((await store.getReport('small'))?.version === current ? true : null), 60_000);
    assert.equal(JSON.parse((await store.getReport('small'))!.json).articles.length, 5);
  });

  it('/health answers within 100 ms while a 1,000-article storyline is built', async () => {
    assert.equal((await get('/api/storylines/big')).status, 202);
    // Let the worker start on it (past the debounce, its code loaded).
    await new Promise((r) => setTimeout(r, 500));
    const latencies: number[] = [];
    for (let i = 0; i < 30; i++) {
      const t0 = performance.now();
      const r = await get('/health');
      await r.json();
      latencies.push(performance.now() - t0);
      assert.equal(r.status, 200);
      await new Promise((r) => setTimeout(r, 50));
    }
    // The measure only counts if the build was still running throughout.
    assert.equal((await get('/api/storylines/big')).status, 202, 'the 1,000-article report was still being built');
    const worst = Math.max(...latencies);
    console.log(`/health while a 1,000-article report builds: ${latencies.length} requests, median ${latencies.sort((a, b) => a - b)[latencies.length >> 1]!.toFixed(1)} ms, worst ${worst.toFixed(1)} ms`);
    assert.ok(worst < 100, `every /health answer within 100 ms (worst ${worst.toFixed(1)} ms)`);
  });
});
