import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { createInterface } from 'node:readline';
import { createServer, type AddressInfo } from 'node:net';
import { openSqliteStore } from '../../src/store/index.js';
import { BIN, runCli } from '../helpers/cli.js';

/** Starts a long-running command; resolves with the address it prints and a stop function. */
async function started(args: string[], env: Record<string, string> = {}): Promise<{ url: string; output: string[]; stop(): Promise<number | null> }> {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  const output: string[] = [];
  const exited = new Promise<number | null>((done) => child.once('exit', (code) => done(code)));
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no address printed: ${output.join('\n')}`)), 20_000);
    void exited.then((code) => reject(new Error(`exited with ${code}: ${output.join('\n')}`)));
    createInterface({ input: child.stderr! }).on('line', (l) => output.push(l));
    createInterface({ input: child.stdout! }).on('line', (l) => {
      output.push(l);
      // On all interfaces the line names them first, then the local URL.
      const m = /Serving on .*?(http:\/\/127\.0\.0\.1:\d+\/)/.exec(l);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
  });
  return {
    url,
    output,
    async stop() {
      child.kill('SIGTERM');
      return exited;
    },
  };
}

describe('storyline demo and storyline serve', () => {
  let dir: string;
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'storyline-serve-cli-'));
  });
  after(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  test('demo --no-serve ingests the demo corpus and prints the storylines; a second run reuses the database', async () => {
    const db = join(dir, 'demo.db');
    const first = await runCli(['demo', '--db', db, '--no-serve']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, /added 11, duplicates 1, errors 0, already stored 0/);
    assert.match(first.stdout, /3 storylines/);
    assert.match(first.stdout, /Harbor Bridge/);
    const second = await runCli(['demo', '--db', db, '--no-serve']);
    assert.equal(second.code, 0, second.stderr);
    assert.match(second.stdout, /added 0, duplicates 0, errors 0, already stored 12/);
    assert.match(second.stdout, /3 storylines/);
  });

  test('demo stores project-relative ids, whatever the working directory', async () => {
    const db = join(dir, 'demo-cwd.db');
    const r = await runCli(['demo', '--db', db, '--no-serve'], undefined, { cwd: tmpdir() });
    assert.equal(r.code, 0, r.stderr);
    const store = openSqliteStore(db);
    try {
      const a = await store.getArticle('demo/corpus/01-almera-ledger-bridge-closed.txt');
      assert.ok(a, 'stored under its project-relative path');
      assert.equal(a.file, 'demo/corpus/01-almera-ledger-bridge-closed.txt');
    } finally {
      await store.close();
    }
  });

  test('demo serves the demo database and prints its address; SIGTERM stops it cleanly', async () => {
    const db = join(dir, 'demo-serve.db');
    const s = await started(['demo', '--db', db, '--port', '0']);
    const home = await fetch(s.url);
    assert.equal(home.status, 200);
    assert.match(await home.text(), /Harbor Bridge/);
    assert.equal(await s.stop(), 0);
  });

  test('serve: --token (or STORYLINE_WRITE_TOKEN) guards writes; reads stay open', async () => {
    const db = join(dir, 'demo.db');
    const s = await started(['serve', '--db', db, '--port', '0'], { STORYLINE_WRITE_TOKEN: 'tok-123' });
    const health = (await (await fetch(`${s.url}health`)).json()) as { status: string; counts: { articles: number } };
    assert.deepEqual([health.status, health.counts.articles], ['ok', 12]);
    const body = JSON.stringify({ id: 'cli-1', title: 'Harbor ferries run all night', text: 'Ferries across Port Almera harbor will run all night while the Harbor Bridge stays closed, the port authority said on Friday. Night crossings will leave every half hour.' });
    assert.equal((await fetch(`${s.url}api/articles`, { method: 'POST', body })).status, 401);
    const ok = await fetch(`${s.url}api/articles`, { method: 'POST', body, headers: { Authorization: 'Bearer tok-123' } });
    assert.equal(ok.status, 201, await ok.clone().text());
    assert.equal(await s.stop(), 0);
  });

  test('serve on a port in use says so and exits 1, without the usage text', async () => {
    const blocker = createServer();
    await new Promise<void>((done) => blocker.listen(0, '127.0.0.1', done));
    try {
      const port = (blocker.address() as AddressInfo).port;
      const r = await runCli(['serve', '--db', join(dir, 'demo.db'), '--port', String(port)]);
      assert.equal(r.code, 1);
      assert.match(r.stderr, new RegExp(`storyline serve: port ${port} is in use on 127\\.0\\.0\\.1 \\(another server\\?\\): choose another with --port`));
      assert.doesNotMatch(r.stderr, /Usage:/);
    } finally {
      await new Promise((done) => blocker.close(done));
    }
  });

  test('serve --host 0.0.0.0 says it listens on all interfaces and gives a local URL that answers', async () => {
    const s = await started(['serve', '--db', join(dir, 'demo.db'), '--port', '0', '--host', '0.0.0.0', '--token', 'tok-9']);
    assert.match(s.output.join('\n'), /Serving on all interfaces \(0\.0\.0\.0\), port \d+; from this machine: http:\/\/127\.0\.0\.1:\d+\//);
    assert.equal((await fetch(`${s.url}health`)).status, 200);
    assert.equal(await s.stop(), 0);
  });

  test('serve refuses a missing database (1) and a bad port (2)', async () => {
    const missing = await runCli(['serve', '--db', join(dir, 'nope.db')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /no database/);
    const port = await runCli(['serve', '--db', join(dir, 'demo.db'), '--port', 'eighty']);
    assert.equal(port.code, 2);
    assert.match(port.stderr, /--port/);
  });
});
