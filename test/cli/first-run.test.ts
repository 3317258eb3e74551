/**
 * What a new user met on a first run from the README (fresh clone, invented inputs), each checked
 * through the CLI's main() in this process (--version also on the built command): another JSON lines
 * schema, an empty JSON lines file, a bad line ingested twice, an input file given as --db, --version,
 * and the storyline id in `story --json`.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, test } from 'node:test';
import { openSqliteStore } from '../../src/store/index.js';
import { jsonLines, ROOT, runCli, storyline } from '../helpers/cli.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-first-run-'));
after(() => rmSync(dir, { recursive: true, force: true }));

/** Three invented reports of one happening, in the fields `ingest` reads. */
const FERRY = [
  { id: 'bay-1', title: 'Night ferries return to Elsworth Bay', outlet: 'Bay Courier', published: '2025-06-02', text: 'Night ferries return to Elsworth Bay from Friday, the harbour operator said on Monday. Crossings will leave every forty minutes until two in the morning. The service was cut in March after a fuel dispute.' },
  { id: 'post-7', title: 'Elsworth Bay night ferries back from Friday', outlet: 'Valley Post', published: '2025-06-02', text: 'The harbour operator said on Monday that night ferries return to Elsworth Bay from Friday. Boats will cross every forty minutes until two in the morning, ending a cut that began in March.' },
  { id: 'wire-3', title: 'Ferry fares in Elsworth rise by a tenth', outlet: 'Northwire', published: '2025-06-03', text: 'Ferry fares in Elsworth rise by a tenth from July, the operator said on Tuesday, a day after it announced the return of night crossings. Season tickets rise by less.' },
];

describe('first run from the README', () => {
  test('JSON lines in another schema: the fields found are named, and 2,000 repeats give 5 lines and one count', async () => {
    const file = join(dir, 'other-schema.jsonl');
    const lines: string[] = [];
    for (let n = 0; n < 2000; n++) lines.push(JSON.stringify({ Id: `N${n}`, textCleaned: `Harbour fares rise, report ${n}.`, category: 'business' }));
    writeFileSync(file, `${lines.join('\n')}\n`);
    const db = join(dir, 'schema.db');
    const r = await runCli(['ingest', '--db', db, file]);
    assert.equal(r.code, 1, 'every line failed');
    const errLines = r.stderr.trim().split('\n');
    assert.ok(errLines.length <= 8, `a few lines, not thousands: ${errLines.length}`);
    assert.match(r.stderr, /\(line 1\): neither text nor html: the line has Id, textCleaned, category; expected "text"/);
    assert.match(r.stderr, /other-schema\.jsonl: … and 1,995 more lines with the same error \(no-content\)/);
    assert.match(r.stdout, /errors 2000/);
    // extract sums up the same way for a person, and keeps every failure in its JSON output.
    const shown = await runCli(['extract', file]);
    assert.equal(shown.code, 1);
    assert.match(shown.stderr, /storyline extract: .*other-schema\.jsonl: … and 1,995 more lines/);
    const json = jsonLines((await runCli(['extract', '--json', file])).stdout);
    assert.equal(json.length, 2000);
    assert.deepEqual(Object.keys(json[0]!).sort(), ['code', 'error', 'file']);
  });

  test('an empty or blank JSON lines file is an error, as an empty article file is', async () => {
    const empty = join(dir, 'empty.jsonl');
    const blank = join(dir, 'blank.ndjson');
    writeFileSync(empty, '');
    writeFileSync(blank, '\n  \n\n');
    const r = await runCli(['ingest', '--db', join(dir, 'empty.db'), empty, blank]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /empty\.jsonl: the file is empty/);
    assert.match(r.stderr, /blank\.ndjson: the file holds only white space/);
    assert.match(r.stdout, /added 0, duplicates 0, errors 2/);
  });

  test('ingesting a file with a bad line twice logs the bad line once; the run still counts it', async () => {
    const file = join(dir, 'ferry.jsonl');
    writeFileSync(file, [...FERRY.map((a) => JSON.stringify(a)), '{"id": "bay-2", "title": "cut off'].join('\n'));
    const db = join(dir, 'ferry.db');
    for (const run of [1, 2]) {
      const r = await runCli(['ingest', '--quiet', '--db', db, file]);
      assert.equal(r.code, 0, r.stderr);
      assert.match(r.stdout, /errors 1,/, `run ${run}`);
    }
    const store = openSqliteStore(db, { readonly: true });
    try {
      assert.equal((await store.counts()).errors, 1);
      assert.equal((await store.listErrors())[0]?.position, 'line 4');
    } finally {
      await store.close();
    }
  });

  test('story --json carries the storyline id at the top level', async () => {
    const db = join(dir, 'ferry.db');
    const ids = jsonLines((await runCli(['stories', '--db', db, '--json'])).stdout).map((s) => s.id as string);
    assert.ok(ids.length > 0);
    const r = await runCli(['story', ids[0]!, '--db', db, '--json']);
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as { id: string; headline: string };
    assert.equal(report.id, ids[0]);
    assert.equal(Object.keys(report)[0], 'id');
  });

  test('story prints Markdown by default, as its help says; --html and --json are the other views', async () => {
    const db = join(dir, 'ferry.db');
    const id = jsonLines((await runCli(['stories', '--db', db, '--json'])).stdout)[0]!.id as string;
    const plain = await runCli(['story', id, '--db', db]);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stdout, (await runCli(['story', id, '--db', db, '--markdown'])).stdout);
    assert.match(plain.stdout, /^# /m);
    assert.match((await runCli(['story', '--help'])).stdout, /--markdown\s+the report as Markdown \(the default\)/);
    assert.match((await runCli(['story', id, '--db', db, '--html'])).stdout, /^<!DOCTYPE html>/i);
  });

  test('an input file given as --db is named, with what was meant; a missing one too', async () => {
    const input = join(dir, 'ferry.jsonl');
    const before = readFileSync(input, 'utf8');
    for (const cmd of [['stories'], ['story', 's1'], ['export', '--jsonl']]) {
      const r = await runCli([...cmd, '--db', input]);
      assert.equal(r.code, 1, cmd[0]);
      assert.match(r.stderr, new RegExp(`storyline ${cmd[0]}: .*ferry\\.jsonl is not a Storyline database.*give it to storyline ingest`));
      assert.doesNotMatch(r.stderr, /Usage:/);
    }
    const ingest = await runCli(['ingest', '--db', input, input]);
    assert.equal(ingest.code, 1);
    assert.match(ingest.stderr, /ferry\.jsonl is not a Storyline database/);
    assert.equal(readFileSync(input, 'utf8'), before, 'the input file is left as it was');
    const missing = await runCli(['stories', '--db', join(dir, 'nowhere.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database at .*nowhere\.db/);
  });

  test('--version (and `version`) print the package version; the usage names it and the exit codes', async () => {
    const version = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    for (const flag of ['--version', '-V', 'version']) {
      const r = await runCli([flag]);
      assert.equal(r.code, 0, flag);
      assert.equal(r.stdout.trim(), version);
    }
    // One run of the built command: bin/ and dist/ answer as main() does.
    const built = storyline(['--version']);
    assert.equal(built.code, 0);
    assert.equal(built.stdout.trim(), version);
    const help = await runCli(['--help']);
    assert.match(help.stdout, /--version/);
    assert.match(help.stdout, /Exit status: 0 on success, 1 when a command fails/);
  });
});
