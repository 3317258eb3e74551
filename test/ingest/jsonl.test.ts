import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normaliseDate, parseJsonLine } from '../../src/ingest/index.js';

describe('parseJsonLine', () => {
  it('reads the known fields as hints and keeps the others in extra', () => {
    const r = parseJsonLine(JSON.stringify({ id: 17, url: 'https://herald.example/tram', title: 'Tram line extended', text: 'The council voted.', published: '2025-10-10', outlet: 'Brannock Herald', section: 'city', wordCount: 4 }), 'in.jsonl:1', 1e6);
    assert.ok(r.ok);
    assert.equal(r.id, '17');
    assert.equal(r.raw.kind, 'text');
    assert.deepEqual(r.raw.hints, { url: 'https://herald.example/tram', title: 'Tram line extended', published: '2025-10-10', outlet: 'Brannock Herald' });
    assert.deepEqual(r.extra, { section: 'city', wordCount: 4 });
  });

  it('prefers html when given', () => {
    const r = parseJsonLine('{"html": "<p>Body</p>", "text": "Body"}', 'x', 1e6);
    assert.ok(r.ok);
    assert.equal(r.raw.kind, 'html');
  });

  it('rejects malformed JSON, non-objects, lines without content and oversized lines with a code', () => {
    const code = (line: string, max = 1e6) => {
      const r = parseJsonLine(line, 'x', max);
      return r.ok ? 'ok' : r.code;
    };
    assert.equal(code('{"id": 1,'), 'bad-json');
    assert.equal(code('[1, 2]'), 'bad-json');
    assert.equal(code('{"id": "a", "text": "   "}'), 'no-content');
    assert.equal(code(JSON.stringify({ text: 'x'.repeat(100) }), 50), 'too-large');
  });

  it('normalises a readable date and keeps an unreadable one in extra', () => {
    const r = parseJsonLine(JSON.stringify({ text: 'Body text.', published: 'last Tuesday' }), 'x', 1e6);
    assert.ok(r.ok);
    assert.equal(r.raw.hints?.published, undefined);
    assert.deepEqual(r.extra, { publishedRaw: 'last Tuesday' });
    assert.equal(normaliseDate('2025-10-10T08:00:00Z'), '2025-10-10T08:00:00Z');
    assert.equal(normaliseDate('Fri, 10 Oct 2025 08:00:00 GMT'), '2025-10-10T08:00:00.000Z');
    assert.equal(normaliseDate('2025-10'), '2025-10');
  });
});
