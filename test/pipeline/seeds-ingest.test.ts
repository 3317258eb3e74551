import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { after, test } from 'node:test';
import { main } from '../../src/cli/main.js';
import { openSqliteStore } from '../../src/store/index.js';
import { sharedDir } from '../helpers/shared.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-seeds-e2e-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process, its output silenced (only the store is checked). */
async function quietCli(args: string[]): Promise<number> {
  const [log, error] = [console.log, console.error];
  console.log = console.error = () => {};
  try {
    return await main(args);
  } finally {
    [console.log, console.error] = [log, error];
  }
}

// What the seeds say: 000, 001 and 003 report the visit planned for February 2024, 002 the June 2023
// invitation, 004 a possible meeting in Astana in June 2024. The clusterer's own test hands it the
// publication dates; this one checks what a user gets from `storyline ingest SEEDS`, where 000 and 001
// are dated from their texts only.
test('`storyline ingest` on the seeds: one storyline; 000, 001, 003 one event; 002 and 004 events of their own', async (t) => {
  const shared = sharedDir(t);
  if (!shared) return;
  const db = join(dir, 'seeds.db');
  assert.equal(await quietCli(['ingest', '--quiet', '--db', db, join(shared, 'seeds')]), 0);
  const store = openSqliteStore(db, { readonly: true });
  try {
    const lines = (await store.listStorylines()).items;
    assert.equal(lines.length, 1, 'all five in one storyline');
    const eventOf = new Map<string, string>();
    for (const id of lines[0]!.eventIds) {
      for (const a of (await store.getEvent(id))!.articleIds) eventOf.set(basename(a).slice(0, 3), id);
    }
    assert.equal(eventOf.size, 5);
    const e = (seed: string) => eventOf.get(seed);
    assert.equal(e('000'), e('001'));
    assert.equal(e('000'), e('003'));
    assert.notEqual(e('002'), e('000'));
    assert.notEqual(e('004'), e('000'));
    assert.notEqual(e('004'), e('002'));
  } finally {
    await store.close();
  }
});
