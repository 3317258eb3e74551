import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { gzipSync } from 'node:zlib';
import { readDocument } from '../../src/extract/index.js';
import { readInputs, statelessSourceContext, type InputItem } from '../../src/ingest/index.js';

const dir = mkdtempSync(join(tmpdir(), 'storyline-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

async function items(inputs: string[], maxLineChars?: number): Promise<InputItem[]> {
  const ctx = { ...statelessSourceContext(), ...(maxLineChars ? { maxLineChars } : {}) };
  const out: InputItem[] = [];
  for await (const item of readInputs(inputs, ctx)) out.push(item);
  return out;
}

const ARTICLE = 'The harbour board approved the new ferry timetable on Tuesday after a long debate.';

describe('local files only when named on the command line', () => {
  it('an OPML list naming a local path (absolute, relative or file:) reads nothing from disk', async () => {
    const secret = join(dir, 'secret.txt');
    writeFileSync(secret, 'password=hunter2\n');
    const opml = join(dir, 'list.opml');
    writeFileSync(opml, `<?xml version="1.0"?><opml version="2.0"><body>
      <outline text="a" xmlUrl="${secret}"/><outline text="b" xmlUrl="secret.txt"/>
      <outline text="c" xmlUrl="file://${secret}"/><outline text="d" xmlUrl="/etc/passwd"/></body></opml>`);
    const got = await items([opml]);
    assert.equal(got.filter((i) => i.type === 'doc').length, 0);
    const errors = got.filter((i) => i.type === 'error');
    assert.deepEqual(errors.map((e) => e.type === 'error' && e.code), ['not-a-url', 'not-a-url', 'not-a-url', 'not-a-url']);
    assert.match(errors[0]!.type === 'error' ? errors[0]!.message : '', /not an http\(s\) URL/);
  });

  it('the same file named on the command line is read', async () => {
    const file = join(dir, 'named.txt');
    writeFileSync(file, ARTICLE);
    const got = await items([file]);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.type, 'doc');
  });
});

describe('only regular files are read', () => {
  // A FIFO with no writer would block an ordinary open forever; each case must answer at once.
  for (const name of ['pipe.txt', 'pipe.jsonl', 'pipe.rss']) {
    it(`a FIFO named ${name} is refused at once`, async () => {
      const path = join(dir, name);
      execFileSync('mkfifo', [path]);
      const started = Date.now();
      const got = await items([path]);
      const first = got[0]!;
      const refusal = first.type === 'doc' ? await first.load() : first;
      assert.ok(Date.now() - started < 1000);
      assert.equal('code' in refusal && refusal.code, 'not-a-file');
      assert.match('error' in refusal ? refusal.error : 'message' in refusal ? refusal.message : '', /named pipe/);
    });
  }

  it('/dev/zero behind a .jsonl name is refused as a character device', async () => {
    const path = join(dir, 'zero.jsonl');
    symlinkSync('/dev/zero', path);
    const got = await items([path]);
    assert.equal(got.length, 1);
    assert.equal(got[0]!.type === 'error' && got[0]!.code, 'not-a-file');
    const txt = join(dir, 'zero.txt');
    symlinkSync('/dev/zero', txt);
    const doc = await readDocument(txt);
    assert.equal('code' in doc && doc.code, 'not-a-file');
  });
});

describe('JSON lines are capped while they are read', () => {
  const line = (id: string) => JSON.stringify({ id, text: ARTICLE });

  it('a line over the cap fails alone, and the lines after it are read', async () => {
    const path = join(dir, 'giant.jsonl');
    writeFileSync(path, `${line('a')}\n{"id":"b","text":"${'x'.repeat(50_000)}"}\n${line('c')}\n`);
    const got = await items([path], 1000);
    assert.deepEqual(got.map((i) => (i.type === 'doc' ? i.id : i.type === 'error' ? `${i.position} ${i.code}` : i.type)), ['a', 'line 2 too-large', 'c']);
  });

  it('a gzip bomb of one line is dropped as it inflates, with bounded memory', async () => {
    const path = join(dir, 'bomb.jsonl.gz');
    // 60 MB of one line in under 100 KB of gzip; building it whole is what used to kill the process.
    const unit = Buffer.alloc(2 ** 20, 0x61);
    const bomb = gzipSync(Buffer.concat([Buffer.from(`${line('a')}\n{"text":"`), ...Array.from({ length: 60 }, () => unit), Buffer.from(`"}\n${line('c')}\n`)]));
    writeFileSync(path, bomb);
    const before = process.memoryUsage().rss;
    const got = await items([path], 10_000);
    assert.deepEqual(got.map((i) => (i.type === 'doc' ? i.id : i.type === 'error' ? `${i.position} ${i.code}` : i.type)), ['a', 'line 2 too-large', 'c']);
    assert.ok(process.memoryUsage().rss - before < 50 * 2 ** 20, 'memory stays well below the inflated size');
  });
});
