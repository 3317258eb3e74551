/**
 * The follow commands as a user runs them: subscribe (URLs, OPML), subscriptions (list, JSON,
 * OPML), unsubscribe, enable, and watch against a loopback feed server (once, and running until
 * SIGTERM while another command writes to the same database).
 */
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { writerLockPath } from '../../src/store/index.js';
import { startFeedServer } from '../follow/feed-server.js';
import { jsonLines, runCli, storyline, storylineAsync } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-follow-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** A feed server whose wire feed has one item, and a database following it. */
async function followedWire(name: string): Promise<{ feeds: Awaited<ReturnType<typeof startFeedServer>>; db: string }> {
  const feeds = await startFeedServer();
  feeds.publish(new Date(Date.now() - 600_000).toISOString());
  const db = join(dir, name);
  assert.equal((await runCli(['subscribe', '--db', db, feeds.url('/wire.rss')])).code, 0);
  return { feeds, db };
}

describe('storyline subscribe, subscriptions, unsubscribe, enable', () => {
  it('follows http(s) feeds, refuses local paths, lists them, and moves them to another reader and back as OPML', async () => {
    const db = join(dir, 'subs.db');
    const added = await runCli(['subscribe', '--db', db, 'https://courier.example/rss', '/etc/passwd', 'file:///etc/hosts']);
    assert.equal(added.code, 1, added.stderr);
    assert.match(added.stdout, /subscribed 1, updated 0, refused 2/);
    assert.match(added.stderr, /'\/etc\/passwd' is not a URL/);
    assert.equal((await runCli(['subscribe', '--db', db, '--every', '20m', '--title', 'Valley Post', 'https://valleypost.example/atom'])).code, 0);
    assert.equal((await runCli(['subscribe', '--db', db, '--every', '10s', 'https://wire.example/feed'])).code, 2, '--every below a minute is refused');

    const list = await runCli(['subscriptions', '--db', db]);
    assert.equal(list.code, 0);
    assert.match(list.stdout, /pending\s+https:\/\/courier\.example\/rss\n.*last poll never.*every ~30m \(adaptive\)/);
    assert.match(list.stdout, /https:\/\/valleypost\.example\/atom  \(Valley Post\)\n.*every 20m/);
    const json = jsonLines((await runCli(['subscriptions', '--db', db, '--json'])).stdout);
    assert.deepEqual(json.map((s) => [s.url, s.status, s.everySeconds]), [['https://courier.example/rss', 'pending', null], ['https://valleypost.example/atom', 'pending', 1200]]);

    const opml = (await runCli(['subscriptions', '--db', db, '--opml'])).stdout;
    const file = join(dir, 'export.opml');
    // Another reader's list adds a local path: refused, the rest imported.
    writeFileSync(file, opml.replace('</body>', '<outline text="local" xmlUrl="/etc/shadow"/></body>'));
    const other = join(dir, 'other.db');
    const imported = await runCli(['subscribe', '--db', other, '--opml', file]);
    assert.equal(imported.code, 1);
    assert.match(imported.stdout, /subscribed 2, updated 0, refused 1/);
    assert.deepEqual(jsonLines((await runCli(['subscriptions', '--db', other, '--json'])).stdout).map((s) => [s.url, s.title]), [
      ['https://courier.example/rss', 'https://courier.example/rss'],
      ['https://valleypost.example/atom', 'Valley Post'],
    ]);

    assert.match((await runCli(['unsubscribe', '--db', db, 'https://courier.example/rss'])).stdout, /unsubscribed 1/);
    const again = await runCli(['unsubscribe', '--db', db, 'https://courier.example/rss']);
    assert.equal(again.code, 1);
    assert.match(again.stderr, /is not followed/);
    assert.match((await runCli(['enable', '--db', db, '--all'])).stdout, /enabled 0/);
    assert.equal((await runCli(['enable', '--db', db, 'https://nowhere.example/rss'])).code, 1);
  });
});

describe('storyline watch', () => {
  it('polls the due feeds once, stores their articles as ingest does, and disables a gone feed; enable polls it again', async () => {
    const feeds = await startFeedServer();
    try {
      feeds.publish(new Date(Date.now() - 3600_000).toISOString());
      feeds.publish(new Date(Date.now() - 600_000).toISOString());
      feeds.answers.set('/gone.rss', { status: 410, body: '' });
      const db = join(dir, 'once.db');
      assert.equal((await runCli(['subscribe', '--db', db, feeds.url('/wire.rss'), feeds.url('/gone.rss')])).code, 0);
      const first = await runCli(['watch', '--db', db, '--once', '--host-gap', '0']);
      assert.equal(first.code, 0, first.stderr);
      assert.match(first.stdout, /polled 2: new articles 2, unchanged 0, failed 1, disabled 1/);
      assert.match(first.stderr, /gone\.rss: disabled after 1 failure in a row .*410.*storyline enable/);
      const again = await runCli(['watch', '--db', db, '--once']);
      assert.match(again.stdout, /polled 0/, 'nothing is due yet');
      assert.match((await runCli(['stories', '--db', db])).stdout, /Council approves project/);
      const list = (await runCli(['subscriptions', '--db', db])).stdout;
      assert.match(list, /ok\s+http:\/\/127\.0\.0\.1:\d+\/wire\.rss  \(Regional Wire\)\n.*\(HTTP 200\) · 2 items · 2 stored/, 'the title is learned from the feed');
      assert.match(list, /disabled\s+http:\/\/127\.0\.0\.1:\d+\/gone\.rss\n[^\n]*\n\s+disabled after 1 failure/);
      feeds.answers.set('/gone.rss', { status: 200, body: '<rss version="2.0"><channel><title>Back</title></channel></rss>' });
      assert.match((await runCli(['enable', '--db', db, feeds.url('/gone.rss')])).stdout, /enabled 1/);
      assert.match((await runCli(['watch', '--db', db, '--once'])).stdout, /polled 1: new articles 0, unchanged 1, failed 0/);
    } finally {
      await feeds.close();
    }
  });

  it('runs until SIGTERM without holding the store between polls: ingest writes beside it; it stops cleanly and frees the lock', async () => {
    const { feeds, db } = await followedWire('run.db');
    try {
      const watch = storylineAsync(['watch', '--db', db]);
      await watch.until(/: 1 new article/);
      const article = join(dir, 'tram.txt');
      writeFileSync(article, 'Tram line extended\n\nThe city council of Brannock voted on Thursday to extend the eastern tram line by four stops, ending a dispute that had delayed the project for three years.\n');
      const ingest = await runCli(['ingest', '--db', db, article]);
      assert.equal(ingest.code, 0, ingest.stderr);
      assert.doesNotMatch(ingest.stderr, /waiting/);
      assert.match(ingest.stdout, /added 1/);
      watch.kill('SIGTERM');
      const stopped = await watch.done;
      assert.equal(stopped.code, 0, stopped.stderr);
      assert.match(stopped.stderr, /stopped/);
      assert.equal(existsSync(writerLockPath(db)), false);
      assert.match((await runCli(['subscriptions', '--db', db])).stdout, /1 stored/);
    } finally {
      await feeds.close();
    }
  });

  it('serve --watch polls the feeds inside the server and shows their health at /api/feeds', async () => {
    const { feeds, db } = await followedWire('serve.db');
    try {
      const serve = storylineAsync(['serve', '--db', db, '--port', '0', '--watch']);
      const base = (await serve.until(/Serving on (http:\/\/\S+\/)/))[1]!;
      await serve.until(/: 1 new article/);
      const body = (await (await fetch(`${base}api/feeds`)).json()) as { items: { status: string; title: string | null; health: { totalNew: number } }[] };
      assert.deepEqual(body.items.map((i) => [i.status, i.health.totalNew, i.title]), [['ok', 1, 'Regional Wire']]);
      assert.match((await runCli(['subscriptions', '--db', db])).stdout, / · 1 item · 1 stored/);
      serve.kill('SIGTERM');
      assert.equal((await serve.done).code, 0);
    } finally {
      await feeds.close();
    }
  });
});
