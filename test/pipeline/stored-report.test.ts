import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { workerReportBuilds } from '../../src/pipeline/report-builds.js';
import { buildStoredReport, isFresh, reportBuilder, reportDocument } from '../../src/pipeline/stored-report.js';
import { openSqliteStore } from '../../src/store/index.js';
import { storedArticle } from '../store/store-suite.js';

test('reportDocument splices the id (and mergedFrom, stale) in front of the stored JSON, as JSON.stringify would write it', () => {
  const report = { title: 'Harbour vote', headline: 'Council backs "ferry" plan', articles: [{ id: 'a1' }] };
  const json = JSON.stringify(report);
  assert.equal(reportDocument(json, 's1', 's1'), JSON.stringify({ id: 's1', ...report }));
  assert.equal(reportDocument(json, 's1', 's0'), JSON.stringify({ id: 's1', mergedFrom: 's0', ...report }));
  assert.deepEqual(JSON.parse(reportDocument(json, 's1', 's1', true)), { id: 's1', stale: true, ...report });
  assert.equal(reportDocument('{}', 's1', 's1'), '{"id":"s1"}');
});

test('a stored report is fresh for its storyline version and this code only; a worker build joins one already asked for', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-stored-report-'));
  const path = join(dir, 'r.db');
  const store = openSqliteStore(path);
  try {
    const text = 'The harbour board approved a new ferry timetable with night crossings on Tuesday. Fares for island residents will fall by a fifth, the board said.';
    await store.saveArticle({ article: storedArticle({ id: 'a1', text }), bandKeys: [], event: { id: 'e1', storylineId: 's1', title: 'Ferry timetable approved', date: '2025-03-04' }, merges: [] });
    await store.flush();
    const built = (await buildStoredReport(store, 's1'))!;
    const version = (await store.storylineVersion('s1'))!;
    assert.equal(built.version, version);
    assert.ok(isFresh(built, version));
    assert.ok(!isFresh(built, version + 1), 'a newer storyline version makes it stale');
    assert.ok(!isFresh({ ...built, builder: `${reportBuilder()}-other` }, version), 'a report built by other code is stale');
    assert.equal(await buildStoredReport(store, 'nope'), null);

    const builds = workerReportBuilds(path, { debounceMs: 10 });
    try {
      const asked = builds.build('s1', version);
      assert.equal(builds.build('s1', version), asked, 'asking again for the same version joins the queued build');
      const fromWorker = (await asked)!;
      assert.equal(fromWorker.json, built.json, 'the worker builds the same report as this thread');
    } finally {
      await builds.close();
    }
    await assert.rejects(builds.build('s1', version), /closed/);
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
});
