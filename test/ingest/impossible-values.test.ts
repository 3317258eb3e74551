import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { isPossibleIsoDate } from '../../src/analyze/index.js';
import { createIngester, feedDate, MAX_ID_CHARS, parseJsonLine, unreadDateWarning, type DocItem } from '../../src/ingest/index.js';
import { openSqliteStore } from '../../src/store/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-impossible-'));
after(() => rmSync(dir, { recursive: true, force: true }));

const TEXT = 'The harbour board approved the new ferry timetable on Tuesday after a long debate about night crossings.';

describe('impossible dates', () => {
  it('a calendar check refuses months, days and clock times that do not exist', () => {
    for (const bad of ['2025-13-45T99:99', '0000-00-00', '2025-02-29', '2025-04-31', '2025-06-01T24:00', '2025-06-01T10:61']) assert.equal(isPossibleIsoDate(bad), false, bad);
    for (const good of ['2025', '2025-06', '2024-02-29', '2025-06-01T23:59:60Z', '2025-06-01 10:30+02:00', '2025-06-01T10:30:00.123Z']) assert.equal(isPossibleIsoDate(good), true, good);
  });

  it('a JSON line with an impossible date is stored without it, and the sender is warned', () => {
    const parsed = parseJsonLine(JSON.stringify({ id: 'a', text: TEXT, published: '2025-13-45T99:99' }), 'x:1', 1e6);
    assert.ok(parsed.ok);
    assert.equal(parsed.raw.hints?.published, undefined);
    assert.match(unreadDateWarning(parsed.extra) ?? '', /'2025-13-45T99:99' is not a date/);
  });

  it('a feed date of zeros is no date', () => {
    assert.equal(feedDate('0000-00-00'), null);
    assert.equal(feedDate('2025-06-01'), '2025-06-01');
  });
});

describe('id length', () => {
  it(`an id longer than ${MAX_ID_CHARS} characters is refused with a clear error, a long one within it is stored`, async () => {
    const store = openSqliteStore(join(dir, 'ids.db'));
    try {
      const ingester = await createIngester(store);
      const item = (id: string): DocItem => ({ type: 'doc', id, url: null, source: 'in.jsonl', position: 'line 1', load: async () => ({ source: 'in.jsonl:1', kind: 'text', content: `Ferry timetable approved\n\n${TEXT}` }) });
      assert.equal(await ingester.ingest(item('x'.repeat(1_000_000))), 'error');
      assert.equal(ingester.lastError?.code, 'id-too-long');
      assert.match(ingester.lastError?.message ?? '', /1000000 characters exceeds the limit of 2048/);
      assert.equal(await ingester.ingest(item('y'.repeat(MAX_ID_CHARS))), 'added');
      await ingester.finish();
      assert.equal((await store.counts()).articles, 1);
    } finally {
      await store.close();
    }
  });
});
