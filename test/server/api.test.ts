import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openApiDocument } from '../../src/server/index.js';
import { demoFixture, hostileArticle, HOSTILE_ID, type Fixture } from './helpers.js';

const enc = encodeURIComponent;

async function json(f: Fixture, path: string, init?: RequestInit): Promise<{ status: number; body: any; res: Response }> {
  const res = await f.app.app.request(path, init);
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    // Pages and feeds are not JSON.
  }
  return { status: res.status, body, res };
}

/** A refused request: the status, a JSON error with a code and a readable message. */
function assertError(r: { status: number; body: any }, status: number, code?: string): void {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(typeof r.body?.error?.message, 'string');
  assert.ok(r.body.error.message.length > 5);
  if (code) assert.equal(r.body.error.code, code);
}

describe('server API over the demo corpus', () => {
  let f: Fixture;
  before(async () => {
    f = await demoFixture({ maxBodyBytes: 64 * 1024 });
  });
  after(async () => {
    await f.close();
  });

  test('GET /health answers ok with counts', async () => {
    const r = await json(f, '/health');
    assert.equal(r.status, 200);
    assert.equal(r.body.status, 'ok');
    assert.equal(r.body.counts.articles, 12);
  });

  test('every route of the app is in the OpenAPI document, with its method', async () => {
    const r = await json(f, '/openapi.json');
    assert.equal(r.status, 200);
    assert.match(r.body.openapi, /^3\./);
    const routes = f.app.app.routes.filter((x) => x.method !== 'ALL');
    assert.ok(routes.length >= 14);
    for (const route of routes) {
      const path = route.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}');
      assert.ok(r.body.paths[path], `route ${route.method} ${route.path} is missing from /openapi.json`);
      assert.ok(r.body.paths[path][route.method.toLowerCase()], `method ${route.method} of ${path} is missing`);
    }
    // And nothing documented that the app does not serve.
    const served = new Set(routes.map((x) => `${x.method.toLowerCase()} ${x.path.replace(/:(\w+)(\{[^}]*\})?/g, '{$1}')}`));
    for (const [path, ops] of Object.entries(openApiDocument('0').paths as Record<string, object>)) {
      for (const m of Object.keys(ops)) assert.ok(served.has(`${m} ${path}`), `${m} ${path} is documented but not served`);
    }
  });

  test('GET /api/storylines lists the most active first, pages, and filters', async () => {
    const all = await json(f, '/api/storylines');
    assert.equal(all.status, 200);
    // Three storylines: the bridge, the summit and the quake (the German quake report joins the English ones).
    assert.equal(all.body.total, 3);
    const last = all.body.items.map((s: { lastDate: string }) => s.lastDate);
    assert.deepEqual(last, [...last].sort().reverse());
    const page = await json(f, '/api/storylines?limit=1&offset=1');
    assert.equal(page.body.items.length, 1);
    assert.equal(page.body.items[0].id, all.body.items[1].id);
    assert.equal(page.body.next, '/api/storylines?limit=1&offset=2');
    const byOutlet = await json(f, `/api/storylines?outlet=${enc('coastline daily')}`);
    assert.deepEqual(byOutlet.body.items.map((s: { title: string }) => /Bridge|earthquake/i.test(s.title)), [true, true]);
    assert.equal(byOutlet.body.total, 2);
    const inApril = await json(f, '/api/storylines?from=2025-04-20&to=2025-04');
    assert.ok(inApril.body.items.every((s: { lastDate: string }) => s.lastDate >= '2025-04-20'));
    assert.ok(inApril.body.items.some((s: { title: string }) => /earthquake/i.test(s.title)));
    const vell = await json(f, `/api/storylines?entity=${enc('Idris Vell')}`);
    assert.equal(vell.body.total, 1);
    assert.match(vell.body.items[0].title, /Bridge/);
    const byArticles = await json(f, '/api/storylines?sort=articles');
    assert.equal(byArticles.body.items[0].articleCount, 5);
  });

  test('bad listing parameters are 400 with a message naming the parameter', async () => {
    for (const q of ['limit=abc', 'limit=0', 'limit=1000', 'offset=-1', 'from=yesterday', 'to=2025-13', 'sort=random', 'from=2025-05&to=2025-04']) {
      const r = await json(f, `/api/storylines?${q}`);
      assertError(r, 400, 'bad-parameter');
      assert.ok(r.body.error.message.includes(q.split('=')[0]!), r.body.error.message);
    }
  });

  test('GET /api/storylines/{id} is the full report; unknown is 404; a merged id resolves', async () => {
    const list = (await json(f, '/api/storylines?outlet=Almera%20Ledger')).body.items;
    const id = list[0].id as string;
    const r = await json(f, `/api/storylines/${id}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, id);
    for (const key of ['headline', 'facts', 'conflicts', 'singleSource', 'quotes', 'framing', 'summary', 'timeline', 'developments', 'events', 'articles']) assert.ok(key in r.body, key);
    assert.ok(r.body.summary[0].citations[0].article);
    assertError(await json(f, '/api/storylines/nope'), 404, 'not-found');
    await f.store.recordMerges([{ level: 'storyline', from: 'old-line', into: id }]);
    const merged = await json(f, '/api/storylines/old-line');
    assert.equal(merged.status, 200);
    assert.equal(merged.body.id, id);
    assert.equal(merged.body.mergedFrom, 'old-line');
    const page = await f.app.app.request('/storylines/old-line');
    assert.equal(page.status, 301);
    assert.equal(page.headers.get('location'), `/storylines/${id}`);
  });

  test('GET /api/events/{id} lists its articles; unknown is 404', async () => {
    const line = (await json(f, '/api/storylines?sort=articles')).body.items[0];
    const r = await json(f, `/api/events/${enc(line.eventIds[0])}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.storylineId, line.id);
    assert.equal(r.body.articles.length, 5);
    assert.ok(r.body.articles.every((a: { id: string; title: string }) => a.id && a.title));
    assertError(await json(f, '/api/events/e-nope'), 404, 'not-found');
  });

  test('GET /api/articles/{id} takes a URL-encoded file path and returns text, removed, captions', async () => {
    // Demo ids are project-relative paths (no file system exposed).
    const id = 'demo/corpus/06-valdoria-herald-summit-planned.html';
    const r = await json(f, `/api/articles/${enc(id)}`);
    assert.equal(r.status, 200);
    assert.equal(r.body.id, id);
    assert.ok(r.body.text.length > 200);
    assert.ok(Array.isArray(r.body.captions));
    assert.ok(r.body.removed.length > 0 && r.body.removed.every((x: { reason: string; text: string }) => x.reason && typeof x.text === 'string'));
    // Slashes inside the id left unencoded reach the same article.
    assert.equal((await json(f, `/api/articles/demo/corpus/${enc('06-valdoria-herald-summit-planned.html')}`)).body.id, id);
    assertError(await json(f, `/api/articles/${enc('/no/such/file.txt')}`), 404, 'not-found');
  });

  test('GET /api/search finds articles and storylines; q is required and bounded', async () => {
    const r = await json(f, '/api/search?q=girder');
    assert.equal(r.status, 200);
    assert.ok(r.body.articles.length >= 2);
    assert.ok(r.body.articles.some((a: { snippet: string }) => /\[girder/i.test(a.snippet)));
    assert.match(r.body.storylines[0].title, /Bridge/);
    const byTitle = await json(f, '/api/search?q=Erdbeben');
    assert.ok(byTitle.body.storylines.length >= 1);
    assertError(await json(f, '/api/search'), 400, 'bad-parameter');
    assertError(await json(f, '/api/search?q=%20%20'), 400, 'bad-parameter');
    assertError(await json(f, `/api/search?q=${'a'.repeat(501)}`), 400, 'bad-parameter');
    assertError(await json(f, '/api/search?q=bridge&limit=x'), 400, 'bad-parameter');
    // FTS syntax in the words is no error.
    assert.equal((await json(f, `/api/search?q=${enc('"bridge AND (')}`)).status, 200);
  });

  test('GET /api/search reads "quoted words" as a phrase and filters hits by outlet and date; storylines filter by language', async () => {
    const loose = (await json(f, '/api/search?q=girder')).body.articles as { id: string; outlet: string | null; published: string | null; storylineId: string | null }[];
    const outlet = loose.find((a) => a.outlet)?.outlet;
    assert.ok(outlet, 'a hit names its outlet');
    const byOutlet = (await json(f, `/api/search?q=girder&outlet=${enc(outlet.toUpperCase())}`)).body.articles as typeof loose;
    assert.ok(byOutlet.length > 0 && byOutlet.every((a) => a.outlet === outlet));
    assert.deepEqual((await json(f, '/api/search?q=girder&from=2999-01-01')).body.articles, []);
    assertError(await json(f, '/api/search?q=girder&to=yesterday'), 400, 'bad-parameter');
    // Two words in quotes must appear side by side: never more hits than the same words loose.
    const phrase = (await json(f, `/api/search?q=${enc('"girder bridge"')}`)).body.articles as typeof loose;
    const words = (await json(f, '/api/search?q=girder%20bridge')).body.articles as typeof loose;
    assert.ok(phrase.length <= words.length);
    const german = (await json(f, '/api/search?q=Erdbeben')).body.storylines as { id: string }[];
    const de = (await json(f, '/api/storylines?language=de&limit=100')).body.items as { id: string }[];
    assert.ok(german.length > 0 && german.every((s) => de.some((d) => d.id === s.id)), 'the German storyline lists under language=de');
    assert.ok(de.length < (await json(f, '/api/storylines?limit=100')).body.total, 'language filters');
  });

  test('unknown API routes are JSON 404s; unknown pages are HTML 404s', async () => {
    assertError(await json(f, '/api/nothing-here'), 404, 'not-found');
    const page = await f.app.app.request('/storylines/nope');
    assert.equal(page.status, 404);
    assert.match(page.headers.get('content-type') ?? '', /text\/html/);
    assert.equal((await f.app.app.request(`/articles/${enc('/no/such.txt')}`)).status, 404);
  });

  test('POST /api/articles ingests a JSON object, JSON lines and arrays; again adds nothing', async () => {
    const one = { id: 'post-1', title: 'Ferry service doubled while the Harbor Bridge stays closed', outlet: 'Almera Ledger', published: '2025-03-14', text: 'Port Almera will double its ferry service from Monday while the Harbor Bridge stays closed for repairs to a cracked girder, the transport department said on Friday. Ferries will leave every ten minutes at rush hour.' };
    const ids = ((await json(f, '/api/storylines')).body.items as { id: string }[]).map((s) => s.id);
    const cachedBefore = new Map<string, unknown>();
    for (const id of ids) cachedBefore.set(id, await f.app.service.report(id));
    assert.equal(await f.app.service.report(ids[0]!), cachedBefore.get(ids[0]!), 'a second read is served from the cache');
    const r = await json(f, '/api/articles', { method: 'POST', body: JSON.stringify(one), headers: { 'Content-Type': 'application/json' } });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    // The storyline the article joined is rebuilt (and lists it); every other one stays cached.
    const joined = (await f.store.getArticle('post-1'))!.storylineId!;
    for (const id of ids) {
      const after = await f.app.service.report(id);
      if (id === joined) {
        assert.notEqual(after, cachedBefore.get(id));
        assert.ok(after!.report.articles.some((a) => a.id === 'post-1'));
      } else assert.equal(after, cachedBefore.get(id), `storyline ${id} was not touched`);
    }
    assert.equal(r.body.counts.added, 1);
    assert.equal(r.body.items[0].id, 'post-1');
    assert.equal((await json(f, '/api/articles/post-1')).body.title, one.title);
    const again = await json(f, '/api/articles', { method: 'POST', body: JSON.stringify(one) });
    assert.equal(again.status, 200);
    assert.equal(again.body.items[0].outcome, 'skipped');
    const lines = [JSON.stringify({ ...one, id: 'post-2', text: `${one.text} Extra boats were borrowed from the coast guard for the first week.` }), '{not json', JSON.stringify({ id: 'post-3', title: 'x' })].join('\n');
    const mixed = await json(f, '/api/articles', { method: 'POST', body: lines, headers: { 'Content-Type': 'application/x-ndjson' } });
    assert.equal(mixed.status, 201);
    assert.deepEqual(mixed.body.items.map((i: { outcome: string }) => i.outcome).slice(1), ['error', 'error']);
    assert.equal(mixed.body.items[1].error.code, 'bad-json');
    assert.equal(mixed.body.items[2].error.code, 'no-content');
    const arr = await json(f, '/api/articles', { method: 'POST', body: JSON.stringify([{ ...hostileArticle(), id: 'post-4' }]) });
    assert.equal(arr.body.items[0].id, 'post-4');
  });

  test('POST /api/articles reads pub_date, and names a date-like field it does not read on the first item only', async () => {
    const text = 'Port Almera will run night ferries to Sarn from Friday while the Harbor Bridge stays closed, the transport department said. Two crossings after midnight are added.';
    const lines = [
      { id: 'date-1', title: 'Night ferries to Sarn', text, pub_date: '2025-03-20' },
      { id: 'date-2', title: 'Night ferries start', text: `${text} Tickets cost the same as by day.`, dateline_ts: 'Friday evening' },
      { id: 'date-3', title: 'Night ferries busy', text: `${text} The first crossings were full.`, dateline_ts: 'Saturday morning' },
    ];
    const r = await json(f, '/api/articles', { method: 'POST', body: lines.map((l) => JSON.stringify(l)).join('\n') });
    assert.equal(r.status, 201, JSON.stringify(r.body));
    assert.equal((await f.store.getArticle('date-1'))?.published, '2025-03-20');
    assert.deepEqual(r.body.items.map((i: { warning?: { code: string } }) => i.warning?.code ?? null), [null, 'unread-date-field', null]);
    assert.match(r.body.items[1].warning.message, /'dateline_ts' looks like a date but is not read/);
  });

  test('POST /api/articles: malformed JSON and empty bodies are 400, oversized bodies 413', async () => {
    assertError(await json(f, '/api/articles', { method: 'POST', body: '{"id": "x", "text": ' }), 400, 'bad-json');
    assertError(await json(f, '/api/articles', { method: 'POST', body: '[1, 2]' }), 400, 'bad-json');
    assertError(await json(f, '/api/articles', { method: 'POST', body: '   \n' }), 400, 'empty');
    const big = JSON.stringify({ id: 'big', title: 'Big', text: 'word '.repeat(20_000) });
    assertError(await json(f, '/api/articles', { method: 'POST', body: big, headers: { 'Content-Type': 'application/json' } }), 413, 'too-large');
    // Without a Content-Length (a stream), the limit still holds.
    const stream = new ReadableStream({
      start(controller) {
        controller.enqueue(new TextEncoder().encode(big));
        controller.close();
      },
    });
    assertError(await json(f, '/api/articles', { method: 'POST', body: stream, duplex: 'half' } as RequestInit), 413, 'too-large');
  });
});

describe('server API with a write token', () => {
  let f: Fixture;
  before(async () => {
    f = await demoFixture({ writeToken: 's3cret-token' });
  });
  after(async () => {
    await f.close();
  });

  test('writes need the bearer token (401 without it or with a wrong one); reads do not', async () => {
    const body = JSON.stringify({ ...hostileArticle(), id: 'auth-1' });
    const none = await json(f, '/api/articles', { method: 'POST', body });
    assertError(none, 401, 'unauthorized');
    assert.match(none.res.headers.get('www-authenticate') ?? '', /Bearer/);
    assertError(await json(f, '/api/articles', { method: 'POST', body, headers: { Authorization: 'Bearer wrong' } }), 401, 'unauthorized');
    assertError(await json(f, '/api/articles', { method: 'POST', body, headers: { Authorization: 's3cret-token' } }), 401, 'unauthorized');
    const ok = await json(f, '/api/articles', { method: 'POST', body, headers: { Authorization: 'Bearer s3cret-token' } });
    assert.equal(ok.status, 201);
    assert.equal((await json(f, `/api/articles/${enc('auth-1')}`)).status, 200);
    assert.equal((await json(f, `/api/articles/${enc(HOSTILE_ID)}`)).status, 404);
  });
});
