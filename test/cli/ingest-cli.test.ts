import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { main } from '../../src/cli/main.js';
import { OTHER_STORY, WIRE_REPUBLISHED, WIRE_STORY } from '../ingest/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const write = process.stdout.write.bind(process.stdout);
  const log = console.log;
  const error = console.error;
  // The test runner talks to its parent over stdout in binary chunks: those pass through.
  process.stdout.write = ((chunk: string | Uint8Array, ...rest: never[]) => (typeof chunk === 'string' ? ((out += chunk), true) : write(chunk, ...rest))) as typeof process.stdout.write;
  console.log = (...a: unknown[]) => void (out += `${a.join(' ')}\n`);
  console.error = (...a: unknown[]) => void (err += `${a.join(' ')}\n`);
  try {
    return { code: await main(args), out, err };
  } finally {
    process.stdout.write = write;
    console.log = log;
    console.error = error;
  }
}

describe('storyline ingest / stories / export', () => {
  const db = join(dir, 'cli.db');
  const input = join(dir, 'in.jsonl');
  writeFileSync(
    input,
    [
      JSON.stringify({ id: 'wire-1', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, published: '2025-10-13', outlet: 'Northwire' }),
      '{"id": "oops"',
      JSON.stringify({ id: 'coast-9', title: 'Weekend storm: 23 rescued', text: WIRE_REPUBLISHED, published: '2025-10-14', outlet: 'Coast Daily' }),
      JSON.stringify({ id: 'tram-1', title: 'Tram line extended', text: OTHER_STORY, published: '2025-10-10', outlet: 'Brannock Herald' }),
    ].join('\n'),
  );

  it('ingests, reports the bad line with its position, and closes with the summary line', async () => {
    const r = await cli(['ingest', '--db', db, input]);
    assert.equal(r.code, 0);
    assert.match(r.out, /^added 2, duplicates 1, errors 1, already stored 0$/m);
    assert.match(r.err, /in\.jsonl \(line 2\): malformed JSON/);
    const again = await cli(['ingest', '--db', db, input]);
    assert.match(again.out, /^added 0, duplicates 0, errors 1, already stored 3$/m);
  });

  it('lists storylines as JSON, most recently active first', async () => {
    const r = await cli(['stories', '--db', db, '--json']);
    assert.equal(r.code, 0);
    const lines = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; title: string; articleCount: number; outlets: string[]; lastDate: string; eventIds: string[] });
    assert.ok(lines.length >= 1);
    const dates = lines.map((l) => l.lastDate);
    assert.deepEqual(dates, [...dates].sort().reverse());
    const storm = lines.find((l) => l.outlets.includes('Northwire'));
    assert.ok(storm);
    assert.ok(!storm.outlets.includes('Coast Daily'), 'the syndicated copy does not count as an independent outlet');
    const text = await cli(['stories', '--db', db]);
    assert.match(text.out, /\d+ events? · \d+ articles? · \d+ outlets?/);
  });

  it('exports one line per article with its event, storyline and duplicate link', async () => {
    const r = await cli(['export', '--db', db, '--jsonl']);
    assert.equal(r.code, 0);
    const rows = r.out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; event: string; storyline: string; duplicateOf: string | null });
    assert.deepEqual(rows.map((x) => x.id), ['wire-1', 'coast-9', 'tram-1']);
    assert.equal(rows[1]!.duplicateOf, 'wire-1');
    assert.equal(rows[1]!.event, rows[0]!.event);
    assert.ok(rows.every((x) => x.event && x.storyline));
  });

  it('explains wrong usage and a missing database', async () => {
    assert.equal((await cli(['ingest', '--db', db])).code, 2);
    assert.equal((await cli(['export', '--db', db])).code, 2);
    const missing = await cli(['stories', '--db', join(dir, 'none.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.err, /no database/);
  });
});

describe('dates the reader cannot read', () => {
  it('are reported as warnings with the line, and the article is stored without a date', async () => {
    const file = join(dir, 'dates.jsonl');
    writeFileSync(file, `${JSON.stringify({ id: 'd1', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, published: 'last Tuesday', outlet: 'Northwire' })}\n`);
    const r = await cli(['ingest', '--db', join(dir, 'dates.db'), file]);
    assert.match(r.out, /^added 1, duplicates 0, errors 0, already stored 0, warnings 1$/m);
    assert.match(r.err, /dates\.jsonl \(line 1\): warning: published 'last Tuesday' is not a date/);
  });
});

describe('file ids do not depend on the working folder', () => {
  it('names files by their path from the database folder, so another cwd finds them stored', async () => {
    const home = join(dir, 'desk');
    mkdirSync(join(home, 'my', 'articles'), { recursive: true });
    writeFileSync(join(home, 'my', 'articles', 'storm.txt'), `Storm capsizes trawlers off Marlow Bay\n\n${WIRE_STORY}`);
    const cwd = process.cwd();
    try {
      process.chdir(home);
      const first = await cli(['ingest', '--db', 'desk.db', '--quiet', 'my/articles']);
      assert.match(first.out, /added 1, duplicates 0, errors 0, already stored 0/);
      process.chdir(join(home, 'my'));
      const again = await cli(['ingest', '--db', '../desk.db', '--quiet', 'articles']);
      assert.match(again.out, /added 0, duplicates 0, errors 0, already stored 1/);
      const rows = (await cli(['export', '--db', '../desk.db', '--jsonl'])).out.trim().split('\n').map((l) => JSON.parse(l) as { id: string });
      assert.deepEqual(rows.map((r) => r.id), ['my/articles/storm.txt']);
    } finally {
      process.chdir(cwd);
    }
  });
});
