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

test('an ASCII page declaring UTF-16 is read as UTF-8, as the HTML standard says', () => {
  const bytes = Buffer.from('<html><head><meta charset="utf-16"><title>Harbour plan</title></head><body><p>Ferries run at night.</p></body></html>');
  assert.match(decodeHtml(bytes), /Ferries run at night/);
  const r = bytesToDocument('page.html', bytes);
  assert.ok(!('code' in r) && /Harbour plan/.test(r.content));
});

test('UTF-16 without a BOM is read in its byte order, Latin or Cyrillic, not refused as binary', () => {
  const latin = 'Harbour plan approved.\n\nThe board voted on Tuesday to run ferries at night.';
  const cyrillic = 'Совет одобрил план гавани.\n\nПаромы будут ходить ночью, сообщил совет во вторник.';
  for (const text of [latin, cyrillic]) {
    const le = Buffer.from(text, 'utf16le');
    const be = Buffer.from(le).swap16();
    for (const bytes of [le, be]) {
      const r = bytesToDocument('story.txt', bytes);
      assert.ok(!('code' in r), JSON.stringify(r));
      assert.equal(r.content, text);
    }
  }
  // NULs at both positions are still binary.
  const noise = Uint8Array.from({ length: 400 }, (_, i) => (i % 3 === 0 ? 0 : (i * 37) % 256));
  assert.equal((bytesToDocument('x.txt', noise) as { code?: string }).code, 'binary');
});

test('undeclared windows-1251 and KOI8-R text decode as Cyrillic, undeclared Western text stays windows-1252', () => {
  const text = 'Совет одобрил новый план гавани. Паромы будут ходить ночью.';
  // Built from TextDecoder's own tables (Node has no encoder for them): each letter's byte in the encoding.
  const encode = (encoding: string): Uint8Array => {
    const table = new Map<string, number>();
    const decoded = new TextDecoder(encoding).decode(Uint8Array.from({ length: 256 }, (_, b) => b));
    [...decoded].forEach((c, b) => table.set(c, b));
    return Uint8Array.from([...text].map((c) => table.get(c)!));
  };
  assert.equal(decodeText(encode('windows-1251')), text);
  assert.equal(decodeText(encode('koi8-r')), text);
  assert.match(decodeHtml(Buffer.concat([Buffer.from('<html><body><p>'), encode('koi8-r'), Buffer.from('</p></body></html>')])), /Паромы будут ходить ночью/);
  const french = Buffer.concat([Buffer.from('Le conseil a approuv'), Buffer.from([0xe9]), Buffer.from(" le plan du port pour l'"), Buffer.from([0xe9]), Buffer.from('t'), Buffer.from([0xe9])]);
  assert.equal(decodeText(french), "Le conseil a approuvé le plan du port pour l'été");
});
