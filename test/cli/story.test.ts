import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT, storyline as run } from '../helpers/cli.js';

function storyline(...args: string[]) {
  return run(args);
}

test('story ID explains a demo storyline end to end, from ingest to a cited report', () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-story-'));
  const db = join(dir, 'demo.db');
  try {
    assert.equal(storyline('ingest', '--quiet', '--db', db, join(ROOT, 'demo', 'corpus')).code, 0);
    const stories = storyline('stories', '--db', db, '--json').stdout.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string });
    const summit = stories.find((s) => /Sarn|tariff|Orkan|Voss/.test(s.title));
    assert.ok(summit, `the tariff summit storyline is listed: ${stories.map((s) => s.title).join(' | ')}`);

    const r = storyline('story', summit.id, '--db', db, '--json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as Record<string, unknown[]> & { summary: { text: string; sources: string[] }[] };
    for (const key of ['articles', 'events', 'facts', 'conflicts', 'singleSource', 'quotes', 'framing', 'summary', 'timeline', 'developments']) {
      assert.ok(Array.isArray(report[key]), `report has ${key}`);
    }
    assert.ok(report.summary.length > 0 && report.summary.every((s) => s.sources.length > 0), 'every summary sentence cites a source');
    // The two outlets disagree on the size of the tariff cut (15 against 12 percent).
    assert.ok(JSON.stringify(report.conflicts).includes('12 percent'), 'the 15/12 percent conflict is reported');

    const html = storyline('story', summit.id, '--db', db, '--html');
    assert.equal(html.code, 0);
    assert.match(html.stdout, /^<!DOCTYPE html>/i);
    assert.doesNotMatch(html.stdout, /<script/i, 'the report runs no script');

    assert.equal(storyline('story', 'no-such-id', '--db', db).code, 1);
    assert.equal(storyline('story', '--db', db).code, 2);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
