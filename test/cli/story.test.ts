import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createApp } from '../../src/server/index.js';
import { openSqliteStore } from '../../src/store/index.js';
import { ROOT, runCli as run } from '../helpers/cli.js';

function storyline(...args: string[]) {
  return run(args);
}

test('story ID explains a demo storyline end to end, from ingest to a cited report', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-story-'));
  const db = join(dir, 'demo.db');
  try {
    assert.equal((await storyline('ingest', '--quiet', '--db', db, join(ROOT, 'demo', 'corpus'))).code, 0);
    const stories = (await storyline('stories', '--db', db, '--json')).stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string });
    const summit = stories.find((s) => /Sarn|tariff|Orkan|Voss/.test(s.title));
    assert.ok(summit, `the tariff summit storyline is listed: ${stories.map((s) => s.title).join(' | ')}`);

    const r = await storyline('story', summit.id, '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Record<string, unknown[]> & { summary: { text: string; sources: string[] }[] };
    for (const key of ['articles', 'events', 'facts', 'conflicts', 'singleSource', 'quotes', 'framing', 'summary', 'timeline', 'developments']) {
      assert.ok(Array.isArray(report[key]), `report has ${key}`);
    }
    assert.ok(report.summary.length > 0 && report.summary.every((s) => s.sources.length > 0), 'every summary sentence cites a source');
    // The two outlets disagree on the size of the tariff cut (15 against 12 percent).
    assert.ok(JSON.stringify(report.conflicts).includes('12 percent'), 'the 15/12 percent conflict is reported');

    const html = await storyline('story', summit.id, '--db', db, '--html');
    assert.equal(html.code, 0);
    assert.match(html.stdout, /^<!DOCTYPE html>/i);
    assert.doesNotMatch(html.stdout, /<script/i, 'the report runs no script');

    assert.equal((await storyline('story', 'no-such-id', '--db', db)).code, 1);
    assert.equal((await storyline('story', '--db', db)).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('story --json prints the bytes the API serves, stores the report, and reads it back while the storyline is unchanged', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-story-stored-'));
  const db = join(dir, 'demo.db');
  try {
    assert.equal((await storyline('ingest', '--quiet', '--db', db, join(ROOT, 'demo', 'corpus'))).code, 0);
    const ids = (await storyline('stories', '--db', db, '--json')).stdout.trim().split('\n').map((l) => (JSON.parse(l) as { id: string }).id);
    const printed = new Map<string, Awaited<ReturnType<typeof storyline>>>();
    for (const id of ids) printed.set(id, await storyline('story', id, '--db', db, '--json'));
    // A second run (before the API below builds with the source's own fingerprint) reads the stored report: the same bytes, without building it again.
    const [first, cli] = [...printed][0]!;
    const before = (await readReport(db, first))!.builtAt;
    const again = await storyline('story', first, '--db', db, '--json');
    assert.equal(again.stdout, cli.stdout);
    assert.equal((await readReport(db, first))!.builtAt, before, 'the stored report was read, not built again');
    const store = openSqliteStore(db);
    try {
      // The API here builds on its own thread, from the source: the same builder, so the same bytes.
      const { app } = createApp(store, { log: () => {} });
      for (const [id, cli] of printed) {
        assert.equal(cli.code, 0, cli.stderr);
        const stored = await store.getReport(id);
        assert.equal(stored?.version, await store.storylineVersion(id), `the report of ${id} is stored for the storyline's version`);
        const api = await app.request(`/api/storylines/${id}`);
        assert.equal(api.status, 200);
        assert.equal(cli.stdout, `${await api.text()}\n`, `story ${id} --json is byte-identical to GET /api/storylines/${id}`);
      }
    } finally {
      await store.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

async function readReport(db: string, id: string) {
  const store = openSqliteStore(db, { readonly: true });
  try {
    return await store.getReport(id);
  } finally {
    await store.close();
  }
}
