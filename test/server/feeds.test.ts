import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { applyPoll, DEFAULT_SCHEDULE, newSubscription } from '../../src/follow/index.js';
import { createApp, type StorylineApp } from '../../src/server/index.js';
import { openSqliteStore, type Store } from '../../src/store/index.js';

const NOW = Date.parse('2025-03-04T10:00:00Z');
const HOSTILE = 'Courier <script>alert(1)</script> "><img src=x onerror=alert(2)>';

describe('feed health: /api/feeds and /feeds', () => {
  let dir: string;
  let store: Store;
  let app: StorylineApp;
  before(async () => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-feeds-'));
    store = openSqliteStore(join(dir, 'feeds.db'));
    const healthy = applyPoll(newSubscription('https://courier.example/rss', { title: HOSTILE, everySeconds: null }, NOW, DEFAULT_SCHEDULE), { kind: 'read', status: 200, items: 12, stored: 3, published: [] }, NOW, DEFAULT_SCHEDULE, () => 0.5);
    const gone = applyPoll(newSubscription('https://valleypost.example/atom', { title: null, everySeconds: 900 }, NOW, DEFAULT_SCHEDULE), { kind: 'failed', code: 'http-error', status: 410, message: 'HTTP 410 <b>gone</b>' }, NOW, DEFAULT_SCHEDULE, () => 0.5);
    await store.saveSubscription(healthy);
    await store.saveSubscription(gone);
    await store.saveSubscription(newSubscription('https://wire.example/feed.json', { title: 'Wire', everySeconds: null }, NOW, DEFAULT_SCHEDULE));
    app = createApp(store, { log: () => {} });
  });
  after(async () => {
    await app.service.close();
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('lists every feed with its status and health as JSON', async () => {
    const res = await app.app.request('/api/feeds');
    assert.equal(res.status, 200);
    const body = (await res.json()) as { total: number; items: { url: string; status: string; health: { lastItems: number | null; totalNew: number; nextPollAt: string; disabled: { reason: string } | null } }[] };
    assert.equal(body.total, 3);
    assert.deepEqual(body.items.map((i) => [i.url, i.status]), [
      ['https://courier.example/rss', 'ok'],
      ['https://valleypost.example/atom', 'disabled'],
      ['https://wire.example/feed.json', 'pending'],
    ]);
    assert.deepEqual([body.items[0]!.health.lastItems, body.items[0]!.health.totalNew], [12, 3]);
    assert.match(body.items[1]!.health.disabled!.reason, /410/);
  });

  it('shows them on a page: status, last poll, answer, items, stored, errors, next poll; names and reasons escaped', async () => {
    const res = await app.app.request('/feeds');
    assert.equal(res.status, 200);
    const html = await res.text();
    assert.doesNotMatch(html, /<script>|<img|<b>gone/);
    assert.match(html, /Courier &lt;script&gt;/);
    assert.match(html, /3 followed feeds, 1 failing or disabled/);
    assert.match(html, /<td[^>]*>disabled<\/td>[\s\S]*?HTTP 410 &lt;b&gt;gone/);
    assert.match(html, /HTTP 200<\/td><td>12<\/td><td>3/);
    assert.match(html, /<time class="date" datetime="2025-03-04T10:00:00.000Z">2025-03-04 10:00 UTC<\/time>/);
  });

  it('says when no feed is followed', async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'storyline-feeds-empty-'));
    const empty = openSqliteStore(join(emptyDir, 'e.db'));
    const emptyApp = createApp(empty, { log: () => {} });
    try {
      const html = await (await emptyApp.app.request('/feeds')).text();
      assert.match(html, /No feeds followed/);
      assert.deepEqual(await (await emptyApp.app.request('/api/feeds')).json(), { total: 0, items: [] });
    } finally {
      await emptyApp.service.close();
      await empty.close();
      rmSync(emptyDir, { recursive: true, force: true });
    }
  });
});
