/**
 * What a user trial of `storyline serve` found (Storyline issue 6), each as a check over the demo
 * corpus: one name per storyline and event everywhere, event pages, readable statuses and dates,
 * item errors that keep their id, search that ANDs plain words, phone layout hints, article language.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { fieldTypeError } from '../../src/server/index.js';
import { langAttr, renderIndexPage } from '../../src/web/pages.js';
import { STYLESHEET } from '../../src/web/style.js';
import { demoFixture, type Fixture } from './helpers.js';

async function get(f: Fixture, path: string, init?: RequestInit): Promise<{ status: number; text: string; body: any }> {
  const res = await f.app.app.request(path, init);
  const text = await res.text();
  let body: unknown = null;
  try {
    body = JSON.parse(text);
  } catch {
    // A page.
  }
  return { status: res.status, text, body };
}

const post = (f: Fixture, body: string) => get(f, '/api/articles', { method: 'POST', body, headers: { 'Content-Type': 'application/json' } });

/** The text of the first `<h1>` of a page, tags stripped. */
const h1 = (html: string) => /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(html)?.[1]?.replace(/<[^>]+>/g, '') ?? '';

describe('user trial fixes (issue 6)', () => {
  let f: Fixture;
  before(async () => {
    f = await demoFixture();
  });
  after(async () => {
    await f.close();
  });

  test('a storyline has one name: listing title = page <h1> = API title = feed title; the headline is a "Latest:" line', async () => {
    const list = (await get(f, '/api/storylines?limit=100')).body.items as { id: string; title: string }[];
    const bridge = list.find((s) => /Harbor Bridge/.test(s.title))!;
    const api = (await get(f, `/api/storylines/${bridge.id}`)).body;
    assert.equal(api.title, bridge.title);
    const page = (await get(f, `/storylines/${bridge.id}`)).text;
    assert.equal(h1(page), bridge.title.replace(/&/g, '&amp;'));
    // The demo's bridge storyline has a later headline than its title: shown, once, as secondary.
    assert.notEqual(api.headline, api.title);
    assert.ok(page.includes(`Latest: ${api.headline}`));
    const feed = (await get(f, `/storylines/${bridge.id}/feed.atom`)).text;
    assert.match(feed, new RegExp(`<title>${bridge.title}</title>`));
    // Events: the report's event title is the stored one, as /api/events/{id} gives it.
    for (const e of api.events as { id: string; title: string }[]) assert.equal((await get(f, `/api/events/${e.id}`)).body.title, e.title);
  });

  test('event links go to an HTML event page with its articles and a way back; the JSON route stays', async () => {
    const api = (await get(f, '/api/storylines/s1')).body;
    const page = (await get(f, '/storylines/s1')).text;
    const e = api.events[0] as { id: string; title: string; articleIds: string[] };
    assert.ok(page.includes(`href="/events/${e.id}"`));
    assert.doesNotMatch(page, /href="\/api\/events\//);
    const ev = await get(f, `/events/${e.id}`);
    assert.equal(ev.status, 200);
    assert.equal(h1(ev.text), e.title);
    assert.ok(ev.text.includes('href="/storylines/s1#event-'));
    for (const aid of e.articleIds) assert.ok(ev.text.includes(`/articles/${encodeURIComponent(aid)}`), aid);
    assert.equal((await get(f, '/events/e-nope')).status, 404);
    assert.equal((await get(f, `/api/events/${e.id}`)).status, 200);
  });

  test('statuses are words and datetimes are dates on pages; dates do not wrap', async () => {
    const page = (await get(f, '/storylines/s2')).text;
    assert.doesNotMatch(page.replace(/<[^>]+>/g, ' '), /\bEvent(Scheduled|Postponed|Rescheduled|Cancelled)\b|\bHappened\b/);
    // s2 has an article published "2025-05-20T08:15:00+02:00": shown as the day.
    assert.ok(page.includes('>2025-05-20</time>'));
    assert.doesNotMatch(page.replace(/datetime="[^"]*"/g, ''), /\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
    assert.match(STYLESHEET, /time\.date[^{]*\{[^}]*white-space: nowrap/);
  });

  test('POST errors keep the given id; all-failed is 422; wrong types are named; bad dates warn; re-POST says already-stored', async () => {
    const noText = await post(f, '{"id":"nt","title":"only title"}');
    assert.equal(noText.status, 422);
    assert.equal(noText.body.error.code, 'all-items-failed');
    assert.equal(noText.body.items[0].id, 'nt');
    assert.equal(noText.body.items[0].outcome, 'error');

    const numText = await post(f, '{"id":"num","title":"Tolls","text":12345}');
    assert.equal(numText.status, 422);
    assert.equal(numText.body.items[0].error.message, 'text must be a string, not number');

    const article = { id: 'ferry-1', title: 'Night ferries return to Almera', text: 'Night ferries between Almera and Sarn return from Friday, the operator said. Two crossings after midnight are added while the Harbor Bridge stays shut.', published: 'yesterday-ish' };
    const added = await post(f, JSON.stringify(article));
    assert.equal(added.status, 201);
    assert.equal(added.body.items[0].outcome, 'added');
    assert.equal(added.body.items[0].warning.code, 'bad-date');
    // The unreadable value is not taken as a date (its storyline may date the article later, with evidence).
    const ferry = (await f.store.getArticle('ferry-1'))!;
    assert.notEqual(ferry.publishedFrom, 'metadata');
    assert.ok(ferry.published === null || ferry.publishedEvidence?.some((e) => e.article), `dated ${ferry.published} without evidence`);
    assert.equal(ferry.extra?.publishedRaw, 'yesterday-ish');

    // A mixed batch is not all-failed (nothing new stored: 200), each item in place, the skip explained.
    const mixed = await post(f, `${JSON.stringify({ ...article, text: `${article.text} Changed.` })}\n{"id":"x2"}`);
    assert.equal(mixed.status, 200);
    assert.deepEqual(
      mixed.body.items.map((i: { id: string; outcome: string; reason?: string; storedId?: string }) => [i.id, i.outcome, i.reason, i.storedId]),
      [
        ['ferry-1', 'skipped', 'already-stored', 'ferry-1'],
        ['x2', 'error', undefined, undefined],
      ],
    );
    assert.match(mixed.body.items[0].message, /updates are not supported yet/);
  });

  test('fieldTypeError: numbers pass where ingest reads them as text, not as the body text', () => {
    assert.equal(fieldTypeError({ id: 42, title: 'Budget vote', text: 'The council voted.' }), null);
    assert.equal(fieldTypeError({ title: ['a'], text: 'x' })?.message, 'title must be a string, not an array');
    assert.equal(fieldTypeError({ text: { body: 'x' } })?.code, 'bad-field');
  });

  test('query parameters that are not real dates are refused', async () => {
    assert.equal((await get(f, '/api/storylines?from=2025-02-30')).status, 400);
    assert.equal((await get(f, '/api/storylines?to=2025-13')).status, 400);
    assert.equal((await get(f, '/api/storylines?from=2024-02-29')).status, 200);
  });

  test('search ANDs plain words; operators are words; no storyline is listed without hits', async () => {
    const orQuery = (await get(f, '/api/search?q=bridge%20OR')).body;
    assert.deepEqual(orQuery.storylines, []);
    const both = (await get(f, '/api/search?q=bridge%20girder')).body;
    assert.ok(both.articles.length > 0);
    const bridge = (await get(f, '/api/search?q=bridge')).body;
    assert.ok(both.articles.length <= bridge.articles.length);
    for (const r of [orQuery, both, bridge]) assert.ok(r.storylines.every((s: { hits: number }) => s.hits > 0));
  });

  test('demo article ids are project-relative paths', async () => {
    const api = (await get(f, '/api/storylines/s1')).body;
    // (An article posted by an earlier test may have joined the storyline: only file ids are checked.)
    const files = (api.articles as { id: string; file: string }[]).filter((a) => /\.(txt|html)$/.test(a.id));
    assert.equal(files.length, 5);
    assert.ok(files.every((a) => a.id.startsWith('demo/corpus/')), JSON.stringify(files));
    const stored = await f.store.getArticle(files[0]!.id);
    assert.equal(stored!.file, files[0]!.id);
  });

  test('phone layout: the fact table says it scrolls; the chart legend moves out; an empty page says so', async () => {
    const page = (await get(f, '/storylines/s1')).text;
    assert.match(page, /class="scroll-hint[^"]*"[^>]*>[^<]*swipe/);
    assert.match(page, /<div class="table-wrap" tabindex="0"/);
    assert.match(page, /class="chart-legend/);
    assert.match(STYLESHEET, /@media \(max-width: 36em\) \{[^}]*svg\.timeline \.label \{ font-size: 20px/);
    const empty = (await get(f, '/?offset=100')).text;
    assert.match(empty, /No storylines on this page/);
    assert.match(empty, /href="\/"/);
    // "newer" from past the end leads to the last page with storylines.
    assert.match(renderIndexPage({ items: [], total: 45, offset: 100, limit: 20, coverage: new Map() }), /href="\/\?offset=40"/);
  });

  test('an article page carries the article’s language on its content', async () => {
    const list = (await get(f, '/api/storylines?limit=100')).body.items as { id: string; title: string }[];
    const quake = list.find((s) => /earthquake/i.test(s.title))!;
    // The German report sits in the quake storyline with the English ones.
    const aid = ((await get(f, `/api/storylines/${quake.id}`)).body.articles as { id: string }[]).map((x) => x.id).find((id) => /erdbeben/.test(id))!;
    const a = (await get(f, `/api/articles/${encodeURIComponent(aid)}`)).body;
    assert.equal(a.language, 'de');
    const page = (await get(f, `/articles/${encodeURIComponent(aid)}`)).text;
    assert.match(page, /<article class="text" lang="de">/);
    assert.equal(langAttr('pt-BR'), ' lang="pt-BR"');
    assert.equal(langAttr('"><x'), '');
    assert.equal(langAttr(null), '');
  });
});
