import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../helpers/cli.js';

/** Runs `storyline timeline …`. */
function timeline(...args: string[]) {
  return runCli(['timeline', ...args]);
}

// Invented articles about the Merrin tunnel, written as scraped plain text with a date line.
function corpus(): string {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-timeline-'));
  writeFileSync(
    join(dir, 'a.txt'),
    'Merrin tunnel closed after fire\n\ndate 2025-05-06 Local\n\nThe Merrin road tunnel was closed on Monday after a lorry caught fire inside it, the roads agency said.\n\nEngineers will inspect the ceiling slabs this week before any decision on reopening.\n',
  );
  writeFileSync(
    join(dir, 'b.txt'),
    'Merrin tunnel to reopen on May 20\n\ndate 2025-05-12 Local\n\nThe Merrin road tunnel, shut since the lorry fire on May 5, will reopen on May 20, the roads agency said on Monday.\n\nThe fire on May 5 damaged lights and two ceiling slabs, the agency said.\n',
  );
  return dir;
}

test('timeline --json: dates with sentences and sources, within the budget', async () => {
  const dir = corpus();
  try {
    const r = await timeline(dir, '--max-dates', '2', '--sentences-per-date', '1', '--json');
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as { dates: Array<{ date: string; sentences: Array<{ text: string; sources: string[] }> }> };
    assert.equal(out.dates.length, 2);
    assert.equal(out.dates[0]!.date, '2025-05-05');
    assert.match(out.dates[0]!.sentences[0]!.text, /fire/u);
    assert.ok(out.dates[0]!.sentences[0]!.sources.length >= 1);
    for (const d of out.dates) assert.equal(d.sentences.length, 1);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('timeline without --json prints a readable listing', async () => {
  const dir = corpus();
  try {
    const r = await timeline(dir);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^2025-05-05\n {2}- .*fire/mu);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('timeline: wrong usage exits 2, an unreadable file exits 1', async () => {
  assert.equal((await timeline()).code, 2);
  assert.equal((await timeline('x.txt', '--max-dates', 'zero')).code, 2);
  const r = await timeline(join(tmpdir(), 'storyline-no-such-file.txt'), '--json');
  assert.equal(r.code, 1);
  assert.deepEqual(JSON.parse(r.stdout), { dates: [] });
});
