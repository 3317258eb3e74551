import { test } from 'node:test';
import assert from 'node:assert/strict';
import { gzipSync } from 'node:zlib';
import { bytesToDocument } from '../../src/extract/read.js';
import { decodeHtml, decodeText } from '../../src/extract/charset.js';

test('an empty file is a clear failure', () => {
  const r = bytesToDocument('a.txt', new Uint8Array());
  assert.deepEqual(r, { file: 'a.txt', code: 'empty', error: 'the file is empty' });
});

test('binary data is refused, not decoded', () => {
  const png = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52, 0, 0, 1, 0]);
  const r = bytesToDocument('photo.html', png);
  assert.equal('code' in r && r.code, 'binary');
});

test('a truncated gzip file is reported as such', () => {
  const gz = gzipSync(Buffer.from('<html><body><p>Hello world, this is a page.</p></body></html>'));
  const r = bytesToDocument('page.html.gz', gz.subarray(0, gz.length - 12));
  assert.equal('code' in r && r.code, 'bad-gzip');
});

test('a gzip bomb stops at the inflated-size limit', () => {
  const gz = gzipSync(Buffer.alloc(5_000_000, 0x61));
  const r = bytesToDocument('bomb.txt.gz', gz, { maxBytes: 1e9, maxInflatedBytes: 1_000_000 });
  assert.equal('code' in r && r.code, 'too-large');
});

test('gzipped HTML is unpacked and recognised as HTML', () => {
  const r = bytesToDocument('page.html.gz', gzipSync(Buffer.from('<p>Grüße aus Köln</p>')));
  assert.ok(!('code' in r));
  assert.equal(r.kind, 'html');
  assert.equal(r.content, '<p>Grüße aus Köln</p>');
});

test('a page declaring windows-1251 decodes as Cyrillic', () => {
  const head = Buffer.from('<html><head><meta charset="windows-1251"></head><body>');
  const body = Buffer.from([0xcf, 0xf0, 0xe8, 0xe2, 0xe5, 0xf2]); // "Привет" in cp1251
  assert.match(decodeHtml(Buffer.concat([head, body])), /Привет/);
});

test('a page declaring latin-1 but holding UTF-8 decodes as UTF-8', () => {
  const bytes = Buffer.from('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1"><p>café</p>');
  assert.match(decodeHtml(bytes), /café/);
});

test('undeclared non-UTF-8 bytes fall back to windows-1252', () => {
  const bytes = Buffer.concat([Buffer.from('<p>caf'), Buffer.from([0xe9]), Buffer.from('</p>')]);
  assert.match(decodeHtml(bytes), /café/);
});

test('windows-1252 bytes 0x80–0x9F decode to the euro sign and curly quotes, not control characters', () => {
  // "a new €5 terrace fee, the “biggest rise”" as a windows-1252 page writes it.
  const head = Buffer.from('<meta charset="windows-1252"><p>a new ');
  const body = Buffer.from([0x80, 0x35, 0x20, 0x66, 0x65, 0x65, 0x2c, 0x20, 0x93, 0x62, 0x69, 0x67, 0x94, 0x20, 0x97, 0x20, 0x6f, 0x6b]);
  assert.match(decodeHtml(Buffer.concat([head, body, Buffer.from('</p>')])), /a new €5 fee, “big” — ok<\/p>/);
  assert.equal(decodeText(Buffer.from([0x93, 0x68, 0x69, 0x94, 0x20, 0xe9])), '“hi” é');
});
