import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { openSqliteStore } from '../../src/store/index.js';
import { runCli } from '../helpers/cli.js';
import { OTHER_STORY, WIRE_REPUBLISHED, WIRE_STORY } from '../ingest/fixtures.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Runs the CLI in-process and captures what it prints. */
async function cli(args: string[]): Promise<{ code: number | null; out: string; err: string }> {
  const r = await runCli(args);
  return { code: r.code, out: r.stdout, err: r.stderr };
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
    assert.match(r.out, /^added 2, duplicates 1, errors 1, already stored 0, profile news$/m);
    assert.match(r.err, /in\.jsonl \(line 2\): malformed JSON/);
    const again = await cli(['ingest', '--db', db, input]);
    assert.match(again.out, /^added 0, duplicates 0, errors 1, already stored 3, profile news$/m);
  });

  it('leaves no empty database behind when nothing could be read, and keeps an existing one', async () => {
    const fresh = join(dir, 'typo.db');
    const r = await cli(['ingest', '--db', fresh, join(dir, 'no-such-folder')]);
    assert.equal(r.code, 1);
    assert.match(r.err, /no-such-folder: cannot read/);
    assert.equal(existsSync(fresh), false);
    await cli(['ingest', '--db', db, join(dir, 'no-such-folder')]);
    assert.equal(existsSync(db), true, 'a database that was there stays');
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
    assert.match(r.out, /^added 1, duplicates 0, errors 0, already stored 0, warnings 1, profile news$/m);
    assert.match(r.err, /dates\.jsonl \(line 1\): warning: published 'last Tuesday' is not a date/);
  });
});

describe('date fields under other names', () => {
  it('reads pub_date as the publication date, and names an unknown date-like field once per file', async () => {
    const file = join(dir, 'named-dates.jsonl');
    const lines = [
      { id: 'n1', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, pub_date: '2024-03-02' },
      { id: 'n2', title: 'Trawler crews rescued', text: OTHER_STORY, dateline_ts: 'March 2nd, evening' },
      { id: 'n3', title: 'Harbour reopens', text: WIRE_REPUBLISHED, dateline_ts: 'March 3rd, morning' },
    ];
    writeFileSync(file, `${lines.map((l) => JSON.stringify(l)).join('\n')}\n`);
    const db = join(dir, 'named-dates.db');
    const r = await cli(['ingest', '--db', db, file]);
    assert.equal(r.code, 0);
    assert.equal(r.err.match(/field 'dateline_ts' looks like a date but is not read/g)?.length, 1, r.err);
    const store = openSqliteStore(db, { readonly: true });
    try {
      const n1 = (await store.getArticle('n1'))!;
      assert.equal(n1.published, '2024-03-02');
      assert.equal(n1.publishedFrom, 'metadata');
      assert.equal((await store.getArticle('n2'))?.extra?.dateline_ts, 'March 2nd, evening');
    } finally {
      await store.close();
    }
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

/** Invented lower-cased headlines of three stories, without titles, as a headline feed gives them. */
const HEADLINES: Record<string, string[]> = {
  ferry: [
    'ferry crews strike halts crossings to skerra island',
    'skerra ferry strike enters second day as talks stall',
    'island shops run short as ferry strike drags on',
    'ferry union rejects pay offer from skerra line',
    'skerra line offers crews new pay deal to end strike',
    'stranded tourists wait at skerra port during ferry strike',
    'ferry strike talks resume with mediator in harbour town',
    'skerra ferry crews vote on pay deal',
    'ferry crews accept pay deal ending skerra strike',
    'first skerra ferry sails after strike ends',
    'skerra line counts cost of ferry strike',
    'island council asks for backup ferry after strike',
    'ferry strike leaves skerra hotels half empty',
    'skerra crews return to work as ferries resume',
  ],
  volcano: [
    'mount orvel erupts sending ash over valley towns',
    'ash cloud from mount orvel grounds flights in region',
    'orvel eruption forces evacuation of three villages',
    'scientists warn orvel volcano eruption may continue',
    'lava flow from orvel volcano reaches empty farmland',
    'airports reopen as orvel ash cloud drifts east',
    'orvel evacuees return home as eruption weakens',
    'volcano monitors lower orvel alert level',
    'farmers count losses from orvel ash fall',
    'orvel eruption ash blankets valley roads',
    'new vents open on orvel volcano flank',
    'orvel volcano quiet after week of eruption',
    'valley schools reopen after orvel ash cleanup',
  ],
  chess: [
    'tamsin reyes wins opening game of chess championship',
    'reyes and okafor draw second championship chess game',
    'okafor levels chess championship with sharp win',
    'chess championship tied after six games reyes okafor',
    'reyes blunders in time trouble as okafor takes lead',
    'okafor one win from chess world title',
    'reyes fights back to level chess championship',
    'chess championship goes to rapid tiebreaks',
    'okafor wins tiebreaks to take chess world title',
    'new chess champion okafor thanks rival reyes',
    'chess world title match drew record online audience',
    'reyes says she will challenge okafor again',
    'okafor celebrates chess title in home city',
  ],
};

function headlineLines(prefix: string): string {
  const rows: string[] = [];
  const stories = Object.entries(HEADLINES);
  // Interleaved, as a live feed mixes stories.
  for (let i = 0; i < 14; i++) for (const [story, list] of stories) if (list[i]) rows.push(JSON.stringify({ id: `${prefix}-${story}-${i}`, text: list[i], outlet: 'Wireline' }));
  return `${rows.join('\n')}\n`;
}

describe('clustering profiles', () => {
  it('auto: bare headlines without titles get the headline profile, kept for the next run', async () => {
    const db = join(dir, 'headlines.db');
    const input = join(dir, 'headlines.jsonl');
    writeFileSync(input, headlineLines('h'));
    const r = await cli(['ingest', '--db', db, input]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /^added 40, duplicates 0, errors 0, already stored 0, profile headlines$/m);
    assert.match(r.err, /clustering profile 'headlines', chosen from the first 40 articles/);
    const rows = (await cli(['export', '--db', db, '--jsonl'])).out.trim().split('\n').map((l) => JSON.parse(l) as { id: string; event: string });
    assert.equal(rows.length, 40, 'every sampled item is stored once');
    // Each story's headlines mostly share one event: the largest event of a story holds most of it.
    for (const story of Object.keys(HEADLINES)) {
      const sizes = new Map<string, number>();
      for (const row of rows.filter((x) => x.id.includes(`-${story}-`))) sizes.set(row.event, (sizes.get(row.event) ?? 0) + 1);
      assert.ok(Math.max(...sizes.values()) >= HEADLINES[story]!.length / 2, `${story}: ${JSON.stringify([...sizes.values()])}`);
    }
    // A second run keeps the saved profile, whatever the new input looks like, and samples nothing.
    const news = join(dir, 'news-after-headlines.jsonl');
    writeFileSync(news, `${JSON.stringify({ id: 'n1', title: 'Storm capsizes trawlers off Marlow Bay', text: WIRE_STORY, published: '2025-10-13', outlet: 'Northwire' })}\n`);
    const again = await cli(['ingest', '--db', db, news]);
    assert.match(again.out, /^added 1, duplicates 0, errors 0, already stored 0, profile headlines$/m);
    assert.doesNotMatch(again.err, /chosen from/);
  });

  it('auto: news articles get the news profile', async () => {
    const db = join(dir, 'news.db');
    const r = await cli(['ingest', '--db', db, join(dir, 'in.jsonl')]);
    assert.match(r.out, /, profile news$/m);
    assert.match(r.err, /clustering profile 'news', chosen from the first 3 articles/);
  });

  it('an explicit profile that differs from the saved one is an error that says what to do, and stores nothing', async () => {
    const db = join(dir, 'headlines.db');
    const input = join(dir, 'late-headlines.jsonl');
    writeFileSync(input, headlineLines('late'));
    const r = await cli(['ingest', '--db', db, '--profile', 'news', input]);
    assert.equal(r.code, 2);
    assert.match(r.err, /built with the 'headlines' clustering profile, not 'news'.*new database/);
    assert.equal(r.out, '');
    // The same texts under new ids: copies of stored articles, none of them stored by the refused run.
    const same = await cli(['ingest', '--db', db, '--profile', 'headlines', '--quiet', input]);
    assert.match(same.out, /^added 0, duplicates 40, errors 0, already stored 0, profile headlines$/m);
  });

  it('an explicit profile on a new database is used as given; an unknown one is wrong usage', async () => {
    const r = await cli(['ingest', '--db', join(dir, 'forced.db'), '--profile', 'headlines', join(dir, 'in.jsonl')]);
    assert.match(r.out, /profile headlines$/m);
    assert.doesNotMatch(r.err, /chosen from/);
    const bad = await cli(['ingest', '--db', join(dir, 'forced.db'), '--profile', 'tweets', join(dir, 'in.jsonl')]);
    assert.equal(bad.code, 2);
    assert.match(bad.err, /--profile must be auto, news or headlines/);
    assert.match((await cli(['ingest', '--help'])).out, /--profile P/);
  });
});
