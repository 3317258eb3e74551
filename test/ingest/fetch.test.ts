import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { createFetcher } from '../../src/ingest/index.js';
import { RSS } from './fixtures.js';
import { startServer, type TestServer } from './http-server.js';

let server: TestServer;
const timers: NodeJS.Timeout[] = [];

before(async () => {
  server = await startServer({
    '/feed.xml': (req, res) => {
      if (req.headers['if-none-match'] === '"v1"') return void res.writeHead(304, { etag: '"v1"' }).end();
      res.writeHead(200, { 'content-type': 'application/rss+xml', etag: '"v1"', 'last-modified': 'Tue, 04 Mar 2025 10:00:00 GMT' }).end(RSS);
    },
    '/dated.xml': (req, res) => {
      if (req.headers['if-modified-since'] === 'Tue, 04 Mar 2025 10:00:00 GMT') return void res.writeHead(304).end();
      res.writeHead(200, { 'last-modified': 'Tue, 04 Mar 2025 10:00:00 GMT' }).end(RSS);
    },
    '/slow': (_req, res) => {
      res.writeHead(200, { 'content-type': 'text/html' });
      res.write('<html>');
      // Never finishes in time: the body stalls after the headers.
      timers.push(setTimeout(() => res.end('</html>'), 5000));
    },
    '/loop-a': (_req, res) => res.writeHead(302, { location: '/loop-b' }).end(),
    '/loop-b': (_req, res) => res.writeHead(302, { location: '/loop-a' }).end(),
    '/chain/*': (req, res) => {
      const n = Number(req.url!.split('/').pop());
      if (n === 0) return void res.writeHead(200).end('arrived');
      res.writeHead(301, { location: `/chain/${n - 1}` }).end();
    },
    '/big-stream': (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/xml' });
      const chunk = 'x'.repeat(64 * 1024);
      for (let i = 0; i < 40; i++) res.write(chunk);
      res.end();
    },
    '/big-declared': (_req, res) => res.writeHead(200, { 'content-length': String(50 * 2 ** 20) }).end(),
    '/gone': (_req, res) => res.writeHead(410).end('gone'),
  });
});

after(async () => {
  for (const t of timers) clearTimeout(t);
  await server.close();
});

describe('fetcher', () => {
  it('fetches a feed and answers 304 to a conditional GET with its ETag', async () => {
    const fetcher = createFetcher();
    const first = await fetcher.fetch(server.url('/feed.xml'));
    assert.ok(first.ok && 'body' in first);
    assert.equal(first.etag, '"v1"');
    assert.equal(first.lastModified, 'Tue, 04 Mar 2025 10:00:00 GMT');
    assert.match(Buffer.from(first.body).toString('utf8'), /Elsworth Courier/);
    const second = await fetcher.fetch(server.url('/feed.xml'), { etag: first.etag });
    assert.ok(second.ok && 'notModified' in second);
    assert.equal(second.status, 304);
  });

  it('sends If-Modified-Since from Last-Modified', async () => {
    const r = await createFetcher().fetch(server.url('/dated.xml'), { lastModified: 'Tue, 04 Mar 2025 10:00:00 GMT' });
    assert.equal(r.ok && r.status, 304);
  });

  it('times out on a stalled body', async () => {
    const started = Date.now();
    const r = await createFetcher({ timeoutMs: 300 }).fetch(server.url('/slow'));
    assert.equal(!r.ok && r.code, 'timeout');
    assert.ok(Date.now() - started < 3000);
  });

  it('stops a redirect loop', async () => {
    const r = await createFetcher().fetch(server.url('/loop-a'));
    assert.equal(!r.ok && r.code, 'redirect-loop');
  });

  it('follows a few redirects and refuses too many', async () => {
    const fetcher = createFetcher({ maxRedirects: 5 });
    const ok = await fetcher.fetch(server.url('/chain/3'));
    assert.ok(ok.ok && 'body' in ok);
    assert.equal(ok.url, server.url('/chain/0'));
    const tooMany = await fetcher.fetch(server.url('/chain/9'));
    assert.equal(!tooMany.ok && tooMany.code, 'too-many-redirects');
  });

  it('caps the body size, streamed or declared', async () => {
    const fetcher = createFetcher({ maxBytes: 2 ** 20 });
    const streamed = await fetcher.fetch(server.url('/big-stream'));
    assert.equal(!streamed.ok && streamed.code, 'too-large');
    const declared = await fetcher.fetch(server.url('/big-declared'));
    assert.equal(!declared.ok && declared.code, 'too-large');
  });

  it('reports HTTP errors, refused connections and other schemes without throwing', async () => {
    const fetcher = createFetcher({ timeoutMs: 2000 });
    const gone = await fetcher.fetch(server.url('/gone'));
    assert.deepEqual(!gone.ok && [gone.code, gone.status], ['http-error', 410]);
    const refused = await fetcher.fetch('http://127.0.0.1:1/feed');
    assert.equal(!refused.ok && refused.code, 'network');
    const file = await fetcher.fetch('file:///etc/passwd');
    assert.equal(!file.ok && file.code, 'bad-url');
  });
});
