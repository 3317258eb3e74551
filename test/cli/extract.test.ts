import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync, truncateSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node:child_process';
import { BIN, jsonLines, ROOT, runCli as run } from '../helpers/cli.js';
import { gzipSync } from 'node:zlib';

function storyline(...args: string[]) {
  return run(args);
}

test('extract --json writes one object per file with every field', async () => {
  const r = await storyline('extract', '--json', join(ROOT, 'demo', 'corpus', '01-almera-ledger-bridge-closed.txt'));
  assert.equal(r.code, 0, r.stderr);
  const [a] = jsonLines(r.stdout);
  for (const key of ['file', 'url', 'title', 'text', 'published', 'publishedFrom', 'modified', 'author', 'outlet', 'language', 'captions', 'removed']) {
    assert.ok(key in a!, `missing field ${key}`);
  }
  assert.match(String(a!.text), /crack in one of its main steel girders/);
});

test('bad files get a per-file error and do not stop the others', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-bad-'));
  try {
    writeFileSync(join(dir, 'empty.txt'), '');
    writeFileSync(join(dir, 'image.html'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52, 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0]));
    const huge = join(dir, 'huge.txt');
    writeFileSync(huge, '');
    truncateSync(huge, 200 * 2 ** 20); // sparse: 200 MB on paper, nothing on disk
    const gz = gzipSync(Buffer.from('<html><body><p>A page that will be cut short in transit.</p></body></html>'));
    writeFileSync(join(dir, 'cut.html.gz'), gz.subarray(0, gz.length - 10));
    writeFileSync(join(dir, 'latin1.txt'), Buffer.concat([Buffer.from('Old town trade falls\n\nCaf'), Buffer.from([0xe9]), Buffer.from(' owners in the old town said trade had fallen by a third since the bridge closed in March.')]));
    const r = await storyline('extract', '--json', dir, join(dir, 'missing.txt'));
    assert.equal(r.code, 0, 'one file was readable, so the exit status is 0');
    const byFile = new Map(jsonLines(r.stdout).map((o) => [String(o.file).split('/').pop(), o]));
    assert.equal(byFile.get('empty.txt')?.code, 'empty');
    assert.equal(byFile.get('image.html')?.code, 'binary');
    assert.equal(byFile.get('huge.txt')?.code, 'too-large');
    assert.equal(byFile.get('cut.html.gz')?.code, 'bad-gzip');
    assert.equal(byFile.get('missing.txt')?.code, 'unreadable');
    assert.match(String(byFile.get('latin1.txt')?.text), /Café owners/);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('exit status is 1 when every file failed, 2 on wrong usage', async () => {
  assert.equal((await storyline('extract', '/no/such/file.txt')).code, 1);
  assert.equal((await storyline('extract')).code, 2);
  assert.equal((await storyline('extract', '--bogus', 'x.txt')).code, 2);
});

test('every command answers --help', async () => {
  const top = await storyline('--help');
  assert.equal(top.code, 0);
  const names = [...top.stdout.matchAll(/^ {2}(\S+) {2,}/gm)].map((m) => m[1]!);
  assert.ok(names.includes('extract'));
  for (const name of names) {
    const r = await storyline(name, '--help');
    assert.equal(r.code, 0, `${name} --help`);
    assert.match(r.stdout, new RegExp(`Usage: storyline ${name}`));
  }
});

test('extract reads JSON lines and feeds item by item, reporting a bad line with its position', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'storyline-items-'));
  try {
    const lines = join(dir, 'items.jsonl');
    writeFileSync(lines, [
      JSON.stringify({ id: 'j1', title: 'Ferry strike ends', text: 'Ferry crews returned to work on Friday after a pay deal ended a nine-day strike on the northern islands.', outlet: 'Islands Courier', published: '2025-03-21' }),
      '{"id": "j2", broken',
    ].join('\n'));
    const feed = join(dir, 'news.rss');
    writeFileSync(feed, `<?xml version="1.0"?><rss version="2.0"><channel><title>Islands Courier</title><item><title>Harbour dues to rise</title><link>https://islands-courier.example/dues</link><pubDate>Mon, 24 Mar 2025 09:00:00 GMT</pubDate><description>The harbour board voted on Monday to raise dues for cargo ships by eight percent from May, citing the cost of dredging the northern channel.</description></item></channel></rss>`);
    const r = await run(['extract', '--json', lines, feed]);
    assert.equal(r.code, 0, r.stderr);
    const out = jsonLines(r.stdout);
    assert.equal(out[0]!.title, 'Ferry strike ends');
    assert.match(String(out[0]!.text), /^Ferry crews returned/);
    assert.equal(out[0]!.outlet, 'Islands Courier');
    assert.match(String(out[1]!.file), /items\.jsonl \(line 2\)/);
    assert.equal(out[1]!.code, 'bad-json');
    assert.equal(out[2]!.title, 'Harbour dues to rise');
    assert.equal(out[2]!.published?.toString().slice(0, 10), '2025-03-24');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('a reader that closes the pipe early (| head) gets no stack trace', async () => {
  // Enough output to fill the pipe: the demo corpus as JSON, with every removal and reason.
  const child = spawn(process.execPath, [BIN, 'extract', '--json', 'demo/corpus'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  child.stdout.once('data', () => child.stdout.destroy());
  const code = await new Promise<number | null>((done) => child.on('close', done));
  assert.doesNotMatch(stderr, /EPIPE|at /);
  assert.equal(code, 0);
});
